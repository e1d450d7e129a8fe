import { WriteLockBusy, type Database } from '../db/connection';

/**
 * The full-text index's segments are merged once writes have paused (migration 0280 turned FTS5's own merging in the
 * commit of a write off): each write adds a small segment, and merging them, or a level holding a large one, in the
 * commit of an interactive write cost that write up to 0.65 s of CPU at 100,000 applications. Here the merge runs in
 * short steps, each its own transaction, one after the other while there is work and none as long as writes keep
 * coming (each write puts it off again). A level that reaches FTS5's `crisismerge` (64) segments during a long
 * burst is still merged by the write that fills it, so searches never read more than that many per level.
 */
export const textMergeIdleMs = 500;
/** Pages of merge output per step: about 1.4 ms of CPU each at 100,000, so a step stays well under a frame. */
const pagesPerStep = 24;

/**
 * Called after each write's commit: the merge starts once no write came for `textMergeIdleMs`. The connection holds
 * the timer: it never keeps a process alive, and closing the database cancels it.
 */
export function mergeTextIndexWhenIdle(db: Database, delayMs = textMergeIdleMs): void {
  db.whenIdle('text-index-merge', delayMs, () => mergeInSteps(db));
}

function mergeInSteps(db: Database): void {
  let merged: boolean;
  try {
    merged = mergeTextIndexStep(db);
  } catch (error) {
    // A job's worker holds the write lock: try again once idle. Anything else (a full disk): the next write
    // schedules another, and crisismerge still bounds the segments.
    if (error instanceof WriteLockBusy) mergeTextIndexWhenIdle(db);
    return;
  }
  if (!merged) return;
  db.checkpointWhenIdle();
  mergeTextIndexWhenIdle(db, 0);
}

/**
 * Merges until nothing is left, in steps of `pages` (each its own transaction, so that main's writes go between
 * them): what a job's worker does after an import, whose one INSERT of 100,000 full-text rows leaves FTS5 a segment
 * per megabyte of pending data, and whose merging belongs in the worker, not on main's thread when it is idle.
 */
export function mergeTextIndex(db: Database, pages = 100): void {
  while (mergeTextIndexStep(db, pages));
}

/** Every segment merged into one (FTS5's 'optimize'): for a database just generated (scripts/seed.ts). */
export function optimizeTextIndex(db: Database): void {
  db.transaction(() => db.sql(`INSERT INTO applications_fts (applications_fts) VALUES ('optimize')`).run());
}

/**
 * One step of merging (FTS5's 'merge' command: levels holding at least `usermerge`, 16 since 0280, segments); returns
 * whether it did any work. The command changes at least two rows when it merged something (FTS5's documentation).
 */
export function mergeTextIndexStep(db: Database, pages = pagesPerStep): boolean {
  return db.transaction(() => {
    const totalChanges = db.sql(`SELECT total_changes()`).pluck();
    const before = totalChanges.get() as number;
    db.sql(`INSERT INTO applications_fts (applications_fts, rank) VALUES ('merge', ?)`).run(pages);
    return (totalChanges.get() as number) - before >= 2;
  });
}
