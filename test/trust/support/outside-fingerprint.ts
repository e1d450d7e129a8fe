import crypto from 'node:crypto';
import type { Database } from '../../../src-main/db/connection';
import { syncedTables } from '../../../src-main/db/schema';

/**
 * A hash of everything in the database that an import of the rows `imported` (their ids) may not change: the
 * schema (no table, index, trigger or view created or dropped), every row of every synced table except the
 * imported ones, their change-log entries and clocks, the statistics facts of the other applications, `meta`
 * (but the clock's last timestamp, which every write moves) and the schema version. Left out, because an import
 * rightly changes them: the aggregate counts (statistics_cells) and the full-text index's shadow tables.
 */
export function fingerprintOutside(db: Database, imported: ReadonlySet<string>): string {
  const hash = crypto.createHash('sha256');
  const { sqlite } = db;
  const add = (label: string, rows: unknown[]) => {
    hash.update(label);
    for (const row of rows.map((item) => JSON.stringify(item)).sort()) hash.update(row).update('\n');
  };
  const others = (rows: unknown[], key: string) => rows.filter((row) => !imported.has(String((row as Record<string, unknown>)[key])));

  add('schema', sqlite.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema`).all());
  add('user_version', [sqlite.pragma('user_version', { simple: true })]);
  for (const table of syncedTables) add(table, others(sqlite.prepare(`SELECT * FROM ${table}`).all(), 'id'));
  add('change_log', others(sqlite.prepare(`SELECT hlc, table_name, row_id, column_name, value, origin FROM change_log`).all(), 'row_id'));
  add('row_clocks', others(sqlite.prepare(`SELECT * FROM row_clocks`).all(), 'row_id'));
  add('meta', sqlite.prepare(`SELECT * FROM meta WHERE key <> 'hlc_last'`).all());
  add(
    'statistics_facts',
    others(sqlite.prepare(`SELECT a.id AS application_id, f.* FROM statistics_facts f JOIN applications a ON a.seq = f.seq`).all(), 'application_id'),
  );
  add('statistics_facts_orphans', sqlite.prepare(`SELECT * FROM statistics_facts WHERE seq NOT IN (SELECT seq FROM applications)`).all());
  return hash.digest('hex');
}
