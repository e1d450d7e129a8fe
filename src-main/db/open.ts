import fs from 'node:fs';
import path from 'node:path';
import { latestSchemaVersion, migrations as allMigrations, type Migration } from '../../migrations';
import { AppError } from '../../src-shared/errors';
import { createBackup } from './backups';
import { Database } from './connection';
import { inspectDatabaseFile } from './file-header';
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
  if (verdict.kind === 'sqlite') assertNotFromTheFuture(verdict.userVersion, latest);
  fs.mkdirSync(path.dirname(options.file), { recursive: true });

  let db: Database | undefined;
  try {
    db = new Database(options.file, { nativeBinding: options.nativeBinding });
    // The header can lag behind an un-checkpointed WAL: ask SQLite too before changing anything.
    assertNotFromTheFuture(db.userVersion, latest);
    db.applyPragmas();
    const pending = pendingMigrations(db, migrations);
    if (pending.length > 0 && db.userVersion > 0) await createBackup(db, options.dataDir, 'pre-migration');
    await runMigrations(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, options.file);
  }
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
  if (code === 'SQLITE_FULL') return new AppError('DISK_FULL', `The disk holding ${file} is full.`, { details });
  return error;
}
