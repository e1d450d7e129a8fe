import {
  dateImportFields,
  importLimits,
  requiredImportFields,
  stageColumnFields,
  valueMappedFields,
  type ColumnDates,
  type DateOrder,
  type ImportColumn,
  type ImportDuplicate,
  type CustomFieldTarget,
  type ImportField,
  type ImportProblem,
  type ImportProblemCode,
  type ImportTarget,
  type ImportValueChoice,
  type ParsedInput,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { cardOrder, parseCard, type Card } from './cards';
import type { CheckedRow, CheckOutcome } from './check-protocol';
import type { FieldShape } from '../custom-fields/values';
import { convertRow, type ConvertedRow, type RowPlan } from './convert';
import { checkCustomTargets, importableCustomFields, proposeCustomFields } from './custom-fields';
import { DateOrderEvidence, fileDateOrder } from './dates';
import { DuplicateFinder } from './duplicates';
import { importError } from './errors';
import { findHeaderRow, headerCandidates, headerSearchRows } from './header-row';
import { valueKey } from './keys';
import { ColumnProfiler, type ColumnProfile } from './profile';
import { proposeMapping, type Proposal } from './propose';
import type { ReadRow, TableFile } from './reader';
import { ValueResolver } from './resolve';
import { cellText, shorten, type GridRow } from './table';
import { isPlaceholder } from './values';

export type ImportInput = ParsedInput<'imports.preview'>;

/** Rows whose values are looked at to propose the mapping. */
const profileRows = 2000;
/** Distinct values counted per value-mapped column (the most frequent are listed). */
const countedValues = 5000;
/** Rows read between two turns of the event loop (and two checks of the abort signal). */
const rowsPerTurn = 2000;

export interface PassOptions {
  signal?: AbortSignal;
  /** Rows read so far in the current pass. */
  onProgress?(rows: number): void;
}

/** What the first pass decides about a file: where its data is, what each column is, how its values read. */
export interface FilePlan {
  file: TableFile;
  headerRow: number | null;
  headers: string[];
  candidates: { row: number; cells: string[] }[];
  mapping: (ImportTarget | null)[];
  proposals: Proposal[];
  /** The user's custom fields, which columns may be mapped onto. */
  customFields: Map<CustomFieldTarget, FieldShape>;
  columnStages: Map<number, { id: string; category: StageCategory } | null>;
  columnDates: Map<number, ColumnDates>;
  dateOrders: Record<string, DateOrder>;
  values: Partial<Record<ValueMappedField, ImportValueChoice[]>>;
  samples: string[][];
  previewRows: { row: number; cells: string[] }[];
  /** Data rows of the file. */
  rowCount: number;
  rowPlan: RowPlan;
  resolver: ValueResolver;
}

/** The second pass: every row converted and checked, nothing kept but what the preview shows and the counts. */
export interface Analysis extends FilePlan {
  problems: ImportProblem[];
  problemCount: { errors: number; warnings: number; rowsWithErrors: number; byCode: Partial<Record<ImportProblemCode, number>> };
  duplicates: ImportDuplicate[];
  duplicateCount: number;
  /** "row:column" of every duplicate (column empty for rows) when `skipDuplicates`: what it leaves out. */
  duplicateKeys: Set<string>;
  /** Applications the file holds, and how many can be imported (errors aside). */
  applicationCount: number;
  importable: number;
  /** Importable ones that are duplicates. */
  importableDuplicates: number;
}

export function rowKey(row: number, column: number | null): string {
  return column === null ? String(row) : `${row}:${column}`;
}

/**
 * Visits rows a batch at a time, letting the event loop run between batches (so that other calls are answered
 * while a file is read), reporting progress and honouring the abort signal there.
 */
async function eachRow<T>(rows: Iterator<T>, visit: (row: T) => void, options: PassOptions): Promise<number> {
  let count = 0;
  for (;;) {
    for (let index = 0; index < rowsPerTurn; index += 1) {
      const next = rows.next();
      if (next.done) return count;
      visit(next.value);
      count += 1;
    }
    options.onProgress?.(count);
    options.signal?.throwIfAborted();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The data rows: the rows after the header row (title rows above it are not data). */
function* dataRows(file: TableFile, headerRow: number | null): Generator<ReadRow> {
  for (const row of file.rows()) if (headerRow === null || row.row > headerRow) yield row;
}

function columnsByField(mapping: readonly (ImportTarget | null)[]): Map<ImportTarget, number[]> {
  const result = new Map<ImportTarget, number[]>();
  mapping.forEach((field, column) => {
    if (field === null) return;
    const list = result.get(field) ?? [];
    list.push(column);
    result.set(field, list);
  });
  return result;
}

function remembered(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let result = cache.get(text);
    if (result === undefined) {
      result = fn(text);
      if (cache.size < 50_000) cache.set(text, result);
    }
    return result;
  };
}

/** Distinct values of each value-mapped column with what each maps to, unknown ones first. */
function valueChoices(counts: Map<number, Map<string, { value: string; count: number }>>, columnsOf: ReadonlyMap<ImportTarget, readonly number[]>, resolver: ValueResolver) {
  const values: Partial<Record<ValueMappedField, ImportValueChoice[]>> = {};
  for (const field of valueMappedFields) {
    const columns = columnsOf.get(field);
    if (!columns) continue;
    // A status and an outcome column share one list: a value means the same in both.
    const merged = new Map<string, { value: string; count: number }>();
    for (const column of columns) {
      for (const [key, { value, count }] of counts.get(column) ?? []) {
        const seen = merged.get(key);
        merged.set(key, { value: seen?.value ?? value, count: (seen?.count ?? 0) + count });
      }
    }
    values[field] = [...merged]
      .map(([key, { value, count }]) => {
        const { target, recognised } = resolver.resolve(field, key, value);
        return { key, value: shorten(value, 200), count, target, resolved: target !== undefined && recognised };
      })
      // Unknown values first: they are the ones the user must decide.
      .sort((a, b) => Number(a.resolved) - Number(b.resolved) || b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, importLimits.maxDistinctValues);
  }
  return values;
}

/**
 * The first pass over a file: finds the header row, profiles the first rows' values to propose the mapping (or takes
 * the user's), then reads every row to learn how its dates read (day or month first) and which values each
 * value-mapped column holds. Memory stays bounded: only the first rows are kept.
 */
export async function planFile(db: Database, file: TableFile, input: ImportInput, options: PassOptions = {}): Promise<FilePlan> {
  const settings = input.settings ?? {};
  const resolver = new ValueResolver(db, input.valueMaps ?? {});
  const customFields = importableCustomFields(db);
  const rows = file.rows()[Symbol.iterator]();

  // The first rows, to find the header in.
  const head: ReadRow[] = [];
  while (head.length < headerSearchRows) {
    const next = rows.next();
    if (next.done) break;
    head.push(next.value);
  }
  const chosen = settings.hasHeader === false ? null : settings.headerRow;
  const header = file.fixedHeaders ? { row: null, headers: file.fixedHeaders } : findHeaderRow(head, file.merges(), chosen);
  const isData = (row: GridRow) => header.row === null || row.row > header.row;

  // Every data row comes through here once.
  const sample: ReadRow[] = [];
  let width = header.headers.length;
  let rowCount = 0;
  const samples: string[][] = [];
  const previewRows: FilePlan['previewRows'] = [];
  let plan: Pick<FilePlan, 'file' | 'headerRow' | 'headers' | 'candidates' | 'mapping' | 'proposals' | 'customFields' | 'columnStages' | 'rowPlan' | 'resolver'> | null = null;
  const evidence = new Map<number, DateOrderEvidence>();
  const valueCounts = new Map<number, Map<string, { value: string; count: number }>>();
  const valueColumns = new Set<number>();

  const decide = () => {
    const profilers = Array.from({ length: width }, () => new ColumnProfiler((field, key) => resolver.recognises(field, key)));
    for (const row of sample) row.cells.forEach((cell, column) => profilers[column]?.add(cell));
    const profiles: ColumnProfile[] = profilers.map((profiler) => profiler.result());
    const headers = Array.from({ length: width }, (_, column) => header.headers[column] ?? '');
    const headerStages = headers.map((name) => (name ? resolver.stageOfHeader(name) : null));
    const proposals = proposeMapping(headers.map((name, column) => ({ header: name, profile: profiles[column], headerStage: headerStages[column] })));
    proposeCustomFields(headers, sample, proposals, customFields);
    const given = input.mapping;
    const mapping = Array.from({ length: width }, (_, column) => (given ? (given[column] ?? null) : proposals[column].field));
    checkCustomTargets(mapping, customFields, headers);
    const columnsOf = columnsByField(mapping);
    const mappedCustomFields = new Map([...customFields].filter(([target]) => columnsOf.has(target)));
    const columnStages = new Map<number, { id: string; category: StageCategory } | null>();
    for (const field of stageColumnFields) {
      for (const column of columnsOf.get(field) ?? []) {
        const chosenStage = input.columnStages?.[String(column)];
        const category = chosenStage ? resolver.categoryOf(chosenStage) : undefined;
        columnStages.set(column, chosenStage === null ? null : chosenStage && category ? { id: chosenStage, category } : headerStages[column]);
      }
    }
    for (const field of dateImportFields) for (const column of columnsOf.get(field) ?? []) evidence.set(column, new DateOrderEvidence());
    for (const [target, field] of mappedCustomFields) if (field.kind === 'date') for (const column of columnsOf.get(target) ?? []) evidence.set(column, new DateOrderEvidence());
    for (const field of valueMappedFields) for (const column of columnsOf.get(field) ?? []) valueColumns.add(column);
    const cards: Card[] = [];
    for (const column of columnsOf.get('stageCards') ?? []) {
      for (const row of sample) {
        const card = parseCard(cellText(row.cells[column] ?? null));
        if (card) cards.push(card);
      }
    }
    const mapped = new Set(mapping.flatMap((field, column) => (field === null ? [] : [column])));
    const chosenOrders = settings.dateOrders ?? {};
    const defaultCurrency = (db.sql(`SELECT default_currency FROM profile LIMIT 1`).pluck().get() as string | undefined) ?? 'EUR';
    const rowPlan: RowPlan = {
      headers,
      columnsOf,
      customFields: mappedCustomFields,
      extraNoteColumns: input.options?.unmappedToNotes ? headers.map((_, column) => column).filter((column) => !mapped.has(column)) : [],
      dateOrder: (column) => chosenOrders[String(column)] ?? evidence.get(column)?.result(fileDateOrder(evidence.values())).order ?? 'dmy',
      values: resolver,
      keyOf: remembered(valueKey),
      defaultCurrency,
      columnStages,
      cardOrder: cardOrder(cards),
    };
    plan = {
      file,
      headerRow: header.row,
      headers,
      candidates: file.fixedHeaders ? [] : headerCandidates(head),
      mapping,
      proposals,
      customFields,
      columnStages,
      rowPlan,
      resolver,
    };
    for (const row of sample) learn(row);
  };

  const learn = (row: GridRow) => {
    for (const [column, dates] of evidence) dates.add(row.cells[column] ?? null);
    for (const column of valueColumns) {
      const text = cellText(row.cells[column] ?? null);
      if (!text || isPlaceholder(text)) continue;
      const key = plan!.rowPlan.keyOf(text);
      let counts = valueCounts.get(column);
      if (!counts) valueCounts.set(column, (counts = new Map()));
      const entry = counts.get(key);
      if (entry) entry.count += 1;
      else if (counts.size < countedValues) counts.set(key, { value: text, count: 1 });
    }
  };

  const take = (row: ReadRow) => {
    if (!isData(row)) return;
    rowCount += 1;
    if (row.cells.length > width) width = Math.min(row.cells.length, importLimits.maxColumns);
    row.cells.forEach((cell, column) => {
      const list = (samples[column] ??= []);
      if (list.length >= 3) return;
      const text = cellText(cell);
      if (text && !list.includes(shorten(text, 80))) list.push(shorten(text, 80));
    });
    if (previewRows.length < importLimits.previewRows) previewRows.push({ row: row.row, cells: row.cells.map((cell) => shorten(cellText(cell), importLimits.previewCellChars)) });
    if (plan) learn(row);
    else {
      sample.push(row);
      if (sample.length >= profileRows) decide();
    }
  };

  for (const row of head) take(row);
  await eachRow(rows, take, options);
  if (rowCount === 0) throw importError('VALIDATION', 'no_rows', `${file.fileName} has no rows to import`, { fileName: file.fileName });
  if (!plan) decide();
  const decided = plan!;
  // Columns first seen after the profiled rows are not mapped (unless the user maps them).
  if (decided.mapping.length < width) {
    for (let column = decided.mapping.length; column < width; column += 1) {
      decided.mapping.push(input.mapping?.[column] ?? null);
      decided.proposals.push({ field: null, reasons: [] });
      decided.headers.push(header.headers[column] ?? '');
    }
  }
  const fileOrder = fileDateOrder(evidence.values());
  const columnDates = new Map([...evidence].map(([column, dates]) => [column, dates.result(fileOrder)]));
  const dateOrders: Record<string, DateOrder> = {};
  for (const [column, dates] of columnDates) if (dates.order) dateOrders[String(column)] = dates.order;
  return {
    ...decided,
    rowCount,
    columnDates,
    dateOrders,
    values: valueChoices(valueCounts, decided.rowPlan.columnsOf, resolver),
    samples: Array.from({ length: width }, (_, column) => samples[column] ?? []),
    previewRows: previewRows.map((row) => ({ row: row.row, cells: Array.from({ length: width }, (_, column) => row.cells[column] ?? '') })),
  };
}

/** Whether the mapping lacks what every application needs (a board's cards hold company and position). */
export function unmappedRequired(plan: FilePlan): ImportField[] {
  if (plan.rowPlan.columnsOf.has('stageCards')) return [];
  return requiredImportFields.filter((field): field is ImportField => !plan.rowPlan.columnsOf.has(field));
}

/** The applications of one data row, with the problems of the row itself (a quote that never closes). */
export function convertDataRow(row: ReadRow, plan: RowPlan): ConvertedRow[] {
  const converted = convertRow(row, plan);
  if (row.unclosedQuote) {
    for (const application of converted) {
      application.input = null;
      application.problems.unshift({
        row: row.row,
        column: null,
        field: null,
        code: 'malformed_row',
        severity: 'error',
        value: null,
        message: `A quote opened on row ${row.row} is never closed: the rest of the file would be read as one value`,
      });
    }
  }
  return converted;
}

/** The data rows of a planned file, read again from the file. */
export function planRows(plan: Pick<FilePlan, 'file' | 'headerRow'>): Iterable<ReadRow> {
  return dataRows(plan.file, plan.headerRow);
}

/** What checking a row found about each of its applications. */
export interface CheckedApplication {
  application: ConvertedRow;
  /** It repeats a saved application or an earlier row. */
  duplicate: boolean;
}

/**
 * Converts and checks rows one at a time, as the import will write them: problems (listed up to a limit, all
 * counted), duplicates (against the saved applications and the earlier rows), what can be imported. The preview
 * checks every row then shows the result; an import writes each row into its staging database as it is checked
 * (run.ts), so that every row is read and converted once.
 */
export class RowChecker {
  private readonly problems: ImportProblem[] = [];
  private readonly byCode: Partial<Record<ImportProblemCode, number>> = {};
  private errors = 0;
  private warnings = 0;
  private rowsWithErrors = 0;
  private readonly duplicates: ImportDuplicate[] = [];
  private readonly duplicateKeys = new Set<string>();
  private duplicateCount = 0;
  private applicationCount = 0;
  private importable = 0;
  private importableDuplicates = 0;
  private readonly finder: DuplicateFinder | null;
  /** The mapping lacks a required field: no row is converted. */
  readonly missing: ImportField[];

  constructor(
    db: Database,
    private readonly plan: FilePlan,
    private readonly keepDuplicateKeys: boolean,
  ) {
    this.missing = unmappedRequired(plan);
    for (const field of this.missing) {
      this.note({ row: null, column: null, field, code: 'unmapped_required', severity: 'error', value: null, message: `No column is mapped to ${field}` });
    }
    this.finder = this.missing.length === 0 ? new DuplicateFinder(db) : null;
  }

  private note(problem: ImportProblem): void {
    this.byCode[problem.code] = (this.byCode[problem.code] ?? 0) + 1;
    if (problem.severity === 'error') this.errors += 1;
    else this.warnings += 1;
    // Errors first in the list: the list keeps room for them.
    if (this.problems.length < importLimits.maxListed) this.problems.push(problem);
    else if (problem.severity === 'error') {
      const warning = this.problems.findIndex((listed) => listed.severity === 'warning');
      if (warning >= 0) this.problems[warning] = problem;
    }
  }

  /** The applications of one data row, converted and checked (none when the mapping lacks a required field). */
  check(row: ReadRow): CheckedApplication[] {
    if (!this.finder) return [];
    let rowHasError = false;
    const checked: CheckedApplication[] = [];
    for (const application of convertDataRow(row, this.plan.rowPlan)) {
      this.applicationCount += 1;
      for (const problem of application.problems) this.note(problem);
      if (application.input === null) rowHasError = true;
      else this.importable += 1;
      const duplicate = application.identity ? this.finder.check({ row: application.row, ...application.identity }) : null;
      checked.push({ application, duplicate: duplicate !== null });
      if (!duplicate) continue;
      this.duplicateCount += 1;
      // Kept only when they are to be skipped: a file of 500,000 repeated rows would otherwise hold them all.
      if (this.keepDuplicateKeys) this.duplicateKeys.add(rowKey(application.row, application.column));
      if (application.input !== null) this.importableDuplicates += 1;
      if (this.duplicates.length < importLimits.maxListed) this.duplicates.push(duplicate);
    }
    if (rowHasError) this.rowsWithErrors += 1;
    return checked;
  }

  /** Some row checked so far has an error: the file is refused unless such rows are skipped. */
  get refusesInvalid(): boolean {
    return this.rowsWithErrors > 0;
  }

  /** The plan with what the rows checked so far hold. */
  analysis(): Analysis {
    const { errors, warnings, rowsWithErrors, byCode } = this;
    return {
      ...this.plan,
      problems: [...this.problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning')),
      problemCount: { errors, warnings, rowsWithErrors, byCode },
      duplicates: this.duplicates,
      duplicateCount: this.duplicateCount,
      duplicateKeys: this.duplicateKeys,
      applicationCount: this.applicationCount,
      importable: this.importable,
      importableDuplicates: this.importableDuplicates,
    };
  }
}

/**
 * The data rows of a planned file checked in order, `size` rows at a time (each row with whether the file is
 * refused so far, as when it was checked): what an import stages, here or from its check thread (check-worker.ts).
 * Nothing when the mapping lacks a required field.
 */
export function* checkedBatches(checker: RowChecker, plan: FilePlan, size: number): Generator<CheckedRow[]> {
  if (checker.missing.length > 0) return;
  let batch: CheckedRow[] = [];
  for (const row of planRows(plan)) {
    batch.push({ checked: checker.check(row), refusesInvalid: checker.refusesInvalid });
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/** What an import needs of a check's result: the counts and listed problems, without the plan. */
export function checkOutcome(analysis: Analysis): CheckOutcome {
  const { problems, problemCount, rowCount, importable, importableDuplicates } = analysis;
  return { problems, problemCount, rowCount, importable, importableDuplicates };
}

/** The second pass: converts and checks every row as the import will (RowChecker), keeping only the result. */
export async function analyseFile(db: Database, file: TableFile, input: ImportInput, options: PassOptions = {}): Promise<Analysis> {
  const plan = await planFile(db, file, input, options);
  const checker = new RowChecker(db, plan, input.options?.skipDuplicates === true);
  if (checker.missing.length === 0) await eachRow(planRows(plan)[Symbol.iterator](), (row) => void checker.check(row), options);
  return checker.analysis();
}

/** The preview's description of each column. */
export function describeColumns(plan: FilePlan): ImportColumn[] {
  return plan.headers.map((header, index) => ({
    index,
    header: shorten(header, 200),
    samples: plan.samples[index] ?? [],
    dates: plan.columnDates.get(index) ?? null,
    proposal: plan.proposals[index] ?? { field: null, reasons: [] },
    stage: plan.columnStages.has(index)
      ? { id: plan.columnStages.get(index)?.id ?? null, recognised: plan.columnStages.get(index) !== null }
      : null,
  }));
}
