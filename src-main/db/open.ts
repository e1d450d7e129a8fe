import fs from 'node:fs';
import path from 'node:path';
import { latestSchemaVersion, migrations as allMigrations, type Migration } from '../../migrations';
import { AppError } from '../../src-shared/errors';
import { createBackup } from './backups';
import { Database } from './connection';
import { inspectDatabaseFile } from './file-header';
import { createPrivateFile, ensurePrivateFolder } from './private-files';
import { assertNotFromTheFuture, pendingMigrations, runMigrations } from './migrate';

export interface OpenDatabaseOptions {
  /** The database file. */
  file: string;
  /** Folder for backups taken before migrations. */
  dataDir: string;
  nativeBinding?: string;
  /** Tests pass a longer list to exercise upgrades. */
  migrations?: readonly Migration[];
}

export const databaseFileName = 'candid.sqlite';

/**
 * Opens (creating if needed) and migrates the database. Refuses, without touching the file, one that is not
 * SQLite or that a newer Candid wrote. Takes a backup before migrating a database that already holds data.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1].version : latestSchemaVersion;
  const verdict = inspectDatabaseFile(options.file);
  if (verdict.kind === 'not-sqlite') {
    throw new AppError('NOT_A_DATABASE', `${options.file} is not a Candid database (it is not an SQLite file).`, {
      details: { file: options.file },
    });
  }
  if (verdict.kind === 'sqlite') {
    assertNotFromTheFuture(verdict.userVersion, latest);
    checkBeforeWriting(options.file, latest, options.nativeBinding);
  }
  ensurePrivateFolder(path.dirname(options.file));
  // SQLite gives the -wal and -shm files the mode of the database file: create it private. Where it cannot be
  // created (a read-only or full disk), SQLite's own attempt below reports why, in our error codes.
  if (verdict.kind === 'missing') {
    try {
      createPrivateFile(options.file);
    } catch {
      // See above.
    }
  }

  let db: Database | undefined;
  try {
    db = new Database(options.file, { nativeBinding: options.nativeBinding });
    // The header can lag behind an un-checkpointed WAL: ask SQLite too before changing anything.
    assertNotFromTheFuture(db.userVersion, latest);
    db.applyPragmas();
    db.checkpointInBackground();
    const pending = pendingMigrations(db, migrations);
    if (pending.length > 0 && db.userVersion > 0) await createBackup(db, options.dataDir, 'pre-migration');
    await runMigrations(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, options.file);
  }
}

/**
 * Checks an existing file through a read-only connection before the app opens it for writing, so that a refused
 * file (damaged, or from a newer Candid per its -wal) stays byte for byte as it was: a read-write connection
 * folds the -wal into the main file when it closes, even after a failed check (test/trust/broken-database.test.ts).
 */
function checkBeforeWriting(file: string, latest: number, nativeBinding: string | undefined): void {
  let probe: Database | undefined;
  try {
    probe = new Database(file, { nativeBinding, readonly: true });
    assertNotFromTheFuture(probe.userVersion, latest);
    assertIntact(probe, file);
  } catch (error) {
    throw translateSqliteError(error, file);
  } finally {
    probe?.close();
  }
}

/** Up to this size the whole file is checked at start; a job search of a few thousand applications is ~50 MB. */
export const fullCheckMaxBytes = 256 * 1024 * 1024;

/**
 * quick_check reads every page (about 0.3 s for 50 MB, but tens of seconds for a 2 GB stress database), so it
 * runs whole only on files of ordinary size. Larger files get the cheap part at start: the schema and the first
 * page of every table and index are read, which catches a damaged header, schema or root page; their full check
 * runs before each scheduled backup instead.
 */
function assertIntact(db: Database, file: string): void {
  const size = fs.statSync(file).size;
  if (size <= fullCheckMaxBytes) {
    const result = db.sqlite.pragma('quick_check', { simple: true });
    if (result !== 'ok') {
      throw new AppError('DATABASE_CORRUPT', `${file} is damaged (${String(result).slice(0, 200)}).`, { details: { file } });
    }
    return;
  }
  const tables = db.sqlite
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .pluck()
    .all() as string[];
  for (const table of tables) db.sqlite.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}" LIMIT 1`).all();
}

/** SQLite's error codes, turned into ours so the UI can explain them. */
export function translateSqliteError(error: unknown, file: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  const details = { file, sqliteCode: code };
  if (code === 'SQLITE_NOTADB') return new AppError('NOT_A_DATABASE', `${file} is not a database.`, { details });
  if (code.startsWith('SQLITE_CORRUPT')) return new AppError('DATABASE_CORRUPT', `${file} is damaged.`, { details });
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('READ_ONLY', `${file} cannot be written.`, { details });
  }
  // Opening a WAL database on a full disk fails earlier, while SQLite sizes the -shm file.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') {
    return new AppError('DISK_FULL', `The disk holding ${file} is full.`, { details });
  }
  return error;
}
