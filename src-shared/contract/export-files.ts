/**
 * The kinds of file an export writes and the names offered for them. Without zod, so that the renderer's first
 * screen can name a file without evaluating the whole contract.
 */

export type ExportFormat = 'excel' | 'statisticsWorkbook' | 'csv' | 'json' | 'calendar';
/** Every kind of file an export writes: the formats of the data exports and those of the proof-of-search report. */
export type ExportFileKind = ExportFormat | 'searchReportPdf' | 'searchReportCsv';

export const exportFileTypes: Record<ExportFileKind, { extension: string; mimeType: string; baseName: string }> = {
  excel: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', baseName: 'candid' },
  statisticsWorkbook: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', baseName: 'candid-statistics' },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', baseName: 'candid-applications' },
  json: { extension: 'json', mimeType: 'application/json', baseName: 'candid-backup' },
  calendar: { extension: 'ics', mimeType: 'text/calendar; charset=utf-8', baseName: 'candid-interviews' },
  searchReportPdf: { extension: 'pdf', mimeType: 'application/pdf', baseName: 'candid-proof-of-search' },
  searchReportCsv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', baseName: 'candid-proof-of-search' },
};

/** Binary files travel in an answer as base64; text as itself. */
export const binaryExportExtensions: readonly string[] = ['xlsx', 'pdf'];

/** The file name offered to the user, e.g. `candid-applications-2025-11-21.csv` (same in both shells). */
export function suggestedExportFileName(format: ExportFileKind, day: string): string {
  const type = exportFileTypes[format];
  return `${type.baseName}-${day}.${type.extension}`;
}
