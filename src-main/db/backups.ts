import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { JobControl } from '../jobs/control';
import type { Database } from './connection';
import { createPrivateFile, ensurePrivateFolder } from './private-files';

export type BackupReason = 'scheduled' | 'manual' | 'pre-migration' | 'pre-import' | 'pre-restore';

export interface BackupInfo {
  path: string;
  reason: BackupReason;
  createdAt: string;
  bytes: number;
}

const keepPerReason: Record<BackupReason, number> = {
  scheduled: 7,
  manual: 10,
  'pre-migration': 3,
  'pre-import': 5,
  'pre-restore': 5,
};

const namePattern = /^candid-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** Pages copied per step of a backup (10 MB): between steps a job reports progress and notices a cancel. */
const pagesPerStep = 2560;

/**
 * How a backup copies: step by step with progress inside a job; all at once after writes by another connection
 * made it start over twice (SQLite restarts a step-by-step copy whenever another connection writes), and outside jobs.
 */
function backupOptions(job: JobControl | undefined): BetterSqlite3.BackupOptions | undefined {
  if (!job) return undefined;
  let restarts = 0;
  let lastRemaining = Infinity;
  const step = job.step === 'backingUp' ? 'backingUp' : 'copying';
  return {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages > lastRemaining) restarts += 1;
      lastRemaining = remainingPages;
      job.progress(step, totalPages - remainingPages, totalPages);
      return restarts >= 2 ? 0x7fffffff : pagesPerStep;
    },
  };
}

/**
 * A consistent snapshot through SQLite's online backup API (safe while the app keeps writing), written under a
 * temporary name and renamed so that a crash never leaves a half-written file that looks like a backup.
 */
export async function createBackup(db: Database, dataDir: string, reason: BackupReason, job?: JobControl): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  ensurePrivateFolder(dir);
  const createdAt = new Date().toISOString();
  const stamp = createdAt.replace(/[-:.]/g, '');
  const finalPath = path.join(dir, `candid-${stamp}-${reason}.sqlite`);
  const partialPath = `${finalPath}.partial`;
  // Created private and empty first: SQLite writes the snapshot into it, keeping its mode.
  createPrivateFile(partialPath);
  job?.temporary(partialPath);
  try {
    await db.sqlite.backup(partialPath, backupOptions(job));
  } catch (error) {
    fs.rmSync(partialPath, { force: true });
    throw error;
  }
  fs.renameSync(partialPath, finalPath);
  rotateBackups(dataDir, reason);
  return { path: finalPath, reason, createdAt, bytes: fs.statSync(finalPath).size };
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const result: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const match = namePattern.exec(name);
    if (!match) continue;
    const full = path.join(dir, name);
    // Only files Candid wrote: a link placed here (to any file of the user's) is not a backup, and is never followed.
    if (!fs.lstatSync(full).isFile()) continue;
    const s = match[1];
    const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
    result.push({ path: full, reason: match[2] as BackupReason, createdAt, bytes: fs.statSync(full).size });
  }
  return result.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function rotateBackups(dataDir: string, reason: BackupReason): void {
  const same = listBackups(dataDir).filter((backup) => backup.reason === reason);
  for (const old of same.slice(keepPerReason[reason])) fs.rmSync(old.path, { force: true });
}
