import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { backupsDir, createBackup, listBackups } from '../../src-main/db/backups';
import { findLatestGoodBackup } from '../../src-main/db/recovery';
import { viewableCopy } from '../../src-main/documents/files';
import { createApi } from '../../src-main/api';
import { upload } from '../imports/support/files';
import { tempDir } from '../support/temp-app';

/**
 * The data folder is the user's alone (issue 18, finding 2: it was 0755 and its files 0644, so any user of the
 * machine could copy the database), and a crash leaves nothing behind in it for ever (finding 8: five backups killed
 * half-way left 2.3 GB of .partial files; finding 9: a link placed in backups/ was followed).
 */

const dirs: string[] = [];
const contexts: AppContext[] = [];
afterEach(() => {
  for (const context of contexts.splice(0)) closeAppContext(context);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = tempDir('candid-folder-');
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string): Promise<AppContext> {
  const context = await openAppContext({ dataDir });
  contexts.push(context);
  return context;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** The umask most systems give users: without care, new folders are 0755 and new files 0644. */
function withUsualUmask<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.umask(0o022);
  return run().finally(() => process.umask(previous));
}

describe.skipIf(process.platform === 'win32')('the data folder is private', () => {
  it('is created 0700, with every file Candid writes in it 0600 and every folder 0700', async () => {
    const dataDir = path.join(freshDir(), 'Candid');
    await withUsualUmask(async () => {
      const context = await open(dataDir);
      const api = createApi(context);
      await api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
      await api.invoke('backups.create', {});
      const { document } = await api.invoke('documents.add', { source: upload('%PDF-1.7\n', 'CV.pdf'), kind: 'cv' });
      viewableCopy(dataDir, document.id, document.sha256, document.name);
    });
    expect(modeOf(dataDir)).toBe(0o700);
    const found: string[] = [];
    for (const entry of fs.readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
      const full = path.join(entry.parentPath, entry.name);
      found.push(path.relative(dataDir, full));
      expect(modeOf(full), path.relative(dataDir, full)).toBe(entry.isDirectory() ? 0o700 : 0o600);
    }
    // What was checked: the database and its journals, a backup, a document and the viewer's copy.
    expect(found).toEqual(expect.arrayContaining(['candid.sqlite', 'candid.sqlite-wal', 'candid.sqlite-shm', 'backups', 'documents', 'open']));
    expect(found.filter((name) => name.startsWith(`backups${path.sep}candid-`))).toHaveLength(1);
    expect(found.some((name) => name.startsWith(`documents${path.sep}`) && name.split(path.sep).length === 3)).toBe(true);
  });

  it('takes group and other rights away from a folder an older Candid left open', async () => {
    const dataDir = freshDir();
    closeAppContext(await openAppContext({ dataDir }));
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', 'candid-20250101T000000000Z-manual.sqlite'), '');
    for (const file of ['', 'backups', 'candid.sqlite', 'backups/candid-20250101T000000000Z-manual.sqlite']) {
      fs.chmodSync(path.join(dataDir, file), file === '' || file === 'backups' ? 0o755 : 0o644);
    }
    await open(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'backups'))).toBe(0o700);
    expect(modeOf(path.join(dataDir, 'candid.sqlite'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'backups', 'candid-20250101T000000000Z-manual.sqlite'))).toBe(0o600);
  });
});

describe('what a crash leaves half-written is removed at start', () => {
  it('removes partial backups, restore copies, half-stored documents and viewer copies; keeps backups and moved-aside files', async () => {
    const dataDir = freshDir();
    const context = await open(dataDir);
    const kept = await createBackup(context.db, dataDir, 'manual');
    closeAppContext(contexts.pop()!);

    const leftovers = [
      'backups/candid-20250101T101010101Z-scheduled.sqlite.partial',
      '.restore-0123456789ab.sqlite',
      '.restore-0123456789ab.sqlite-wal',
      'candid.sqlite.restoring',
      `documents/ab/ab${'0'.repeat(62)}.0123456789ab.partial`,
      'open/01890000-0000-7000-8000-000000000000/CV.pdf',
      '.api-token.0123456789ab.partial',
      'sync-secrets.json.0123456789ab.partial',
    ];
    const keep = ['candid.sqlite.broken-20250101T000000000Z', 'notes-of-mine.txt', path.relative(dataDir, kept.path)];
    for (const file of [...leftovers, ...keep.slice(0, 2)]) {
      fs.mkdirSync(path.dirname(path.join(dataDir, file)), { recursive: true });
      fs.writeFileSync(path.join(dataDir, file), Buffer.alloc(64 * 1024));
    }
    await open(dataDir);
    for (const file of leftovers) expect(fs.existsSync(path.join(dataDir, file)), file).toBe(false);
    for (const file of keep) expect(fs.existsSync(path.join(dataDir, file)), file).toBe(true);
    expect(listBackups(dataDir).map((backup) => backup.path)).toEqual([kept.path]);
  });
});

describe.skipIf(process.platform === 'win32')('links in backups/ are not followed', () => {
  it('a link there is not listed, not offered for recovery, and not restored', async () => {
    const dataDir = freshDir();
    const context = await open(dataDir);
    const api = createApi(context);
    await api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    // Another Candid database somewhere else, and a link to it named like the newest backup.
    const elsewhere = freshDir();
    const other = await openAppContext({ dataDir: elsewhere });
    closeAppContext(other);
    fs.mkdirSync(backupsDir(dataDir), { recursive: true });
    const link = path.join(backupsDir(dataDir), 'candid-29990101T000000000Z-manual.sqlite');
    fs.symlinkSync(path.join(elsewhere, 'candid.sqlite'), link);

    expect(listBackups(dataDir)).toEqual([]);
    expect((await api.invoke('backups.list', {})).map((backup) => backup.fileName)).toEqual([]);
    expect(findLatestGoodBackup(dataDir)).toBeNull();
    const result = await api.call('backups.restore', { path: link });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_DATABASE' } });
    expect((await api.invoke('applications.list', {})).total).toBe(1);
  });
});
