import { z } from 'zod';
import { applicationFilters } from './applications';
import { jsonBackupRowSchemas } from './backup-rows';
import { calendarDate } from './common';

export { jsonBackupRowSchemas, backupRowProblems } from './backup-rows';

/** Languages the exported labels (headers, stage and type names) can be written in. */
export const exportLanguages = ['en', 'fr'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

/**
 * Where an export goes. A path (absolute, in an existing folder; the desktop shell gets it from a save dialog):
 * the file is written there. No path (the browser shell): the content comes back in the answer and the page
 * turns it into a download.
 */
const outputPath = z.string().trim().min(1, 'must not be empty').max(4096).optional();

/** An IANA zone such as Europe/Paris: date-times are written as wall-clock times there (Excel has no zones). */
const timeZone = z
  .string()
  .trim()
  .max(100)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris');

/** What every export of the applications takes: the view's filters, so a filtered view exports just what it shows. */
const filteredExport = {
  filters: applicationFilters.default({}),
  language: z.enum(exportLanguages).default('en'),
  timeZone: timeZone.optional(),
  path: outputPath,
};

export const exportExcelInput = z.object(filteredExport).strict();
export type ExportExcelInput = z.input<typeof exportExcelInput>;

export const exportStatisticsWorkbookInput = z.object(filteredExport).strict();

export const exportCsvDelimiters = [',', ';'] as const;
export const exportCsvInput = z
  .object({
    ...filteredExport,
    /** `;` is what Excel expects in French (and other comma-decimal) locales. */
    delimiter: z.enum(exportCsvDelimiters).default(','),
    /** A UTF-8 byte order mark, so Excel on Windows reads accents right. */
    bom: z.boolean().default(false),
  })
  .strict();
export type ExportCsvInput = z.input<typeof exportCsvInput>;

export const exportCalendarInput = z.object(filteredExport).strict();

/** The JSON backup is everything, always: filters do not apply. */
export const exportJsonInput = z.object({ path: outputPath }).strict().default({});

/**
 * Proof-of-search reports (issue 15, item 4): the activity of a period (applications, interviews, follow-ups) in
 * the columns of France Travail's "actes positifs de recherche d'emploi", a German job centre's Nachweis der
 * Eigenbemühungen, or a US state's work-search log.
 */
export const searchReportTemplates = ['franceTravail', 'jobcentre', 'usWorkSearch'] as const;
export type SearchReportTemplate = (typeof searchReportTemplates)[number];
export const searchReportFormats = ['pdf', 'csv'] as const;
export type SearchReportFormat = (typeof searchReportFormats)[number];

export const exportSearchReportInput = z
  .object({
    from: calendarDate,
    to: calendarDate,
    template: z.enum(searchReportTemplates),
    format: z.enum(searchReportFormats).default('pdf'),
    language: z.enum(exportLanguages).default('en'),
    /** Interviews are dated in this zone (they are stored as instants); UTC when not given. */
    timeZone: timeZone.optional(),
    path: outputPath,
    delimiter: z.enum(exportCsvDelimiters).default(','),
    bom: z.boolean().default(false),
  })
  .strict()
  .refine((input) => input.from <= input.to, { message: 'must not be before the start of the period', path: ['to'] });
export type ExportSearchReportInput = z.input<typeof exportSearchReportInput>;

export const exportsChannelInputs = {
  'exports.excel': exportExcelInput,
  'exports.statisticsWorkbook': exportStatisticsWorkbookInput,
  'exports.csv': exportCsvInput,
  'exports.json': exportJsonInput,
  'exports.calendar': exportCalendarInput,
  'exports.searchReport': exportSearchReportInput,
} as const;

export { binaryExportExtensions, exportFileTypes, suggestedExportFileName, type ExportFileKind, type ExportFormat } from './export-files';

/** Written to the given path, or handed back for the page to download. */
export type ExportResult =
  | { kind: 'file'; path: string; bytes: number; rows: number }
  | {
      kind: 'content';
      fileName: string;
      mimeType: string;
      /** base64 for binary files (xlsx), utf8 text otherwise. */
      encoding: 'utf8' | 'base64';
      content: string;
      bytes: number;
      rows: number;
    };

export interface ExportsOutputs {
  'exports.excel': ExportResult;
  'exports.statisticsWorkbook': ExportResult;
  'exports.csv': ExportResult;
  'exports.json': ExportResult;
  'exports.calendar': ExportResult;
  'exports.searchReport': ExportResult;
}

// ---------------------------------------------------------------------------------------------------------------
// The JSON backup format (docs/json-backup.md). Rows are the database rows as stored: snake_case columns, SQL
// values (text, integers, null; booleans 0/1; lists as JSON text), soft-deleted rows included. That is exactly the
// `Fields` shape the one write path takes, so an importer can hand each row to `write.insert(table, row, row.id)`.
// ---------------------------------------------------------------------------------------------------------------

export const jsonBackupFormat = 'candid-backup';
export const jsonBackupFormatVersion = 1;

export type JsonBackupTable = keyof typeof jsonBackupRowSchemas;

/** Tables in an order where every row comes after the rows it refers to (import them in this order). */
export const jsonBackupTables = Object.keys(jsonBackupRowSchemas) as JsonBackupTable[];

export const jsonBackupSchema = z
  .object({
    format: z.literal(jsonBackupFormat),
    formatVersion: z.literal(jsonBackupFormatVersion),
    /** PRAGMA user_version of the database that was exported (the migration it had reached). */
    schemaVersion: z.number().int().min(1),
    appVersion: z.string(),
    exportedAt: z.iso.datetime(),
    tables: z
      .object(
        Object.fromEntries(jsonBackupTables.map((table) => [table, z.array(jsonBackupRowSchemas[table]).default([])])) as {
          [T in JsonBackupTable]: z.ZodDefault<z.ZodArray<(typeof jsonBackupRowSchemas)[T]>>;
        },
      )
      // A table this version does not know: the importer refuses it as written by a newer Candid.
      .catchall(z.unknown()),
  })
  .strict();
export type JsonBackup = z.output<typeof jsonBackupSchema>;
