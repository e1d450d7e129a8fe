import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { latestSchemaVersion } from '../../migrations';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import { listBackups, type BackupInfo } from './backups';
import { inspectDatabaseFile } from './file-header';

/** What a shell needs to explain a database that would not open, and what it can offer. */
export interface StartupProblem {
  code: ErrorCode;
  message: string;
  file: string;
  /** The newest backup that opens and passes integrity_check, if any. */
  latestGoodBackup: BackupInfo | null;
  /** Restoring makes sense only when the file itself is the problem (not a full or read-only disk). */
  canRestore: boolean;
}

/** The desktop app loads the Electron build of better-sqlite3; plain Node (tests, the browser shell) its own. */
export interface SqliteBinding {
  nativeBinding?: string;
}

const fileProblems: ErrorCode[] = ['DATABASE_CORRUPT', 'NOT_A_DATABASE'];

/** In WAL mode SQLite keeps two files beside the database; the three belong together. */
const walSuffixes = ['-wal', '-shm'] as const;
const companionSuffixes = ['', ...walSuffixes] as const;

export function describeStartupProblem(error: unknown, file: string, dataDir: string, binding: SqliteBinding = {}): StartupProblem {
  const appError = error instanceof AppError ? error : fromSystemError(error);
  const latestGoodBackup = fileProblems.includes(appError.code) ? findLatestGoodBackupQuietly(dataDir, binding) : null;
  return { code: appError.code, message: appError.message, file, latestGoodBackup, canRestore: latestGoodBackup !== null };
}

/** The file system's own errors (creating the data folder, copying a backup) explained like SQLite's. */
function fromSystemError(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', message);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('READ_ONLY', message);
  return new AppError('INTERNAL', message);
}

/** A backups folder that cannot even be listed means no backup to offer, not a second failure to explain. */
function findLatestGoodBackupQuietly(dataDir: string, binding: SqliteBinding): BackupInfo | null {
  try {
    return findLatestGoodBackup(dataDir, binding);
  } catch {
    return null;
  }
}

/** A backup is good when it is SQLite, from a schema we know, and passes integrity_check. */
export function isGoodBackup(file: string, binding: SqliteBinding = {}): boolean {
  const header = inspectDatabaseFile(file);
  if (header.kind !== 'sqlite' || header.userVersion > latestSchemaVersion || header.userVersion === 0) return false;
  // Backups are WAL-mode files: even a read-only connection creates -wal and -shm beside them. Remove the ones
  // this check created, so that checking never litters the backups folder.
  const created = walSuffixes.filter((suffix) => !fs.existsSync(file + suffix));
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, nativeBinding: binding.nativeBinding });
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
    for (const suffix of created) fs.rmSync(file + suffix, { force: true });
  }
}

export function findLatestGoodBackup(dataDir: string, binding: SqliteBinding = {}): BackupInfo | null {
  return listBackups(dataDir).find((backup) => isGoodBackup(backup.path, binding)) ?? null;
}

/**
 * Moves a broken database (and its -wal/-shm) aside under a dated name, never deleting it: the user, or support,
 * may still rescue something from it. Returns the new path of the main file.
 */
export function moveAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  let target = `${file}.broken-${stamp}`;
  // Two failures within the same millisecond must not rename the second file over the first one.
  for (let n = 2; companionSuffixes.some((suffix) => fs.existsSync(target + suffix)); n++) target = `${file}.broken-${stamp}-${n}`;
  for (const suffix of companionSuffixes) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Puts a copy of the backup in place of the database, after moving the database aside. The backup itself stays.
 * A -wal left without its main file is moved aside too: SQLite would otherwise replay it onto the restored copy.
 */
export function restoreBackupInPlace(file: string, backup: BackupInfo, binding: SqliteBinding = {}): { movedAside: string | null } {
  if (!isGoodBackup(backup.path, binding)) {
    throw new AppError('DATABASE_CORRUPT', `The backup ${backup.path} is damaged too.`, { details: { file: backup.path } });
  }
  // The copy is complete and on disk before anything is moved: a full disk or a crash half-way leaves the
  // damaged file where it was, never an empty place where the next start would create a blank database.
  const partial = `${file}.restoring`;
  try {
    fs.copyFileSync(backup.path, partial);
    fsyncPath(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const movedAside = companionSuffixes.some((suffix) => fs.existsSync(file + suffix)) ? moveAside(file) : null;
  fs.renameSync(partial, file);
  fsyncPath(path.dirname(file));
  return { movedAside };
}

function fsyncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder to flush it; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** What the shell restored, to tell the user where the damaged file went. */
export interface RestoredBackup {
  backup: BackupInfo;
  /** The damaged database under its new name (kept, never deleted); null when there was no file. */
  movedAside: string | null;
}

export type RecoveryOutcome<T> =
  | { ok: true; context: T; restored: RestoredBackup | null }
  | { ok: false; problem: StartupProblem; error: unknown };

export interface RecoveryOptions extends SqliteBinding {
  /** The database file and its data folder (where the backups are). */
  file: string;
  dataDir: string;
  /** Asked only when a good backup can replace a damaged file: the dialog's answer, or a command-line flag. */
  chooseRestore: (problem: StartupProblem) => boolean | Promise<boolean>;
}

/**
 * Startup for both shells: open the database; when its file is damaged, an intact backup exists and the user
 * chooses to, move the damaged file aside, put the backup in its place and open again, once. A database that
 * cannot be opened does not throw: the outcome carries what the shell needs to explain it.
 */
export async function openWithRecovery<T>(open: () => Promise<T>, options: RecoveryOptions): Promise<RecoveryOutcome<T>> {
  let failure: unknown;
  try {
    return { ok: true, context: await open(), restored: null };
  } catch (error) {
    failure = error;
  }
  const problem = describeStartupProblem(failure, options.file, options.dataDir, options);
  const backup = problem.canRestore ? problem.latestGoodBackup : null;
  if (!backup || !(await options.chooseRestore(problem))) return { ok: false, problem, error: failure };
  try {
    const { movedAside } = restoreBackupInPlace(options.file, backup, options);
    return { ok: true, context: await open(), restored: { backup, movedAside } };
  } catch (error) {
    // One restore per start: offering the next backup could loop over backups that open but fail later.
    const again = describeStartupProblem(error, options.file, options.dataDir, options);
    return { ok: false, problem: { ...again, canRestore: false }, error };
  }
}
