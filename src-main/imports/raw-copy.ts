import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/connection';

/**
 * The first import into a database (docs/performance.md, "How an import commits"): its largest tables are empty
 * live, so the copy can be SQLite's transfer of whole records and index entries (`INSERT INTO t SELECT * FROM s`,
 * which SQLite runs as a page-order copy when both tables have the same columns and indexes and the target is
 * empty), their indexes built in staging before the write lock instead of in it. SQLite only transfers a table with
 * foreign keys when their enforcement is off: the copy then checks the tables it wrote itself, before its commit.
 */

/** The tables an import brings most rows to, each copied whole when it is empty live. */
export const rawCopyTables = ['applications', 'stage_events', 'application_tags', 'application_field_values', 'change_log', 'statistics_facts'];

/**
 * The raw tables that are empty live, or none where the applications are not (the copy by columns then shifts the
 * staged `seq`, which a transfer would keep): asked before the lock, to build their indexes in staging, and again in it.
 */
export function emptyLive(live: Database, tables: readonly string[] = rawCopyTables): string[] {
  const empty = (table: string) => live.sql(`SELECT 1 FROM main.${table} LIMIT 1`).get() === undefined;
  return empty('applications') ? tables.filter(empty) : [];
}

/**
 * Creates in staging each index these live tables have (the same statement), which the transfer needs on both
 * sides: most were dropped for the staging's writes (staging.ts). Sorted there, outside the write lock.
 */
export function buildLiveIndexesInStaging(live: Database, staging: Database, tables: readonly string[]): void {
  createMissingIndexes(staging, liveIndexes(live, tables));
}

/** The indexes of these live tables, as created. */
export function liveIndexes(live: Database, tables: readonly string[]): { name: string; sql: string }[] {
  if (tables.length === 0) return [];
  const placeholders = tables.map(() => '?').join(', ');
  return live
    .sql(`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`)
    .all(...tables) as { name: string; sql: string }[];
}

/** Creates those of `indexes` the database lacks, in one transaction. */
export function createMissingIndexes(db: Database, indexes: readonly { name: string; sql: string }[]): void {
  if (indexes.length === 0) return;
  const present = new Set(db.sql(`SELECT name FROM main.sqlite_master WHERE type = 'index'`).pluck().all() as string[]);
  const missing = indexes.filter((index) => !present.has(index.name));
  if (missing.length === 0) return;
  db.sqlite.transaction(() => {
    for (const index of missing) db.sqlite.exec(index.sql);
  })();
}

class NumberedOtherwise extends Error {}

/**
 * Copies a raw table whole from the attached schema `from`, the live one empty (emptyLive, asked in the lock), and
 * returns its rows; or null, having copied nothing, where the staged rows are not numbered 1 to their count: the
 * copy by columns numbers the rows of an empty table so (a table without an INTEGER PRIMARY KEY, the change log's
 * `seq`), where the transfer keeps the staged numbers. The staging only inserts, so they always are; asked of the
 * live table after the copy, where its ends are read from its key, not by counting the staged rows (a scan of the
 * staged log: 0.7 s before the lock).
 */
export function transferTable(live: Database, table: string, from = 'staging'): number | null {
  try {
    return live.transaction(() => {
      const copied = live.sql(`INSERT INTO main.${table} SELECT * FROM ${from}.${table}`).run().changes;
      // Two subqueries: SQLite reads min() or max() alone from the key's ends, both in one SELECT with a scan (0.06 s
      // of the lock for the change log's 413,000 rows).
      const { first, last } = live
        .sql(`SELECT (SELECT min(rowid) FROM main.${table}) AS first, (SELECT max(rowid) FROM main.${table}) AS last`)
        .get() as { first: number | null; last: number | null };
      if (copied > 0 && (first !== 1 || last !== copied)) throw new NumberedOtherwise();
      return copied;
    });
  } catch (error) {
    if (error instanceof NumberedOtherwise) return null;
    throw error;
  }
}

/**
 * What the live connection checks at its commit when it enforces foreign keys: a row of these tables whose parent
 * is missing refuses the copy, with SQLite's own error.
 */
export function checkForeignKeys(live: Database, tables: Iterable<string>): void {
  for (const table of tables) {
    if ((live.sql(`PRAGMA main.foreign_key_list(${table})`).all() as unknown[]).length === 0) continue;
    if (live.sql(`PRAGMA main.foreign_key_check(${table})`).get() !== undefined) {
      throw new BetterSqlite3.SqliteError('FOREIGN KEY constraint failed', 'SQLITE_CONSTRAINT_FOREIGNKEY');
    }
  }
}
