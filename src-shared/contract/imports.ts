import { z } from 'zod';
import { id } from './common';
import { employmentTypes, schedules, workModes } from './enums';

/**
 * Imports: a spreadsheet (CSV, XLSX), a JSON array of applications or a Candid JSON backup becomes applications,
 * after a preview that shows what will happen (see docs/imports.md). Preview and run take the same inputs, so the
 * wizard previews exactly what it will import.
 */

const MB = 1024 * 1024;

export const importLimits = {
  /** Files above this are refused before they are read whole. */
  maxFileBytes: 100 * MB,
  /** Rows of the file shown in the preview table. */
  previewRows: 50,
  /** Problems and duplicates listed in a preview (all of them are counted). */
  maxListed: 1000,
  /** Distinct values listed per mapped column (stage, type …) for the value mapping. */
  maxDistinctValues: 300,
  maxColumns: 500,
} as const;

/** Base64 text of `bytes` bytes is this long: main refuses longer content before decoding it. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** A file the user picked: a path (desktop app, tests, scripts) or its content in base64 (browser upload). */
export const fileSource = z.union([
  z
    .object({
      path: z.string().min(1).max(4096),
      /** Shown to the user and used to guess the format; defaults to the path's base name. */
      fileName: z.string().trim().min(1).max(255).optional(),
    })
    .strict(),
  z
    .object({
      /** Its size is checked in main against the domain's limit, with an error naming the file and the limit. */
      content: z.base64(),
      fileName: z.string().trim().min(1).max(255),
    })
    .strict(),
]);
export type FileSource = z.output<typeof fileSource>;
export const importSource = fileSource;
export type ImportSource = z.input<typeof importSource>;

export const importFormats = ['csv', 'xlsx', 'json', 'candid-backup'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export const csvDelimiters = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** How a date such as 03/04/2024 reads: 3 April (day first) or March 4 (month first). */
export const dateOrders = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof dateOrders)[number];

/** What a column of the file can become. Several columns may feed `notes` and `tags`; the others take one. */
export const importFields = [
  'company',
  'position',
  'appliedOn',
  'stage',
  'responseOn',
  'source',
  'employmentType',
  'workMode',
  'schedule',
  'location',
  'postingUrl',
  'salary',
  'notes',
  'description',
  'tags',
  'favorite',
  'deadline',
] as const;
export type ImportField = (typeof importFields)[number];
export const multiColumnFields: readonly ImportField[] = ['notes', 'tags'];
export const requiredImportFields: readonly ImportField[] = ['company', 'position'];
export const dateImportFields: readonly ImportField[] = ['appliedOn', 'responseOn', 'deadline'];

/** Fields whose values are chosen from a list: the wizard maps each distinct value of the file to one. */
export const valueMappedFields = ['stage', 'employmentType', 'workMode', 'schedule', 'source'] as const;
export type ValueMappedField = (typeof valueMappedFields)[number];

export const importSettings = z
  .object({
    /** XLSX: the sheet to read (default: the first one with data). */
    sheet: z.string().max(200).optional(),
    encoding: z.enum(importEncodings).optional(),
    delimiter: z.enum(csvDelimiters).optional(),
    /** Whether the first row holds column names (default: detected). */
    hasHeader: z.boolean().optional(),
    /** Per column index ("0", "1" …): how ambiguous dates read. Default: detected from all the column's values. */
    dateOrders: z.record(z.string().regex(/^\d{1,3}$/), z.enum(dateOrders)).optional(),
  })
  .strict();
export type ImportSettings = z.input<typeof importSettings>;

/** Column index -> field (null: not imported). Default: proposed from the header names. */
export const importMapping = z
  .array(z.enum(importFields).nullable())
  .max(importLimits.maxColumns)
  .refine((mapping) => {
    const seen = new Set<string>();
    for (const field of mapping) {
      if (field === null || multiColumnFields.includes(field)) continue;
      if (seen.has(field)) return false;
      seen.add(field);
    }
    return true;
  }, 'each field can come from one column only (except notes and tags)');
export type ImportMapping = z.input<typeof importMapping>;

const valueKey = z.string().max(500);
/**
 * Decisions for the values of the file (keys: the value as `valueKey` normalises it). A stage value maps to a
 * stage id; null means "leave empty" (the default stage for `stage`). Values left out use the proposal.
 */
export const importValueMaps = z
  .object({
    stage: z.record(valueKey, id.nullable()),
    employmentType: z.record(valueKey, z.enum(employmentTypes).nullable()),
    workMode: z.record(valueKey, z.enum(workModes).nullable()),
    schedule: z.record(valueKey, z.enum(schedules).nullable()),
    /** A built-in source id or the user's own name for it. */
    source: z.record(valueKey, z.string().trim().min(1).max(80).nullable()),
  })
  .partial()
  .strict();
export type ImportValueMaps = z.input<typeof importValueMaps>;

export const importOptions = z
  .object({
    /** Import the valid rows and skip the others (default: any error stops the whole import). */
    skipInvalidRows: z.boolean().default(false),
    /** Skip rows that look like an application already in the database or earlier in the file. */
    skipDuplicates: z.boolean().default(false),
    /** Append the non-empty values of unmapped columns to the notes ("Column: value"), so nothing is lost. */
    unmappedToNotes: z.boolean().default(false),
    /** Candid backups: add to a database that already has data (default: refuse unless it is empty). */
    mergeBackup: z.boolean().default(false),
  })
  .strict();
export type ImportOptions = z.input<typeof importOptions>;

/** Preview and run take the same input: the wizard previews exactly what it will import. */
export const importPreviewInput = z
  .object({
    source: importSource,
    settings: importSettings.optional(),
    mapping: importMapping.optional(),
    valueMaps: importValueMaps.optional(),
    options: importOptions.optional(),
  })
  .strict();
export type ImportPreviewInput = z.input<typeof importPreviewInput>;

export const importRunInput = importPreviewInput;
export type ImportRunInput = z.input<typeof importRunInput>;

export const importsChannelInputs = {
  'imports.preview': importPreviewInput,
  'imports.run': importRunInput,
} as const;

export interface ColumnDates {
  /** How slash dates of this column read (null: the column has none). */
  order: DateOrder | null;
  /** True when no value told day-first from month-first apart (every part ≤ 12): the order is a guess. */
  ambiguous: boolean;
  /** True when some values read only day-first and others only month-first. */
  mixed: boolean;
  /** How many non-empty values read as a date, out of how many non-empty values. */
  dates: number;
  values: number;
}

export interface ImportColumn {
  index: number;
  header: string;
  /** A few non-empty values, as text. */
  samples: string[];
  /** For columns mapped to a date field: how their dates read. */
  dates: ColumnDates | null;
}

export interface ImportValueChoice {
  /** Normalised value: the key of the value maps. */
  key: string;
  /** The value as it first appears in the file. */
  value: string;
  count: number;
  /** What it maps to: the user's choice, else the proposal; null: empty/default, undefined: unknown. */
  target: string | null | undefined;
  /** True when Candid recognised the value or the user chose; false for unknown values and for sources kept as typed. */
  resolved: boolean;
}

export type ImportProblemCode =
  | 'missing_required'
  | 'bad_date'
  | 'unknown_value'
  | 'too_long'
  | 'bad_url'
  | 'bad_number'
  | 'bad_boolean'
  | 'bad_salary'
  | 'response_before_applied'
  | 'invalid'
  | 'unmapped_required'
  | 'malformed_row';

export interface ImportProblem {
  /** Row as the user sees it in the file (spreadsheet line, or item number of a JSON array); null: the whole file. */
  row: number | null;
  /** Column index; null: the row as a whole. */
  column: number | null;
  field: ImportField | null;
  code: ImportProblemCode;
  /** Errors stop the import (unless invalid rows are skipped); warnings do not. */
  severity: 'error' | 'warning';
  /** The offending value, shortened. */
  value: string | null;
  /** English fallback; the UI translates `code`. */
  message: string;
  /** Extra facts for the translated message (e.g. max length). */
  params?: Record<string, string | number>;
}

export interface ImportDuplicate {
  row: number;
  reason: 'same_url' | 'similar_position';
  /** Where the earlier one is: an application already saved, or an earlier row of this file. */
  existing: { kind: 'database'; applicationId: string; companyName: string; position: string } | { kind: 'file'; row: number };
}

export interface DetectedImportSettings {
  encoding: ImportEncoding | null;
  /** True when the file starts with a byte order mark. */
  bom: boolean;
  delimiter: CsvDelimiter | null;
  /** True when some CSV fields are quoted. */
  quoted: boolean;
  hasHeader: boolean;
  sheet: string | null;
  sheets: string[];
  /** Detected order of the slash dates of each column mapped to a date field. */
  dateOrders: Record<string, DateOrder>;
}

export interface BackupSummary {
  /** Rows per table in the backup. */
  tables: Record<string, number>;
  exportedAt: string | null;
  databaseEmpty: boolean;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  format: ImportFormat;
  settings: DetectedImportSettings;
  columns: ImportColumn[];
  /** The mapping in effect (the given one, else the proposal). */
  mapping: (ImportField | null)[];
  /** The first rows, as text, with their row numbers. */
  rows: { row: number; cells: string[] }[];
  rowCount: number;
  values: Partial<Record<ValueMappedField, ImportValueChoice[]>>;
  problems: ImportProblem[];
  problemCounts: { errors: number; warnings: number; rowsWithErrors: number };
  duplicates: ImportDuplicate[];
  duplicateCount: number;
  /** Only for Candid backups. */
  backup: BackupSummary | null;
  /** Rows that would be created with the current choices (invalid ones not counted). */
  importableRows: number;
}

export interface ImportResult {
  format: ImportFormat;
  created: number;
  skippedInvalid: number;
  skippedDuplicates: number;
  companiesCreated: number;
  stageEvents: number;
  /** The snapshot taken before writing: "Undo import" restores it. */
  backup: { path: string; createdAt: string } | null;
  /** Candid backups: rows written per table. */
  tables?: Record<string, number>;
}

export interface ImportsOutputs {
  'imports.preview': ImportPreview;
  'imports.run': ImportResult;
}
