import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { nativeBindingPath } from '../../../src-main/shell/paths';
import { tempDir } from '../../support/temp-app';
import { fakeApp, FakeMainWindow } from './fake-electron-app';

/**
 * Folders for startDesktopApp under the fake Electron, around each test of the file: a data folder, an app folder
 * where the "Electron build" of better-sqlite3 is the Node build the tests use, and fake timers and Date (only the
 * clock and the timers the app's schedules use: SQLite's online backup steps with setImmediate). Quits the app after.
 */
export function useFakeDesktop(options: { now?: number } = {}): { readonly dataDir: string } {
  let dataDir = '';
  let appPath = '';
  beforeEach(() => {
    dataDir = tempDir('candid-desktop-data-');
    appPath = tempDir('candid-desktop-app-');
    const binding = nativeBindingPath({ isPackaged: false, appPath, resourcesPath: '', electronVersion: process.versions.electron });
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.symlinkSync(path.resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
    fakeApp.userData = dataDir;
    fakeApp.appPath = appPath;
    vi.stubEnv('CANDID_DATA_DIR', undefined);
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], ...(options.now === undefined ? {} : { now: options.now }) });
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
  return {
    get dataDir() {
      return dataDir;
    },
  };
}
