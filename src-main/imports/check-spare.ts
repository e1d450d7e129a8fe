import os from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { launchWorker } from '../jobs/launch';
import type { CheckThreadWaiting } from './check-protocol';
import { checkThreadFromBytes, checkThreadLimits } from './check-limits';

/**
 * A check thread started ahead of its import, in the jobs' worker, once the wizard has read the file (main's
 * `jobs.prepare` with its size): loading the thread's code (zod, kysely, the import's readers) took about a third of
 * a second before its first rows could be checked, with the import's own thread waiting (docs/performance.md,
 * session 26). At most one, for one file size: the import takes it when its own limits are the spare's
 * (`checkThreadLimits`), else starts its own; a job of another kind, or the end of a job that did not take it,
 * stops it; it dies with the worker when that retires idle.
 */
let spare: { worker: Worker; limits: ResourceLimits; exited: boolean } | null = null;

/** Starts the spare for a table of `bytes`, where an import of it would check its rows in a thread. */
export function warmCheckThread(bytes: number): void {
  if (!checksInThread(bytes)) return;
  const limits = checkThreadLimits(bytes);
  if (spare && !spare.exited && sameLimits(spare.limits, limits)) return;
  dropCheckThread();
  const started = { worker: launchWorker({ role: 'import-check-waiting' } satisfies CheckThreadWaiting, limits), limits, exited: false };
  // A spare that fails to load (or is stopped) exits unheard: an import then starts its own.
  started.worker.on('error', () => undefined);
  started.worker.on('exit', () => (started.exited = true));
  spare = started;
}

/** The spare, when there is one alive with these limits; it is the caller's from now on. */
export function takeCheckThread(limits: ResourceLimits): Worker | null {
  const taken = spare;
  if (!taken || taken.exited || !sameLimits(taken.limits, limits)) return null;
  spare = null;
  return taken.worker;
}

/** Stops the spare, if any (a job that will not use it: its memory goes). */
export function dropCheckThread(): void {
  const dropped = spare;
  spare = null;
  if (dropped && !dropped.exited) void dropped.worker.terminate();
}

/** Whether a spare is waiting (tests). */
export function hasSpareCheckThread(): boolean {
  return spare !== null && !spare.exited;
}

/** Whether an import of a table of `bytes` checks its rows in a thread of their own (run.ts, for CSV and XLSX). */
export function checksInThread(bytes: number): boolean {
  return bytes >= checkThreadFromBytes && os.availableParallelism() >= 2;
}

function sameLimits(a: ResourceLimits, b: ResourceLimits): boolean {
  return a.maxOldGenerationSizeMb === b.maxOldGenerationSizeMb && a.maxYoungGenerationSizeMb === b.maxYoungGenerationSizeMb;
}
