import type { ImportField, ParsedInput } from '../../src-shared/contract';
import type { AppErrorShape } from '../../src-shared/errors';
import type { Analysis, CheckedApplication } from './analyse';
import type { StagedApplication } from './staged';

/**
 * What an import and the thread that reads, plans and checks its file (check-thread.ts, check-worker.ts) tell
 * each other. Kept apart from both so that the jobs' worker entry can recognise a check thread without loading the
 * import's code.
 */

export interface CheckThreadStart {
  role: 'import-check';
  databaseFile: string;
  nativeBinding?: string;
  /** The import's parsed input: the file (a path, or the uploaded content) and how to read and map it. */
  input: ParsedInput<'imports.run'>;
  /** Data rows per `rows` message. */
  batchRows: number;
  /** Batches sent and not yet written (acknowledged by `written`) at most: what the thread may hold in memory. */
  batchesInFlight: number;
}

/** One data row checked: its applications, and whether this row or an earlier one has an error. */
export interface CheckedRow {
  checked: CheckedApplication[];
  refusesInvalid: boolean;
}

/** A checked row as the import stages it: its applications without what duplicates were judged on. */
export interface StagedRow {
  checked: { application: StagedApplication; duplicate: boolean }[];
  refusesInvalid: boolean;
}

/** What the import needs of the check once every row went through it (Analysis without the plan's functions). */
export type CheckOutcome = Pick<Analysis, 'problems' | 'problemCount' | 'rowCount' | 'importable' | 'importableDuplicates'>;

export type CheckThreadMessage =
  /** Rows read so far by the first pass (the plan), until its end (`planned` with a count, or `counted`). */
  | { type: 'progress'; rows: number }
  /**
   * The file is planned: its data rows (null while the pass still reads the rest of the file, the rows being
   * checked meanwhile: `counted` follows), and the required fields no column is mapped to (then no row comes).
   */
  | { type: 'planned'; rowCount: number | null; missing: ImportField[] }
  /** The first pass ended after `planned`: the file's data rows. */
  | { type: 'counted'; rowCount: number }
  /** The next data rows, checked, in order: a text each (check-wire.ts), else as objects when JSON would change them. */
  | { type: 'rows'; texts: string[] }
  | { type: 'rows'; rows: StagedRow[] }
  /** Every row was checked. */
  | { type: 'checked'; outcome: CheckOutcome }
  | { type: 'failed'; error: AppErrorShape };

/**
 * The import's messages: a batch was written, one more may come; or, to a thread started before its import
 * (check-spare.ts, `CheckThreadWaiting`), the import's start, its first message.
 */
export type CheckThreadCommand = { type: 'written' } | { type: 'begin'; start: CheckThreadStart };

/** A check thread started ahead of its import: it loads its code, then waits for `begin`. */
export interface CheckThreadWaiting {
  role: 'import-check-waiting';
}

export function isCheckThreadWaiting(data: unknown): data is CheckThreadWaiting {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'import-check-waiting';
}

export function isCheckThreadStart(data: unknown): data is CheckThreadStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'import-check';
}
