import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { ImportField } from '../../src-shared/contract';
import { launchWorker } from '../jobs/launch';
import { checkThreadLimits } from './check-limits';
import { takeCheckThread } from './check-spare';
import { ThreadInbox } from '../jobs/thread-inbox';
import { importError } from './errors';
import { decodeBatch } from './check-wire';
import type { CheckOutcome, CheckThreadCommand, CheckThreadMessage, CheckThreadStart, StagedRow } from './check-protocol';

function tooLargeToCheck(fileName: string, error: Error) {
  return importError('TOO_LARGE', 'too_large_to_check', `${fileName} is too large to be checked in the memory set aside for it; split it to import it (${error.message})`, { fileName });
}

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
  private readonly inbox: ThreadInbox<CheckThreadMessage>;

  /**
   * `file`: its name, for errors, and its size, which sets the thread's heap limit (`checkThreadLimits`, which
   * `limits` replaces in the tests).
   */
  constructor(start: Omit<CheckThreadStart, 'role'>, file: { fileName: string; bytes: number }, limits: ResourceLimits = checkThreadLimits(file.bytes)) {
    const spare = takeCheckThread(limits);
    const begin = { role: 'import-check', ...start } satisfies CheckThreadStart;
    this.worker = spare ?? launchWorker(begin, limits);
    if (spare) spare.postMessage({ type: 'begin', start: begin } satisfies CheckThreadCommand);
    this.inbox = new ThreadInbox<CheckThreadMessage>(this.worker, {
      errorOf: (error) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLargeToCheck(file.fileName, error) : error),
      stoppedEarly: (code) => `The thread checking the import's rows stopped (exit code ${code}).`,
      // Its last message: every batch was sent (they wait here), so its heap goes now, before the import writes the
      // last batches and settles the derived data (seconds, the import's peak of memory).
      onMessage: (message) => {
        if (message.type === 'checked') void this.stop();
      },
    });
  }

  private next() {
    return this.inbox.next();
  }

  /**
   * Waits for the plan, reporting the rows its pass read; then the unmapped required fields, and the file's data
   * rows when the pass has ended (else `rowCount` tells them once it has, the rows coming meanwhile).
   */
  async planned(onProgress: (rows: number) => void): Promise<{ rowCount: number | null; missing: ImportField[] }> {
    for (;;) {
      const message = await this.next();
      if (message.type === 'progress') {
        this.rowsPlanned = message.rows;
        onProgress(message.rows);
      } else if (message.type === 'planned') {
        this.rowCountOf = message.rowCount;
        return { rowCount: message.rowCount, missing: message.missing };
      } else throw new Error(`The import's check thread sent ${message.type} before its plan.`);
    }
  }

  private rowsPlanned = 0;
  private rowCountOf: number | null = null;

  /** The file's data rows once the plan's pass has counted them; null until then. */
  rowCount(): number | null {
    return this.rowCountOf;
  }

  /** Rows the plan's pass has read so far. */
  rowsRead(): number {
    return this.rowCountOf ?? this.rowsPlanned;
  }

  /**
   * The checked rows in batches, in order; each asks the thread for one more once it is written (the caller's loop).
   * A batch that came as texts is read once, each row decoded as it is reached (check-wire.ts `decodeBatch`).
   */
  async *batches(): AsyncGenerator<Iterable<StagedRow>> {
    for (;;) {
      const message = await this.next();
      switch (message.type) {
        case 'checked':
          this.outcomeOf = message.outcome;
          return;
        case 'progress':
          this.rowsPlanned = message.rows;
          break;
        case 'counted':
          this.rowCountOf = message.rowCount;
          break;
        case 'rows':
          yield 'texts' in message ? decodeBatch(message.texts) : message.rows;
          this.worker.postMessage({ type: 'written' } satisfies CheckThreadCommand);
          break;
        default:
          throw new Error(`The import's check thread sent ${message.type} among its rows.`);
      }
    }
  }

  private outcomeOf: CheckOutcome | undefined;

  /** What the check found, once every batch came. */
  outcome(): CheckOutcome {
    if (!this.outcomeOf) throw new Error('The import asked for its check before every row was checked.');
    return this.outcomeOf;
  }

  /** Ends the thread (done, or the import failed or was cancelled). */
  stop(): Promise<void> {
    return this.inbox.stop();
  }
}
