import i18next from 'i18next';
import { createElement } from 'react';
import type { ApplicationFilters, ExportFormat } from '../../../../src-shared/contract';
import { languageOf } from '../../../../src-shared/i18n';
import { invoke, invokeShell } from '../../api/client';
import { BackupRestoreDialog, formatBytes, type RestoreChoice } from './backupRestoreDialog';
import { fileErrorMessage, runExport, saveReportPdf } from './exportRun';
import { fileStatus } from './exportStatus';

/** File-menu actions that the files issue implements (exports, backups, restore). */
export type FileAction =
  | 'import'
  | 'export-excel'
  | 'export-csv'
  | 'export-json'
  | 'export-calendar'
  | 'export-pdf'
  | 'proof-of-search'
  | 'backup-now'
  | 'restore'
  | 'open-data-folder';

export interface FileActionContext {
  /** The filters of the screen the user is on, so a filtered view exports just what it shows. */
  filters: Record<string, unknown>;
  navigate(path: string): void;
}

/** The printable report; `print=1` makes it print (or save as PDF) once it has its data. */
export const reportPrintPath = '/report?print=1';

const exportFormats: Partial<Record<FileAction, ExportFormat>> = {
  'export-excel': 'excel',
  'export-csv': 'csv',
  'export-json': 'json',
  'export-calendar': 'calendar',
};

const t = () => i18next.getFixedT(null, ['files', 'common']);
const language = () => languageOf(i18next.resolvedLanguage ?? i18next.language);

async function exportWithProgress(format: ExportFormat, filters: ApplicationFilters): Promise<void> {
  const translate = t();
  try {
    const result = await fileStatus.track(translate(`files:exports.working.${format}`), () => runExport(format, filters, language(), translate));
    if (!result) return; // cancelled in the save dialog
    fileStatus.done(
      result.kind === 'file'
        ? translate(`files:exports.done.file.${format}`, { count: result.rows, path: result.path })
        : translate(`files:exports.done.download.${format}`, { count: result.rows, name: result.fileName }),
    );
  } catch (error) {
    fileStatus.failed(translate('files:exports.failed', { reason: fileErrorMessage(translate, error) }));
  }
}

/**
 * The report as PDF: in the desktop app saved where the user chooses (rendered by the Electron shell); in a
 * browser the report page opens and prints itself (the browser's print dialog saves PDFs).
 */
export async function exportReportPdf(navigate: (path: string) => void): Promise<void> {
  if (!window.candid) {
    navigate(reportPrintPath);
    return;
  }
  const translate = t();
  try {
    const saved = await fileStatus.track(translate('files:exports.working.pdf'), () => saveReportPdf(translate));
    if (saved) fileStatus.done(translate('files:exports.done.pdf', { path: saved.path }));
  } catch (error) {
    fileStatus.failed(translate('files:exports.failed', { reason: fileErrorMessage(translate, error) }));
  }
}

async function backUpNow(): Promise<void> {
  const translate = t();
  try {
    const backup = await fileStatus.track(translate('files:backups.working.create'), () => invoke('backups.create'));
    fileStatus.done(translate('files:backups.created', { size: formatBytes(backup.bytes, language()) }));
  } catch (error) {
    fileStatus.failed(translate('files:backups.createFailed', { reason: fileErrorMessage(translate, error) }));
  }
}

function chooseBackup(): Promise<RestoreChoice | null> {
  return new Promise((resolve) => {
    fileStatus.openDialog((close) =>
      createElement(BackupRestoreDialog, {
        onDone: (choice) => {
          close();
          resolve(choice);
        },
      }),
    );
  });
}

/** Restores a file, then offers Undo: restoring the state saved just before. */
async function restoreFrom(choice: RestoreChoice, undoing: boolean): Promise<void> {
  const translate = t();
  try {
    const result = await fileStatus.track(translate('files:backups.working.restore'), () => invoke('backups.restore', { path: choice.path }));
    if (undoing) {
      fileStatus.done(translate('files:backups.undone'));
      return;
    }
    const date = choice.createdAt
      ? new Intl.DateTimeFormat(language() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(choice.createdAt))
      : choice.name;
    fileStatus.done(translate('files:backups.restored', { date }), () => {
      void restoreFrom({ path: result.undo.path, name: result.undo.fileName, createdAt: result.undo.createdAt }, true);
    });
  } catch (error) {
    fileStatus.failed(translate('files:backups.restoreFailed', { reason: fileErrorMessage(translate, error) }));
  }
}

async function openDataFolder(navigate: (path: string) => void): Promise<void> {
  const translate = t();
  // A page cannot open a folder: the browser shell shows where it is (Settings, Data).
  if (!window.candid) {
    navigate('/settings?section=data');
    return;
  }
  try {
    await invokeShell('shell.openDataFolder', {});
  } catch (error) {
    fileStatus.failed(fileErrorMessage(translate, error));
  }
}

/** Runs a File menu or palette action. Never throws: progress, outcome and errors are shown to the user. */
export async function runFileAction(action: FileAction, context: FileActionContext): Promise<void> {
  const format = exportFormats[action];
  if (format) return exportWithProgress(format, context.filters as ApplicationFilters);
  switch (action) {
    case 'import':
      context.navigate('/import');
      return;
    case 'export-pdf':
      return exportReportPdf(context.navigate);
    case 'proof-of-search':
      return (await import('../searchReport/run')).produceSearchReport();
    case 'backup-now':
      return backUpNow();
    case 'restore': {
      const choice = await chooseBackup();
      if (choice) await restoreFrom(choice, false);
      return;
    }
    case 'open-data-folder':
      return openDataFolder(context.navigate);
  }
}

/** For the report's own buttons: the same exports as the File menu. */
export function exportFromReport(format: ExportFormat, filters: ApplicationFilters): Promise<void> {
  return exportWithProgress(format, filters);
}
