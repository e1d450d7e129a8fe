import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { JobChannel, JobEvent } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { ChangeWriter } from '../changes/writer';
import { newId } from '../changes/ids';
import { WriteLockBusy, type Database } from '../db/connection';
import { sweepAbandonedHeldPartsOnce } from '../exports/abandoned-parts';
import { launchWorker } from './launch';
import { flagCount, flagSlots, lockStates, type WorkerMessage, type WorkerStart, type WorkerUpcoming } from './protocol';
import { jobWork, type JobInputs, type JobOutputs } from './work';
import type { AppContext } from '../context';

/** What a screen knows of the job it expects (jobs.prepare). */
export interface UpcomingJob {
  /** The job likely next; an import's when `importFileBytes` is told. */
  job?: JobChannel;
  /** The size of the table an import will read. */
  importFileBytes?: number;
}

/** How the handlers hand long work over (context.jobs). */
export interface Jobs {
  run<C extends JobChannel>(channel: C, input: JobInputs[C]): Promise<JobOutputs[C]>;
  cancel(id: string): boolean;
  /** Stops a job at once, as a crash would: what it had not committed is rolled back, its temporary files go. */
  terminate(id: string): Promise<void>;
  list(): JobEvent[];
  /**
   * Whether a job's worker may be reading or writing on its own connection now (its upkeep after the answer
   * included): main's writes then refresh their statistics in their own transaction (src-main/api.ts).
   */
  busy(): boolean;
  /**
   * Starts the worker ahead of a job likely soon (the import wizard opened), kept as between two jobs: the job then
   * starts at once instead of waiting for the worker to load. Returns whether a worker started.
   * `importFileBytes`: an import of a table that size is likely (the wizard has read it): the worker also starts the
   * thread that will check its rows (imports/check-spare.ts).
   */
  prepare(upcoming?: UpcomingJob): boolean;
  onEvent(listener: (event: JobEvent) => void): () => void;
  /** Resolves once no job holds the write lock (main's writes wait for this instead of for SQLite's lock). */
  whenWritable(): Promise<void>;
  /**
   * Resolves once every job asked for so far has ended, the upkeep some do after their answer included
   * (JobControl.afterAnswer): for tests and scripts that look at what that upkeep leaves.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The worker's heap limit. V8 lets a heap grow to 4 times what was live at its last full collection when its limit
 * is 2 GB or more (a quarter of the machine's memory by default, 4 GB at most: 4 GB here, 24 GB of memory), and 1.3
 * to 2 times below that, by the limit (as for the import's check thread, imports/check-thread.ts). The Excel export at
 * 100,000 applications holds about 30 to 40 MB live, and its worker's heap grew to 80 to 114 MB, mostly garbage
 * waiting for a full collection, at the process's peak of memory. 2,047 MB is what a machine with 8 GB of memory has
 * by default: no job runs out of memory here that would not there. Measured under Node, not Electron.
 * The young generation a third of V8's default (48 MB): the export's rows are garbage within a batch, and a smaller
 * nursery is collected sooner. `heavy.ts export` at 100,000, load 1.4 to 2.2, alternating: peak 278 to 300 MB (mean
 * 288, 5 runs) against 282 to 311 (mean 299, 9 runs, 5 of them over the 300 MB target), wall 7.54 against 7.53 s
 * mean, the job's CPU 9.59 against 9.53 s; the import unchanged (3 pairs: 14.9 against 14.7 s, peak 448 to 460
 * against 456 to 480 MB). 24 MB gave half the memory.
 */
const workerLimits: ResourceLimits = { maxOldGenerationSizeMb: 2047, maxYoungGenerationSizeMb: 16 };

/** A worker unused this long after its last job ends. */
const workerIdleMs = 30_000;

/**
 * The worker kept between jobs (its start costs more than most jobs), until it has been idle a while. One per
 * process, shared by every runner in it (the app has one; a test file opens many apps): a job tells the worker
 * which database to open.
 */
let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

function takeWorker(): Worker {
  const kept = idle;
  idle = null;
  if (!kept) {
    const worker = launchWorker(undefined, workerLimits);
    worker.on('exit', () => {
      if (idle?.worker !== worker) return;
      clearTimeout(idle.timer);
      idle = null;
    });
    // A worker started ahead of its job (prepare) can fail to load while no job listens: it exits, and the next job
    // starts another, which reports why.
    worker.on('error', (error) => {
      if (idle?.worker === worker) console.error('[candid] the jobs’ worker stopped while waiting for a job:', error);
    });
    return worker;
  }
  clearTimeout(kept.timer);
  kept.worker.ref();
  return kept.worker;
}

function keepWorker(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // It must not keep a process (a test, a script) alive, and it goes after a while unused.
  worker.unref();
  // No longer the kept worker from the moment it is told to stop: its thread ends later (its 'exit' event), and a job
  // given it meanwhile died with it ("The job stopped unexpectedly").
  idle = { worker, timer: setTimeout(retireIdleWorker, workerIdleMs) };
  idle.timer.unref();
}

/** Stops the worker kept between jobs, if any (the app quitting: nothing of it outlives the app's own timers). */
export function retireIdleWorker(): void {
  const kept = idle;
  idle = null;
  if (!kept) return;
  clearTimeout(kept.timer);
  void kept.worker.terminate();
}

/** The thread id of the worker kept between jobs, if one is (tests). */
export function idleWorkerThreadId(): number | null {
  return idle?.worker.threadId ?? null;
}

/** After a cancel, a job that has not stopped at its next step within this long is stopped by force. */
const cancelGraceMs = 5000;

interface RunningJob {
  worker: Worker;
  flags: Int32Array;
  event: JobEvent;
  started: number;
  temporaries: Set<string>;
  cancelTimer?: NodeJS.Timeout;
  /** The job's answer to its caller. With `upkeep`, the worker goes on (lock messages included) until `finish`. */
  settle(outcome: { value: unknown } | { error: AppError }, upkeep?: boolean): void;
  /** The worker is done with the job (after the answer, or after its upkeep): kept for the next one. */
  finish(): void;
}

export interface JobRunnerOptions {
  db: Database;
  changes: ChangeWriter;
  databaseFile: string;
  dataDir: string;
  nativeBinding?: string;
  shell: 'desktop' | 'browser';
  version: string;
}

/**
 * Runs long work in a worker thread with its own connection to the database, one job at a time, so that main's
 * thread keeps answering: reads see the last committed state (WAL), and main's writes, refused rather than left
 * waiting while the worker holds the write lock, wait for its transaction to end (src-main/api.ts). What the
 * worker's writes change is announced from main like main's own writes. Jobs report progress (`job` events) and
 * honour cancel; a worker that dies takes its uncommitted transaction with it, and its temporary files are removed.
 */
export class JobRunner implements Jobs {
  private readonly emitter = new EventEmitter();
  private readonly running = new Map<string, RunningJob>();
  private queue: Promise<unknown> = Promise.resolve();
  private lockHeld = false;
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: JobRunnerOptions) {
    this.emitter.setMaxListeners(100);
    sweepAbandonedHeldPartsOnce();
    options.db.writeGate = {
      enter: () => {
        if (this.lockHeld) throw new WriteLockBusy();
      },
      leave: () => undefined,
    };
  }

  run<C extends JobChannel>(channel: C, input: JobInputs[C]): Promise<JobOutputs[C]> {
    const started = this.queue.then(() => this.start(channel, input));
    // The next job waits for this one's worker, its upkeep after the answer included.
    this.queue = started.then(
      (job) => job.finished,
      () => undefined,
    );
    return started.then((job) => job.answer) as Promise<JobOutputs[C]>;
  }

  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job || !job.event.cancellable) return false;
    Atomics.store(job.flags, flagSlots.cancel, 1);
    job.cancelTimer ??= setTimeout(() => void job.worker.terminate(), cancelGraceMs);
    return true;
  }

  async terminate(id: string): Promise<void> {
    await this.running.get(id)?.worker.terminate();
  }

  list(): JobEvent[] {
    return [...this.running.values()].map((job) => job.event);
  }

  prepare(upcoming: UpcomingJob = {}): boolean {
    // A worker doing a job's upkeep is kept once it is done: no second one.
    if (this.closed || this.running.size > 0 || this.upkeeping.size > 0) return false;
    const starting = !idle;
    // One already waiting: it is kept its full while again from now.
    if (idle) idle.timer.refresh();
    else keepWorker(takeWorker());
    const channel = upcoming.job ?? (upcoming.importFileBytes !== undefined ? 'imports.run' : undefined);
    if (channel) idle?.worker.postMessage({ type: 'upcoming', channel, importFileBytes: upcoming.importFileBytes } satisfies WorkerUpcoming);
    return starting;
  }

  onEvent(listener: (event: JobEvent) => void): () => void {
    this.emitter.on('job', listener);
    return () => this.emitter.off('job', listener);
  }

  whenWritable(): Promise<void> {
    if (!this.lockHeld) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.running.values(), ...this.upkeeping].map((job) => job.worker.terminate()));
  }

  /** Jobs answered whose worker still does their upkeep (JobControl.afterAnswer): no longer listed, not cancellable. */
  private readonly upkeeping = new Set<RunningJob>();

  busy(): boolean {
    return this.running.size > 0 || this.upkeeping.size > 0;
  }

  private start(channel: JobChannel, input: unknown): { answer: Promise<unknown>; finished: Promise<void> } {
    if (this.closed) throw new AppError('CANCELLED', 'Candid is closing.');
    // The worker reads statistics (exports, the sync image): none left owed by a write of main's before it starts.
    this.options.changes.settleStatistics();
    const id = newId();
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * flagCount);
    const { databaseFile, dataDir, nativeBinding, shell, version } = this.options;
    const worker = takeWorker();
    const start: WorkerStart = { jobId: id, channel, input, databaseFile, dataDir, nativeBinding, shell, version, flags: shared };
    let finished!: () => void;
    const whenFinished = new Promise<void>((resolve) => (finished = resolve));
    const answer = new Promise((resolve, reject) => {
      let settled = false;
      let done = false;
      const job: RunningJob = {
        worker,
        flags: new Int32Array(shared),
        started: performance.now(),
        temporaries: new Set(),
        event: {
          id,
          channel,
          state: 'running',
          step: 'starting',
          done: null,
          total: null,
          fraction: 0,
          startedAt: new Date().toISOString(),
          estimatedMsLeft: null,
          cancellable: true,
        },
        settle: (outcome, upkeep = false) => {
          if (settled) return;
          settled = true;
          clearTimeout(job.cancelTimer);
          this.removeTemporaries(job);
          const failed = 'error' in outcome;
          const state = !failed ? 'done' : outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
          this.publish(job, { state, fraction: failed ? job.event.fraction : 1, estimatedMsLeft: null, cancellable: false });
          this.running.delete(id);
          if (upkeep) this.upkeeping.add(job);
          else job.finish();
          if (failed) reject(outcome.error);
          else resolve(outcome.value);
        },
        finish: () => {
          if (done) return;
          done = true;
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          this.upkeeping.delete(job);
          if (!exited && this.closed) void worker.terminate();
          else if (!exited) keepWorker(worker);
          finished();
        },
      };
      let exited = false;
      const onMessage = (message: WorkerMessage) => this.receive(job, message);
      // A worker that dies after its answer (in its upkeep) only ends the job: the answer stands.
      const onError = (error: Error) => {
        exited = true;
        this.afterDeath(job);
        job.settle({ error: new AppError('INTERNAL', `The job stopped: ${error.message}`) });
        job.finish();
      };
      const onExit = () => {
        exited = true;
        this.afterDeath(job);
        const cancelled = Atomics.load(job.flags, flagSlots.cancel) === 1;
        job.settle({ error: cancelled ? new AppError('CANCELLED', 'The job was cancelled; nothing was changed.') : this.deathError() });
        job.finish();
      };
      this.running.set(id, job);
      this.publish(job, {});
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(start);
    });
    return { answer, finished: whenFinished };
  }

  /**
   * Why a worker that was not cancelled exited before its answer: the app closing stops its jobs (close) as a cancel
   * does, which callers leave unreported (a scheduled backup cut short by quitting is not a failure); otherwise a crash.
   */
  private deathError(): AppError {
    return this.closed ? new AppError('CANCELLED', 'Candid closed before the job finished; nothing was changed.') : new AppError('INTERNAL', 'The job stopped unexpectedly; nothing was changed.');
  }

  /** A worker that died holding the lock had its transaction rolled back when its connection closed. */
  private afterDeath(job: RunningJob): void {
    if (Atomics.load(job.flags, flagSlots.lock) !== lockStates.free || this.lockHeld) this.releaseLock();
  }

  private removeTemporaries(job: RunningJob): void {
    // A job may declare a folder (the Excel export's held sheet parts) as well as files.
    for (const file of job.temporaries) fs.rmSync(file, { recursive: true, force: true });
  }

  private receive(job: RunningJob, message: WorkerMessage): void {
    switch (message.type) {
      case 'lock':
        // Main's thread is between two of its transactions whenever it reads a message: grant at once.
        this.lockHeld = true;
        Atomics.store(job.flags, flagSlots.lock, lockStates.held);
        Atomics.notify(job.flags, flagSlots.lock);
        return;
      case 'unlock':
        this.releaseLock();
        return;
      case 'changed':
        this.options.changes.announce(message.tables);
        return;
      case 'temporary':
        job.temporaries.add(message.path);
        return;
      case 'progress': {
        const elapsed = performance.now() - job.started;
        const estimatedMsLeft = message.fraction >= 0.03 ? Math.round((elapsed * (1 - message.fraction)) / message.fraction) : null;
        this.publish(job, { step: message.step, done: message.done, total: message.total, fraction: message.fraction, estimatedMsLeft, cancellable: message.cancellable });
        return;
      }
      case 'done':
        job.settle({ value: message.value }, message.upkeep === true);
        return;
      case 'upkept':
        job.finish();
        return;
      case 'failed':
        job.settle({ error: new AppError(message.error.code, message.error.message, { issues: message.error.issues, details: message.error.details }) });
        return;
    }
  }

  private releaseLock(): void {
    this.lockHeld = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private publish(job: RunningJob, change: Partial<JobEvent>): void {
    job.event = { ...job.event, ...change };
    this.emitter.emit('job', job.event);
  }
}

/**
 * Jobs run in the calling thread: the worker's own (a job's work never starts another worker) and scripts that
 * have no interface to keep answering (the seed script, benchmarks of the work itself).
 */
export class InlineJobs implements Jobs {
  constructor(private readonly context: () => AppContext) {}

  run<C extends JobChannel>(channel: C, input: JobInputs[C]): Promise<JobOutputs[C]> {
    return jobWork[channel](input, this.context());
  }

  cancel(): boolean {
    return false;
  }

  async terminate(): Promise<void> {}

  list(): JobEvent[] {
    return [];
  }

  busy(): boolean {
    return false;
  }

  prepare(): boolean {
    return false;
  }

  onEvent(): () => void {
    return () => undefined;
  }

  whenWritable(): Promise<void> {
    return Promise.resolve();
  }

  settled(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {}
}
