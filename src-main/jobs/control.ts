import { parentPort } from 'node:worker_threads';
import type { JobChannel, JobStep } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { WriteGate } from '../db/connection';
import { flagSlots, lockStates, type WorkerMessage } from './protocol';

/** How each job's steps share its progress bar (weights add up to 1 over the steps the job goes through). */
const stepWeights: Partial<Record<JobChannel, Partial<Record<JobStep, number>>>> = {
  'imports.preview': { reading: 0.6, checking: 0.4 },
  // Rows are checked as they are staged (imports/run.ts): no step of their own.
  'imports.run': { reading: 0.15, staging: 0.55, backingUp: 0.1, applying: 0.2 },
  'backups.restore': { verifying: 0.4, backingUp: 0.3, copying: 0.2, migrating: 0.1 },
};

/** Progress is sent at most this often: the interface redraws a bar, it does not need every row. */
const reportEveryMs = 100;

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The job was cancelled; nothing was changed.');
}

/**
 * What a job's code running in the worker reaches through `context.job`: progress reports (which are also where a
 * cancel is noticed), the files it must not leave behind, and whether it can still be cancelled.
 */
export class JobControl {
  private readonly flags: Int32Array;
  private readonly weights: Partial<Record<JobStep, number>>;
  private currentStep: JobStep = 'starting';
  private doneBefore = 0;
  private lastSent = 0;
  private lastFraction = 0;
  private cancellable = true;

  constructor(
    readonly channel: JobChannel,
    flags: SharedArrayBuffer,
    private readonly send: (message: WorkerMessage) => void = (message) => parentPort!.postMessage(message),
  ) {
    this.flags = new Int32Array(flags);
    this.weights = stepWeights[channel] ?? {};
  }

  /** The step reported last (a backup taken inside another job counts its pages under that job's step). */
  get step(): JobStep {
    return this.currentStep;
  }

  get cancelRequested(): boolean {
    return this.cancellable && Atomics.load(this.flags, flagSlots.cancel) === 1;
  }

  throwIfCancelled(): void {
    if (this.cancelRequested) throw cancelledError();
  }

  /**
   * Reports `done` of `total` items of `step` (both null when the step does not count), and stops the job here
   * when a cancel was asked for.
   */
  progress(step: JobStep, done: number | null = null, total: number | null = null): void {
    this.throwIfCancelled();
    const changed = step !== this.currentStep;
    if (changed) {
      this.doneBefore += this.weightOf(this.currentStep);
      this.currentStep = step;
    }
    const now = performance.now();
    // Counts of a few items (tables, sheets) are all reported; counts of rows at most every reportEveryMs.
    if (!changed && now - this.lastSent < reportEveryMs && done !== total && (total ?? 0) > 100) return;
    this.lastSent = now;
    const within = done !== null && total ? Math.min(done / total, 1) : 0;
    // Rounded: sums of weights carry float errors that would make the bar step back by 1e-17.
    const fraction = Math.min(Math.round((this.doneBefore + this.weightOf(step) * within) * 10_000) / 10_000, 1);
    this.lastFraction = fraction;
    this.send({ type: 'progress', step, done, total, fraction, cancellable: this.cancellable });
  }

  /** From here on the job finishes whatever is asked: it is committing what it prepared. */
  commitPoint(): void {
    this.throwIfCancelled();
    this.cancellable = false;
    // Where the bar is: the step's own part may already be done (an import's staging ends here).
    this.send({ type: 'progress', step: this.currentStep, done: null, total: null, fraction: this.lastFraction, cancellable: false });
  }

  /** Work to run once the job's answer went back (see afterAnswer), in the order given. */
  readonly upkeep: (() => void)[] = [];

  /**
   * Runs `work` after the job's answer was sent: work that changes nothing the user sees or searches, such as
   * merging the full-text segments an import's one INSERT left (2 s of its 21 at 100,000 rows, the import being
   * done and searchable before it). It still takes the write lock per transaction; the next job waits for it.
   */
  afterAnswer(work: () => void): void {
    this.upkeep.push(work);
  }

  /** Declares a file the job creates and removes itself; main removes it if the worker dies first. */
  temporary(path: string): string {
    this.send({ type: 'temporary', path });
    return path;
  }

  /** The write gate of the worker's connection: each write transaction asks main for the lock and waits for it. */
  writeGate(): WriteGate {
    return {
      enter: () => {
        Atomics.store(this.flags, flagSlots.lock, lockStates.asked);
        this.send({ type: 'lock' });
        while (Atomics.load(this.flags, flagSlots.lock) === lockStates.asked) Atomics.wait(this.flags, flagSlots.lock, lockStates.asked, 1000);
      },
      leave: () => {
        Atomics.store(this.flags, flagSlots.lock, lockStates.free);
        this.send({ type: 'unlock' });
      },
    };
  }

  private weightOf(step: JobStep): number {
    return this.weights[step] ?? (Object.keys(this.weights).length === 0 && step !== 'starting' ? 1 : 0);
  }
}
