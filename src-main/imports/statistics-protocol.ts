import type { AppErrorShape } from '../../src-shared/errors';

/**
 * What an import and the thread that computes its staged statistics (statistics-thread.ts, statistics-worker.ts)
 * tell each other. Kept apart from both so that the jobs' worker entry can recognise the thread without loading
 * the import's code.
 */

/** The tables an import's settle fills with statistics. */
export const stagedStatisticsTables = ['statistics_facts', 'statistics_cells', 'statistics_skill_months', 'statistics_month_cells'];

/** The full-text index's columns, which the staging holds as a plain table (staging.ts: the live copy indexes them). */
export const stagedTextColumns = 'company, position, location, notes, description, tags';

/** The tables of the thread's file: the statistics, and the staged applications' full-text rows as the staging's. */
export const threadFileTables = [...stagedStatisticsTables, 'applications_fts'];

export interface StatisticsThreadStart {
  role: 'import-statistics';
  /**
   * The staging database: read once its last batch is staged (`settle`), never written. In WAL while the
   * thread reads it, so that its own connection writes meanwhile (`reading`).
   */
  stagingFile: string;
  /** A database file of the thread's own, which it creates and fills (`threadFileTables`). */
  statisticsFile: string;
  nativeBinding?: string;
  /**
   * One Int32 (`settledStates`), set by the thread as it sends `settled` or `failed`: the import's copy waits for
   * it inside its transaction (statistics-thread.ts `waitSettled`), where no message can be read.
   */
  settledFlag: SharedArrayBuffer;
}

/** The values of `StatisticsThreadStart.settledFlag`. */
export const settledStates = { running: 0, settled: 1, failed: 2 } as const;

/** Sets the flag the import's copy may be waiting on (`StatisticsThreadStart.settledFlag`) and wakes it. */
export function markSettled(flag: SharedArrayBuffer, state: (typeof settledStates)['settled' | 'failed']): void {
  const cell = new Int32Array(flag);
  Atomics.store(cell, 0, state);
  Atomics.notify(cell, 0);
}

export type StatisticsThreadCommand =
  /**
   * The staging's rows are all written: the facts of its applications after `after` may be read. `indexes`:
   * the live statistics_facts indexes to build on the thread's copy (a first import transfers the table whole).
   */
  { type: 'settle'; after: number; indexes: { name: string; sql: string }[] };

export type StatisticsThreadMessage =
  /**
   * The thread's read of the staging has begun: it reads the staging as it is now (a WAL snapshot), whatever the
   * staging's own connection commits after this.
   */
  | { type: 'reading' }
  /** The facts are stored and the staging database is let go (detached). */
  | { type: 'read' }
  /** The counts are written and the indexes built: the file is complete and closed. */
  | { type: 'settled' }
  | { type: 'failed'; error: AppErrorShape };

export function isStatisticsThreadStart(data: unknown): data is StatisticsThreadStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'import-statistics';
}
