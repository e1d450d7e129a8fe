/**
 * `npx tsx test/bench/explain.ts <database file> "<SQL>" …`: prints SQLite's query plan of each statement (its
 * `?` parameters bound to NULL, which does not change the plan), to see which index a slow query uses.
 */
import BetterSqlite3 from 'better-sqlite3';

export function queryPlan(db: BetterSqlite3.Database, sql: string): string[] {
  const parameters = (sql.match(/\?/g) ?? []).map(() => null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
}

if (process.argv[1]?.endsWith('explain.ts')) {
  const [file, ...statements] = process.argv.slice(2);
  if (!file || statements.length === 0) {
    console.error('Usage: npx tsx test/bench/explain.ts <database file> "<SQL>" …');
    process.exit(2);
  }
  const db = new BetterSqlite3(file, { readonly: true });
  for (const sql of statements) console.log(`${sql.replace(/\s+/g, ' ').trim()}\n  ${queryPlan(db, sql).join('\n  ')}\n`);
  db.close();
}
