import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../migrations';
import { backupBeforeImport, runScheduledBackup, startBackupSchedule } from '../../src-main/backups';
import { createBackup, listBackups } from '../../src-main/db/backups';
import { AppError } from '../../src-shared/errors';
import { copyIntoOlderSchema } from '../support/older-schema';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';

const apps: TempApp[] = [];
const dirs: string[] = [];
async function freshApp(): Promise<TempApp> {
  const app = await openTempApp();
  apps.push(app);
  return app;
}
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const positions = async (app: TempApp) => (await app.api.invoke('applications.list', { archived: 'all' })).items.map((item) => item.position).sort();
const addApplication = (app: TempApp, position: string) => app.api.invoke('applications.create', { companyName: 'Acme', position });

async function expectError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('backups', () => {
  it('creates and lists backups, newest first, and keeps a bounded number of each kind', async () => {
    const app = await freshApp();
    await addApplication(app, 'One');
    const first = await app.api.invoke('backups.create', undefined);
    expect(first).toMatchObject({ reason: 'manual', fileName: path.basename(first.path) });
    expect(first.bytes).toBeGreaterThan(0);
    expect(path.dirname(first.path)).toBe(path.join(app.dir, 'backups'));
    for (let index = 0; index < 11; index += 1) await createBackup(app.context.db, app.dir, 'manual');
    await createBackup(app.context.db, app.dir, 'pre-import');
    const listed = await app.api.invoke('backups.list', undefined);
    expect(listed.filter((backup) => backup.reason === 'manual')).toHaveLength(10);
    expect(listed.filter((backup) => backup.reason === 'pre-import')).toHaveLength(1);
    const times = listed.map((backup) => backup.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    // The oldest manual one went first.
    expect(listed.map((backup) => backup.path)).not.toContain(first.path);
    expect(fs.readdirSync(path.join(app.dir, 'backups')).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('backs up before an import with its own reason', async () => {
    const app = await freshApp();
    const backup = await backupBeforeImport(app.context);
    expect(backup.reason).toBe('pre-import');
    expect(listBackups(app.dir).map((item) => item.path)).toContain(backup.path);
  });

  it('restores a backup into the running app, which keeps working, and the restore can be undone', async () => {
    const app = await freshApp();
    await addApplication(app, 'Before');
    const backup = await app.api.invoke('backups.create', undefined);
    await addApplication(app, 'After');
    const events: string[][] = [];
    app.context.changes.onChanged((event) => events.push(event.tables));

    const result = await app.api.invoke('backups.restore', { path: backup.path });
    expect(result.restoredFrom).toBe(backup.path);
    expect(result.undo.reason).toBe('pre-restore');
    expect(result.schemaVersion).toBe(latestSchemaVersion);
    expect(await positions(app)).toEqual(['Before']);
    expect(events.at(-1)).toEqual(expect.arrayContaining(['applications', 'companies', 'stage_events', 'interviews', 'tasks']));
    // The same connection, change writer and statement cache go on working.
    await addApplication(app, 'Written after the restore');
    expect(await positions(app)).toEqual(['Before', 'Written after the restore']);
    expect(app.context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    await app.api.invoke('backups.restore', { path: result.undo.path });
    expect(await positions(app)).toEqual(['After', 'Before']);
    // Search (the full-text index) follows the restored data.
    const found = await app.api.invoke('search.query', { text: 'After' });
    expect(JSON.stringify(found)).toContain('After');
  });

  it('keeps this device’s identity and never moves its clock back', async () => {
    const app = await freshApp();
    const nodeId = () => app.context.db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'node_id'`).pluck().get();
    const before = nodeId();
    await addApplication(app, 'One');
    const backup = await app.api.invoke('backups.create', undefined);
    const other = await openTempApp();
    apps.push(other);
    await addApplication(other, 'From another device');
    const foreign = await other.api.invoke('backups.create', undefined);
    await app.api.invoke('backups.restore', { path: foreign.path });
    expect(nodeId()).toBe(before);
    const lastClock = app.context.db.sqlite.prepare(`SELECT max(hlc) FROM change_log`).pluck().get() as string;
    await addApplication(app, 'Later');
    const newest = app.context.db.sqlite.prepare(`SELECT max(hlc) FROM change_log`).pluck().get() as string;
    expect(newest > lastClock).toBe(true);
    expect(newest.endsWith(String(before))).toBe(true);
    void backup;
  });

  it('migrates a backup made by an older schema after restoring it', async () => {
    if (migrations.length < 2) return; // nothing older than the first schema
    const dir = tempDir();
    dirs.push(dir);
    const older = await openTempApp({ dataDir: dir, migrations: migrations.slice(0, 1) });
    const written = await freshApp();
    await addApplication(written, 'From the old version');
    copyIntoOlderSchema(older.context.db, written.context.db);
    const oldBackup = await createBackup(older.context.db, dir, 'manual');
    const copy = path.join(tempDir(), 'old.sqlite');
    dirs.push(path.dirname(copy));
    fs.copyFileSync(oldBackup.path, copy);
    older.context.db.close();

    const app = await freshApp();
    const result = await app.api.invoke('backups.restore', { path: copy });
    expect(result.schemaVersion).toBe(migrations[0].version);
    expect(app.context.db.userVersion).toBe(latestSchemaVersion);
    expect(await positions(app)).toEqual(['From the old version']);
  });

  it('refuses files that are not intact Candid databases, and leaves the data untouched', async () => {
    const app = await freshApp();
    await addApplication(app, 'Precious');
    const dir = tempDir();
    dirs.push(dir);
    const before = listBackups(app.dir).length;

    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello, this is not a database at all, and it is long enough to have a header'.repeat(3));
    await expectError(app.api.invoke('backups.restore', { path: text }), 'NOT_A_DATABASE');

    const foreign = path.join(dir, 'other.sqlite');
    const other = new BetterSqlite3(foreign);
    other.exec('CREATE TABLE recipes (name TEXT); PRAGMA user_version = 3;');
    other.close();
    await expectError(app.api.invoke('backups.restore', { path: foreign }), 'NOT_A_DATABASE');

    const future = path.join(dir, 'future.sqlite');
    fs.copyFileSync((await app.api.invoke('backups.create', undefined)).path, future);
    const handle = new BetterSqlite3(future);
    handle.pragma(`user_version = ${latestSchemaVersion + 10}`);
    handle.close();
    await expectError(app.api.invoke('backups.restore', { path: future }), 'DATABASE_TOO_NEW');

    const damaged = path.join(dir, 'damaged.sqlite');
    fs.copyFileSync((await app.api.invoke('backups.create', undefined)).path, damaged);
    const bytes = fs.readFileSync(damaged);
    // Scribble over the pages after the first (the header stays valid, the b-trees do not).
    for (let offset = 4096 * 2; offset < bytes.length; offset += 97) bytes[offset] = (bytes[offset] + 91) % 256;
    fs.writeFileSync(damaged, bytes);
    await expectError(app.api.invoke('backups.restore', { path: damaged }), 'DATABASE_CORRUPT');

    const missing = await expectError(app.api.invoke('backups.restore', { path: path.join(dir, 'nope.sqlite') }), 'VALIDATION');
    expect(missing.issues?.[0]).toMatchObject({ path: 'path', code: 'missing' });
    const relative = await expectError(app.api.invoke('backups.restore', { path: 'backups/x.sqlite' }), 'VALIDATION');
    expect(relative.issues?.[0]).toMatchObject({ path: 'path', code: 'not_absolute' });

    expect(await positions(app)).toEqual(['Precious']);
    // No pre-restore backup was taken for refused files (only the two made above as material).
    expect(listBackups(app.dir).filter((backup) => backup.reason === 'pre-restore')).toHaveLength(0);
    expect(listBackups(app.dir).length).toBe(before + 2);
    expect(fs.readdirSync(app.dir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
    // Nothing left attached (the temp schema holds this connection's scratch tables, not a file).
    const attached = app.context.db.sqlite.prepare('PRAGMA database_list').all() as { name: string }[];
    expect(attached.map((database) => database.name).filter((name) => name !== 'temp')).toEqual(['main']);
  });
});

describe('scheduled backups', () => {
  it('backs up when due and something changed since the newest backup, and skips otherwise', async () => {
    const app = await freshApp();
    const day = 24 * 60 * 60 * 1000;
    expect(await runScheduledBackup(app.context, day)).toEqual({ skipped: 'empty' });
    await addApplication(app, 'One');
    const first = await runScheduledBackup(app.context, day);
    expect(first).toMatchObject({ taken: { reason: 'scheduled' } });
    expect(await runScheduledBackup(app.context, day)).toEqual({ skipped: 'recent' });
    // A day later, with nothing written: the newest backup already holds this state.
    expect(await runScheduledBackup(app.context, day, Date.now() + day)).toEqual({ skipped: 'unchanged' });
    await addApplication(app, 'Two');
    expect(await runScheduledBackup(app.context, day, Date.now() + day)).toMatchObject({ taken: { reason: 'scheduled' } });
    // A manual backup of the current state counts too.
    await addApplication(app, 'Three');
    await app.api.invoke('backups.create', undefined);
    expect(await runScheduledBackup(app.context, day, Date.now() + 2 * day)).toEqual({ skipped: 'unchanged' });
  });

  it('runs on a timer the shells start and stop', async () => {
    const app = await freshApp();
    await addApplication(app, 'One');
    const schedule = startBackupSchedule(app.context, 60_000, { firstCheckAfterMs: 10, checkEveryMs: 60_000 });
    try {
      await expect.poll(() => listBackups(app.dir).filter((backup) => backup.reason === 'scheduled').length, { timeout: 30_000 }).toBe(1);
      expect(await schedule.check()).toEqual({ skipped: 'recent' });
    } finally {
      schedule.stop();
    }
  });
});
