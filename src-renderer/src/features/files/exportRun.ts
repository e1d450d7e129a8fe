import type { TFunction } from 'i18next';
import type { ApplicationFilters, ExportResult, JobChannel } from '../../../../src-shared/contract';
import { exportFileTypes, suggestedExportFileName, type ExportFileKind, type ExportFormat } from '../../../../src-shared/contract/export-files';
import { AppError } from '../../../../src-shared/errors';
import type { Language } from '../../../../src-shared/i18n';
import { invoke, invokeShell } from '../../api/client';
import { errorMessage } from '../../ui/issues';

const channels = {
  excel: 'exports.excel',
  statisticsWorkbook: 'exports.statisticsWorkbook',
  csv: 'exports.csv',
  json: 'exports.json',
  calendar: 'exports.calendar',
} as const satisfies Record<ExportFormat, JobChannel>;

/** The user's own date, `YYYY-MM-DD`, for file names. */
export function localDay(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * What an export asks for besides where it goes: the view's filters, the user's language and time zone. CSV
 * in French uses semicolons (French Excel reads `,` as the decimal mark); every CSV gets a byte order mark so that
 * Excel on Windows reads accents right.
 */
export function exportInput(format: ExportFormat, filters: ApplicationFilters, language: Language) {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  switch (format) {
    case 'json':
      return {};
    case 'csv':
      return { filters, language, timeZone, delimiter: language === 'fr' ? (';' as const) : (',' as const), bom: true };
    default:
      return { filters, language, timeZone };
  }
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Hands content from the app to the browser as a file download. */
export function download(result: Extract<ExportResult, { kind: 'content' }>): void {
  const data = result.encoding === 'base64' ? base64ToBytes(result.content) : result.content;
  const url = URL.createObjectURL(new Blob([data], { type: result.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = result.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only needs to live that long.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Runs one export the way the shell allows: in the desktop app the user picks where to save and the file is
 * written there; in a browser the content comes back and is downloaded. Null when the user cancelled.
 */
export function runExport(format: ExportFormat, filters: ApplicationFilters, language: Language, t: TFunction): Promise<ExportResult | null> {
  return saveOrDownload(channels[format], format, exportInput(format, filters, language), {
    title: t(`files:exports.dialogTitle.${format}`),
    filterName: t(`files:exports.filterName.${format}`),
  });
}

/** Asks the desktop app where to save a file of `kind` and has `channel` write it there, or downloads its content. */
export async function saveOrDownload(
  channel: JobChannel,
  kind: ExportFileKind,
  input: object,
  dialog: { title: string; filterName: string },
): Promise<ExportResult | null> {
  const call = invoke as (channel: string, input: unknown) => Promise<ExportResult>;
  if (window.candid) {
    // Writing the file is a job: its worker starts, and loads the export's code, while the user picks where to save,
    // not after (as the import wizard's does when it opens). At 100,000 applications the Excel export then ends 0.3
    // to 0.6 s sooner.
    invoke('jobs.prepare', { job: channel }).catch(() => undefined);
    const type = exportFileTypes[kind];
    const choice = await invokeShell('shell.showSaveDialog', {
      title: dialog.title,
      defaultName: suggestedExportFileName(kind, localDay()),
      filters: [{ name: dialog.filterName, extensions: [type.extension] }],
    });
    // The dialog's handle goes where the path goes: main turns it back into the file the user chose.
    if (!choice?.file) return null;
    return call(channel, { ...input, path: choice.file.handle });
  }
  const result = await call(channel, input);
  if (result.kind === 'content') download(result);
  return result;
}

/**
 * The desktop app's PDF report: the user picks where to save, the Electron shell renders the report page in a
 * hidden window (it reads the same view filters) and prints it to A4 there. Null when the user cancelled.
 */
export async function saveReportPdf(t: TFunction): Promise<{ path: string; bytes: number } | null> {
  const choice = await invokeShell('shell.showSaveDialog', {
    title: t('files:exports.dialogTitle.pdf'),
    defaultName: `candid-report-${localDay()}.pdf`,
    filters: [{ name: t('files:exports.filterName.pdf'), extensions: ['pdf'] }],
  });
  if (!choice?.file) return null;
  return invokeShell('shell.printReportToPdf', { path: choice.file.handle });
}

/**
 * The sentence for a failed file action, in the user's language: what is wrong with a chosen path or file when
 * the app says so, else the general message for the error's code.
 */
export function fileErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AppError && error.code === 'TOO_LARGE') return t('files:exports.tooLarge');
  if (error instanceof AppError && error.code === 'VALIDATION') {
    const issue = error.issues?.find((item) => item.path === 'path');
    const details = (error.details ?? {}) as Record<string, string>;
    if (issue && t(`files:exports.pathIssue.${issue.code}`, { defaultValue: '' })) return t(`files:exports.pathIssue.${issue.code}`, details);
    if (issue && t(`files:backups.issue.${issue.code}`, { defaultValue: '' })) return t(`files:backups.issue.${issue.code}`, details);
  }
  return errorMessage(t, error);
}
