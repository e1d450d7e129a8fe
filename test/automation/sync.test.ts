process.env.TZ = 'Europe/Paris';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server';
import { ManualClock } from '../support/manual-clock';
import { connect, syncNow, testKdfCost } from '../sync/support/devices';
import { syncedRows } from '../sync/support/rows';
import { day, ledger, notificationRows, openAutomatedApp, type AutomatedApp } from './support/automated-app';

/**
 * The replicas test exchanges change logs by hand; this one sends them through the real sync engine and server
 * (sealed batches, cursors, the repairs sync runs after a pull), so the rules' deterministic ids and their synced
 * ledger are shown to converge the way two devices really meet.
 */
let server: TestServer;
const apps: AutomatedApp[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const app of apps.splice(0)) app.close();
  await server.close();
});

const start = Date.parse('2025-03-03T08:00:00+01:00');

async function device(): Promise<AutomatedApp> {
  const app = await openAutomatedApp({ clock: new ManualClock(start), sync: { kdfCost: testKdfCost } });
  apps.push(app);
  return app;
}

/** Syncs one device and lets its scheduler see what arrived. */
async function sync(app: AutomatedApp): Promise<void> {
  await syncNow(app);
  await app.settle();
}

/** Two devices of one account, the laptop's search already on the desktop. */
async function joinedPair() {
  const laptop = await device();
  const desktop = await device();
  await laptop.api.invoke('automation.update', { firstWeekday: 1 });
  const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
  await connect(laptop, server, { createAccount: true, deviceName: 'Laptop' });
  await laptop.context.sync.runner.whenIdle();
  await sync(laptop);
  await connect(desktop, server, { deviceName: 'Desktop' });
  await desktop.context.sync.runner.whenIdle();
  await sync(desktop);
  expect((await desktop.api.invoke('applications.get', { id: acme.id })).companyName).toBe('Acme');
  return { laptop, desktop, acme };
}

async function syncRound(laptop: AutomatedApp, desktop: AutomatedApp): Promise<void> {
  await sync(laptop);
  await sync(desktop);
  await sync(laptop);
}

function liveTasks(app: AutomatedApp, applicationId: string) {
  return app.context.db.sqlite
    .prepare(`SELECT id, done_at AS doneAt FROM tasks WHERE application_id = ? AND deleted_at IS NULL ORDER BY due_on`)
    .all(applicationId) as { id: string; doneAt: string | null }[];
}

describe('automation on two devices syncing through the server', () => {
  it('ends with one follow-up, one ghosting and one ledger after a month offline from each other', async () => {
    const { laptop, desktop, acme } = await joinedPair();

    // Offline from each other, both devices live through the month: each suggests both follow-ups and ghosts Acme.
    await laptop.advance(31 * day);
    await desktop.advance(31 * day);
    for (const app of [laptop, desktop]) {
      expect(notificationRows(app.context).filter((row) => row.applicationId === acme.id).map((row) => row.kind)).toEqual(['follow-up', 'follow-up', 'ghosted']);
    }

    await syncRound(laptop, desktop);
    for (const app of [laptop, desktop]) {
      expect(liveTasks(app, acme.id), 'follow-up tasks').toHaveLength(2);
      const detail = await app.api.invoke('applications.get', { id: acme.id });
      expect(detail.stageHistory.map((event) => [event.toCategory, event.automatic])).toEqual([
        ['applied', false],
        ['ghosted', true],
      ]);
      expect(notificationRows(app.context).filter((row) => row.applicationId === acme.id)).toHaveLength(3);
    }
    expect(ledger(desktop.context)).toEqual(ledger(laptop.context));
    expect(syncedRows(desktop.context.db)).toEqual(syncedRows(laptop.context.db));

    // What each device ran is in both ledgers now: another week repeats nothing on either.
    const before = syncedRows(laptop.context.db);
    await laptop.advance(7 * day);
    await desktop.advance(7 * day);
    await syncRound(laptop, desktop);
    expect(notificationRows(laptop.context).filter((row) => row.applicationId === acme.id)).toHaveLength(3);
    expect(liveTasks(laptop, acme.id)).toHaveLength(2);
    expect(syncedRows(desktop.context.db)).toEqual(syncedRows(laptop.context.db));
    expect(syncedRows(laptop.context.db).stage_events).toEqual(before.stage_events);
  });

  it('dismissing on one device dismisses on the other, and a follow-up done stays done', async () => {
    const { laptop, desktop, acme } = await joinedPair();
    await laptop.advance(8 * day);
    await desktop.advance(8 * day);
    const [followUp] = (await laptop.api.invoke('notifications.list', undefined)).items.filter((item) => item.applicationId === acme.id);
    await laptop.api.invoke('notifications.act', { action: 'done', ids: [followUp.id] });

    await syncRound(laptop, desktop);
    for (const app of [laptop, desktop]) {
      expect((await app.api.invoke('notifications.list', undefined)).items.filter((item) => item.applicationId === acme.id)).toEqual([]);
      expect(liveTasks(app, acme.id).map((task) => task.doneAt !== null)).toEqual([true]);
    }
    expect(syncedRows(desktop.context.db)).toEqual(syncedRows(laptop.context.db));
  });
});
