process.env.TZ = 'Europe/Paris';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src-main/changes/writer';
import type { SyncedTable } from '../../src-main/db/schema';
import { ManualClock } from '../support/manual-clock';
import { day, notificationRows, openAutomatedApp, type AutomatedApp } from './support/automated-app';

/**
 * Two devices of one user: two SQLite files, each with its own node id, each running the rules on its own clock
 * (set to the same time, as two computers would be). They exchange their change logs the way sync does, through
 * ChangeWriter.applyRemote.
 */
const apps: AutomatedApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

const start = Date.parse('2025-03-03T08:00:00+01:00');

async function device(): Promise<AutomatedApp> {
  const app = await openAutomatedApp({ clock: new ManualClock(start) });
  apps.push(app);
  return app;
}

/** Where each device has read the other's log up to, by `<from>-><to>`. */
const cursors = new Map<string, number>();

/** The entries `from` wrote itself since `to` last read them. */
function localChanges(from: AutomatedApp, to: AutomatedApp): Change[] {
  const cursor = `${from.dir}->${to.dir}`;
  const rows = from.context.db.sqlite
    .prepare(`SELECT seq, hlc, table_name, row_id, column_name, value FROM change_log WHERE origin = 'local' AND seq > ? ORDER BY seq`)
    .all(cursors.get(cursor) ?? 0) as { seq: number; hlc: string; table_name: SyncedTable; row_id: string; column_name: string; value: string | number | null }[];
  if (rows.length > 0) cursors.set(cursor, rows[rows.length - 1].seq);
  return rows.map((row) => ({ hlc: row.hlc, table: row.table_name, rowId: row.row_id, column: row.column_name, value: row.value }));
}

/** Both devices send what they wrote to the other, and let their schedulers see what arrived. */
async function exchange(a: AutomatedApp, b: AutomatedApp): Promise<void> {
  const fromA = localChanges(a, b);
  const fromB = localChanges(b, a);
  b.context.changes.applyRemote(fromA);
  a.context.changes.applyRemote(fromB);
  await a.settle();
  await b.settle();
}

async function advanceBoth(a: AutomatedApp, b: AutomatedApp, ms: number): Promise<void> {
  await a.advance(ms);
  await b.advance(ms);
}

/** The synced columns of the rows automation writes, as a device holds them. */
function syncedState(app: AutomatedApp) {
  const { sqlite } = app.context.db;
  return {
    tasks: sqlite.prepare(`SELECT id, title, due_on, done_at, application_id, deleted_at FROM tasks ORDER BY id`).all(),
    events: sqlite.prepare(`SELECT id, application_id, from_stage_id, to_stage_id, occurred_at, automation, deleted_at FROM stage_events ORDER BY id`).all(),
    notifications: sqlite.prepare(`SELECT id, kind, application_id, subject_id, data, due_at, read_at, done_at, dismissed_at, snoozed_until FROM notifications ORDER BY id`).all(),
    runs: sqlite.prepare(`SELECT id, job, key, due_at, outcome FROM automation_runs ORDER BY id`).all(),
    summaries: sqlite.prepare(`SELECT id, week_start, data FROM weekly_summaries ORDER BY id`).all(),
    applications: sqlite.prepare(`SELECT id, archived, stage_category FROM applications ORDER BY id`).all(),
  };
}

describe('two devices running the same rules', () => {
  it('end with one follow-up and one ghosting, not two, after exchanging their changes', async () => {
    const laptop = await device();
    const desktop = await device();
    expect(laptop.context.changes.clock.node).not.toBe(desktop.context.changes.clock.node);
    await laptop.api.invoke('automation.update', { firstWeekday: 1 });
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
    await exchange(laptop, desktop);
    expect((await desktop.api.invoke('applications.get', { id: acme.id })).companyName).toBe('Acme');

    // Offline from each other, both devices live through the month: each suggests both follow-ups and ghosts Acme.
    await advanceBoth(laptop, desktop, 31 * day);
    for (const app of [laptop, desktop]) {
      expect(notificationRows(app.context).filter((row) => row.applicationId === acme.id).map((row) => row.kind)).toEqual(['follow-up', 'follow-up', 'ghosted']);
    }

    await exchange(laptop, desktop);
    for (const app of [laptop, desktop]) {
      const followUps = app.context.db.sqlite.prepare(`SELECT count(*) FROM tasks WHERE application_id = ? AND deleted_at IS NULL`).pluck().get(acme.id);
      expect(followUps, 'follow-up tasks').toBe(2);
      const detail = await app.api.invoke('applications.get', { id: acme.id });
      expect(detail.stageHistory.map((event) => [event.toCategory, event.automatic])).toEqual([
        ['applied', false],
        ['ghosted', true],
      ]);
      expect(notificationRows(app.context).filter((row) => row.applicationId === acme.id)).toHaveLength(3);
    }
    expect(syncedState(laptop)).toEqual(syncedState(desktop));
  });

  it('converge on what the user did to a notification on either device', async () => {
    const laptop = await device();
    const desktop = await device();
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
    await exchange(laptop, desktop);
    await advanceBoth(laptop, desktop, 8 * day);
    const [onLaptop] = (await laptop.api.invoke('notifications.list', undefined)).items.filter((item) => item.applicationId === acme.id);
    // Dismissed on the laptop, before the desktop had even sent its own copy of the same notification.
    await laptop.api.invoke('notifications.act', { action: 'dismiss', ids: [onLaptop.id] });
    await exchange(laptop, desktop);
    for (const app of [laptop, desktop]) {
      expect((await app.api.invoke('notifications.list', undefined)).items.filter((item) => item.applicationId === acme.id)).toEqual([]);
    }
    expect(syncedState(laptop)).toEqual(syncedState(desktop));
  });

  it('keep a follow-up done on one device when the other, closed meanwhile, makes the same follow-up late', async () => {
    const laptop = await device();
    let desktop = await device();
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
    await exchange(laptop, desktop);
    desktop.quit();
    // Day 8, on the laptop: the follow-up suggested on day 7 is done.
    await laptop.advance(8 * day);
    const [followUp] = (await laptop.api.invoke('notifications.list', undefined)).items.filter((item) => item.applicationId === acme.id);
    expect(followUp.kind).toBe('follow-up');
    await laptop.api.invoke('notifications.act', { action: 'done', ids: [followUp.id] });
    // Day 10: the desktop opens and catches up before it hears from the laptop; its follow-up is the same row.
    const dir = desktop.dir;
    desktop = await openAutomatedApp({ dir, clock: new ManualClock(start + 10 * day) });
    apps.push(desktop);
    expect(notificationRows(desktop.context).filter((row) => row.applicationId === acme.id).map((row) => row.id)).toEqual([followUp.id]);

    await exchange(laptop, desktop);
    await exchange(laptop, desktop);
    for (const app of [laptop, desktop]) {
      const tasks = app.context.db.sqlite.prepare(`SELECT done_at FROM tasks WHERE application_id = ? AND deleted_at IS NULL`).pluck().all(acme.id);
      expect(tasks, 'the follow-up task stays done').toEqual([expect.any(String)]);
      expect((await app.api.invoke('notifications.list', undefined)).items.filter((item) => item.applicationId === acme.id)).toEqual([]);
    }
    expect(syncedState(laptop)).toEqual(syncedState(desktop));
  });

  it('take back a ghosting when the user had moved the application on the other device', async () => {
    const laptop = await device();
    const desktop = await device();
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
    await exchange(laptop, desktop);
    await advanceBoth(laptop, desktop, 28 * day);
    // Day 28, on the laptop, offline: the recruiter called. The desktop, not knowing, ghosts Acme on day 30.
    const screening = (await laptop.api.invoke('stages.list', undefined)).find((stage) => stage.category === 'screening')!.id;
    await laptop.api.invoke('applications.setStage', { id: acme.id, stageId: screening });
    await advanceBoth(laptop, desktop, 3 * day);
    expect((await desktop.api.invoke('applications.get', { id: acme.id })).stageCategory).toBe('ghosted');
    expect((await laptop.api.invoke('applications.get', { id: acme.id })).stageCategory).toBe('screening');

    await exchange(laptop, desktop);
    await exchange(laptop, desktop);
    for (const app of [laptop, desktop]) {
      const detail = await app.api.invoke('applications.get', { id: acme.id });
      expect(detail.stageCategory).toBe('screening');
      expect(detail.stageHistory.map((event) => event.toCategory)).toEqual(['applied', 'screening']);
      expect((await app.api.invoke('notifications.list', undefined)).items.some((item) => item.kind === 'ghosted')).toBe(false);
    }
    expect(syncedState(laptop)).toEqual(syncedState(desktop));
  });
});
