import {
  importLimits,
  requiredImportFields,
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
import type { CheckedRow, CheckOutcome, StagedRow } from './check-protocol';
import type { FieldShape } from '../custom-fields/values';
import { convertRow, type ConvertedRow, type RowPlan } from './convert';
import { DuplicateFinder } from './duplicates';
import { FilePlanner } from './planner';
import type { Proposal } from './propose';
import type { ReadRow, TableFile } from './reader';
import type { ValueResolver } from './resolve';
import { stagedRow } from './staged';
import { shorten } from './table';

export type ImportInput = ParsedInput<'imports.preview'>;

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

/**
 * The first pass over a file (planner.ts): finds the header row, profiles the first rows' values to propose the
 * mapping (or takes the user's), then reads every row to learn how its dates read (day or month first) and which
 * values each value-mapped column holds. Memory stays bounded: only the first rows are kept.
 */
export function planFile(db: Database, file: TableFile, input: ImportInput, options: PassOptions = {}): Promise<FilePlan> {
  return planPass(new FilePlanner(db, file, input), options);
}

/** The planner's pass over the rest of the file, a turn of the event loop every few thousand rows; then its plan. */
export async function planPass(planner: FilePlanner, options: PassOptions = {}): Promise<FilePlan> {
  await eachRow(planner.rows, (row) => planner.take(row), options);
  return planner.finish();
}

/** Whether the mapping lacks what every application needs (a board's cards hold company and position). */
export function unmappedRequired(plan: Pick<FilePlan, 'rowPlan'>): ImportField[] {
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

  /** `plan`: what converting a row needs (a plan decided, its pass maybe still reading: planner.ts). */
  constructor(
    db: Database,
    private readonly plan: Pick<FilePlan, 'rowPlan'>,
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

  /** The file's plan (its pass ended) with what the rows checked so far hold. */
  analysis(plan: FilePlan): Analysis {
    const { errors, warnings, rowsWithErrors, byCode } = this;
    return {
      ...plan,
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
export function checkedBatches(checker: RowChecker, plan: Pick<FilePlan, 'file' | 'headerRow'>, size: number): Generator<StagedRow[]> {
  return shapedBatches(checker, plan, size, stagedRow);
}

/** `checkedBatches` with each row in the form `shape` gives it as soon as it is checked (check-wire.ts encodes it). */
export function* shapedBatches<T>(checker: RowChecker, plan: Pick<FilePlan, 'file' | 'headerRow'>, size: number, shape: (row: CheckedRow) => T): Generator<T[]> {
  if (checker.missing.length > 0) return;
  let batch: T[] = [];
  for (const row of planRows(plan)) {
    batch.push(shape({ checked: checker.check(row), refusesInvalid: checker.refusesInvalid }));
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/**
 * The rows checked as `checkedBatches` checks them, from when the plan is decided, while its pass may still read
 * the rest of the file (check-worker.ts): a row that holds a slash date whose order the whole file decides
 * (`FilePlanner.waitsForDateOrder`) waits for the pass to end (`passEnded`); the others convert the same either way.
 */
export async function* checkedBatchesWhilePlanning<T>(
  checker: RowChecker,
  planner: FilePlanner,
  passEnded: Promise<unknown>,
  size: number,
  shape: (row: CheckedRow) => T,
): AsyncGenerator<T[]> {
  const decided = planner.decided;
  if (!decided) throw new Error('The rows were checked before the plan was decided.');
  if (checker.missing.length > 0) return;
  let ended = false;
  let batch: T[] = [];
  for (const row of planRows(decided)) {
    if (!ended && planner.waitsForDateOrder(row)) {
      await passEnded;
      ended = true;
    }
    batch.push(shape({ checked: checker.check(row), refusesInvalid: checker.refusesInvalid }));
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
  return checker.analysis(plan);
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
