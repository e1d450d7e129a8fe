import { parentPort } from 'node:worker_threads';
import { Database } from '../db/connection';
import { toErrorShape } from '../error-shape';
import { insertTextRowsSql } from '../changes/derive';
import { countInsertedFacts, insertedCountsOf, replaceInsertedFacts } from '../statistics/maintained/inserted-facts';
import { createMissingIndexes } from './raw-copy';
import { markSettled, settledStates, stagedStatisticsTables, stagedTextColumns, type StatisticsThreadCommand, type StatisticsThreadMessage, type StatisticsThreadStart } from './statistics-protocol';

const send = (message: StatisticsThreadMessage) => parentPort!.postMessage(message);

/** When the thread's read of the staging begins (its snapshot taken) and ends (the staging detached). */
export interface StagingRead {
  reading(): void;
  read(): void;
}

const unobserved: StagingRead = { reading: () => undefined, read: () => undefined };

/**
 * Computes the statistics and full-text rows of the staged applications after `after` into `db`, a database of its
 * own with the staging attached as `staging` (read only): the statistics tables made as the staging has them (its
 * schema, its indexes), so that every name the statistics code does not qualify finds the staged applications,
 * histories, companies and stages in the attachment and the statistics tables in main; the full-text rows in a plain
 * table, as the staging holds them. Everything is read in one transaction, from its first statement
 * (`reading`) to the staging detached (`read`): in WAL, the staging as it was at that first statement, whatever its
 * own connection commits meanwhile. The same code as a staging's own settle (owed-derived.ts settleDerivedData,
 * storeInsertedStatistics), on empty tables, as the staging's are before it: test/imports/statistics-thread.test.ts
 * compares the two.
 */
export function storeStagedStatistics(db: Database, after: number, indexes: readonly { name: string; sql: string }[], staging: StagingRead = unobserved): void {
  // Deferred transactions (better-sqlite3's own): an IMMEDIATE one would reserve the attached staging too.
  const counts = db.sqlite.transaction(() => {
    const schema = db
      .sql(`SELECT sql FROM staging.sqlite_master WHERE tbl_name IN (${stagedStatisticsTables.map(() => '?').join(', ')}) AND sql IS NOT NULL ORDER BY type DESC`)
      .pluck()
      .all(...stagedStatisticsTables) as string[];
    staging.reading();
    for (const statement of schema) db.sqlite.exec(statement);
    const counts = insertedCountsOf(db);
    if (counts) replaceInsertedFacts(db, after, counts);
    // The full-text rows, as the staging's own settle writes them (owed-derived.ts settleRemainingText), here while
    // the import's thread checks the stages and builds the indexes its copy transfers.
    db.sqlite.exec(`CREATE TABLE applications_fts (${stagedTextColumns})`);
    db.sql(insertTextRowsSql(`a.seq > ?`)).run(after);
    return counts;
  })();
  db.statements.clear();
  db.sqlite.prepare(`DETACH DATABASE staging`).run();
  staging.read();
  db.sqlite.transaction(() => {
    if (counts) countInsertedFacts(db, after, counts);
    createMissingIndexes(db, indexes);
  })();
}

/**
 * The thread side of statistics-thread.ts: opens its own file, waits for the staging's rows to be all
 * written, then computes the statistics (storeStagedStatistics), telling the import when its read of the staging
 * began and ended and when the file is complete.
 */
export function runStatisticsThread(start: StatisticsThreadStart): void {
  let db: Database | undefined;
  const close = () => {
    db?.statements.clear();
    if (db?.sqlite.open) db.sqlite.close();
  };
  const fail = (error: unknown) => {
    close();
    markSettled(start.settledFlag, settledStates.failed);
    send({ type: 'failed', error: toErrorShape(error) });
  };
  try {
    db = new Database(start.statisticsFile, { nativeBinding: start.nativeBinding });
    // Nobody else writes it and a failure throws it away: as the staging, no journal on disk, no syncing. The
    // import's copy attaches it while this thread may still write it, and takes no lock on it until it is complete
    // (staging.ts apply): its commits are not refused. Not in WAL: the copy, the last to let it go, checkpointed its
    // whole log there (40 to 200 ms).
    db.sqlite.pragma('journal_mode = MEMORY');
    db.sqlite.pragma('synchronous = OFF');
    db.sqlite.pragma('temp_store = MEMORY');
    db.sqlite.pragma('cache_size = -64000');
  } catch (error) {
    fail(error);
    return;
  }
  parentPort!.once('message', (command: StatisticsThreadCommand) => {
    try {
      db!.sqlite.prepare(`ATTACH DATABASE ? AS staging`).run(start.stagingFile);
      storeStagedStatistics(db!, command.after, command.indexes, { reading: () => send({ type: 'reading' }), read: () => send({ type: 'read' }) });
      close();
      markSettled(start.settledFlag, settledStates.settled);
      send({ type: 'settled' });
    } catch (error) {
      fail(error);
    }
  });
}
