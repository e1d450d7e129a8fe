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
  /** Files above this are refused before they are read. */
  maxFileBytes: 100 * MB,
  /** Rows of the file shown in the preview table. */
  previewRows: 50,
  /** Problems and duplicates listed in a preview (all of them are counted). */
  maxListed: 1000,
  /** Distinct values listed per mapped column (stage, type …) for the value mapping. */
  maxDistinctValues: 300,
  maxColumns: 500,
  /**
   * What a file may hold, checked while it is read (files are streamed, never held whole): above these it is
   * refused with TOO_LARGE before memory runs out. A million rows is ten times the largest job search we measured.
   */
  maxRows: 1_000_000,
  /** Cells read (non-empty or not), over the whole sheet or file. */
  maxCells: 12_000_000,
  /** A longer cell is cut there (the longest text any field takes), with a warning. */
  maxCellChars: 200_000,
  /** What the preview shows of one cell. */
  previewCellChars: 300,
  /** Uncompressed size of one part of a workbook: a worksheet, the shared strings, anything else. */
  maxSheetPartBytes: 320 * MB,
  maxSharedStringsBytes: 64 * MB,
  maxOtherPartBytes: 16 * MB,
  /** Parts in a workbook's zip directory. */
  maxZipEntries: 5_000,
} as const;

/** Base64 text of `bytes` bytes is this long: main refuses longer content before decoding it. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * Whether `text` is standard base64 (padded). One pass over the character codes: zod's own base64 format runs a
 * regular expression that took 5 s on a 30 MB upload on a loaded machine, on the thread that serves every window.
 */
function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  let end = text.length;
  if (text.charCodeAt(end - 1) === 61) end -= text.charCodeAt(end - 2) === 61 ? 2 : 1;
  for (let index = 0; index < end; index += 1) {
    const code = text.charCodeAt(index);
    const letterOrDigit = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!letterOrDigit && code !== 43 && code !== 47) return false;
  }
  return true;
}

/** Base64 content, with the issue zod's base64 format reports (so errors read the same). */
const base64Content = z.string().check((context) => {
  if (!isBase64(context.value)) {
    context.issues.push({ code: 'invalid_format', format: 'base64', input: context.value, message: 'Invalid base64-encoded string' });
  }
});

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
      content: base64Content,
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

/**
 * What a column of the file can become. Several columns may feed `notes`, `tags` and the skills, and a file may have several
 * `stageCards` columns (a board: each cell is one application in the column's stage, "Company — Position") or
 * `stageStep` columns (one per step of the process, holding the date it was reached or a mark); the others take one.
 */
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
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'salaryPeriod',
  'notes',
  'description',
  'tags',
  'requiredSkills',
  'preferredSkills',
  'experienceYears',
  'resumeVersion',
  'favorite',
  'archived',
  'deadline',
  'priority',
  'excitement',
  'contactName',
  'contactRole',
  'contactEmail',
  'contactPhone',
  'contactLinkedin',
  'stageStep',
  'stageCards',
] as const;
export type ImportField = (typeof importFields)[number];
/**
 * A column can also become one of the user's custom fields (src-shared/contract/customFields.ts): `custom:<field id>`.
 * Each takes one column; its values are checked by the field's kind (text, number, date, choice).
 */
export type CustomFieldTarget = `custom:${string}`;
/** What a column of the file can become: a field of the application, or a custom field. */
export type ImportTarget = ImportField | CustomFieldTarget;
const customTargetPattern = /^custom:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const customFieldTarget = (fieldId: string): CustomFieldTarget => `custom:${fieldId.toLowerCase()}`;
/** The custom field a target stands for, else null (a field of the application). */
export function customFieldIdOf(target: ImportTarget | null): string | null {
  return target !== null && target.startsWith('custom:') ? target.slice('custom:'.length) : null;
}
const importTarget = z.union([
  z.enum(importFields),
  z.custom<CustomFieldTarget>((value) => typeof value === 'string' && customTargetPattern.test(value), 'must be a field or custom:<field id>'),
]);
/** `stage` too: a status column and an outcome column beside it ("Stage", "Outcome") both say where it stands. */
export const multiColumnFields: readonly ImportTarget[] = ['notes', 'tags', 'requiredSkills', 'preferredSkills', 'stageStep', 'stageCards', 'stage'];
export const requiredImportFields: readonly ImportTarget[] = ['company', 'position'];
export const dateImportFields: readonly ImportField[] = ['appliedOn', 'responseOn', 'deadline', 'stageStep'];
/** Fields whose column carries a stage of its own (`columnStages`). */
export const stageColumnFields: readonly ImportTarget[] = ['stageStep', 'stageCards', 'stage'];

/** Fields whose values are chosen from a list: the wizard maps each distinct value of the file to one. */
export const valueMappedFields = ['stage', 'employmentType', 'workMode', 'schedule', 'source'] as const;
export type ValueMappedField = (typeof valueMappedFields)[number];

export const importSettings = z
  .object({
    /** XLSX: the sheet to read (default: the first one with data). */
    sheet: z.string().max(200).optional(),
    encoding: z.enum(importEncodings).optional(),
    delimiter: z.enum(csvDelimiters).optional(),
    /** Whether the file has a row of column names (default: detected). */
    hasHeader: z.boolean().optional(),
    /** The row (as numbered in the file) that holds the column names; rows above it are skipped. Default: detected. */
    headerRow: z.number().int().min(1).max(1000).optional(),
    /** Per column index ("0", "1" …): how ambiguous dates read. Default: detected from all the column's values. */
    dateOrders: z.record(z.string().regex(/^\d{1,3}$/), z.enum(dateOrders)).optional(),
  })
  .strict();
export type ImportSettings = z.input<typeof importSettings>;

/** Column index -> field (null: not imported). Default: proposed from the header names. */
export const importMapping = z
  .array(importTarget.nullable())
  .max(importLimits.maxColumns)
  .refine((mapping) => {
    const seen = new Set<string>();
    for (const field of mapping) {
      if (field === null || multiColumnFields.includes(field)) continue;
      if (seen.has(field)) return false;
      seen.add(field);
    }
    return true;
  }, 'each field can come from one column only (except notes, tags, statuses, steps and cards)');
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
/** Column index -> the stage a `stageStep` or `stageCards` column stands for. Default: read from its header. */
export const importColumnStages = z.record(z.string().regex(/^\d{1,3}$/), id.nullable());

export const importPreviewInput = z
  .object({
    source: importSource,
    settings: importSettings.optional(),
    mapping: importMapping.optional(),
    valueMaps: importValueMaps.optional(),
    columnStages: importColumnStages.optional(),
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

/**
 * Why Candid proposes what it proposes for a column, to be shown beside it: the header names the field, the
 * values are dates, yes/no, links, a known vocabulary…; `overruled` says the header named another field that the
 * values contradict.
 */
export type ImportReasonCode =
  | 'header'
  | 'dates'
  | 'dates_with_text'
  | 'yes_no'
  | 'marks'
  | 'links'
  | 'emails'
  | 'phones'
  | 'money'
  | 'numbers'
  | 'long_text'
  | 'lists'
  | 'vocabulary'
  | 'cards'
  | 'names'
  | 'overruled'
  | 'unknown';

export interface ImportReason {
  code: ImportReasonCode;
  /** The share of the column's values that support it (0–1), when it is about values. */
  share?: number;
  /** A few of the values behind it. */
  examples?: string[];
  /** For `vocabulary`: whose vocabulary; for `overruled`: the field the header named. */
  field?: ImportField;
}

export interface ImportColumn {
  index: number;
  header: string;
  /** A few non-empty values, as text (shortened). */
  samples: string[];
  /** For columns mapped to a date field: how their dates read. */
  dates: ColumnDates | null;
  /** What Candid proposes for this column, and why (also when the mapping in effect is the user's). */
  proposal: { field: ImportTarget | null; reasons: ImportReason[] };
  /** For `stageStep` and `stageCards` columns: the stage the column stands for (null: not recognised). */
  stage: { id: string | null; recognised: boolean } | null;
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

/**
 * Errors (missing company or position, a row the file itself breaks) cost the row; everything else is a warning:
 * the row is kept, the field left empty and the cell's text kept in the notes.
 */
export type ImportProblemCode =
  | 'missing_required'
  | 'bad_date'
  | 'date_with_text'
  | 'two_dates'
  | 'implausible_date'
  | 'unknown_value'
  | 'too_long'
  | 'cut'
  | 'bad_url'
  | 'bad_number'
  | 'bad_boolean'
  | 'bad_salary'
  | 'bad_email'
  | 'not_a_number'
  | 'unknown_choice'
  | 'response_before_applied'
  | 'invalid'
  | 'unmapped_required'
  | 'malformed_row';

export interface ImportProblem {
  /** Row as the user sees it in the file (spreadsheet line, or item number of a JSON array); null: the whole file. */
  row: number | null;
  /** Column index; null: the row as a whole. */
  column: number | null;
  field: ImportTarget | null;
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
  /** The row of column names (as numbered in the file); null: the file has none. */
  headerRow: number | null;
  /** The first rows of the file, shortened, to choose the header row from. */
  headerCandidates: { row: number; cells: string[] }[];
  sheet: string | null;
  sheets: string[];
  /** Detected order of the slash dates of each column mapped to a date field. */
  dateOrders: Record<string, DateOrder>;
  /** `board`: columns of cards, one application per card (huntr-exporter); `rows`: one application per row. */
  layout: 'rows' | 'board';
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
  mapping: (ImportTarget | null)[];
  /** The custom fields a column can be mapped onto, in their order (the wizard lists them by name). */
  customFields?: { target: CustomFieldTarget; name: string; kind: 'text' | 'number' | 'date' | 'choice' }[];
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
  /** Applications that would be created with the current choices (invalid ones not counted). */
  importableRows: number;
  /** Applications the file holds (rows, or cards on a board). */
  applicationCount?: number;
  /** Problems counted by kind. */
  problemsByCode?: Partial<Record<ImportProblemCode, number>>;
}

/** One kind of warning of an import, with the applications it concerns (the first of them). */
export interface ImportWarningGroup {
  code: ImportProblemCode;
  count: number;
  items: { row: number; column: number | null; field: ImportTarget | null; value: string | null; applicationId: string | null }[];
}

/** What an import did, to be trusted: what was created, what was skipped and why, what was kept with a warning. */
export interface ImportSummary {
  applications: number;
  companies: number;
  contacts: number;
  stageEvents: number;
  /** Rows (or cards) not imported, with the reasons (problem codes, or `duplicate`). */
  skipped: { row: number; column: number | null; reasons: (ImportProblemCode | 'duplicate')[] }[];
  skippedCount: number;
  warnings: ImportWarningGroup[];
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
  /** Spreadsheets and JSON lists: the detailed account. */
  summary?: ImportSummary;
}

export interface ImportsOutputs {
  'imports.preview': ImportPreview;
  'imports.run': ImportResult;
}
