import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAppRoute } from '../../src-shared/bridge';
import { listBackups } from '../../src-main/db/backups';
import { ManualClock } from '../support/manual-clock';
import { day, hour, openAutomatedApp, type AutomatedApp } from '../automation/support/automated-app';
import { fakeApp, fakeIpcMain, FakeMainWindow, FakeNotification, startupDialogs } from './support/fake-electron-app';
import { useFakeDesktop } from './support/fake-desktop';
import { appPageUrl } from './support/fake-ipc';

vi.mock('electron', async () => (await import('./support/fake-electron-app')).fakeElectron);

const { createSystemNotifier, shownAtOnce } = await import('../../src-main/shell/notifications');
const { startDesktopApp } = await import('../../src-main/shell/lifecycle');

afterEach(() => {
  FakeNotification.shown.length = 0;
  FakeNotification.supported = true;
});

describe('system notifications', () => {
  let app: AutomatedApp;
  afterEach(() => app?.close());

  /** Two applications with an interview each tomorrow, and their reminders in the centre. */
  async function reminders() {
    app = await openAutomatedApp({ clock: new ManualClock(Date.parse('2025-03-03T12:00:00Z')) });
    const ids = [];
    for (const [company, at] of [['Acme', '2025-03-04T15:00:00Z'], ['Globex', '2025-03-04T16:00:00Z']]) {
      const application = await app.api.invoke('applications.create', { companyName: company, position: 'Developer', appliedOn: '2025-03-03' });
      await app.api.invoke('interviews.create', { applicationId: application.id, scheduledAt: at });
      ids.push(application.id);
    }
    await app.advance(4 * hour + 1);
    return { ids, items: (await app.api.invoke('notifications.list', undefined)).items.reverse() };
  }

  it('shows each in the user language, and a click opens its screen and marks it read', async () => {
    const { ids, items } = await reminders();
    const opened: (string | null)[] = [];
    const deliver = createSystemNotifier({ context: app.context, open: (route) => opened.push(route) });
    deliver(items);
    expect(FakeNotification.shown.map((shown) => shown.options.title)).toEqual(['Interview tomorrow: Acme', 'Interview tomorrow: Globex']);
    expect(FakeNotification.shown[0].options.body).toMatch(/^Developer, Tuesday 4 March at \d\d:00$/);

    FakeNotification.shown[1].emit('click');
    expect(opened).toEqual([`/applications/${ids[1]}`]);
    const list = await app.api.invoke('notifications.list', undefined);
    expect(list.items.find((item) => item.applicationId === ids[1])!.unread).toBe(false);
    expect(list.unread).toBe(1);

    await app.api.invoke('profile.update', { locale: 'fr' });
    deliver(items.slice(0, 1));
    expect(FakeNotification.shown[2].options.title).toBe('Entretien demain : Acme');
  });

  it(`sums up what is beyond ${shownAtOnce} at once, and shows nothing where the system cannot`, async () => {
    const { items } = await reminders();
    const many = [...items, ...items.map((item) => ({ ...item, id: `${item.id}-copy` })), items[0]];
    createSystemNotifier({ context: app.context, open: () => undefined })(many);
    expect(FakeNotification.shown.map((shown) => shown.options.title)).toEqual([
      'And 3 more notifications',
      'Interview tomorrow: Globex',
      'Interview tomorrow: Acme',
    ]);
    FakeNotification.shown.length = 0;
    FakeNotification.supported = false;
    createSystemNotifier({ context: app.context, open: () => undefined })(items);
    expect(FakeNotification.shown).toEqual([]);
  });
});

describe('the navigate event', () => {
  it('carries only routes of the app', () => {
    for (const route of ['/dashboard', '/tasks', '/applications/01a24173-9b86-71ae-a20a-9121d1eb0327', '/weekly/2025-03-10']) {
      expect(isAppRoute(route), route).toBe(true);
    }
    for (const route of ['https://evil.example/', '//evil.example', 'javascript:alert(1)', '/applications/../x', '/a?b', '/a#b', '', '/', 42, null, `/${'a'.repeat(300)}`]) {
      expect(isAppRoute(route), String(route)).toBe(false);
    }
  });
});

describe('the desktop app', () => {
  // The app's clock is the system's: faked here, at midday (outside the default quiet hours).
  const desktop = useFakeDesktop({ now: Date.parse('2025-03-03T12:00:00Z') });

  it('shows an interview reminder as a system notification when it falls due; a click brings the window to its application', async () => {
    startDesktopApp();
    await vi.waitFor(() => expect(fakeIpcMain.handlers.has('applications.create')).toBe(true));
    expect(startupDialogs).not.toHaveBeenCalled();
    const created = await fakeIpcMain.invoke(appPageUrl, 'applications.create', { companyName: 'Acme', position: 'Developer' });
    const applicationId = (created.value as { id: string }).id;
    // Tomorrow at 13:00: reminded today at 13:00, in an hour.
    await fakeIpcMain.invoke(appPageUrl, 'interviews.create', { applicationId, scheduledAt: '2025-03-04T13:00:00Z' });
    await vi.advanceTimersByTimeAsync(hour - 60_000);
    expect(FakeNotification.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(FakeNotification.shown).toHaveLength(1));
    expect(FakeNotification.shown[0].options.title).toBe('Interview tomorrow: Acme');

    const [window] = FakeMainWindow.created;
    FakeNotification.shown[0].emit('click');
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith('candid:event:navigate', { path: `/applications/${applicationId}` });
    const list = (await fakeIpcMain.invoke(appPageUrl, 'notifications.list', {})).value as { unread: number };
    expect(list.unread).toBe(0);

    // Quitting stops the scheduler: no timer is left behind, nothing more is shown. (After the backup its first
    // check started is written: quitting closes the database under it.)
    // The backup runs in the jobs' worker, which starts first: seconds on a loaded machine.
    await vi.waitFor(() => expect(listBackups(desktop.dataDir).some((backup) => backup.reason === 'scheduled')).toBe(true), { timeout: 40_000, interval: 50 });
    fakeApp.emit('will-quit');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * day);
    expect(FakeNotification.shown).toHaveLength(1);
  }, 90_000);
});
