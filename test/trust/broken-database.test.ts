import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../migrations';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { backupsDir } from '../../src-main/db/backups';
import {
  describeStartupProblem,
  findLatestGoodBackup,
  isGoodBackup,
  moveAside,
  openWithRecovery,
  restoreBackupInPlace,
  type StartupProblem,
} from '../../src-main/db/recovery';
import { messagesFor, startupParagraph, type StartupProblem as ProblemKind } from '../../src-main/shell/messages';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import { databaseFingerprint } from '../integration/support/fingerprint';
import { tempDir } from '../support/temp-app';
import {
  addApplications,
  applicationCount,
  corruptPages,
  databaseFiles,
  databaseIn,
  dataDirWithBackup,
  leaveWal,
  markFromTheFuture,
  plantBackup,
  sha256,
} from './support/broken-files';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from './support/tmpfs';
import { startWebShell } from './support/web-shell';

/**
 * Broken databases at start, on real files and real file systems: each is refused with the right code (the app
 * keeps running: openAppContext rejects with an AppError), explained in the user's language, never overwritten,
 * and, when the file itself is damaged, replaced by the latest intact backup if the user asks.
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
function freshDir(): string {
  const dir = tempDir('candid-broken-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
function tmpfs(sizeKb: number): Tmpfs {
  const mounted = mountTmpfs(sizeKb);
  cleanups.push(() => mounted.unmount());
  return mounted;
}
function track(context: AppContext): AppContext {
  cleanups.push(() => closeAppContext(context));
  return context;
}

/** Opening must reject with an AppError carrying `code`, not throw anything else and not crash. */
async function expectRefused(dir: string, code: ErrorCode): Promise<AppError> {
  const error = await openAppContext({ dataDir: dir }).then(
    (context) => {
      closeAppContext(context);
      return expect.fail(`expected ${code}, but the database opened`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as Error).message).toBe(code);
  return error as AppError;
}

/** The shell's explanation, in French and in English, names the problem in the user's words. */
function expectExplained(problem: StartupProblem, kind: ProblemKind, dir: string): void {
  for (const locale of ['fr-FR', 'en-GB']) {
    const paragraph = startupParagraph(problem, locale, dir);
    const m = messagesFor(locale).startup;
    expect(paragraph).toContain(m.title);
    expect(paragraph).toContain(m.problems[kind]);
    expect(paragraph).toContain(dir);
    if (problem.canRestore) expect(paragraph).toContain(m.restoreFlag);
    else expect(paragraph).not.toContain(m.restoreFlag);
  }
}

const neverAsked = () => expect.fail('restoring must not be offered for this problem');

describe('a damaged database file', () => {
  it('is caught at start (quick_check), explained, kept aside, and replaced by the latest intact backup', async () => {
    const { dir, file, backup, inBackup, extra } = await dataDirWithBackup(freshDir());
    expect(applicationCount(file)).toBe(inBackup + extra);
    corruptPages(file);
    const damaged = sha256(file);

    await expectRefused(dir, 'DATABASE_CORRUPT');
    expect(sha256(file), 'a refused file is not modified').toBe(damaged);

    const problem = describeStartupProblem(await openAppContext({ dataDir: dir }).catch((e: unknown) => e), file, dir);
    expect(problem).toMatchObject({ code: 'DATABASE_CORRUPT', canRestore: true, latestGoodBackup: { path: backup.path } });
    expectExplained(problem, 'DATABASE_CORRUPT', dir);
    expect(startupParagraph(problem, 'fr-FR', dir)).toMatch(/Une sauvegarde intacte du \d{1,2} \S+ \d{4}/);

    // The user declines: nothing moves.
    const declined = await openWithRecovery(() => openAppContext({ dataDir: dir }), { file, dataDir: dir, chooseRestore: () => false });
    expect(declined.ok).toBe(false);
    expect(sha256(file)).toBe(damaged);

    const backupBefore = sha256(backup.path);
    const outcome = await openWithRecovery(() => openAppContext({ dataDir: dir }), { file, dataDir: dir, chooseRestore: () => true });
    if (!outcome.ok) return expect.fail(`restore failed: ${outcome.problem.code} ${outcome.problem.message}`);
    const context = track(outcome.context);
    expect(outcome.restored?.backup.path).toBe(backup.path);
    const keptAs = outcome.restored!.movedAside!;
    expect(sha256(keptAs), 'the damaged file is kept, byte for byte').toBe(damaged);
    expect(path.dirname(keptAs)).toBe(dir);
    expect(sha256(backup.path), 'the backup itself stays as it was').toBe(backupBefore);

    const list = await createApi(context).invoke('applications.list', { limit: 1 });
    expect(list.total).toBe(inBackup);
    expect(context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // And the app works on: a write goes through.
    await addApplications(context, 1, 'After restore');
    expect((await createApi(context).invoke('applications.list', { limit: 1 })).total).toBe(inBackup + 1);
  });

  it('moves its -wal and -shm aside with it, byte for byte, and the restored copy does not replay them', async () => {
    const { dir, file, inBackup } = await dataDirWithBackup(freshDir());
    await leaveWal(dir);
    // Damage a table the WAL holds no newer copy of, so that the main file's damage is what SQLite reads.
    corruptPages(file, 'stages');
    const before = databaseFiles(file);
    expect(before.wal).not.toBeNull();

    // A refused open must not fold the -wal into the damaged file (a read-write connection does so on close).
    await expectRefused(dir, 'DATABASE_CORRUPT');
    expect(databaseFiles(file).main).toBe(before.main);
    expect(databaseFiles(file).wal).toBe(before.wal);

    const outcome = await openWithRecovery(() => openAppContext({ dataDir: dir }), { file, dataDir: dir, chooseRestore: () => true });
    if (!outcome.ok) return expect.fail(`restore failed: ${outcome.problem.code} ${outcome.problem.message}`);
    track(outcome.context);
    const kept = databaseFiles(outcome.restored!.movedAside!);
    expect(kept.main).toBe(before.main);
    expect(kept.wal).toBe(before.wal);
    expect(kept.shm).not.toBeNull();
    expect(applicationCount(file)).toBe(inBackup);
  });

  it('without an intact backup: explained, nothing offered, the file left where it is', async () => {
    const { dir, file, backup } = await dataDirWithBackup(freshDir());
    corruptPages(backup.path);
    corruptPages(file);
    const damaged = sha256(file);
    const outcome = await openWithRecovery(() => openAppContext({ dataDir: dir }), { file, dataDir: dir, chooseRestore: neverAsked });
    if (outcome.ok) return expect.fail('a damaged database opened');
    expect(outcome.problem).toMatchObject({ code: 'DATABASE_CORRUPT', canRestore: false, latestGoodBackup: null });
    expectExplained(outcome.problem, 'DATABASE_CORRUPT', dir);
    for (const locale of ['fr', 'en']) {
      expect(startupParagraph(outcome.problem, locale, dir)).toContain(messagesFor(locale).startup.noBackup);
    }
    expect(sha256(file)).toBe(damaged);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.broken-'))).toEqual([]);
  });
});

describe('a file that is not SQLite', () => {
  it('is refused untouched, explained, and can be replaced by a backup', async () => {
    const { dir, file, inBackup } = await dataDirWithBackup(freshDir());
    fs.writeFileSync(file, 'Company;Position\nAcme;Developer\n'.repeat(200));
    const foreign = sha256(file);
    await expectRefused(dir, 'NOT_A_DATABASE');
    expect(sha256(file)).toBe(foreign);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const problem = describeStartupProblem(new AppError('NOT_A_DATABASE', 'not a database'), file, dir);
    expect(problem.canRestore).toBe(true);
    expectExplained(problem, 'NOT_A_DATABASE', dir);

    const outcome = await openWithRecovery(() => openAppContext({ dataDir: dir }), { file, dataDir: dir, chooseRestore: () => true });
    if (!outcome.ok) return expect.fail(outcome.problem.message);
    track(outcome.context);
    expect(sha256(outcome.restored!.movedAside!)).toBe(foreign);
    expect(applicationCount(file)).toBe(inBackup);
  });
});

describe('a database from a newer version', () => {
  it('is refused untouched and never replaced by an older backup', async () => {
    const { dir, file } = await dataDirWithBackup(freshDir());
    markFromTheFuture(file, latestSchemaVersion + 10);
    const future = sha256(file);
    const outcome = await openWithRecovery(() => openAppContext({ dataDir: dir }), { file, dataDir: dir, chooseRestore: neverAsked });
    if (outcome.ok) return expect.fail('a database from the future opened');
    expect(outcome.error).toBeInstanceOf(AppError);
    expect(outcome.problem).toMatchObject({ code: 'DATABASE_TOO_NEW', canRestore: false });
    expectExplained(outcome.problem, 'DATABASE_TOO_NEW', dir);
    expect(sha256(file)).toBe(future);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

describe.skipIf(tmpfsUnavailable !== null)(`a read-only location ${tmpfsUnavailable ? `(skipped: ${tmpfsUnavailable})` : ''}`, () => {
  it('is refused as READ_ONLY, explained, the file untouched and no restore offered', async () => {
    const disk = tmpfs(4096);
    const created = track(await openAppContext({ dataDir: disk.dir }));
    await addApplications(created, 10);
    closeAppContext(created);
    const file = databaseIn(disk.dir);
    const before = sha256(file);
    disk.remountReadOnly();

    await expectRefused(disk.dir, 'READ_ONLY');
    const outcome = await openWithRecovery(() => openAppContext({ dataDir: disk.dir }), {
      file,
      dataDir: disk.dir,
      chooseRestore: neverAsked,
    });
    if (outcome.ok) return expect.fail('opened on a read-only file system');
    expect(outcome.problem).toMatchObject({ code: 'READ_ONLY', canRestore: false });
    expectExplained(outcome.problem, 'READ_ONLY', disk.dir);
    expect(sha256(file)).toBe(before);
  });

  it('an empty read-only data folder is READ_ONLY too (no database can be created there)', async () => {
    const disk = tmpfs(1024);
    disk.remountReadOnly();
    await expectRefused(disk.dir, 'READ_ONLY');
    expect(fs.readdirSync(disk.dir)).toEqual([]);
  });
});

describe.skipIf(tmpfsUnavailable !== null)(`a full disk ${tmpfsUnavailable ? `(skipped: ${tmpfsUnavailable})` : ''}`, () => {
  it('at start: DISK_FULL, explained, the file untouched; it opens once space is freed', async () => {
    // Room for a new database's write-ahead log as well: creating one writes about 3.5 MB of it (every migration),
    // and on a 4 MB disk the checkpoint at close found no room, so the test's filler got nothing to fill.
    const disk = tmpfs(8192);
    const created = track(await openAppContext({ dataDir: disk.dir }));
    await addApplications(created, 20);
    closeAppContext(created);
    const file = databaseIn(disk.dir);
    const before = sha256(file);
    const filler = disk.fill();

    await expectRefused(disk.dir, 'DISK_FULL');
    const outcome = await openWithRecovery(() => openAppContext({ dataDir: disk.dir }), {
      file,
      dataDir: disk.dir,
      chooseRestore: neverAsked,
    });
    if (outcome.ok) return expect.fail('opened on a full disk');
    expect(outcome.problem).toMatchObject({ code: 'DISK_FULL', canRestore: false });
    expectExplained(outcome.problem, 'DISK_FULL', disk.dir);
    expect(sha256(file)).toBe(before);

    fs.rmSync(filler);
    const reopened = track(await openAppContext({ dataDir: disk.dir }));
    expect((await createApi(reopened).invoke('applications.list', { limit: 1 })).total).toBe(20);
  });

  it('a brand-new database on a full disk: DISK_FULL, and no half-made database stays to be mistaken for data', async () => {
    // Room for a new database once the filler goes: its migrations write about 1 MB of write-ahead log.
    const disk = tmpfs(4096);
    const filler = disk.fill();
    await expectRefused(disk.dir, 'DISK_FULL');
    fs.rmSync(filler);
    const context = track(await openAppContext({ dataDir: disk.dir }));
    expect(context.db.userVersion).toBe(latestSchemaVersion);
    expect(context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('while running: a write is refused with DISK_FULL and writes nothing; reads go on; writes resume when space is freed', async () => {
    const disk = tmpfs(4096);
    const context = track(await openAppContext({ dataDir: disk.dir }));
    const api = createApi(context);
    await addApplications(context, 20);
    const filler = disk.fill();
    const before = databaseFingerprint(context.db);
    for (const size of [200_000, 10]) {
      const result = await api.call('applications.create', { companyName: 'Full', position: 'Disk', description: 'x'.repeat(size) });
      expect(result.ok ? 'ok' : result.error.code).toBe('DISK_FULL');
    }
    expect(databaseFingerprint(context.db)).toEqual(before);
    expect((await api.invoke('applications.list', { limit: 1 })).total).toBe(20);
    expect(context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    fs.rmSync(filler);
    expect((await api.call('applications.create', { companyName: 'Freed', position: 'Disk' })).ok).toBe(true);
    expect((await api.invoke('applications.list', { limit: 1 })).total).toBe(21);
  });
});

describe('SQLITE_FULL through a handler (PRAGMA max_page_count)', () => {
  it('is DISK_FULL, writes nothing, leaves an intact database, and the next write that fits goes through', async () => {
    const dir = freshDir();
    const context = track(await openAppContext({ dataDir: dir }));
    const api = createApi(context);
    await addApplications(context, 10);
    const pages = context.db.sqlite.pragma('page_count', { simple: true }) as number;
    context.db.sqlite.pragma(`max_page_count = ${pages}`);
    const before = databaseFingerprint(context.db);

    const result = await api.call('applications.create', { companyName: 'Big', position: 'Description', description: 'x'.repeat(50_000) });
    expect(result.ok ? 'ok' : result.error.code).toBe('DISK_FULL');
    expect(databaseFingerprint(context.db)).toEqual(before);
    expect(context.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    context.db.sqlite.pragma(`max_page_count = ${pages * 100}`);
    expect((await api.call('applications.create', { companyName: 'Big', position: 'Description', description: 'x'.repeat(50_000) })).ok).toBe(true);
  });
});

describe('backups for recovery', () => {
  const day = (n: number) => `2030-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;

  it('the latest good backup skips newer ones that are truncated, damaged, empty, foreign or from the future', async () => {
    const { dir, backup } = await dataDirWithBackup(freshDir(), 20, 1);
    const copy = (transform: (file: string) => void) => (file: string) => {
      fs.copyFileSync(backup.path, file);
      transform(file);
    };
    plantBackup(dir, day(2), copy((file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))));
    plantBackup(dir, day(3), copy((file) => corruptPages(file)));
    plantBackup(dir, day(4), (file) => fs.writeFileSync(file, ''));
    plantBackup(dir, day(5), (file) => fs.writeFileSync(file, 'not a database at all, just some text'.repeat(10)));
    plantBackup(dir, day(6), copy((file) => markFromTheFuture(file, latestSchemaVersion + 1)));
    const good = plantBackup(dir, day(1), copy(() => undefined));
    const namesBefore = fs.readdirSync(backupsDir(dir)).sort();

    expect(findLatestGoodBackup(dir)?.path).toBe(good);
    // Checking opens each candidate: it must leave no -wal/-shm behind in the backups folder.
    expect(fs.readdirSync(backupsDir(dir)).sort()).toEqual(namesBefore);
  });

  it('restoring a damaged backup is refused and changes nothing', async () => {
    const { dir, file, backup } = await dataDirWithBackup(freshDir(), 5, 1);
    corruptPages(backup.path);
    const before = sha256(file);
    expect(() => restoreBackupInPlace(file, backup)).toThrow(expect.objectContaining({ code: 'DATABASE_CORRUPT' }));
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.broken-') || name.endsWith('.restoring'))).toEqual([]);
  });

  it('a -wal left without its database is moved aside before the backup takes its place', async () => {
    const { dir, file, backup, inBackup } = await dataDirWithBackup(freshDir(), 8, 2);
    await leaveWal(dir);
    fs.rmSync(file);
    const orphan = sha256(`${file}-wal`);
    const { movedAside } = restoreBackupInPlace(file, backup);
    expect(movedAside).not.toBeNull();
    expect(sha256(`${movedAside}-wal`)).toBe(orphan);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(applicationCount(file)).toBe(inBackup);
  });

  it('moving aside twice in the same millisecond keeps both files', () => {
    const dir = freshDir();
    const file = databaseIn(dir);
    const now = new Date('2030-01-01T00:00:00.000Z');
    fs.writeFileSync(file, 'first');
    const first = moveAside(file, now);
    fs.writeFileSync(file, 'second');
    const second = moveAside(file, now);
    expect(second).not.toBe(first);
    expect(fs.readFileSync(first, 'utf8')).toBe('first');
    expect(fs.readFileSync(second, 'utf8')).toBe('second');
  });

  it('checks backups with the SQLite build it is given (the desktop app passes Electron’s)', async () => {
    const { backup } = await dataDirWithBackup(freshDir(), 2, 0);
    expect(isGoodBackup(backup.path)).toBe(true);
    expect(isGoodBackup(backup.path, { nativeBinding: '/nonexistent/better_sqlite3.node' })).toBe(false);
  });
});

describe('the browser shell (scripts/web.ts) on a damaged database', () => {
  it('prints the explanation in one paragraph, in the user’s language (LANG), and exits non-zero', async () => {
    const { dir, file } = await dataDirWithBackup(freshDir(), 10, 2);
    corruptPages(file);
    const damaged = sha256(file);
    // French, so that the language is shown to come from the system (the English text is checked above).
    const shell = startWebShell(['--data', dir], { LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' });
    expect(await shell.exited).toBe(1);
    const { stdout, stderr } = shell.output();
    const m = messagesFor('fr').startup;
    const paragraph = stderr.split('\n')[0];
    expect(paragraph).toContain(m.title);
    expect(paragraph).toContain(m.problems.DATABASE_CORRUPT);
    expect(paragraph).toContain(m.restoreFlag);
    expect(paragraph).toContain(dir);
    expect(stdout).not.toContain('Candid is running');
    expect(sha256(file)).toBe(damaged);
  });

  it('with --restore-latest-backup: restores, keeps the damaged file, serves the restored data, stops cleanly', async () => {
    const { dir, file, inBackup } = await dataDirWithBackup(freshDir(), 10, 2);
    corruptPages(file);
    const damaged = sha256(file);
    const shell = startWebShell(['--data', dir, '--restore-latest-backup'], { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
    cleanups.push(() => shell.child.kill('SIGKILL'));
    const [, url] = await shell.waitFor(/Candid is running at (http:\/\/127\.0\.0\.1:\d+)\//);
    await shell.waitFor(/API token in /);
    const token = fs.readFileSync(path.join(dir, 'api-token'), 'utf8').trim();
    const keptAs = /The damaged file was kept as (.+)\.\n/.exec(shell.output().stdout)?.[1];
    expect(keptAs && sha256(keptAs)).toBe(damaged);

    const response = await fetch(`${url}/api/applications.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ limit: 1 }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { total: number }).total).toBe(inBackup);

    shell.child.kill('SIGTERM');
    expect(await shell.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'api-token'))).toBe(false);
    expect(applicationCount(file)).toBe(inBackup);
  });
});
