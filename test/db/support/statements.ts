import type { Database } from '../../../src-main/db/connection';

/** Records every SQL text run through the connection's statement cache from now on, into the list it returns. */
export function captureStatements(db: Database): string[] {
  const seen: string[] = [];
  const sql = db.sql.bind(db);
  db.sql = (text: string) => {
    seen.push(text);
    return sql(text);
  };
  return seen;
}

/** The query plan's steps, parameters bound to null. */
export function planOf(db: Database, text: string): string[] {
  const parameters = (text.match(/\?/g) ?? []).map(() => null);
  return (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
}
