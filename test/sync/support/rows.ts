import { wholeRow, type Change, type Fields, type SqlValue } from '../../../src-main/changes/writer';
import type { AppContext } from '../../../src-main/context';
import { wireEntriesOf, type LoggedChange } from '../../../src-main/sync/creation-entry';
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

/**
 * The entries this device wrote after change-log position `after`, as another device receives them: as the push
 * forms them (sync/creation-entry.ts wireEntriesOf: a creation an import logged without its value formed from its
 * row).
 */
export function localEntries(context: Pick<AppContext, 'db' | 'changes'>, after = 0): { entries: Change[]; last: number } {
  const rows = context.db.sqlite
    .prepare(`SELECT seq, hlc, table_name, row_id, column_name, value FROM change_log WHERE origin = 'local' AND seq > ? ORDER BY seq`)
    .all(after) as (LoggedChange & { seq: number })[];
  const entries: Change[] = [];
  for (const entry of wireEntriesOf(context, rows)) {
    if (entry === null) continue;
    const [hlc, table, rowId, column, value] = entry;
    const fields = column === wholeRow ? (value as Fields) : undefined;
    entries.push({ hlc, table: table as SyncedTable, rowId, column, value: fields ? JSON.stringify(fields) : (value as SqlValue), ...(fields ? { fields } : {}) });
  }
  return { entries, last: rows.at(-1)?.seq ?? after };
}
