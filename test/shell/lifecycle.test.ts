import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../src-main/db/backups';
import { nativeBindingPath } from '../../src-main/shell/paths';
import { tempDir } from '../support/temp-app';
import { fakeApp, fakeIpcMain, FakeMainWindow, startupDialogs } from './support/fake-electron-app';
import { appPageUrl } from './support/fake-ipc';

vi.mock('electron', async () => (await import('./support/fake-electron-app')).fakeElectron);

const { startDesktopApp } = await import('../../src-main/shell/lifecycle');

const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;

let dataDir: string;
let appPath: string;

beforeEach(() => {
  dataDir = tempDir('candid-desktop-data-');
  appPath = tempDir('candid-desktop-app-');
  // The "Electron build" of better-sqlite3 where the app looks for it is, here, the Node build the tests use.
  const binding = nativeBindingPath({ isPackaged: false, appPath, resourcesPath: '', electronVersion: process.versions.electron });
  fs.mkdirSync(path.dirname(binding), { recursive: true });
  fs.symlinkSync(path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
  fakeApp.userData = dataDir;
  fakeApp.appPath = appPath;
  vi.stubEnv('CANDID_DATA_DIR', undefined);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  // Only the clock and the timers the schedule uses: SQLite's online backup steps with setImmediate.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});

afterEach(() => {
  fakeApp.emit('will-quit');
  fakeApp.removeAllListeners();
  FakeMainWindow.created.length = 0;
  vi.useRealTimers();
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(appPath, { recursive: true, force: true });
});

const scheduledBackups = () => listBackups(dataDir).filter((backup) => backup.reason === 'scheduled');
const write = (name: string) => fakeIpcMain.invoke(appPageUrl, 'tags.create', { name });

async function startApp(): Promise<void> {
  startDesktopApp();
  await vi.waitFor(() => expect(fakeIpcMain.handlers.has('tags.create')).toBe(true));
  expect(startupDialogs).not.toHaveBeenCalled();
}

describe('the desktop app', () => {
  it('opens the main window on the app’s page with the hardened options', async () => {
    await startApp();
    expect(FakeMainWindow.created).toHaveLength(1);
    const [window] = FakeMainWindow.created;
    expect(window.loaded).toEqual([appPageUrl]);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, preload: expect.stringMatching(/preload[\\/]index\.cjs$/) });
  });

  it('takes scheduled backups while it runs, and stops checking when it quits', async () => {
    await startApp();
    expect((await write('Remote')).ok).toBe(true);
    expect(scheduledBackups()).toEqual([]);

    // The first check comes shortly after start.
    await vi.advanceTimersByTimeAsync(minute);
    await vi.waitFor(() => expect(scheduledBackups()).toHaveLength(1));

    // Checked every hour: once the last scheduled backup is a day old and something changed, the next one is taken.
    await write('Lyon');
    await vi.advanceTimersByTimeAsync(day + hour);
    await vi.waitFor(() => expect(scheduledBackups()).toHaveLength(2));

    fakeApp.emit('will-quit');
    expect(vi.getTimerCount()).toBe(0);
    expect(fakeIpcMain.handlers.size).toBe(0);
    await vi.advanceTimersByTimeAsync(3 * day);
    expect(scheduledBackups()).toHaveLength(2);
  });
});
