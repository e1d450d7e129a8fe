import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importFields,
  multiColumnFields,
  requiredImportFields,
  stageCategories,
  stageColumnFields,
  type ImportColumn,
  type ImportPreview,
  type ImportProblem,
  type ImportTarget,
} from '../../../../../src-shared/contract';
import { useChannel } from '../../../api/hooks';
import { columnName, fieldLabel, problemMessage, reasonText, type CustomFieldNames } from './messages';

/** Problems by "row:column", to mark the cells of the preview table. */
function problemsByCell(problems: readonly ImportProblem[]): Map<string, ImportProblem> {
  const cells = new Map<string, ImportProblem>();
  for (const problem of problems) {
    if (problem.row === null || problem.column === null) continue;
    const key = `${problem.row}:${problem.column}`;
    if (!cells.has(key) || problem.severity === 'error') cells.set(key, problem);
  }
  return cells;
}

/** Why Candid proposed what it did for a column, and what it proposed when the user chose otherwise. */
function Explanation({ column, field, customFields }: { column: ImportColumn; field: ImportTarget | null; customFields: CustomFieldNames }) {
  const { t, i18n } = useTranslation('imports');
  const { proposal } = column;
  const reasons = proposal.reasons.map((reason) => reasonText(t, reason, i18n.language));
  const differs = proposal.field !== field;
  if (reasons.length === 0 && !differs) return null;
  return (
    <span className="imp-reason" data-testid={`imp-reason-${column.index}`}>
      {differs && (proposal.field ? t('proposed', { field: fieldLabel(t, proposal.field, customFields) }) : t('nothingProposed'))}
      {differs && reasons.length > 0 && ' · '}
      {reasons.join(' · ')}
    </span>
  );
}

/** For a column of steps or of board cards: the stage it stands for. */
function StageChoice({ preview, column, onChoose }: { preview: ImportPreview; column: ImportColumn; onChoose: (stageId: string | null) => void }) {
  const { t } = useTranslation('imports');
  const stages = useChannel('stages.list', undefined);
  const name = columnName(t, preview, column.index);
  return (
    <select
      className="select select-sm imp-stage-choice"
      aria-label={t('columnStage', { column: name })}
      aria-invalid={column.stage?.id ? undefined : true}
      value={column.stage?.id ?? ''}
      onChange={(event) => onChoose(event.target.value || null)}
    >
      {!column.stage?.id && (
        <option value="" disabled>
          {t('columnStageUnknown')}
        </option>
      )}
      {stageCategories.map((category) => {
        const options = (stages.data ?? []).filter((stage) => stage.category === category);
        return (
          options.length > 0 && (
            <optgroup key={category} label={t(`common:stageCategory.${category}`)}>
              {options.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name ?? t(`common:stageCategory.${category}`)}
                </option>
              ))}
            </optgroup>
          )
        );
      })}
    </select>
  );
}

/** Step 2: the first rows of the file, with what each column becomes above it, and why. */
export function ColumnsStep({
  preview,
  onMap,
  onStage,
}: {
  preview: ImportPreview;
  onMap: (column: number, field: ImportTarget | null) => void;
  onStage: (column: number, stageId: string | null) => void;
}) {
  const { t, i18n } = useTranslation('files');
  const cells = useMemo(() => problemsByCell(preview.problems), [preview.problems]);
  const board = preview.settings.layout === 'board';
  const missing = board ? [] : requiredImportFields.filter((field) => !preview.mapping.includes(field));
  const steps = preview.mapping.filter((field) => field === 'stageStep').length;
  const number = new Intl.NumberFormat(i18n.language);
  const customFields = preview.customFields ?? [];

  return (
    <section className="card imp-columns" aria-labelledby="imp-columns-title">
      <header className="imp-section-header">
        <h2 id="imp-columns-title">{t('imports.columns.title')}</h2>
        <p className="muted">{t('imports.columns.hint')}</p>
        {board && <p className="notice imp-small">{t('imports:layout.board')}</p>}
        {steps > 0 && <p className="notice imp-small">{t('imports:layout.steps', { count: steps })}</p>}
        {missing.length > 0 && (
          <p className="notice notice-error" role="alert">
            {t('imports.columns.required')}
          </p>
        )}
      </header>
      <div className="imp-table-scroll" tabIndex={0} role="region" aria-labelledby="imp-columns-title">
        <table className="imp-table">
          <thead>
            <tr>
              <th scope="col" className="imp-row-number" />
              {preview.columns.map((column) => {
                const name = columnName(t, preview, column.index);
                const field = preview.mapping[column.index] ?? null;
                return (
                  <th key={column.index} scope="col" data-mapped={field ? 'true' : 'false'}>
                    <span className="imp-header-name" title={name}>
                      {name}
                    </span>
                    <select
                      className="select select-sm"
                      aria-label={t('imports.columns.mapTo', { column: name })}
                      value={field ?? ''}
                      onChange={(event) => onMap(column.index, (event.target.value || null) as ImportTarget | null)}
                    >
                      <option value="">{t('imports.columns.ignore')}</option>
                      {importFields.map((option) => (
                        <option key={option} value={option}>
                          {fieldLabel(t, option)}
                          {requiredImportFields.includes(option) ? ' *' : ''}
                          {option !== field && !multiColumnFields.includes(option) && preview.mapping.includes(option) ? ' ✓' : ''}
                        </option>
                      ))}
                      {customFields.length > 0 && (
                        <optgroup label={t('imports:customFields.group')}>
                          {customFields.map((custom) => (
                            <option key={custom.target} value={custom.target}>
                              {t('imports:customFields.option', { name: custom.name, kind: t(`customFields:kind.${custom.kind}`) })}
                              {custom.target !== field && preview.mapping.includes(custom.target) ? ' ✓' : ''}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </select>
                    {field && stageColumnFields.includes(field) && <StageChoice preview={preview} column={column} onChoose={(stageId) => onStage(column.index, stageId)} />}
                    <Explanation column={column} field={field} customFields={customFields} />
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <th scope="row" className="imp-row-number">
                  {row.row}
                </th>
                {row.cells.map((cell, column) => {
                  const problem = cells.get(`${row.row}:${column}`);
                  return (
                    <td
                      key={column}
                      data-problem={problem?.severity}
                      data-unmapped={preview.mapping[column] ? undefined : 'true'}
                      title={problem ? problemMessage(t, problem, customFields) : cell}
                    >
                      {cell}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted imp-small">{t('imports.columns.shown', { shown: number.format(preview.rows.length), count: number.format(preview.rowCount) })}</p>
    </section>
  );
}
