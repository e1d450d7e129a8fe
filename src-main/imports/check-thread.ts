import type { Worker } from 'node:worker_threads';
import type { ImportField } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { launchWorker } from '../jobs/launch';
import type { CheckedRow, CheckOutcome, CheckThreadCommand, CheckThreadMessage, CheckThreadStart } from './check-protocol';

/**
 * The reading, planning and checking of an import's file in a thread of its own, on the second core, while the
 * import writes the rows already checked into its staging database (run.ts): check-worker.ts runs there.
 * - The same code as in one thread (planFile, RowChecker), on a read-only connection of its own: the live database
 *   is only read before the import's final transaction, which starts once the thread is done.
 * - Checked rows come in batches, at most `batchesInFlight` ahead of the writes (`written` lets one more come):
 *   the rows held wait in a bounded queue whatever the file's size.
 * - A failure there fails the import (nothing was written but its staging); the thread ends with the import,
 *   whatever happens (`stop`), and with the jobs' worker when that dies.
 */
export class CheckThread {
  private readonly worker: Worker;
  private readonly arrived: CheckThreadMessage[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | undefined;
  private stopped = false;

  constructor(start: Omit<CheckThreadStart, 'role'>) {
    this.worker = launchWorker({ role: 'import-check', ...start } satisfies CheckThreadStart);
    const fail = (error: Error) => {
      this.failure ??= error;
      this.wake?.();
    };
    this.worker.on('message', (message: CheckThreadMessage) => {
      this.arrived.push(message);
      this.wake?.();
    });
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (!this.stopped) fail(new Error(`The thread checking the import's rows stopped (exit code ${code}).`));
    });
  }

  /** The thread's next message in order; its failure (reported or a crash) as an error. */
  private async next(): Promise<Exclude<CheckThreadMessage, { type: 'failed' }>> {
    while (this.arrived.length === 0) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    const message = this.arrived.shift()!;
    if (message.type === 'failed') {
      const { code, message: text, issues, details } = message.error;
      throw new AppError(code, text, { issues, details });
    }
    return message;
  }

  /** Waits for the plan, reporting the rows its pass read; then the file's data rows and unmapped required fields. */
  async planned(onProgress: (rows: number) => void): Promise<{ rowCount: number; missing: ImportField[] }> {
    for (;;) {
      const message = await this.next();
      if (message.type === 'progress') onProgress(message.rows);
      else if (message.type === 'planned') return { rowCount: message.rowCount, missing: message.missing };
      else throw new Error(`The import's check thread sent ${message.type} before its plan.`);
    }
  }

  /** The checked rows in batches, in order; each asks the thread for one more once it is written (the caller's loop). */
  async *batches(): AsyncGenerator<CheckedRow[]> {
    let first = true;
    for (;;) {
      if (!first) this.worker.postMessage({ type: 'written' } satisfies CheckThreadCommand);
      first = false;
      const message = await this.next();
      if (message.type === 'checked') {
        this.outcomeOf = message.outcome;
        return;
      }
      if (message.type !== 'rows') throw new Error(`The import's check thread sent ${message.type} among its rows.`);
      yield message.rows;
    }
  }

  private outcomeOf: CheckOutcome | undefined;

  /** What the check found, once every batch came. */
  outcome(): CheckOutcome {
    if (!this.outcomeOf) throw new Error('The import asked for its check before every row was checked.');
    return this.outcomeOf;
  }

  /** Ends the thread (done, or the import failed or was cancelled). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }
}
