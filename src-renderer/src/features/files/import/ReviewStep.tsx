import { useTranslation } from 'react-i18next';
import type { ImportDuplicate, ImportOptions, ImportPreview } from '../../../../../src-shared/contract';
import { Button } from '../../../ui/Button';
import { useFormat } from '../../../ui/format';
import { columnName, problemMessage } from './messages';

/** How many problems and duplicates are drawn (the preview holds up to a thousand). */
const shownRows = 200;

function BackupSummary({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('files');
  const format = useFormat();
  const backup = preview.backup!;
  const count = (table: string) => format.number(backup.tables[table] ?? 0);
  return (
    <section className="card imp-review-card" aria-labelledby="imp-backup-title">
      <h2 id="imp-backup-title">{t('imports.backup.title')}</h2>
      {backup.exportedAt && <p>{t('imports.backup.exportedAt', { date: format.dateTime(backup.exportedAt) })}</p>}
      <p>
        {t('imports.backup.tables', {
          applications: count('applications'),
          companies: count('companies'),
          contacts: count('contacts'),
          interviews: count('interviews'),
          tasks: count('tasks'),
          documents: count('documents'),
        })}
      </p>
      <p className={backup.databaseEmpty ? 'muted' : 'notice'}>{backup.databaseEmpty ? t('imports.backup.empty') : t('imports.backup.notEmpty')}</p>
      {(backup.tables.documents ?? 0) > 0 && <p className="muted imp-small">{t('imports.backup.documentsNote')}</p>}
    </section>
  );
}

function DuplicateLabel({ duplicate }: { duplicate: ImportDuplicate }) {
  const { t } = useTranslation('files');
  const { existing } = duplicate;
  const like =
    existing.kind === 'database'
      ? t('imports.review.duplicateOfSaved', { label: t('records:applicationLabel', { company: existing.companyName, position: existing.position }) })
      : t('imports.review.duplicateOfRow', { row: existing.row });
  return (
    <>
      {like} <span className="muted">({t(`imports.review.reasons.${duplicate.reason}`)})</span>
    </>
  );
}

/** Step 4: what will happen: rows ready, errors and warnings by row and column, duplicates, options; then import. */
export function ReviewStep({
  preview,
  options,
  onOption,
  onImport,
  importing,
}: {
  preview: ImportPreview;
  options: ImportOptions;
  onOption: (option: keyof ImportOptions, value: boolean) => void;
  onImport: () => void;
  importing: boolean;
}) {
  const { t } = useTranslation('files');
  const isBackup = preview.format === 'candid-backup';
  const { errors, warnings } = preview.problemCounts;
  const skippedDuplicates = options.skipDuplicates ? preview.duplicates.filter((duplicate) => !preview.problems.some((problem) => problem.row === duplicate.row && problem.severity === 'error')).length : 0;
  const toImport = options.skipInvalidRows || errors === 0 ? preview.importableRows - skippedDuplicates : 0;
  const blocked = isBackup ? !preview.backup?.databaseEmpty && !options.mergeBackup : errors > 0 && !options.skipInvalidRows;
  const problems = preview.problems.slice(0, shownRows);

  return (
    <div className="imp-review">
      {isBackup ? (
        <BackupSummary preview={preview} />
      ) : (
        <section className="card imp-review-card" aria-labelledby="imp-review-title">
          <h2 id="imp-review-title">{t('imports.review.title')}</h2>
          <p className="imp-ready">
            <strong>{t('imports.review.ready', { count: preview.importableRows })}</strong>{' '}
            <span className="muted">{t('imports.review.ofRows', { count: preview.rowCount })}</span>
          </p>
          <ul className="imp-counters">
            <li data-kind="error" data-zero={errors === 0 || undefined}>{t('imports.review.errors', { count: errors })}</li>
            <li data-kind="warning" data-zero={warnings === 0 || undefined}>{t('imports.review.warnings', { count: warnings })}</li>
            <li data-kind="duplicate" data-zero={preview.duplicateCount === 0 || undefined}>{t('imports.review.duplicates', { count: preview.duplicateCount })}</li>
          </ul>
          {problems.length === 0 && preview.duplicateCount === 0 && <p className="muted">{t('imports.review.noProblems')}</p>}
          {problems.length > 0 && (
            <div className="imp-list-scroll">
              <table className="imp-problems">
                <tbody>
                  {problems.map((problem, index) => (
                    <tr key={index} data-severity={problem.severity}>
                      <th scope="row">{problem.row === null ? t('imports.review.wholeFile') : t('imports.review.row', { row: problem.row })}</th>
                      <td className="imp-problem-column">{problem.column === null ? '' : columnName(t, preview, problem.column)}</td>
                      <td>{problemMessage(t, problem, preview.customFields)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.problems.length < errors + warnings || problems.length < preview.problems.length ? (
            <p className="muted imp-small">{t('imports.review.listed', { shown: problems.length, count: errors + warnings })}</p>
          ) : null}
          {preview.duplicateCount > 0 && (
            <div className="imp-list-scroll">
              <table className="imp-problems">
                <tbody>
                  {preview.duplicates.slice(0, shownRows).map((duplicate) => (
                    <tr key={duplicate.row} data-severity="duplicate">
                      <th scope="row">{t('imports.review.row', { row: duplicate.row })}</th>
                      <td colSpan={2}>
                        <DuplicateLabel duplicate={duplicate} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}

      <section className="card imp-review-card" aria-labelledby="imp-options-title">
        <h2 id="imp-options-title" className="section-title">
          {t('imports.review.options')}
        </h2>
        {isBackup ? (
          !preview.backup?.databaseEmpty && (
            <label className="imp-check">
              <input type="checkbox" checked={options.mergeBackup ?? false} onChange={(event) => onOption('mergeBackup', event.target.checked)} />
              {t('imports.review.mergeBackup')}
            </label>
          )
        ) : (
          <>
            <label className="imp-check">
              <input type="checkbox" checked={options.skipInvalidRows ?? false} onChange={(event) => onOption('skipInvalidRows', event.target.checked)} />
              {t('imports.review.skipInvalidRows')}
            </label>
            <label className="imp-check">
              <input type="checkbox" checked={options.skipDuplicates ?? false} onChange={(event) => onOption('skipDuplicates', event.target.checked)} />
              {t('imports.review.skipDuplicates')}
            </label>
            <label className="imp-check">
              <input type="checkbox" checked={options.unmappedToNotes ?? false} onChange={(event) => onOption('unmappedToNotes', event.target.checked)} />
              {t('imports.review.unmappedToNotes')}
            </label>
          </>
        )}
        {blocked && !isBackup && <p className="notice">{t('imports.review.blocked')}</p>}
        <p className="muted imp-small">{t('imports.review.safety')}</p>
        <div className="imp-actions">
          <Button variant="primary" icon="upload" disabled={blocked || importing || (!isBackup && toImport <= 0)} onClick={onImport}>
            {isBackup ? t('imports.review.importBackup') : t('imports.review.import', { count: Math.max(toImport, 0) })}
          </Button>
        </div>
      </section>
    </div>
  );
}
