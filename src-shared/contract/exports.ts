import { z } from 'zod';
import { applicationFilters } from './applications';
import { storedDay, storedInstant } from './dates';
import { employmentTypes, interviewFormats, interviewOutcomes, interviewStatuses, interviewTypes, salaryPeriods, schedules, stageCategories, workModes } from './enums';

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

export const exportsChannelInputs = {
  'exports.excel': exportExcelInput,
  'exports.statisticsWorkbook': exportStatisticsWorkbookInput,
  'exports.csv': exportCsvInput,
  'exports.json': exportJsonInput,
  'exports.calendar': exportCalendarInput,
} as const;

export type ExportFormat = 'excel' | 'statisticsWorkbook' | 'csv' | 'json' | 'calendar';

export const exportFileTypes: Record<ExportFormat, { extension: string; mimeType: string; baseName: string }> = {
  excel: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', baseName: 'candid' },
  statisticsWorkbook: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', baseName: 'candid-statistics' },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', baseName: 'candid-applications' },
  json: { extension: 'json', mimeType: 'application/json', baseName: 'candid-backup' },
  calendar: { extension: 'ics', mimeType: 'text/calendar; charset=utf-8', baseName: 'candid-interviews' },
};

/** The file name offered to the user, e.g. `candid-applications-2025-11-21.csv` (same in both shells). */
export function suggestedExportFileName(format: ExportFormat, day: string): string {
  const type = exportFileTypes[format];
  return `${type.baseName}-${day}.${type.extension}`;
}

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
}

// ---------------------------------------------------------------------------------------------------------------
// The JSON backup format (docs/json-backup.md). Rows are the database rows as stored: snake_case columns, SQL
// values (text, integers, null; booleans 0/1; lists as JSON text), soft-deleted rows included. That is exactly the
// `Fields` shape the one write path takes, so an importer can hand each row to `write.insert(table, row, row.id)`.
// ---------------------------------------------------------------------------------------------------------------

export const jsonBackupFormat = 'candid-backup';
export const jsonBackupFormatVersion = 1;

const sqlValue = z.union([z.string(), z.number(), z.null()]);
const text = z.string();
const nullableText = z.string().nullable();
const integer = z.number().int();
const nullableInteger = z.number().int().nullable();
const flag = z.union([z.literal(0), z.literal(1)]);
/** Dates are bounded like every date Candid takes (dates.ts): a backup of a damaged database is refused, not spread. */
const nullableInstant = storedInstant.nullable();
const nullableEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable();
/** A JSON array of strings, stored as text. */
const jsonStringList = z.string().refine((value) => {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}, 'must be a JSON array of strings');

/**
 * One row: the known columns typed, and any column a later schema adds kept as a plain SQL value, so that a
 * backup stays readable when a migration adds a column.
 */
const rowOf = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ id: z.string().min(1), ...shape, created_at: storedInstant, updated_at: storedInstant, deleted_at: nullableInstant }).catchall(sqlValue);

export const jsonBackupRowSchemas = {
  stages: rowOf({ name: nullableText, category: z.enum(stageCategories), position: integer }),
  sources: rowOf({ name: text }),
  tags: rowOf({ name: text, name_key: text, color: nullableText }),
  companies: rowOf({
    name: text,
    name_key: text,
    website: nullableText,
    industry: nullableText,
    size: nullableText,
    location: nullableText,
    notes: nullableText,
  }),
  contacts: rowOf({
    name: text,
    role: nullableText,
    email: nullableText,
    phone: nullableText,
    linkedin_url: nullableText,
    company_id: nullableText,
    notes: nullableText,
  }),
  applications: rowOf({
    company_id: text,
    position: text,
    employment_type: nullableEnum(employmentTypes),
    schedule: nullableEnum(schedules),
    work_mode: nullableEnum(workModes),
    location: nullableText,
    source: nullableText,
    applied_on: storedDay,
    posting_url: nullableText,
    description: nullableText,
    salary_min: nullableInteger,
    salary_max: nullableInteger,
    salary_currency: nullableText,
    salary_period: nullableEnum(salaryPeriods),
    required_skills: jsonStringList,
    preferred_skills: jsonStringList,
    experience_years: nullableInteger,
    resume_version: nullableText,
    notes: nullableText,
    favorite: flag,
    priority: nullableInteger,
    excitement: nullableInteger,
    deadline: storedDay,
    archived: flag,
    first_response_on: storedDay,
    /** Derived from the stage history; informative, recomputed on import. */
    stage_id: text,
    stage_category: z.enum(stageCategories),
    stage_changed_at: storedInstant,
  }),
  stage_events: rowOf({
    application_id: text,
    from_stage_id: nullableText,
    to_stage_id: text,
    occurred_at: storedInstant,
    note: nullableText,
    /** Added in schema 95; absent from older backups (then 0). */
    date_unknown: flag.optional(),
  }),
  application_tags: rowOf({ application_id: text, tag_id: text }),
  application_contacts: rowOf({ application_id: text, contact_id: text }),
  interviews: rowOf({
    application_id: text,
    scheduled_at: storedInstant,
    duration_minutes: nullableInteger,
    type: nullableEnum(interviewTypes),
    format: nullableEnum(interviewFormats),
    location: nullableText,
    meeting_url: nullableText,
    interviewers: nullableText,
    status: z.enum(interviewStatuses),
    outcome: nullableEnum(interviewOutcomes),
    notes: nullableText,
  }),
  tasks: rowOf({
    title: text,
    due_on: storedDay,
    done_at: nullableInstant,
    application_id: nullableText,
    notes: nullableText,
  }),
  profile: rowOf({
    name: nullableText,
    skills: jsonStringList,
    weekly_goal: nullableInteger,
    locale: nullableText,
    theme: text,
    default_currency: text,
  }),
};

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
      // A table a later schema adds (documents…) is kept as rows of plain SQL values.
      .catchall(z.array(z.record(z.string(), sqlValue))),
  })
  .strict();
export type JsonBackup = z.output<typeof jsonBackupSchema>;
