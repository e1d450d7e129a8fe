import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedPath } from '../../src-main/documents/files';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';
import { upload } from '../imports/support/files';
import { appPageUrl, serveOverFakeIpc, type FakeIpcMain } from './support/fake-ipc';

const electron = vi.hoisted(() => ({
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => undefined),
}));
vi.mock('electron', () => ({
  shell: { openPath: electron.openPath, showItemInFolder: electron.showItemInFolder, openExternal: vi.fn() },
  app: { getPath: () => '/home/user/Documents' },
  dialog: {},
  BrowserWindow: { fromWebContents: () => null },
}));

const { createShellActions } = await import('../../src-main/shell/actions');

let app: TempApp;
let ipc: FakeIpcMain;
let dispose: () => void;
const others: string[] = [];

beforeEach(async () => {
  app = await openTempApp({ shell: 'desktop' });
  ({ ipc, dispose } = serveOverFakeIpc(app, (grants) => createShellActions(app.context, { entryUrl: appPageUrl, preload: '/app/preload.cjs' }, grants)));
  electron.openPath.mockReset().mockResolvedValue('');
  electron.showItemInFolder.mockReset();
});
afterEach(() => {
  dispose();
  app.close();
  for (const dir of others.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const cv = Buffer.from('%PDF-1.7\n% the CV of Camille\n');
const addCv = async () => (await app.api.invoke('documents.add', { source: upload(cv, 'CV Camille.pdf'), kind: 'cv' })).document;
const openPathArguments = () => electron.openPath.mock.calls.map((call) => call[0]);

describe('shell.openDocument', () => {
  it('opens a copy under the document’s own name, inside the data folder, with the system viewer', async () => {
    const document = await addCv();
    const result = await ipc.invoke(appPageUrl, 'shell.openDocument', { id: document.id });
    expect(result.ok).toBe(true);
    const opened = (result.value as { path: string }).path;
    expect(openPathArguments()).toEqual([opened]);
    expect(path.basename(opened)).toBe('CV Camille.pdf');
    expect(path.relative(app.dir, opened).startsWith('..')).toBe(false);
    expect(fs.readFileSync(opened)).toEqual(cv);
  });

  it('refuses an unknown id with NOT_FOUND, and a malformed one with VALIDATION, opening nothing', async () => {
    const unknown = await ipc.invoke(appPageUrl, 'shell.openDocument', { id: '01890000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const malformed = await ipc.invoke(appPageUrl, 'shell.openDocument', { id: '../../etc/passwd' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(electron.openPath).not.toHaveBeenCalled();
  });

  it('refuses a deleted document, and one whose file is not on this device, with NOT_FOUND', async () => {
    const deleted = await addCv();
    await app.api.invoke('documents.delete', { id: deleted.id });
    expect(await ipc.invoke(appPageUrl, 'shell.openDocument', { id: deleted.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await app.api.invoke('documents.restore', { id: deleted.id });
    fs.rmSync(storedPath(app.dir, deleted.sha256));
    const missing = await ipc.invoke(appPageUrl, 'shell.openDocument', { id: deleted.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'file_missing' } } });
    expect(electron.openPath).not.toHaveBeenCalled();
  });

  it('reports the system’s refusal to open it as an error, not as success', async () => {
    const document = await addCv();
    electron.openPath.mockResolvedValue('No application knows how to open this file');
    const result = await ipc.invoke(appPageUrl, 'shell.openDocument', { id: document.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reason: 'open_failed' } } });
  });
});

describe('shell.showItemInFolder', () => {
  const show = (given: unknown) => ipc.invoke(appPageUrl, 'shell.showItemInFolder', { path: given });

  it('shows a backup of the data folder in the file manager', async () => {
    const backup = await app.api.invoke('backups.create', {});
    expect(await show(backup.path)).toEqual({ ok: true, value: { path: fs.realpathSync(backup.path) } });
    expect(electron.showItemInFolder).toHaveBeenCalledWith(fs.realpathSync(backup.path));
  });

  it('refuses every path outside the data folder, however it is written', async () => {
    const outside = tempDir('candid-outside-');
    others.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'not Candid’s');
    // A sibling whose name starts like the data folder's, and a link inside the data folder that leads out.
    const lookAlike = `${app.dir}-other`;
    others.push(lookAlike);
    fs.mkdirSync(lookAlike);
    fs.writeFileSync(path.join(lookAlike, 'file.txt'), '');
    fs.symlinkSync(outside, path.join(app.dir, 'link-out'));

    for (const given of [
      path.join(outside, 'secret.txt'),
      path.join(app.dir, '..', path.basename(outside), 'secret.txt'),
      path.join(lookAlike, 'file.txt'),
      path.join(app.dir, 'link-out', 'secret.txt'),
      app.dir,
      '/etc/passwd',
    ]) {
      expect(await show(given), given).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'path', code: 'outside_data_folder' }] } });
    }
    expect(await show('backups/latest.sqlite')).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ code: 'path_not_absolute' }] } });
    expect(await show('')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(electron.showItemInFolder).not.toHaveBeenCalled();
  });

  it('answers NOT_FOUND for a file of the data folder that does not exist', async () => {
    const result = await show(path.join(app.dir, 'backups', 'gone.sqlite'));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(electron.showItemInFolder).not.toHaveBeenCalled();
  });
});
