import type BetterSqlite3 from 'better-sqlite3';
import { syncedTables } from '../../../src-main/db/schema';

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
