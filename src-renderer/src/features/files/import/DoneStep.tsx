import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportResult } from '../../../../../src-shared/contract';
import { invoke } from '../../../api/client';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/issues';

/** Step 5: what was imported, and the way back (restore the backup taken just before). */
export function DoneStep({ result, onAnother }: { result: ImportResult; onAnother: () => void }) {
  const { t } = useTranslation('files');
  const navigate = useNavigate();
  const [undo, setUndo] = useState<'idle' | 'running' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);

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
