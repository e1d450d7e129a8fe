import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { StatementCache } from '../../src-main/db/statement-cache';
import type { ServerDB } from './schema';

export type Engine = 'sqlite' | 'postgres';

export const serverDatabaseFile = 'candid-server.sqlite';

export interface ServerDatabase {
  kysely: Kysely<ServerDB>;
  engine: Engine;
  /** Answers whether the database answers a trivial query (for /health). */
  ping(): Promise<boolean>;
  /**
   * After an account is deleted: makes sure its bytes are gone from the files too, not only from the tables
   * (SQLite: secure_delete zeroes freed pages; this truncates the write-ahead log that still holds old copies).
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenServerDatabase {
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

export function openServerDatabase(options: OpenServerDatabase): ServerDatabase {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  if (!options.dataDir) throw new Error('A data folder or a PostgreSQL URL is needed');
  return openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): ServerDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, serverDatabaseFile));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows (a deleted account, compacted batches) are overwritten with zeros, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  // Kysely prepares every query anew; the app's statement cache saves that on the hot routes (push, pull, auth).
  const statements = new StatementCache(sqlite);
  const cached = { close: () => sqlite.close(), prepare: (text: string) => statements.get(text) };
  const kysely = new Kysely<ServerDB>({ dialect: new SqliteDialect({ database: cached }) });
  return {
    kysely,
    engine: 'sqlite',
    ping: () => answers(kysely),
    async scrub() {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(kysely);
    },
    async close() {
      await kysely.destroy();
      statements.clear();
    },
  };
}

async function answers(kysely: Kysely<ServerDB>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(kysely);
    return true;
  } catch {
    return false;
  }
}

/** int8 (COUNT, SUM, bigint columns) as a JS number: every value the server keeps fits in 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

function openPostgres(connectionString: string, max: number): ServerDatabase {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes as pg.CustomTypesConfig });
  // An idle client that loses its connection (the database restarted) must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<ServerDB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    engine: 'postgres',
    ping: () => answers(kysely),
    async scrub() {
      // Dead tuples are reclaimed by autovacuum; PostgreSQL offers no cheap way to zero them now (see README).
    },
    async close() {
      await kysely.destroy();
    },
  };
}

/** Errors that mean the database cannot be reached (503), as opposed to a bad query (500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'SQLITE_BUSY', 'SQLITE_CANTOPEN'].includes(code) ||
    code.startsWith('08') || // connection exceptions
    code.startsWith('57P') // admin shutdown, crash shutdown, cannot connect now
  );
}
