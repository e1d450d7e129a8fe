import type { AppErrorShape } from '../../src-shared/errors';
import type { JobChannel, JobStep } from '../../src-shared/contract';

/**
 * What main and a job's worker tell each other. Two things must work while the worker is busy in a synchronous
 * loop or waits, so they live in shared memory rather than messages (`flags`):
 * - the write lock: the worker asks for it before each write transaction and waits until main grants it; main
 *   grants it only between two of its own (synchronous) transactions, and refuses its own writes until the worker
 *   gives it back, so main's thread never waits on SQLite's lock (db/connection.ts WriteGate);
 * - cancel: main raises it, the worker sees it at its next progress report.
 */
export const flagSlots = { lock: 0, cancel: 1 } as const;
export const lockStates = { free: 0, asked: 1, held: 2 } as const;
export const flagCount = 2;

/** What the worker needs to open its own connection and run one job. */
export interface WorkerStart {
  jobId: string;
  channel: JobChannel;
  input: unknown;
  databaseFile: string;
  dataDir: string;
  nativeBinding?: string;
  shell: 'desktop' | 'browser';
  version: string;
  flags: SharedArrayBuffer;
}

/**
 * Main to an idle worker, before a job: `channel` is likely next (a screen said so: jobs.prepare). The worker loads
 * that job's code now (each job's is loaded when it first runs: 0.1-0.2 s of an import's start at the bench's file);
 * for an import of a table of `importFileBytes` (the wizard has read the file), it also starts the thread that will
 * check its rows (imports/check-spare.ts), not when the job starts.
 */
export interface WorkerUpcoming {
  type: 'upcoming';
  channel: JobChannel;
  importFileBytes?: number;
}

/** What main sends the worker: a job, or word of one to come. */
export type WorkerCommand = WorkerStart | WorkerUpcoming;

export function isWorkerUpcoming(command: WorkerCommand): command is WorkerUpcoming {
  return (command as { type?: unknown }).type === 'upcoming';
}

export type WorkerMessage =
  /** The worker wants the write lock (its flag says so too); main answers through the flag. */
  | { type: 'lock' }
  /** The worker's write transaction ended (committed or rolled back). */
  | { type: 'unlock' }
  /** Tables the worker's writes changed, after their commit (main tells the interface, as its own writes do). */
  | { type: 'changed'; tables: string[] }
  | { type: 'progress'; step: JobStep; done: number | null; total: number | null; fraction: number; cancellable: boolean }
  /** A file the job is about to create that must not outlive it (main removes it if the worker dies). */
  | { type: 'temporary'; path: string }
  /**
   * The job's answer. `upkeep`: the worker goes on with work that changes nothing the user sees (an import's
   * full-text merge, JobControl.afterAnswer), still taking the write lock per transaction, until `upkept`.
   */
  | { type: 'done'; value: unknown; upkeep?: boolean }
  /** The upkeep after the answer ended: the worker waits for its next job. */
  | { type: 'upkept' }
  | { type: 'failed'; error: AppErrorShape };
