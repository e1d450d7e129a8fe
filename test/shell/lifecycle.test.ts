import { describe, expect, it, vi } from 'vitest';
import { listBackups } from '../../src-main/db/backups';
import { fakeApp, fakeIpcMain, FakeMainWindow, startupDialogs } from './support/fake-electron-app';
import { useFakeDesktop } from './support/fake-desktop';
import { appPageUrl } from './support/fake-ipc';

vi.mock('electron', async () => (await import('./support/fake-electron-app')).fakeElectron);

const { startDesktopApp } = await import('../../src-main/shell/lifecycle');

const minute = 60 * 1000;
const hour = 60 * minute;
const day = 24 * hour;

const desktop = useFakeDesktop();

const scheduledBackups = () => listBackups(desktop.dataDir).filter((backup) => backup.reason === 'scheduled');
/**
 * A backup runs in the jobs' worker, which may have to start first (seconds on a loaded machine; the day this test
 * skips also retires the idle worker, so each backup starts one): far longer than vi.waitFor's default second.
 */
const untilBackups = { timeout: 40_000, interval: 50 };
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
    await vi.waitFor(() => expect(scheduledBackups()).toHaveLength(1), untilBackups);

    // Checked every hour: once the last scheduled backup is a day old and something changed, the next one is taken.
    await write('Lyon');
    await vi.advanceTimersByTimeAsync(day + hour);
    await vi.waitFor(() => expect(scheduledBackups()).toHaveLength(2), untilBackups);

    fakeApp.emit('will-quit');
    expect(vi.getTimerCount()).toBe(0);
    expect(fakeIpcMain.handlers.size).toBe(0);
    await vi.advanceTimersByTimeAsync(3 * day);
    expect(scheduledBackups()).toHaveLength(2);
  }, 90_000);
});
