import type { Database } from '../db/connection';
import { storeInsertedStatistics } from '../statistics/maintained/inserted-facts';
import { refreshStatistics } from '../statistics/maintained/refresh';
import { insertTextRowsSql, recomputeCurrentStage, recomputeCurrentStageAfter, reindexApplications } from './derive';

/**
 * The meta key that says derived data is owed to the applications after this `seq`: rows were written in bulk
 * (a bootstrap's, bulk-rows.ts; a bulk insert's, ChangeWriter.write with `bulk`) and their current stage,
 * full-text rows and statistics are computed later, once, set-based. Kept in the database, so that a crash before
 * that leaves the debt written down.
 */
export const pendingKey = 'derived_pending_after';

export function pendingAfter(db: Database): number | null {
  const value = db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(pendingKey) as string | undefined;
  return value === undefined ? null : Number(value);
}

/** Writes down (unless it already is) that the applications inserted from now on owe their derived data. */
export function oweDerivedData(db: Database, after = db.sql(`SELECT coalesce(max(seq), 0) FROM applications`).pluck().get() as number): void {
  db.sql(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`).run(pendingKey, String(after));
}

/** Every derived datum of these applications computed again, as the write path does after a write. */
export function deriveApplications(db: Database, ids: ReadonlySet<string>): void {
  recomputeCurrentStage(db, ids);
  reindexApplications(db, ids);
  // After the current stage: the facts read it.
  refreshStatistics(db, ids);
}

/**
 * Computes the owed derived data of every application after the recorded `seq` in one transaction, set-based:
 * what an import's staging does once after its last bulk write, instead of at each of its commits. Returns how
 * many applications it computed.
 */
export function settleDerivedData(db: Database): number {
  return db.transaction(() => {
    const after = pendingAfter(db);
    if (after === null) return 0;
    const settled = db.sql(`SELECT count(*) FROM applications WHERE seq > ?`).pluck().get(after) as number;
    recomputeCurrentStageAfter(db, after);
    settleTextRows(db, after);
    // After the current stage: the facts read it. Set-based over the applications after `after` (the statistics of
    // 100,000 of them per application cost 5.5 s of CPU): what deriveApplications computes, proven equal in
    // test/statistics/inserted-facts.test.ts.
    storeInsertedStatistics(db, after);
    writeOffDerivedData(db);
    return settled;
  });
}

/**
 * settleDerivedData in parts, for an import whose statistics are computed by a thread of its own
 * (imports/statistics-thread.ts): the current stages of the applications after `after` (pendingAfter), returning
 * how many it changed, then (`settleRemainingText`) the full-text rows, the debt then written off. The statistics
 * are left to the caller.
 */
export function settleCurrentStages(db: Database, after: number): number {
  return db.transaction(() => recomputeCurrentStageAfter(db, after));
}

export function settleRemainingText(db: Database, after: number): void {
  db.transaction(() => {
    settleTextRows(db, after);
    writeOffDerivedData(db);
  });
}

/**
 * No derived data owed any more: computed here, or elsewhere (an import's statistics thread writes the full-text rows
 * and statistics of its staged applications into a file of its own).
 */
export function writeOffDerivedData(db: Database): void {
  db.sql(`DELETE FROM meta WHERE key = ?`).run(pendingKey);
}

/**
 * The full-text rows, as reindexApplications writes them (those an ordinary write gave one of them since its bulk
 * insert removed first; the row's rowid is its seq), the applications taken by seq instead of 100,000 ids passed as
 * JSON: 0.43 against 0.55 to 0.6 s of CPU.
 */
function settleTextRows(db: Database, after: number): void {
  db.sql(`DELETE FROM applications_fts WHERE rowid > ?`).run(after);
  db.sql(insertTextRowsSql(`a.seq > ?`)).run(after);
}
