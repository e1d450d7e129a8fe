import type { Database } from '../db/connection';
import { storeInsertedStatistics } from '../statistics/maintained/inserted-facts';
import { refreshStatistics } from '../statistics/maintained/refresh';
import { insertTextRowsSql, recomputeCurrentStage, reindexApplications } from './derive';

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
    // Their full-text rows, as reindexApplications writes them (those an ordinary write gave one of them since
    // its bulk insert removed first; the row's rowid is its seq), the applications taken by seq instead of 100,000
    // ids passed as JSON: 0.43 against 0.55 to 0.6 s of CPU.
    db.sql(`DELETE FROM applications_fts WHERE rowid > ?`).run(after);
    db.sql(insertTextRowsSql(`a.seq > ?`)).run(after);
    // After the current stage: the facts read it. Set-based over the applications after `after` (the statistics of
    // 100,000 of them per application cost 5.5 s of CPU): what deriveApplications computes, proven equal in
    // test/statistics/inserted-facts.test.ts.
    storeInsertedStatistics(db, after);
    db.sql(`DELETE FROM meta WHERE key = ?`).run(pendingKey);
    return settled;
  });
}

/**
 * What `recomputeCurrentStage` does for the applications after `after`, each one's latest live event looked up by
 * its index in the order of `seq`, instead of every event of the ids given ranked by a window: at 100,000 imported
 * applications (whose stage the import writes with the row, so that nothing changes) 0.25 against 0.55 to 0.8 s of
 * CPU, and 0.7 against 1.4 s when every stage changes. Same latest event (the last by time then id, of a stage
 * that exists), same rows written: test/changes/owed-derived.test.ts compares the two.
 */
function recomputeCurrentStageAfter(db: Database, after: number): void {
  db.sql(`
    UPDATE applications SET stage_id = latest.to_stage_id, stage_category = latest.category, stage_changed_at = latest.occurred_at
    FROM (
      SELECT a.seq, e.to_stage_id, s.category, e.occurred_at
      FROM applications a
      JOIN stage_events e ON e.rowid = (
        SELECT l.rowid FROM stage_events l
        WHERE l.application_id = a.id AND l.deleted_at IS NULL AND EXISTS (SELECT 1 FROM stages WHERE stages.id = l.to_stage_id)
        ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1)
      JOIN stages s ON s.id = e.to_stage_id
      WHERE a.seq > ?) latest
    WHERE applications.seq = latest.seq
      AND (applications.stage_id IS NOT latest.to_stage_id OR applications.stage_category IS NOT latest.category
        OR applications.stage_changed_at IS NOT latest.occurred_at)`).run(after);
}
