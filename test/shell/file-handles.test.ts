import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';
import { appPageUrl, serveOverFakeIpc, type FakeIpcMain } from './support/fake-ipc';

/**
 * The desktop app's IPC no longer trusts file paths from the page (issue 18, finding 5): a compromised page could
 * make an export overwrite any file of the user's (~/.bashrc) and a preview read any file (~/.ssh/…). Files now
 * come from the main process's own dialogs, handed to the page as opaque handles, or from the data folder. Electron
 * is replaced (its dialogs answer what the user "picked"); the IPC transport, the shell actions and the handler
 * table are the real ones.
 */

const dialogs = vi.hoisted(() => ({
  save: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '' as string | undefined })),
  open: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: [] as string[] })),
}));
vi.mock('electron', () => ({
  shell: { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn(), openExternal: vi.fn() },
  app: { getPath: () => '/home/user/Documents' },
  dialog: { showSaveDialog: dialogs.save, showOpenDialog: dialogs.open },
  BrowserWindow: { fromWebContents: () => null },
}));

const { createShellActions } = await import('../../src-main/shell/actions');

let app: TempApp;
let ipc: FakeIpcMain;
let dispose: () => void;
/** The user's home, outside the data folder. */
let home: string;

beforeEach(async () => {
  app = await openTempApp({ shell: 'desktop' });
  ({ ipc, dispose } = serveOverFakeIpc(app, (grants) => createShellActions(app.context, { entryUrl: appPageUrl, preload: '/app/preload.cjs' }, grants)));
  home = tempDir('candid-home-');
  fs.writeFileSync(path.join(home, '.bashrc'), 'export PATH=$HOME/bin:$PATH\n');
  fs.writeFileSync(path.join(home, 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');
  fs.writeFileSync(path.join(home, 'suivi.csv'), 'Entreprise,Poste\nAcme,Développeur\n');
  fs.writeFileSync(path.join(home, 'cv.pdf'), '%PDF-1.7\n% CV\n');
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
});
afterEach(() => {
  dispose();
  app.close();
  fs.rmSync(home, { recursive: true, force: true });
});

const call = (channel: string, input: unknown) => ipc.invoke(appPageUrl, channel, input);

/** What the save dialog hands the page when the user picks `file`. */
async function saveDialogPicks(file: string): Promise<{ handle: string; name: string }> {
  dialogs.save.mockResolvedValueOnce({ canceled: false, filePath: file });
  const result = await call('shell.showSaveDialog', { defaultName: path.basename(file) });
  expect(result.ok).toBe(true);
  return (result.value as { file: { handle: string; name: string } }).file;
}

/** What the open dialog hands the page when the user picks `file`. */
async function openDialogPicks(file: string): Promise<{ handle: string; name: string }> {
  dialogs.open.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
  const result = await call('shell.showOpenDialog', {});
  expect(result.ok).toBe(true);
  return (result.value as { files: { handle: string; name: string }[] }).files[0];
}

const forbidden = { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) };

describe('the dialogs', () => {
  it('hand the page a handle and a name, never the path', async () => {
    const saved = await saveDialogPicks(path.join(home, 'export.csv'));
    expect(saved.name).toBe('export.csv');
    expect(saved.handle).toMatch(/^candid-file:[\w-]{20,}$/);
    expect(JSON.stringify(saved)).not.toContain(home);
    const opened = await openDialogPicks(path.join(home, 'suivi.csv'));
    expect(opened).toMatchObject({ name: 'suivi.csv' });
    expect(JSON.stringify(opened)).not.toContain(home);
  });

  it('hand nothing when the user cancels', async () => {
    dialogs.save.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    expect(await call('shell.showSaveDialog', {})).toEqual({ ok: true, value: { file: null } });
    dialogs.open.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call('shell.showOpenDialog', {})).toEqual({ ok: true, value: { files: [] } });
  });
});

describe('exports', () => {
  it.each(['exports.csv', 'exports.excel', 'exports.json', 'exports.calendar', 'exports.statisticsWorkbook'])(
    '%s cannot overwrite a file the page names, only the one the user picked',
    async (channel) => {
      const bashrc = path.join(home, '.bashrc');
      const before = fs.readFileSync(bashrc, 'utf8');
      expect(await call(channel, { path: bashrc })).toMatchObject(forbidden);
      expect(fs.readFileSync(bashrc, 'utf8')).toBe(before);

      const picked = await saveDialogPicks(path.join(home, 'export.out'));
      const result = await call(channel, { path: picked.handle });
      expect(result).toMatchObject({ ok: true, value: { kind: 'file', path: path.join(home, 'export.out') } });
      expect(fs.statSync(path.join(home, 'export.out')).size).toBeGreaterThan(0);
    },
  );

  it('a file picked to be read cannot be written', async () => {
    const opened = await openDialogPicks(path.join(home, '.bashrc'));
    expect(await call('exports.csv', { path: opened.handle })).toMatchObject(forbidden);
    expect(fs.readFileSync(path.join(home, '.bashrc'), 'utf8')).toContain('export PATH');
  });
});

describe('imports and documents', () => {
  it('a preview cannot read a file the page names, only the one the user picked', async () => {
    const refused = await call('imports.preview', { source: { path: path.join(home, 'id_ed25519'), fileName: 'keys.csv' } });
    expect(refused).toMatchObject(forbidden);
    expect(JSON.stringify(refused)).not.toContain('secret');

    const picked = await openDialogPicks(path.join(home, 'suivi.csv'));
    const preview = await call('imports.preview', { source: { path: picked.handle, fileName: picked.name } });
    expect(preview).toMatchObject({ ok: true, value: { format: 'csv' } });
    const run = await call('imports.run', { source: { path: picked.handle, fileName: picked.name } });
    expect(run).toMatchObject({ ok: true, value: { created: 1 } });
  });

  it('a file picked to be written cannot be read', async () => {
    const saved = await saveDialogPicks(path.join(home, 'id_ed25519'));
    expect(await call('imports.preview', { source: { path: saved.handle } })).toMatchObject(forbidden);
  });

  it('documents.add stores only the file the user picked', async () => {
    expect(await call('documents.add', { source: { path: path.join(home, 'id_ed25519') }, kind: 'other' })).toMatchObject(forbidden);
    const picked = await openDialogPicks(path.join(home, 'cv.pdf'));
    const added = await call('documents.add', { source: { path: picked.handle }, kind: 'cv' });
    expect(added).toMatchObject({ ok: true, value: { document: { name: 'cv.pdf' } } });
  });
});

describe('backups.restore', () => {
  it('restores a backup of the data folder, or a file the user picked, and nothing the page names', async () => {
    const backup = (await call('backups.create', {})).value as { path: string };
    const other = path.join(home, 'other.sqlite');
    fs.copyFileSync(backup.path, other);
    expect(await call('backups.restore', { path: other })).toMatchObject(forbidden);
    expect(await call('backups.restore', { path: app.context.databaseFile })).toMatchObject(forbidden);

    expect(await call('backups.restore', { path: backup.path })).toMatchObject({ ok: true });
    const picked = await openDialogPicks(other);
    expect(await call('backups.restore', { path: picked.handle })).toMatchObject({ ok: true, value: { restoredFrom: other } });
  });
});
