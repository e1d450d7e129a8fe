import type { ResourceLimits, Worker } from 'node:worker_threads';
import { launchWorker } from '../jobs/launch';
import { ThreadInbox } from '../jobs/thread-inbox';
import { importError } from './errors';
import { settledStates, type StatisticsThreadCommand, type StatisticsThreadMessage, type StatisticsThreadStart } from './statistics-protocol';

/**
 * The statistics of an import's staged applications computed in a thread of its own (statistics-worker.ts), into
 * a file of its own, while the import's thread builds the indexes its copy needs in the staging (staging.ts
 * `settle`): after the check thread's last batch, the second core was idle for the import's whole tail. Two
 * connections cannot write one SQLite file at once, so the thread writes its own and only reads the staging, in
 * WAL, from a snapshot it takes first (`reading`) while the staging's connection goes on writing. A failure there
 * fails the import (nothing was written but its staging); the thread ends with the import whatever happens
 * (`stop`), and with the jobs' worker.
 */
export class StatisticsThread {
  private readonly worker: Worker;
  private readonly inbox: ThreadInbox<StatisticsThreadMessage>;
  /** `settledStates`, set by the thread (StatisticsThreadStart.settledFlag). */
  private readonly settledFlag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

  /** Started ahead of `settle`, so that the thread's start overlaps the staging's last writes. */
  constructor(start: Omit<StatisticsThreadStart, 'role' | 'settledFlag'>, limits?: ResourceLimits) {
    this.worker = launchWorker({ role: 'import-statistics', ...start, settledFlag: this.settledFlag.buffer as SharedArrayBuffer } satisfies StatisticsThreadStart, limits);
    this.inbox = new ThreadInbox<StatisticsThreadMessage>(this.worker, {
      // Out of memory (V8 stops the thread): the import is refused as too large, in the user's language, as the
      // check thread refuses a file it cannot hold (check-thread.ts).
      errorOf: (error) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLargeToSettle(error) : error),
      stoppedEarly: (code) => `The thread computing the import's statistics stopped (exit code ${code}).`,
    });
  }

  /**
   * Lets the thread read the staging (its rows all written, the staging in WAL); resolves once its read has
   * begun: what the staging's connection commits after that, the thread does not see.
   */
  async settle(command: Omit<Extract<StatisticsThreadCommand, { type: 'settle' }>, 'type'>): Promise<void> {
    this.worker.postMessage({ type: 'settle', ...command } satisfies StatisticsThreadCommand);
    await this.next('reading');
  }

  /** Resolves once the thread has let the staging go (detached it). */
  async read(): Promise<void> {
    await this.next('read');
  }

  /**
   * Blocks this thread until the thread's file is complete and closed, for at most `ms`: for a caller inside a
   * transaction, which cannot wait for a message. False where it failed, or is still running then (it may have
   * died without a word, out of memory): the caller then lets its transaction go and learns why from `settled`.
   */
  waitSettled(ms: number): boolean {
    const until = performance.now() + ms;
    for (let left = ms; left > 0; left = until - performance.now()) {
      if (Atomics.load(this.settledFlag, 0) !== settledStates.running) break;
      Atomics.wait(this.settledFlag, 0, settledStates.running, left);
    }
    return Atomics.load(this.settledFlag, 0) === settledStates.settled;
  }

  /** Resolves once the thread's file is complete and closed. */
  async settled(): Promise<void> {
    await this.next('settled');
    await this.stop();
  }

  private async next(expected: Exclude<StatisticsThreadMessage['type'], 'failed'>): Promise<void> {
    const message = await this.inbox.next();
    if (message.type !== expected) throw new Error(`The import's statistics thread sent ${message.type} instead of ${expected}.`);
  }

  /** Ends the thread (done, or the import failed or was cancelled). */
  stop(): Promise<void> {
    return this.inbox.stop();
  }
}

function tooLargeToSettle(error: Error) {
  return importError('TOO_LARGE', 'too_large_to_settle', `The import is too large for the memory set aside to compute its statistics; split the file to import it (${error.message})`);
}
