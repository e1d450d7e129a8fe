import { parentPort } from 'node:worker_threads';
import { Database } from '../db/connection';
import { toErrorShape } from '../error-shape';
import { checkedBatches, checkOutcome, planFile, RowChecker, unmappedRequired } from './analyse';
import type { CheckThreadCommand, CheckThreadMessage, CheckThreadStart } from './check-protocol';
import { openImportFile } from './read';

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
 */
export async function runCheckThread(start: CheckThreadStart): Promise<void> {
  let db: Database | undefined;
  let close: (() => void) | undefined;
  try {
    const credits = new Credits(start.batchesInFlight);
    db = new Database(start.databaseFile, { nativeBinding: start.nativeBinding, readonly: true });
    const opened = openImportFile(start.input.source, start.input.settings);
    close = opened.close;
    const { file } = opened;
    // The import sends only tables here (a backup is read whole where it is imported).
    if (file.kind !== 'table') throw new Error(`${file.fileName} is not a table: only a table's rows are checked in a thread.`);
    const plan = await planFile(db, file, start.input, { onProgress: (rows) => send({ type: 'progress', rows }) });
    const checker = new RowChecker(db, plan, false);
    send({ type: 'planned', rowCount: plan.rowCount, missing: unmappedRequired(plan) });
    for (const rows of checkedBatches(checker, plan, start.batchRows)) {
      await credits.take();
      send({ type: 'rows', rows });
    }
    send({ type: 'checked', outcome: checkOutcome(checker.analysis()) });
  } catch (error) {
    send({ type: 'failed', error: toErrorShape(error) });
  } finally {
    close?.();
    // Not db.close(): its `PRAGMA optimize` would write.
    db?.statements.clear();
    if (db?.sqlite.open) db.sqlite.close();
  }
}
