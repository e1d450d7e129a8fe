import { localColumns, wholeRow, type Change } from '../changes/writer';
import type { AppContext } from '../context';
import type { SyncedTable } from '../db/schema';
import { toWire, type WireEntry } from './entries';

/**
 * A row's creation entry (`*`) formed from the row as it is: the synced columns that its creation clock still
 * covers, those with a newer clock of their own left out (their own entries carry them, and a `*` entry gives what it
 * leaves out its default, at its older clock, which they override). What a snapshot sends for every row; what the
 * push sends for an entry logged without its value (an import's, writer.ts `newRowValues`): on every device the same
 * rows as the values the import wrote would give, whatever was changed since (docs/sync.md, "Batches").
 */
export function fieldsCoveredByCreation(row: Record<string, unknown>, clocks: Record<string, string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (localColumns.has(column) || clocks[column] !== undefined) continue;
    fields[column] = value;
  }
  return fields;
}

/** A change-log row as the push reads it. */
export interface LoggedChange {
  hlc: string;
  table_name: SyncedTable;
  row_id: string;
  column_name: string;
  value: Change['value'];
}

const isUnvaluedCreation = (row: LoggedChange) => row.column_name === wholeRow && row.value === null;

/**
 * The log's rows as the push sends them, in order. A creation logged without its value is formed from its row
 * (fieldsCoveredByCreation, read per table in one statement), without the fields at their column's default (a `*`
 * entry gives what it leaves out its default), as the write path logs only the fields a row was created with. Null
 * for one whose row does not exist: the rows of synced tables are never deleted, only marked so, so such a row was
 * never written, and its entry is left out.
 */
export function wireEntriesOf({ db, changes }: Pick<AppContext, 'db' | 'changes'>, rows: readonly LoggedChange[]): (WireEntry | null)[] {
  const idsByTable = new Map<SyncedTable, string[]>();
  for (const row of rows) {
    if (!isUnvaluedCreation(row)) continue;
    const ids = idsByTable.get(row.table_name) ?? [];
    ids.push(row.row_id);
    idsByTable.set(row.table_name, ids);
  }
  const formed = new Map<string, Record<string, unknown>>();
  for (const [table, ids] of idsByTable) {
    const defaults = changes.columnDefaults(table);
    const found = db
      .sql(`SELECT t.*, c.clocks AS "__clocks" FROM ${table} t LEFT JOIN row_clocks c ON c.row_id = t.id WHERE t.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as (Record<string, unknown> & { __clocks: string | null })[];
    for (const { __clocks, ...row } of found) {
      const fields = fieldsCoveredByCreation(row, __clocks === null ? {} : (JSON.parse(__clocks) as Record<string, string>));
      for (const column in fields) if (column in defaults && defaults[column] === fields[column]) delete fields[column];
      formed.set(`${table}\u0000${row.id as string}`, fields);
    }
  }
  return rows.map((row) => {
    if (!isUnvaluedCreation(row)) return toWire({ hlc: row.hlc, table: row.table_name, rowId: row.row_id, column: row.column_name, value: row.value });
    const fields = formed.get(`${row.table_name}\u0000${row.row_id}`);
    return fields === undefined ? null : [row.hlc, row.table_name, row.row_id, row.column_name, fields];
  });
}
