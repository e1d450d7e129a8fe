import type { Change } from '../../../src-main/changes/writer';
import type { Database } from '../../../src-main/db/connection';
import { syncedTables, type SyncedTable } from '../../../src-main/db/schema';

/** Every row of every synced table, by table, without the local row number (`applications.seq`). */
export function syncedRows(db: Database): Record<string, Record<string, unknown>[]> {
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const table of syncedTables) {
    rows[table] = (db.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]).map(({ seq: _seq, ...row }) => row);
  }
  return rows;
}

/** The entries this device wrote after change-log position `after`, as another device receives them. */
export function localEntries(db: Database, after = 0): { entries: Change[]; last: number } {
  const rows = db.sqlite
    .prepare(`SELECT seq, hlc, table_name, row_id, column_name, value FROM change_log WHERE origin = 'local' AND seq > ? ORDER BY seq`)
    .all(after) as { seq: number; hlc: string; table_name: SyncedTable; row_id: string; column_name: string; value: Change['value'] }[];
  return {
    entries: rows.map((row) => ({ hlc: row.hlc, table: row.table_name, rowId: row.row_id, column: row.column_name, value: row.value })),
    last: rows.at(-1)?.seq ?? after,
  };
}
