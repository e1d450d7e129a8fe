import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ImportResult, ImportSummary } from '../../../../../src-shared/contract';
import { invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/issues';

/** Rows not imported, and why. */
function Skipped({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('imports');
  if (summary.skippedCount === 0) return null;
  const reason = (code: string) => t(`summary.${code === 'duplicate' ? 'duplicate' : code}`, { defaultValue: t(`summary.kinds.${code}`, { defaultValue: code }) });
  return (
    <section className="imp-summary-group" aria-labelledby="imp-skipped-title">
      <h3 id="imp-skipped-title">{t('summary.skippedTitle')}</h3>
      <ul className="imp-summary-list">
        {summary.skipped.map((item) => (
          <li key={`${item.row}:${item.column ?? ''}`}>
            {t(item.column === null ? 'summary.skippedRow' : 'summary.skippedCard', {
              row: item.row,
              column: (item.column ?? 0) + 1,
              reasons: item.reasons.map(reason).join(', '),
            })}
          </li>
        ))}
        {summary.skippedCount > summary.skipped.length && <li className="muted">{t('summary.more', { count: summary.skippedCount - summary.skipped.length })}</li>}
      </ul>
    </section>
  );
}

/** Warnings by kind, each naming the applications it concerns with a link to each. */
function Warnings({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation('imports');
  if (summary.warnings.length === 0) return null;
  return (
    <section className="imp-summary-group" aria-labelledby="imp-warnings-title">
      <h3 id="imp-warnings-title">{t('summary.warningsTitle')}</h3>
      <p className="muted imp-small">{t('summary.keptInNotes')}</p>
      {summary.warnings.map((group) => (
        <details key={group.code} className="imp-warning-group" data-code={group.code}>
          <summary>{t('summary.warningGroup', { count: group.count, label: t(`summary.kinds.${group.code}`) })}</summary>
          <ul className="imp-summary-list">
            {group.items.map((item, index) => (
              <li key={index}>
                {item.applicationId ? <Link to={`/applications/${item.applicationId}`}>{t('summary.open', { row: item.row })}</Link> : t('summary.open', { row: item.row })}
                {item.value && <span className="muted"> · “{item.value}”</span>}
              </li>
            ))}
            {group.count > group.items.length && <li className="muted">{t('summary.more', { count: group.count - group.items.length })}</li>}
          </ul>
        </details>
      ))}
    </section>
  );
}

/** Step 5: what was imported, skipped and kept with warnings, and the way back (restore the backup taken just before). */
export function DoneStep({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const { t } = useTranslation('files');
  const navigate = useNavigate();
  const [undo, setUndo] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const { summary } = result;

  const undoImport = async () => {
    if (!result.backup) return;
    setUndo('running');
    setError(null);
    try {
      await invoke('backups.restore', { path: result.backup.path });
      setUndo('done');
    } catch (failure) {
      setError(errorMessage(t, failure));
      setUndo('idle');
    }
  };

  const lines = [
    t('imports.done.created', { count: result.created }),
    result.companiesCreated > 0 && t('imports.done.companies', { count: result.companiesCreated }),
    summary && summary.contacts > 0 && t('imports:summary.contacts', { count: summary.contacts }),
    summary && summary.stageEvents > 0 && t('imports:summary.events', { count: summary.stageEvents }),
    result.skippedInvalid > 0 && t('imports.done.skippedInvalid', { count: result.skippedInvalid }),
    result.skippedDuplicates > 0 && t('imports.done.skippedDuplicates', { count: result.skippedDuplicates }),
  ].filter(Boolean);

  return (
    <section className="card imp-done" aria-labelledby="imp-done-title">
      <h2 id="imp-done-title">{t('imports.done.title')}</h2>
      <ul className="imp-done-list" role="status">
        {lines.map((line) => (
          <li key={String(line)}>{line}</li>
        ))}
      </ul>
      {summary && undo !== 'done' && (
        <>
          <Skipped summary={summary} />
          <Warnings summary={summary} />
        </>
      )}
      {undo === 'done' && (
        <p className="notice" role="status">
          {t('imports.done.undone')}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="imp-actions">
        {undo !== 'done' && (
          <Button variant="primary" icon="arrowRight" onClick={() => navigate('/applications')}>
            {t('imports.done.view')}
          </Button>
        )}
        {result.backup && undo !== 'done' && (
          <Button icon="history" onClick={() => void undoImport()} disabled={undo === 'running'} title={t('imports.done.undoHint')}>
            {t('imports.done.undo')}
          </Button>
        )}
        <Button variant="ghost" onClick={onAnother}>
          {t('imports.done.another')}
        </Button>
      </div>
      {result.backup && undo === 'idle' && <p className="muted imp-small">{t('imports.done.undoHint')}</p>}
    </section>
  );
}
