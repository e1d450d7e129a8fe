import type BetterSqlite3 from 'better-sqlite3';

type TextColumn = 'company' | 'position' | 'location' | 'notes' | 'description' | 'tags';

/** One full-text row as its index holds it: each column's distinct words, lowercased and sorted (null: none). */
export type IndexedRow = { rowid: number } & Record<TextColumn, string | null>;

/**
 * The full-text table keeps no copy of its texts (migration 0310): what it indexed is read back from the index
 * itself, through FTS5's vocabulary table, one row per word of each column of each row.
 */
export function indexedWords(sqlite: BetterSqlite3.Database): IndexedRow[] {
  sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.applications_fts_words USING fts5vocab(main, applications_fts, instance)`);
  const words = sqlite
    .prepare(`SELECT doc, col, term FROM temp.applications_fts_words ORDER BY doc, col, term`)
    .all() as { doc: number; col: TextColumn; term: string }[];
  const rows = new Map<number, IndexedRow>();
  for (const { doc, col, term } of words) {
    const row = rows.get(doc) ?? { rowid: doc, company: null, position: null, location: null, notes: null, description: null, tags: null };
    row[col] = row[col] === null ? term : `${row[col]} ${term}`;
    rows.set(doc, row);
  }
  return [...rows.values()];
}
