import type { Statement } from 'better-sqlite3';
import { localColumns, wholeRow, type Change } from '../changes/writer';
import type { AppContext } from '../context';
import type { SyncedTable } from '../db/schema';
import { toWire, type WireEntry } from './entries';

/** The synced columns of a row read as an array (its own values from `first`), with their defaults where to leave them out. */
export interface CreationColumns {
  names: string[];
  indexes: number[];
  /** Each column's default, or `noDefault`. */
  defaults: unknown[];
}

const noDefault = Symbol('no default');

/** Sorted out once per table: the columns of `columns` (from `first`) that sync, and their `defaults` (or none). */
function creationColumns(columns: readonly string[], first: number, defaults: Readonly<Record<string, unknown>> | null): CreationColumns {
  const shape: CreationColumns = { names: [], indexes: [], defaults: [] };
  for (let index = first; index < columns.length; index += 1) {
    const column = columns[index]!;
    if (localColumns.has(column)) continue;
    shape.names.push(column);
    shape.indexes.push(index);
    shape.defaults.push(defaults !== null && column in defaults ? defaults[column] : noDefault);
  }
  return shape;
}

/**
 * A table's rows read with their clocks, each as an array: its clocks (row_clocks' text, null for a row that has
 * none), then the row's own columns. `rest` chooses and orders them (`t` is the table). Read as arrays, not objects:
 * 413,000 rows after a large import, each read once (objects and their copies cost ~4 times as much CPU).
 */
export function clockedRowsSql(table: SyncedTable, rest: string): string {
  return `SELECT c.clocks, t.* FROM ${table} t LEFT JOIN row_clocks c ON c.row_id = t.id ${rest}`;
}

/** How a statement of `clockedRowsSql` reads: its synced columns (with `defaults`, or none) and where the row's id is. */
export function clockedRowsShape(statement: Statement, defaults: Readonly<Record<string, unknown>> | null): { columns: CreationColumns; id: number } {
  const names = statement.columns().map((column) => column.name);
  return { columns: creationColumns(names, 1, defaults), id: names.indexOf('id', 1) };
}

/**
 * A row's creation entry (`*`) formed from the row as it is: the synced columns that its creation clock still
 * covers, those with a newer clock of their own left out (their own entries carry them, and a `*` entry gives what it
 * leaves out its default, at its older clock, which they override), and those equal to their default where the
 * shape has them. What a snapshot sends for every row; what the push sends for an entry logged without its value (an
 * import's, writer.ts `newRowValues`): on every device the same rows as the values the import wrote would give,
 * whatever was changed since (docs/sync.md, "Batches"). `clocks` null: none of the row's own.
 */
export function coveredFields(shape: CreationColumns, values: readonly unknown[], clocks: Record<string, string> | null): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (let at = 0; at < shape.names.length; at += 1) {
    const column = shape.names[at]!;
    if (clocks !== null && clocks[column] !== undefined) continue;
    const value = values[shape.indexes[at]!];
    if (value === shape.defaults[at]) continue;
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
 * A row's clocks, or null when they are its creation's alone (`{"*":"…"}`, every imported row's until it changes:
 * one key, so no comma; an HLC holds none), read without parsing them.
 */
function ownClocks(text: string | null): Record<string, string> | null {
  if (text === null || (text.startsWith(`{"${wholeRow}":`) && !text.includes(','))) return null;
  return JSON.parse(text) as Record<string, string>;
}

/**
 * The log's rows as the push sends them, in order. A creation logged without its value is formed from its row
 * (coveredFields, read per table in one statement), without the fields at their column's default (a `*`
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
    const statement = db.sql(clockedRowsSql(table, `WHERE t.id IN (SELECT value FROM json_each(?))`)).raw(true);
    const { columns, id } = clockedRowsShape(statement, changes.columnDefaults(table));
    for (const values of statement.all(JSON.stringify(ids)) as unknown[][]) {
      formed.set(`${table}\u0000${values[id] as string}`, coveredFields(columns, values, ownClocks(values[0] as string | null)));
    }
  }
  return rows.map((row) => {
    if (!isUnvaluedCreation(row)) return toWire({ hlc: row.hlc, table: row.table_name, rowId: row.row_id, column: row.column_name, value: row.value });
    const fields = formed.get(`${row.table_name}\u0000${row.row_id}`);
    return fields === undefined ? null : [row.hlc, row.table_name, row.row_id, row.column_name, fields];
  });
}
