import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { RestoreResult } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { createBackup } from '../db/backups';
import { readMeta, writeMeta } from '../db/meta';
import { runMigrations } from '../db/migrate';
import { syncedTables } from '../db/schema';
import { checkRestoreSource, verifyAttachedCandidate } from './candidate';
import { toBackupInfo } from './info';

const stagingSchema = 'restore_source';

/** Copy every page in one step, so the live database is locked for one short moment only. */
const allPages = () => 0x7fffffff;

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Copies the chosen file (and its write-ahead log, which may hold its latest commits) so it is never touched. */
function stageCopy(context: AppContext, file: string): string {
  const staging = path.join(context.dataDir, `.restore-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) context.job?.temporary(staging + suffix);
  fs.copyFileSync(file, staging);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${staging}-wal`);
  return staging;
}

/** Attaches a database file to the app's connection for the time of `use`. */
async function withAttached<T>(context: AppContext, file: string, use: () => Promise<T> | T): Promise<T> {
  const { sqlite } = context.db;
  sqlite.prepare(`ATTACH DATABASE ? AS ${stagingSchema}`).run(file);
  try {
    return await use();
  } finally {
    sqlite.prepare(`DETACH DATABASE ${stagingSchema}`).run();
  }
}

/**
 * SQLite's backup API copies a checked database file INTO the live database file, pages and all, in one step:
 * other readers see the old content or the new one, never a mix, and the app's connection stays open.
 */
function copyIntoLiveDatabase(context: AppContext, file: string): Promise<void> {
  return withAttached(context, file, async () => {
    try {
      // `attached` (the source schema) is a documented better-sqlite3 option its type definitions lack.
      const options = { attached: stagingSchema, progress: allPages } as BetterSqlite3.BackupOptions;
      await context.db.sqlite.backup(context.databaseFile, options);
      // A first read after the copy makes the connection notice the new schema (its cookie changed) and reload
      // it; DDL run before that (a migration) would be checked against the old schema it still has in memory.
      context.db.sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    } catch (error) {
      throw new AppError('INTERNAL', `The backup could not be copied into the database: ${(error as Error).message}`, {
        details: { path: file, sqliteCode: (error as { code?: unknown }).code },
      });
    }
  });
}

/**
 * Replaces the live database's content with a backup's, keeping the app's connection (and so the AppContext, its
 * change writer and every listener) working:
 * 1. the chosen file is copied aside (never touched), attached and checked (integrity_check, schema version,
 *    Candid's tables);
 * 2. a 'pre-restore' backup of the current state is taken, so the restore can be undone by restoring it;
 * 3. the checked copy is copied into the live database (copyIntoLiveDatabase);
 * 4. an older schema is migrated; this device keeps its identity (node id) and its clock never goes back;
 * 5. `changed` is announced for every table, so every screen refetches.
 * A failure before step 3 leaves the live database untouched; one after it puts the pre-restore state back.
 */
export async function restoreBackup(context: AppContext, given: string): Promise<RestoreResult> {
  const { file } = checkRestoreSource(context, given);
  const staging = stageCopy(context, file);
  try {
    context.job?.progress('verifying');
    const schemaVersion = await withAttached(context, staging, () => verifyAttachedCandidate(context, stagingSchema, file));
    context.job?.progress('backingUp');
    const undo = await createBackup(context.db, context.dataDir, 'pre-restore', context.job);
    const nodeId = readMeta(context.db, 'node_id');
    context.job?.commitPoint();
    // The page copy and the migrations write outside a transaction of ours: they hold the write lock themselves.
    await context.db.withWriteLock(async () => {
      try {
        context.job?.progress('copying');
        await copyIntoLiveDatabase(context, staging);
        context.job?.progress('migrating');
        await runMigrations(context.db);
      } catch (error) {
        await copyIntoLiveDatabase(context, undo.path);
        throw error;
      } finally {
        context.changes.announce(syncedTables);
      }
    });
    context.db.transaction(() => {
      if (nodeId) writeMeta(context.db, 'node_id', nodeId);
      writeMeta(context.db, 'hlc_last', context.changes.clock.tick());
    });
    return { restoredFrom: file, undo: toBackupInfo(undo), schemaVersion };
  } finally {
    removeDatabaseFiles(staging);
  }
}
