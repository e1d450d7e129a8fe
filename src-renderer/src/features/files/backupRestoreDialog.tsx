import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../../src-shared/contract';
import { invoke, invokeShell } from '../../api/client';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { intlLocale, useFormat } from '../../ui/format';
import { fileErrorMessage } from './exportRun';

/** A size in kB or MB, the local way. */
export function formatBytes(bytes: number, language: string): string {
  const locale = intlLocale[language] ?? language;
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, bytes / 1000), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** What the user chose to restore: a listed backup, or a file picked in the desktop app. */
export interface RestoreChoice {
  /** A listed backup's path, or the handle the open dialog gave for the picked file. */
  path: string;
  /** The file's name, to show. */
  name: string;
  /** When the backup was taken; null for a picked file. */
  createdAt: string | null;
}

/**
 * Lists the backups (newest first) to pick one, then asks for confirmation: restoring replaces everything. In the
 * desktop app any Candid database file can be picked instead.
 */
export function BackupRestoreDialog({ onDone }: { onDone: (choice: RestoreChoice | null) => void }) {
  const { t, i18n } = useTranslation(['files', 'common']);
  const format = useFormat();
  const [open, setOpen] = useState(true);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<RestoreChoice | null>(null);

  useEffect(() => {
    invoke('backups.list').then(setBackups, (error: unknown) => setProblem(fileErrorMessage(t, error)));
  }, [t]);

  const finish = (choice: RestoreChoice | null) => {
    setOpen(false);
    onDone(choice);
  };

  const pickFile = async () => {
    const picked = await invokeShell('shell.showOpenDialog', {
      title: t('files:backups.dialog.title'),
      filters: [{ name: 'Candid', extensions: ['sqlite', 'db'] }],
    });
    const file = picked?.files[0];
    if (file) setChosen({ path: file.handle, name: file.name, createdAt: null });
  };

  const when = (choice: RestoreChoice) => (choice.createdAt ? format.dateTime(choice.createdAt) : choice.name);

  if (chosen) {
    return (
      <Dialog
        open={open}
        onClose={() => finish(null)}
        title={t('files:backups.dialog.confirmTitle')}
        footer={
          <>
            <Button onClick={() => setChosen(null)}>{t('files:backups.dialog.cancel')}</Button>
            <Button variant="danger" onClick={() => finish(chosen)} autoFocus>
              {t('files:backups.dialog.confirmButton')}
            </Button>
          </>
        }
      >
        <p>{t('files:backups.dialog.confirm', { date: when(chosen) })}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={() => finish(null)}
      title={t('files:backups.dialog.title')}
      width="min(680px, calc(100vw - 48px))"
      footer={
        <>
          {window.candid && (
            <Button icon="folder" onClick={() => void pickFile()}>
              {t('files:backups.dialog.otherFile')}
            </Button>
          )}
          <Button onClick={() => finish(null)}>{t('files:backups.dialog.cancel')}</Button>
        </>
      }
    >
      <p className="backup-dialog-note">{t('files:backups.dialog.description')}</p>
      {problem && <p role="alert">{problem}</p>}
      {backups === null && !problem && <p role="status">{t('common:loading')}</p>}
      {backups?.length === 0 && <p>{t('files:backups.dialog.empty')}</p>}
      {backups && backups.length > 0 && (
        <table className="backup-list">
          <thead>
            <tr>
              <th scope="col">{t('files:backups.dialog.date')}</th>
              <th scope="col">{t('files:backups.dialog.reason')}</th>
              <th scope="col">{t('files:backups.dialog.size')}</th>
              <th scope="col">
                <span className="sr-only">{t('files:backups.dialog.choose')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.path}>
                <td>{format.dateTime(backup.createdAt)}</td>
                <td>{t(`files:backups.reason.${backup.reason}`)}</td>
                <td className="backup-size">{formatBytes(backup.bytes, i18n.language)}</td>
                <td>
                  <Button size="sm" onClick={() => setChosen({ path: backup.path, name: backup.fileName, createdAt: backup.createdAt })}>
                    {t('files:backups.dialog.choose')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
