import fs from 'node:fs';
import path from 'node:path';
import { latestSchemaVersion } from '../../migrations';
import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { backupsDir } from '../db/backups';
import { isInside } from '../shared/inside';
import { inspectDatabaseFile } from '../db/file-header';
import { assertNotFromTheFuture } from '../db/migrate';

/** Tables every Candid database has had since the first schema. */
const requiredTables = ['meta', 'stages', 'companies', 'applications', 'stage_events', 'change_log'];

function sourceIssue(code: string, message: string, file: string): AppError {
  return new AppError('VALIDATION', `Invalid input: path: ${message}`, { issues: [{ path: 'path', code, message }], details: { path: file } });
}

function notCandid(file: string, why: string): AppError {
  return new AppError('NOT_A_DATABASE', `${file} is not a Candid database (${why}).`, { details: { path: file } });
}

/**
 * The file a restore may read: an absolute path to an existing file, other than the live database, whose header
 * says SQLite with a schema this version of Candid can open (older ones are migrated after the restore).
 */
export function checkRestoreSource(context: AppContext, given: string): { file: string; userVersion: number } {
  if (!path.isAbsolute(given)) throw sourceIssue('not_absolute', 'must be an absolute path', given);
  const file = path.resolve(given);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw sourceIssue('missing', `${file} does not exist`, file);
  // In the backups folder only files Candid wrote count: a link placed there is not followed (listBackups skips it too).
  if (isInside(backupsDir(context.dataDir), file) && !fs.lstatSync(file).isFile()) throw notCandid(file, 'it is a link, not a backup');
  if (fs.realpathSync(file) === fs.realpathSync(context.databaseFile)) throw notCandid(file, 'it is the database in use');
  const header = inspectDatabaseFile(file);
  if (header.kind !== 'sqlite') throw notCandid(file, 'not an SQLite file');
  if (header.userVersion === 0) throw notCandid(file, 'no Candid schema');
  assertNotFromTheFuture(header.userVersion, latestSchemaVersion);
  return { file, userVersion: header.userVersion };
}

/**
 * Checks a database attached to the app's connection as `schema`: every page and index intact (integrity_check),
 * a schema version we can open, Candid's tables. Returns its schema version.
 */
export function verifyAttachedCandidate(context: AppContext, schema: string, file: string): number {
  const { sqlite } = context.db;
  let integrity: unknown;
  try {
    integrity = sqlite.prepare(`PRAGMA ${schema}.integrity_check(1)`).pluck().get();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') throw notCandid(file, 'not an SQLite file');
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
      throw new AppError('DATABASE_CORRUPT', `${file} is damaged.`, { details: { path: file } });
    }
    throw error;
  }
  if (integrity !== 'ok') {
    throw new AppError('DATABASE_CORRUPT', `${file} is damaged (${String(integrity).slice(0, 200)}).`, { details: { path: file } });
  }
  const userVersion = sqlite.prepare(`PRAGMA ${schema}.user_version`).pluck().get() as number;
  if (userVersion === 0) throw notCandid(file, 'no Candid schema');
  assertNotFromTheFuture(userVersion, latestSchemaVersion);
  const tables = new Set(sqlite.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  const missing = requiredTables.filter((table) => !tables.has(table));
  if (missing.length > 0) throw notCandid(file, `missing tables: ${missing.join(', ')}`);
  return userVersion;
}
