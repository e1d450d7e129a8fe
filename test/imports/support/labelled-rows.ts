import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../../../src-main/db/connection';
import { syncedTables } from '../../../src-main/db/schema';
import { derivedData } from '../../sync/support/derived';

/**
 * Rows of a database with every id replaced by its table and row position (`companies#3`), so that two imports of
 * the same file, whose ids are random, compare equal. An id of no synced table is named in the order it is met.
 */
export function idLabels(sqlite: BetterSqlite3.Database): { label: (text: string) => string; dump: (sql: string) => string[] } {
  const labels = new Map<string, string>();
  for (const table of syncedTables) {
    const ids = sqlite.prepare(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all() as string[];
    for (const [index, id] of ids.entries()) labels.set(id, `${table}#${index}`);
  }
  const label = (text: string) =>
    text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!labels.has(id)) labels.set(id, `other#${labels.size}`);
      return labels.get(id)!;
    });
  const dump = (sql: string) => (sqlite.prepare(sql).raw().all() as unknown[][]).map((row) => label(JSON.stringify(row)));
  return { label, dump };
}

/**
 * What an import wrote, ids labelled (idLabels): every synced table, the change log, the row clocks and the derived
 * data; with `label`, for what a test adds (its summary, a search).
 */
export function writtenTables(db: Database): { written: Record<string, unknown[]>; label: (text: string) => string; dump: (sql: string) => string[] } {
  const { label, dump } = idLabels(db.sqlite);
  const written: Record<string, unknown[]> = {};
  for (const table of syncedTables) written[table] = dump(`SELECT * FROM ${table} ORDER BY rowid`);
  written.change_log = dump(`SELECT * FROM change_log ORDER BY seq`);
  written.row_clocks = dump(`SELECT * FROM row_clocks ORDER BY row_id`).sort();
  for (const [name, rows] of Object.entries(derivedData(db))) written[name] = rows.map((row) => label(JSON.stringify(row)));
  return { written, label, dump };
}
