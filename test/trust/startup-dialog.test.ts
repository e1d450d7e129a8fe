import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestSchemaVersion } from '../../migrations';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { messagesFor } from '../../src-main/shell/messages';
import { tempDir } from '../support/temp-app';
import { applicationCount, corruptPages, dataDirWithBackup, markFromTheFuture, sha256 } from './support/broken-files';

/**
 * The desktop startup dialog on real broken files. Only Electron's dialog and shell are replaced (this runs under
 * Node); the recovery underneath is real: files are moved, backups restored, databases opened.
 */
interface MessageBox {
  type: string;
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  cancelId?: number;
}
const electron = vi.hoisted(() => ({
  boxes: [] as MessageBox[],
  answers: [] as string[],
  openPath: vi.fn(async (_path: string) => ''),
}));
vi.mock('electron', () => ({
  dialog: {
    // Answers by button label, so a test states what the user clicks, not where the button is.
    showMessageBoxSync: (options: MessageBox) => {
      electron.boxes.push(options);
      const answer = electron.answers.shift();
      const index = answer === undefined ? 0 : options.buttons.indexOf(answer);
      if (index < 0) throw new Error(`no button "${answer}" in ${JSON.stringify(options.buttons)}`);
      return index;
    },
  },
  shell: { openPath: electron.openPath },
}));

const { openWithStartupDialogs } = await import('../../src-main/shell/startup-error');

const dirs: string[] = [];
const contexts: AppContext[] = [];
beforeEach(() => {
  electron.boxes.length = 0;
  electron.answers.length = 0;
  electron.openPath.mockClear();
});
afterEach(() => {
  for (const context of contexts.splice(0)) closeAppContext(context);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function damagedDataDir() {
  const dir = tempDir('candid-dialog-');
  dirs.push(dir);
  const data = await dataDirWithBackup(dir, 30, 5);
  corruptPages(data.file);
  return data;
}

function start(dir: string, file: string, locale: string) {
  return openWithStartupDialogs(() => openAppContext({ dataDir: dir }), { locale, dataDir: dir, file }).then((context) => {
    if (context) contexts.push(context);
    return context;
  });
}

describe('desktop startup dialog', () => {
  it('offers "Restore the latest backup (date)" for a damaged file, restores, says where the damaged file went, and opens', async () => {
    const { dir, file, inBackup } = await damagedDataDir();
    const damaged = sha256(file);
    const m = messagesFor('fr-FR').startup;
    // No answer queued: the user clicks the first button, checked below to be the restore offer.
    const context = await start(dir, file, 'fr-FR');
    expect(context).not.toBeNull();
    const [error, restored] = electron.boxes;
    expect(error.type).toBe('error');
    expect(error.title).toBe(m.title);
    expect(error.message).toBe(m.problems.DATABASE_CORRUPT);
    expect(error.buttons[0]).toMatch(/^Restaurer la dernière sauvegarde \(\d{1,2} \S+ \d{4}/);
    expect(error.buttons.slice(1)).toEqual([m.quit, m.openDataFolder]);
    expect(error.buttons[error.cancelId!]).toBe(m.quit);
    expect(error.detail).toContain('Une sauvegarde intacte du');
    expect(error.detail).toContain(dir);

    expect(restored.type).toBe('info');
    expect(restored.title).toBe(m.restoredTitle);
    const keptAs = /sous le nom (.+)\.$/.exec(restored.message)?.[1];
    expect(keptAs && sha256(keptAs)).toBe(damaged);
    expect(applicationCount(file)).toBe(inBackup);
  });

  it('Quit leaves everything as it was and asks nothing more', async () => {
    const { dir, file } = await damagedDataDir();
    const damaged = sha256(file);
    electron.answers.push(messagesFor('en').startup.quit);
    expect(await start(dir, file, 'en-US')).toBeNull();
    expect(electron.boxes).toHaveLength(1);
    expect(sha256(file)).toBe(damaged);
    expect(fs.readdirSync(dir).filter((name) => name.includes('.broken-'))).toEqual([]);
  });

  it('explains a database from a newer version in the user’s language, offers no restore, and can open the data folder', async () => {
    const dir = tempDir('candid-dialog-');
    dirs.push(dir);
    const { file } = await dataDirWithBackup(dir, 3, 1);
    markFromTheFuture(file, latestSchemaVersion + 1);
    const m = messagesFor('en-GB').startup;
    electron.answers.push(m.openDataFolder);
    expect(await start(dir, file, 'en-GB')).toBeNull();
    expect(electron.boxes).toHaveLength(1);
    expect(electron.boxes[0].message).toBe(m.problems.DATABASE_TOO_NEW);
    expect(electron.boxes[0].buttons).toEqual([m.quit, m.openDataFolder]);
    expect(electron.openPath).toHaveBeenCalledWith(dir);
  });

  it('names a missing Electron build of SQLite (not an AppError) by its own code', async () => {
    const dir = tempDir('candid-dialog-');
    dirs.push(dir);
    const missing = Object.assign(new Error('native/electron-45.4.1/better_sqlite3.node does not exist'), { code: 'NATIVE_MISSING' });
    const context = await openWithStartupDialogs(() => Promise.reject(missing), { locale: 'fr', dataDir: dir, file: `${dir}/candid.sqlite` });
    expect(context).toBeNull();
    const m = messagesFor('fr').startup;
    expect(electron.boxes.map((box) => [box.message, box.buttons])).toEqual([[m.problems.NATIVE_MISSING, [m.quit, m.openDataFolder]]]);
  });
});
