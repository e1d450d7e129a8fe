import type { Database } from '../db/connection';
import { rebuildStatistics, refreshStatistics } from '../statistics/maintained/refresh';

/**
 * The meta key holding the applications (a JSON array of ids) whose statistics a committed write left to refresh:
 * a small write answers before its statistics (facts, cells, month cells, skill months: 17 to 25 of its WAL pages
 * at 100,000) and they are refreshed right after, in a transaction of their own. Written in the write's own
 * transaction, so that a crash between the two leaves the debt written down (opening the database settles it).
 */
export const statisticsPendingKey = 'statistics_pending';

/** Adds these applications to what is owed, inside the write's transaction. */
export function markStatisticsPending(db: Database, applicationIds: ReadonlySet<string>): void {
  const owed = new Set([...pendingApplications(db), ...applicationIds]);
  db.sql(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
    statisticsPendingKey,
    JSON.stringify([...owed]),
  );
}

function pendingApplications(db: Database): string[] {
  const value = db.sql(`SELECT value FROM meta WHERE key = ?`).pluck().get(statisticsPendingKey) as string | undefined;
  return value === undefined ? [] : (JSON.parse(value) as string[]);
}

/**
 * Refreshes what is owed and clears the mark, inside the caller's transaction: the same refresh the write would
 * have made in its own (refreshStatistics recomputes an application's facts from its rows whatever they held, so an
 * application written twice before it ends as after two refreshes). Returns whether anything was owed.
 */
export function refreshPendingStatistics(db: Database): boolean {
  const owed = pendingApplications(db);
  if (owed.length === 0) return false;
  try {
    db.transaction(() => refreshStatistics(db, new Set(owed)));
  } catch (error) {
    // The write this debt came from is committed: a refresh that fails must not fail every later call, as the
    // mark would make it. Everything computed again from the rows (another path) instead; if that fails too, the
    // database itself is broken and the error goes on.
    console.error('[candid] refreshing the statistics of a write failed; rebuilding them:', error);
    rebuildStatistics(db);
  }
  db.sql(`DELETE FROM meta WHERE key = ?`).run(statisticsPendingKey);
  return true;
}

/** What is owed refreshed in a transaction of its own (after a write's answer, at open after a crash). */
export function settlePendingStatistics(db: Database): boolean {
  if (!db.sql(`SELECT 1 FROM meta WHERE key = ?`).pluck().get(statisticsPendingKey)) return false;
  return db.transaction(() => refreshPendingStatistics(db));
}
