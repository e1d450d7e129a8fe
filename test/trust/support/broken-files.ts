import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApi } from '../../../src-main/api';
import { closeAppContext, openAppContext, type AppContext } from '../../../src-main/context';
import { backupsDir, createBackup, type BackupInfo } from '../../../src-main/db/backups';
import { databaseFileName } from '../../../src-main/db/open';

/** Damaged, foreign and future database files, made from real Candid databases. */

export const databaseIn = (dir: string) => path.join(dir, databaseFileName);

export const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The hash of a database file and of its -wal and -shm (null when absent): the three belong together. */
export function databaseFiles(file: string): Record<'main' | 'wal' | 'shm', string | null> {
  const hash = (suffix: string) => (fs.existsSync(file + suffix) ? sha256(file + suffix) : null);
  return { main: hash(''), wal: hash('-wal'), shm: hash('-shm') };
}

/** Adds `count` applications through the handler table (the real write path). */
export async function addApplications(context: AppContext, count: number, label = 'Seed'): Promise<void> {
  const api = createApi(context);
  for (let i = 0; i < count; i++) {
    await api.invoke('applications.create', {
      companyName: `${label} company ${i % 40}`,
      position: `${label} position ${i}`,
      notes: `Notes ${i} `.repeat(30),
    });
  }
}

/** Live applications, read straight from the file (read-only), to compare a restore with its backup. */
export function applicationCount(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT count(*) FROM applications WHERE deleted_at IS NULL').pluck().get() as number;
  } finally {
    db.close();
  }
}

export interface DataDirWithBackup {
  dir: string;
  file: string;
  backup: BackupInfo;
  /** Applications in the backup; the live file holds `extra` more. */
  inBackup: number;
  extra: number;
}

/**
 * A data folder as a user would have it after a while: applications, a backup, more applications after it. The
 * app is closed, so the file stands alone (no -wal).
 */
export async function dataDirWithBackup(dir: string, inBackup = 120, extra = 15): Promise<DataDirWithBackup> {
  const context = await openAppContext({ dataDir: dir });
  try {
    await addApplications(context, inBackup);
    const backup = await createBackup(context.db, dir, 'manual');
    await addApplications(context, extra, 'After backup');
    return { dir, file: databaseIn(dir), backup, inBackup, extra };
  } finally {
    closeAppContext(context);
  }
}

function pageSizeOf(file: string): number {
  const size = fs.readFileSync(file).readUInt16BE(16);
  return size === 1 ? 65536 : size;
}

/**
 * Overwrites pages in the middle of a database with garbage, the header left valid: the root page of `table` (so
 * the damage is certain to be read) and a run of pages at a third of the file. Reads the schema from the main file
 * alone (a copy), so that a -wal beside it is neither read nor folded in.
 */
export function corruptPages(file: string, table = 'applications'): void {
  const alone = `${file}.schema-probe`;
  fs.copyFileSync(file, alone);
  const db = new BetterSqlite3(alone, { readonly: true, fileMustExist: true });
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(table) as number;
  db.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(alone + suffix, { force: true });
  const pageSize = pageSizeOf(file);
  const pages = fs.statSync(file).size / pageSize;
  const third = Math.floor(pages / 3);
  const garbage = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i++) garbage[i] = (i * 131 + 7) & 0xff;
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of [root, third, third + 1, third + 2]) {
      if (page > 1 && page <= pages) fs.writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a file claim a schema version this Candid does not know (PRAGMA user_version lives at offset 60). */
export function markFromTheFuture(file: string, version: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(4);
    bytes.writeInt32BE(version);
    fs.writeSync(fd, bytes, 0, 4, 60);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file in the backups folder named like a backup of `createdAt`, with content made by `make(path)`. */
export function plantBackup(dir: string, createdAt: string, make: (file: string) => void): string {
  fs.mkdirSync(backupsDir(dir), { recursive: true });
  const file = path.join(backupsDir(dir), `candid-${createdAt.replace(/[-:.]/g, '')}-manual.sqlite`);
  make(file);
  return file;
}

/**
 * Leaves the database of `dir` as a crash or a power cut does: un-checkpointed commits in a -wal, with its -shm.
 * (Closing the app would fold the log into the main file, so the three files are copied while it is open.)
 */
export async function leaveWal(dir: string): Promise<void> {
  const file = databaseIn(dir);
  const snapshot = path.join(dir, 'snapshot');
  fs.mkdirSync(snapshot);
  const context = await openAppContext({ dataDir: dir });
  context.db.sqlite.pragma('wal_autocheckpoint = 0');
  await addApplications(context, 5, 'In the WAL');
  for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(file + suffix, path.join(snapshot, suffix || 'main'));
  closeAppContext(context);
  for (const suffix of ['', '-wal', '-shm']) fs.renameSync(path.join(snapshot, suffix || 'main'), file + suffix);
  fs.rmdirSync(snapshot);
}
