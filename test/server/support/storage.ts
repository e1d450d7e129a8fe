import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import type { TestServer } from './server';

/** Every value of every table of the server's database, as rows of [table, column, value]. */
export async function everyStoredValue(server: TestServer): Promise<Array<[string, string, unknown]>> {
  const values: Array<[string, string, unknown]> = [];
  const collect = (table: string, rows: Record<string, unknown>[]) => {
    for (const row of rows) for (const [column, value] of Object.entries(row)) values.push([table, column, value]);
  };
  if (server.engine === 'postgres') {
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      for (const { tablename } of tables.rows) collect(tablename, (await client.query(`SELECT * FROM "${tablename}"`)).rows);
    } finally {
      await client.end();
    }
    return values;
  }
  const db = new BetterSqlite3(path.join(server.dataDir, 'candid-server.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) collect(table, db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]);
  } finally {
    db.close();
  }
  return values;
}

/** Where `needle` occurs: in a stored value (text or bytes), or in any file of the server's data folder. */
export async function findEverywhere(server: TestServer, needle: string): Promise<string[]> {
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  for (const [table, column, value] of await everyStoredValue(server)) {
    if (typeof value === 'string' && value.includes(needle)) found.push(`${table}.${column}`);
    if (Buffer.isBuffer(value) && value.includes(bytes)) found.push(`${table}.${column}`);
  }
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (fs.readFileSync(file).includes(bytes)) found.push(`file ${path.relative(server.dataDir, file)}`);
    }
  };
  walk(server.dataDir);
  return found;
}
