import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations, latestSchemaVersion, type Migration } from '../../migrations';
import { listBackups } from '../../src-main/db/backups';
import { openDatabase } from '../../src-main/db/open';
import { AppError } from '../../src-shared/errors';
import { tempDir } from '../support/temp-app';

const dirs: string[] = [];
const freshDir = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('opening the database', () => {
  it('creates and migrates an empty database with WAL, foreign keys and a busy timeout', async () => {
    const dir = freshDir();
    const db = await openDatabase({ file: path.join(dir, 'candid.sqlite'), dataDir: dir });
    expect(db.userVersion).toBe(latestSchemaVersion);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const stages = db.sqlite.prepare('SELECT category FROM stages ORDER BY id').pluck().all();
    expect(stages).toEqual(['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted']);
    // No backup for a brand-new database: there was nothing to lose.
    expect(listBackups(dir)).toEqual([]);
    db.close();
  });

  it('migrates from each earlier version, backing up first, each step in its own transaction', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'candid.sqlite');
    const first = await openDatabase({ file, dataDir: dir, migrations: migrations.slice(0, 1) });
    first.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'kept')`).run();
    first.close();

    const step20: Migration = {
      version: latestSchemaVersion + 10,
      name: '0020_test_column',
      up: async (db) => {
        await sql`ALTER TABLE tasks ADD COLUMN probe TEXT`.execute(db);
      },
    };
    const broken: Migration = {
      version: latestSchemaVersion + 20,
      name: '0030_broken',
      up: async (db) => {
        await sql`ALTER TABLE tasks ADD COLUMN half_done TEXT`.execute(db);
        throw new Error('boom in the middle');
      },
    };
    await expect(openDatabase({ file, dataDir: dir, migrations: [...migrations, step20, broken] })).rejects.toThrow('boom');
    const check = new BetterSqlite3(file);
    // The good step committed, the broken one rolled back whole.
    expect(check.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 10);
    const columns = check.prepare(`SELECT name FROM pragma_table_info('tasks')`).pluck().all();
    expect(columns).toContain('probe');
    expect(columns).not.toContain('half_done');
    expect(check.prepare(`SELECT value FROM meta WHERE key = 'probe'`).pluck().get()).toBe('kept');
    check.close();
    expect(listBackups(dir).filter((backup) => backup.reason === 'pre-migration').length).toBeGreaterThanOrEqual(1);

    const reopened = await openDatabase({ file, dataDir: dir, migrations: [...migrations, step20] });
    expect(reopened.userVersion).toBe(latestSchemaVersion + 10);
    reopened.close();
  });

  it('upgrades a database created at each earlier version to the latest, keeping its data', async () => {
    for (let known = 1; known < migrations.length; known++) {
      const dir = freshDir();
      const file = path.join(dir, 'candid.sqlite');
      const old = await openDatabase({ file, dataDir: dir, migrations: migrations.slice(0, known) });
      expect(old.userVersion).toBe(migrations[known - 1].version);
      old.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('probe', ?)`).run(`from ${known}`);
      old.close();
      const upgraded = await openDatabase({ file, dataDir: dir });
      expect(upgraded.userVersion).toBe(latestSchemaVersion);
      expect(upgraded.sqlite.prepare(`SELECT value FROM meta WHERE key = 'probe'`).pluck().get()).toBe(`from ${known}`);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      upgraded.close();
      expect(listBackups(dir).some((backup) => backup.reason === 'pre-migration')).toBe(true);
    }
  });

  // A database stores only the version it reached (PRAGMA user_version), so a migration numbered below a version
  // that has already been released is skipped on every database people already have. Every migration version of
  // the last released build (stop 45), in order: a prefix of the list. Replace it with the full list when a build ships.
  it('never slips a new migration below a version already released', () => {
    const released = [10, 20, 30, 40, 50, 60, 110, 115, 120, 150, 160, 170, 175, 180, 190, 195, 200, 205, 210, 230, 240, 245, 250, 255, 260, 265, 270, 280, 290, 295, 300, 305, 310];
    const versions = migrations.map((migration) => migration.version);
    expect(versions.slice(0, released.length)).toEqual(released);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('refuses a database from a newer version and leaves the file untouched', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'candid.sqlite');
    const future = new BetterSqlite3(file);
    future.exec(`CREATE TABLE something_new (x); INSERT INTO something_new VALUES (1)`);
    future.pragma(`user_version = ${latestSchemaVersion + 10}`);
    future.close();
    const before = sha(file);
    const error = await openDatabase({ file, dataDir: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DATABASE_TOO_NEW');
    expect((error as AppError).message).toMatch(/newer version of Candid/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(listBackups(dir)).toEqual([]);
  });

  it('refuses a file that is not SQLite, without touching it', async () => {
    const dir = freshDir();
    const file = path.join(dir, 'candid.sqlite');
    fs.writeFileSync(file, 'this is a text file, not a database\n'.repeat(10));
    const before = sha(file);
    await expect(openDatabase({ file, dataDir: dir })).rejects.toMatchObject({ code: 'NOT_A_DATABASE' });
    expect(sha(file)).toBe(before);
  });
});
