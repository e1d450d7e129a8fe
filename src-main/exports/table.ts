import type { Database } from '../db/connection';
import type { ColumnKey, ExportLabels, SheetKey } from './labels';

/**
 * How a column's values are typed in the files: Excel gets real numbers, dates and links from the kind, CSV the
 * matching plain text.
 * - text: one line or a few; longText: may exceed Excel's 32,767 characters per cell and is cut there;
 * - integer, money: numbers (money gets thousands separators in Excel); number: as it comes; decimal: one decimal; percent: a ratio
 *   between 0 and 1 shown as a percentage;
 * - date: `YYYY-MM-DD` calendar dates; dateTime: ISO instants (or their milliseconds since 1970, for rows made in
 *   memory: held-histories.ts), written as wall-clock time in the user's zone;
 * - boolean: 0/1 flags; url: http(s) links, clickable in Excel.
 */
export type ColumnKind = 'text' | 'longText' | 'integer' | 'money' | 'number' | 'decimal' | 'percent' | 'date' | 'dateTime' | 'boolean' | 'url';

export type RawValue = string | number | null;

export interface ColumnSpec<Row> {
  /** Names the column's header in the catalogue (files.exports.columns)… */
  key: ColumnKey | null;
  /** …or the header is a name of the user's own (a custom field's). */
  header?: string;
  kind: ColumnKind;
  /** Excel column width in characters. */
  width: number;
  get(row: Row, labels: ExportLabels): RawValue;
}

/** The header a column gets in the files, in the export's language. */
export function headerOf(column: { key: ColumnKey | null; header?: string }, labels: ExportLabels): string {
  return column.header ?? (column.key ? labels.column(column.key) : '');
}

export interface SqlPart {
  sql: string;
  params: (string | number)[];
}

/**
 * Rows read in batches of rowids, on a connection that must stay free between batches (the JSON backup, which
 * reads an attached snapshot): `keys` selects the rowids in order; `rows` selects the rows of one batch of keys,
 * given as the last parameter, a JSON array (`... WHERE x.rowid IN (SELECT value FROM json_each(?))`), each row
 * with its key as `_key`. A key may have several rows: they keep the order of `rows`.
 */
export interface TableQuery {
  keys: SqlPart;
  rows: SqlPart;
}

export interface TableSpec<Row> {
  sheet: SheetKey;
  columns: ColumnSpec<Row>[];
  /** One SELECT of the rows in export order, streamed by an ExportReader (reader.ts). */
  select: SqlPart;
  /** Which of the selected rows the sheet keeps (all when absent): for a check made in memory rather than in SQL. */
  keep?: (row: Row) => boolean;
}

/** Rows handed over at a time: enough to make the pauses between them cheap, few enough to keep memory flat. */
export const batchSize = 500;

/** Lets the app serve its requests (and the output drain) between two batches. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields the rows of a table in export order, one batch at a time, giving the event loop a turn between batches. */
export async function* readBatches<Row>(db: Database, query: TableQuery, size = batchSize): AsyncGenerator<Row[]> {
  const keys = db.sql(query.keys.sql).pluck(true).all(...query.keys.params) as number[];
  const statement = db.sql(query.rows.sql);
  for (let start = 0; start < keys.length; start += size) {
    const batch = keys.slice(start, start + size);
    const byKey = new Map<number, Row[]>();
    for (const row of statement.iterate(...query.rows.params, JSON.stringify(batch)) as IterableIterator<Row & { _key: number }>) {
      const rows = byKey.get(row._key);
      if (rows) rows.push(row);
      else byKey.set(row._key, [row]);
    }
    const ordered: Row[] = [];
    // A row deleted by a write between two batches is simply left out.
    for (const key of batch) for (const row of byKey.get(key) ?? []) ordered.push(row);
    yield ordered;
    await nextTurn();
  }
}
