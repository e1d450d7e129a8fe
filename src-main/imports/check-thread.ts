import type { ResourceLimits, Worker } from 'node:worker_threads';
import type { ImportField } from '../../src-shared/contract';
import { launchWorker } from '../jobs/launch';
import { ThreadInbox } from '../jobs/thread-inbox';
import { importError } from './errors';
import { decodeBatch } from './check-wire';
import type { CheckOutcome, CheckThreadCommand, CheckThreadMessage, CheckThreadStart, StagedRow } from './check-protocol';

/**
 * The thread's old generation (MB) for a file of `bytes`: 40 times the file's size, at least 1,024 and at most
 * 2,047. Why a limit: V8 lets a heap grow to 4 times what was live at its last full collection when the heap's limit
 * is 2 GB or more (here about 4 GB by default), and 1.3 to 2 times below that, by the limit. Most of the thread's
 * heap is garbage: its live set at the bench's file, 25.6 MB and 100,000 rows, is about 23 MB (82 MB before session
 * 13's duplicate finder, duplicates.ts, which now holds numbers instead of strings and objects; measured with the
 * typed arrays' contents, outside the heap).
 * Why so high: a thread past its limit is killed and the import fails (`tooLargeToCheck`). Live sets measured: 178
 * MB for the realistic 95 MB, 585,000-row file of test/imports/memory.test.ts (before session 13); 101 MB for
 * 100,000 rows (10 MB) that each name a company and a position of their own, 1 KB a row (412 MB, 4.3 KB a row,
 * before session 13, when such a file was refused past about 230,000 rows; now a million such rows, the most an
 * import takes, would need about 1 GB of the 2,047 MB their 100 MB allow).
 */
export function checkThreadLimits(bytes: number): ResourceLimits {
  const mb = bytes / (1024 * 1024);
  return { maxOldGenerationSizeMb: Math.round(Math.min(2047, Math.max(1024, 40 * mb))), maxYoungGenerationSizeMb: checkThreadYoungMb };
}

/**
 * The thread's young generation (MB), above what V8 grows it to by itself: the file's rows and their checked forms
 * live for a batch, and with the default nursery they were scavenged again and again before they died (109
 * scavenges, 0.9 s of pauses plus the collector's helper threads, at the bench's 100,000 rows), the core the
 * import's own thread needed meanwhile. `heavy.ts import`, 4 alternating pairs, session 23: the job's CPU 21.4 /
 * 21.3 / 22.9 / 22.2 → 20.1 / 21.7 / 20.9 / 20.9 s, the import 12.5 / 12.4 / 13.3 / 12.8 → 11.9 / 12.9 / 12.8 /
 * 12.3 s, the peak 460–487 → 498–506 MB (limit 600). The same for the jobs' worker (64 MB) was not faster and
 * added 40 to 70 MB.
 */
const checkThreadYoungMb = 64;

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
    this.worker = launchWorker({ role: 'import-check', ...start } satisfies CheckThreadStart, limits);
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

  /** The checked rows in batches, in order; each asks the thread for one more once it is written (the caller's loop). */
  async *batches(): AsyncGenerator<StagedRow[]> {
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
          yield 'text' in message ? decodeBatch(message.text) : message.rows;
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
