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


/** The raw tables that are empty live: asked before the lock, to build their indexes in staging, and again in it. */
export function emptyLive(live: Database, tables: readonly string[] = rawCopyTables): string[] {
  return tables.filter((table) => live.sql(`SELECT 1 FROM main.${table} LIMIT 1`).get() === undefined);
}

/**
 * The raw tables whose staged rows are each already where the copy by columns would put them in an empty table:
 * the row numbers it assigns (a table without an INTEGER PRIMARY KEY, the change log's `seq`) run from 1 without a
 * gap in staging. (The applications' and facts' `seq` is kept both ways once the copy's offset is 0.) The staging
 * only inserts and nothing else writes it, so this is asked once, before the lock.
 */
export function numberedFromOne(staging: Database, tables: readonly string[]): string[] {
  return tables.filter((table) => {
    const { first, last, rows } = staging.sql(`SELECT min(rowid) AS first, max(rowid) AS last, count(*) AS rows FROM main.${table}`).get() as { first: number | null; last: number | null; rows: number };
    return rows === 0 || (first === 1 && last === rows);
  });
}

/**
 * Creates in staging each index these live tables have (the same statement), which the transfer needs on both
 * sides: most were dropped for the staging's writes (staging.ts). Sorted there, outside the write lock.
 */
export function buildLiveIndexesInStaging(live: Database, staging: Database, tables: readonly string[]): void {
  if (tables.length === 0) return;
  const placeholders = tables.map(() => '?').join(', ');
  const indexes = live
    .sql(`SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${placeholders})`)
    .all(...tables) as { name: string; sql: string }[];
  const present = new Set(staging.sql(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[]);
  staging.transaction(() => {
    for (const index of indexes) if (!present.has(index.name)) staging.sqlite.exec(index.sql);
  });
}

/** Copies a raw table whole; the live one is empty (emptyLive, asked in the lock). */
export function transferTable(live: Database, table: string): number {
  return live.sql(`INSERT INTO main.${table} SELECT * FROM staging.${table}`).run().changes;
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
