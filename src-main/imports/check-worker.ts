import { parentPort } from 'node:worker_threads';
import { Database } from '../db/connection';
import { toErrorShape } from '../error-shape';
import { checkedBatchesWhilePlanning, checkOutcome, planPass, RowChecker, shapedBatches, unmappedRequired, type FilePlan } from './analyse';
import type { CheckedRow, CheckThreadCommand, CheckThreadMessage, CheckThreadStart, StagedRow } from './check-protocol';
import { batchMessage, encodeRow } from './check-wire';
import { FilePlanner } from './planner';
import { openImportFile } from './read';
import { stagedRow } from './staged';

const send = (message: CheckThreadMessage) => parentPort!.postMessage(message);

/** Batches the thread may still send before the import writes one: waits for a `written` when there is none left. */
class Credits {
  private wake: (() => void) | null = null;

  constructor(private left: number) {
    parentPort!.on('message', (command: CheckThreadCommand) => {
      if (command.type !== 'written') return;
      this.left += 1;
      this.wake?.();
    });
  }

  async take(): Promise<void> {
    while (this.left === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
    this.left -= 1;
  }
}

/**
 * The thread side of check-thread.ts: opens the file and a read-only connection of its own, plans the file and
 * checks every row as an import in one thread does (analyse.ts), and sends the checked rows in batches, never more
 * than `batchesInFlight` ahead of the writes, then what the check found.
 *
 * The rows are checked from when the plan is decided (its first 2,000 rows profiled), while its pass reads the rest
 * of the file: the import stages them meanwhile instead of waiting for the pass (1.9 to 2.2 s at 100,000 rows at
 * rest). A row whose dates need the whole file's evidence waits for the pass's end (analyse.ts
 * `checkedBatchesWhilePlanning`). When the mapping lacks a required field, the pass ends first, so that what it finds
 * in the file (too many rows, not text) is reported as before.
 */
export async function runCheckThread(start: CheckThreadStart): Promise<void> {
  let db: Database | undefined;
  let close: (() => void) | undefined;
  const release = () => {
    close?.();
    close = undefined;
    // Not db.close(): its `PRAGMA optimize` would write.
    db?.statements.clear();
    if (db?.sqlite.open) db.sqlite.close();
  };
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    send({ type: 'failed', error: toErrorShape(error) });
  };
  try {
    const credits = new Credits(start.batchesInFlight);
    db = new Database(start.databaseFile, { nativeBinding: start.nativeBinding, readonly: true });
    const opened = openImportFile(start.input.source, start.input.settings);
    close = opened.close;
    const { file } = opened;
    // The import sends only tables here (a backup is read whole where it is imported).
    if (file.kind !== 'table') throw new Error(`${file.fileName} is not a table: only a table's rows are checked in a thread.`);
    const planner = new FilePlanner(db, file, start.input);
    let planned: FilePlan | null = null;
    const pass = planPass(planner, { onProgress: (rows) => send({ type: 'progress', rows }) }).then((plan) => (planned = plan));
    // The pass may fail while rows are checked, the check waiting for the import: the import hears it at once.
    pass.catch(fail);
    await Promise.race([pass, planner.decision]);
    const decided = planner.decided!;
    const checker = new RowChecker(db, decided, false);
    // Each row is encoded as soon as it is checked (check-wire.ts), so that its objects die young.
    const shape = (row: CheckedRow) => {
      const staged = stagedRow(row);
      return encodeRow(staged) ?? staged;
    };
    let batches: Iterable<(string | StagedRow)[]> | AsyncIterable<(string | StagedRow)[]>;
    if (planned || checker.missing.length > 0) {
      const plan = await pass;
      send({ type: 'planned', rowCount: plan.rowCount, missing: unmappedRequired(plan) });
      batches = shapedBatches(checker, plan, start.batchRows, shape);
    } else {
      send({ type: 'planned', rowCount: null, missing: [] });
      void pass.then((plan) => send({ type: 'counted', rowCount: plan.rowCount }), () => undefined);
      batches = checkedBatchesWhilePlanning(checker, planner, pass, start.batchRows, shape);
    }
    for await (const rows of batches) {
      await credits.take();
      send(batchMessage(rows));
      // A turn of the event loop for the pass while it reads: else a check that never waits for the import would
      // hold it back to its end (the import's progress counts the rows once the pass has).
      if (!planned) await new Promise((resolve) => setImmediate(resolve));
    }
    const outcome = checkOutcome(checker.analysis(await pass));
    // The file and the database let go before the last message, as a job's worker does (jobs/job-worker.ts): once
    // the import has its outcome, nothing of this thread holds them.
    release();
    send({ type: 'checked', outcome });
  } catch (error) {
    fail(error);
  } finally {
    release();
  }
}

/**
 * A thread started ahead of its import (check-spare.ts): its code is loaded (a third of a second of the import's
 * start at the bench's file, before its first rows could be checked); it waits for the import's start.
 */
export function awaitCheckStart(): void {
  const begin = (command: CheckThreadCommand) => {
    if (command.type !== 'begin') return;
    parentPort!.off('message', begin);
    void runCheckThread(command.start);
  };
  parentPort!.on('message', begin);
}
