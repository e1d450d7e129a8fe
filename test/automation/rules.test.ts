process.env.TZ = 'Europe/Paris';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/manual-clock';
import { day, ledger, notificationRows, openAutomatedApp, type AutomatedApp } from './support/automated-app';
import { end, mondayMornings, runScenario, start, type ScenarioIds } from './support/scenario';

const apps: AutomatedApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

async function open(clock: ManualClock, dir?: string): Promise<AutomatedApp> {
  const app = await openAutomatedApp({ clock, dir });
  apps.push(app);
  return app;
}

const iso = (text: string) => new Date(text).toISOString();
const thursdayMornings = (from: number, to: number) =>
  mondayMornings(from - 3 * day, to - 3 * day).map((monday) => new Date(Date.parse(monday) + 3 * day).toISOString());

/** What the scenario's rules must have done, each once, at its moment: (kind, subject, due). */
function expectedNotifications(ids: ScenarioIds) {
  return [
    ['task-due', 'cv today', iso('2025-03-05T09:00:00+01:00')],
    ['task-due', 'cv overdue', iso('2025-03-06T09:00:00+01:00')],
    ['task-due', 'call today', iso('2025-03-07T09:00:00+01:00')],
    ['follow-up', `${ids.acme} 1`, iso('2025-03-10T12:00:00Z')],
    ['deadline', `${ids.initech} 3`, iso('2025-03-11T09:00:00+01:00')],
    ['deadline', `${ids.initech} 1`, iso('2025-03-13T09:00:00+01:00')],
    ['follow-up', `${ids.acme} 2`, iso('2025-03-17T12:00:00Z')],
    ['interview-soon', 'day', iso('2025-03-19T14:00:00+01:00')],
    ['interview-soon', 'hour', iso('2025-03-20T13:00:00+01:00')],
    ['ghosted', ids.acme, iso('2025-04-02T12:00:00Z')],
    // Every week from the second on, nothing more went out: the goal of two is at risk each Thursday.
    ...thursdayMornings(Date.parse('2025-03-13T00:00:00Z'), end).map((at) => ['goal-at-risk', 'week', at]),
    ...mondayMornings(start, end).map((at) => ['weekly-summary', 'week', at]),
  ]
    .map(([kind, what, at]) => `${at} ${kind} ${what}`)
    .sort();
}

/** The notifications made, in the same terms. */
function madeNotifications(app: AutomatedApp, ids: ScenarioIds) {
  const names: Record<string, string> = { [ids.cvTask]: 'cv', [ids.callTask]: 'call' };
  return notificationRows(app.context)
    .map((row) => {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const what =
        row.kind === 'task-due'
          ? `${names[row.subjectId!]} ${data.overdue ? 'overdue' : 'today'}`
          : row.kind === 'follow-up'
            ? `${row.applicationId} ${data.round}`
            : row.kind === 'deadline'
              ? `${row.applicationId} ${data.daysLeft}`
              : row.kind === 'interview-soon'
                ? String(data.lead)
                : row.kind === 'ghosted'
                  ? row.applicationId
                  : 'week';
      return `${row.dueAt} ${row.kind} ${what}`;
    })
    .sort();
}

const stateOf = (app: AutomatedApp) => ({
  ledger: ledger(app.context),
  notifications: notificationRows(app.context),
  tasks: app.context.db.sqlite.prepare(`SELECT id, title, due_on, created_at FROM tasks ORDER BY id`).all(),
  events: app.context.db.sqlite.prepare(`SELECT id, application_id, to_stage_id, occurred_at, deleted_at, automation FROM stage_events ORDER BY id`).all(),
  archived: app.context.db.sqlite.prepare(`SELECT id, archived FROM applications ORDER BY id`).all(),
  summaries: app.context.db.sqlite.prepare(`SELECT id, week_start, data, created_at FROM weekly_summaries ORDER BY week_start`).all(),
});

describe('seven months of a job search with every rule on', () => {
  it('fires each rule exactly once, at the moment it falls due', async () => {
    const clock = new ManualClock(start);
    const { app, ids } = await runScenario(await open(clock));

    expect(madeNotifications(app, ids)).toEqual(expectedNotifications(ids));
    // Every run happened at its due time, while the app was running (nothing late, nothing early).
    for (const run of ledger(app.context)) expect(run.ranAt, `${run.job} ${run.key}`).toBe(run.dueAt);
    for (const row of notificationRows(app.context)) expect(row.createdAt, `${row.kind}`).toBe(row.dueAt);

    // The follow-ups are tasks too, one per round, due the day they were suggested.
    const followUps = app.context.db.sqlite.prepare(`SELECT title, due_on, application_id FROM tasks WHERE title LIKE 'Follow up%' ORDER BY due_on`).all();
    expect(followUps).toEqual([
      { title: 'Follow up with Acme', due_on: '2025-03-10', application_id: ids.acme },
      { title: 'Follow up with Acme', due_on: '2025-03-17', application_id: ids.acme },
    ]);

    // Acme was ghosted once, by a stage event marked as automatic, at the moment it fell due.
    const acme = await app.api.invoke('applications.get', { id: ids.acme });
    expect(acme.stageHistory.map((event) => [event.toCategory, event.occurredAt, event.automatic])).toEqual([
      ['applied', '2025-03-03T12:00:00.000Z', false],
      ['ghosted', '2025-04-02T12:00:00.000Z', true],
    ]);
    // Closed applications were archived six calendar months after they closed: Hooli (rejected 4 March at 10:00 in
    // Paris), Acme (ghosted 2 April).
    const archives = ledger(app.context).filter((run) => run.job === 'auto-archive');
    expect(archives.map((run) => [run.dueAt, run.outcome])).toEqual([
      [iso('2025-09-04T09:00:00Z'), 'ran'],
      [iso('2025-10-02T12:00:00Z'), 'ran'],
    ]);
    expect((await app.api.invoke('applications.get', { id: ids.hooli })).archived).toBe(true);
    expect(acme.archived).toBe(true);
    // Globex answered (no follow-up, no ghosting) and Initech is still on the wishlist: neither is archived.
    expect((await app.api.invoke('applications.get', { id: ids.globex })).archived).toBe(false);
  });

  it('repeats nothing when the app is restarted after every step, and ends in the same state', async () => {
    const straight = await runScenario(await open(new ManualClock(start)));
    const clock = new ManualClock(start);
    const first = await open(clock);
    const restarted = await runScenario(first, {
      async between(app) {
        app.quit();
        return open(clock, app.dir);
      },
    });
    // The same rows, with the same ids, due and made at the same moments: restarts changed nothing.
    const strip = (state: ReturnType<typeof stateOf>) => ({
      ...state,
      tasks: state.tasks.map((task) => ({ ...(task as object), id: undefined })),
    });
    expect(madeNotifications(restarted.app, restarted.ids)).toEqual(expectedNotifications(restarted.ids));
    expect(strip(stateOf(restarted.app)).ledger.length).toBe(stateOf(straight.app).ledger.length);
    const moments = (app: AutomatedApp) => notificationRows(app.context).map((row) => `${row.dueAt} ${row.createdAt} ${row.kind}`).sort();
    expect(moments(restarted.app)).toEqual(moments(straight.app));
  });

  it('catches up once after a week with the app closed: the latest of each reminder, nothing twice', async () => {
    const clock = new ManualClock(start);
    const before = await runScenario(await open(clock), { until: Date.parse('2025-03-07T12:00:00+01:00') });
    const dir = before.app.dir;
    before.app.quit();
    // Closed from Friday 7 to Tuesday 18 March: no timer fires meanwhile.
    const reopenedAt = Date.parse('2025-03-18T10:00:00+01:00');
    clock.jumpTo(reopenedAt);
    const app = await open(clock, dir);
    const { ids } = before;
    const caughtUp = notificationRows(app.context).filter((row) => row.createdAt === new Date(reopenedAt).toISOString());
    expect(caughtUp.map((row) => [row.kind, row.dueAt, JSON.parse(row.data)]).sort()).toEqual(
      [
        // Both follow-ups fell due: only the second is suggested; the first is recorded as superseded.
        ['follow-up', iso('2025-03-17T12:00:00Z'), { round: 2, days: 14 }],
        // The deadline (14 March) has passed: no reminder of it. The week of 10 March is summed up; the goal of
        // the week of 10 March, at risk on Thursday 13, is past too.
        ['weekly-summary', iso('2025-03-17T09:00:00+01:00'), expect.objectContaining({ weekStart: '2025-03-10' })],
      ].sort(),
    );
    expect(ledger(app.context).find((run) => run.key === `${ids.acme}@2025-03-03T12:00:00.000Z#1`)).toMatchObject({ outcome: 'superseded' });
    // Another restart, and a week more: what was caught up is not made again; what comes next comes once.
    app.quit();
    const again = await open(clock, dir);
    await again.advanceTo(Date.parse('2025-03-25T12:00:00+01:00'));
    const rows = notificationRows(again.context);
    const keys = rows.map((row) => row.id);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.filter((row) => row.kind === 'follow-up')).toHaveLength(1);
    expect(rows.filter((row) => row.kind === 'interview-soon').map((row) => [JSON.parse(row.data).lead, row.createdAt])).toEqual([
      ['day', iso('2025-03-19T14:00:00+01:00')],
      ['hour', iso('2025-03-20T13:00:00+01:00')],
    ]);
  });
});

describe('a rule only acts on what falls due while Candid watches', () => {
  it('leaves alone an application entered long after it was sent, and what was due before a rule was turned on', async () => {
    const clock = new ManualClock(start);
    const app = await open(clock);
    // Sent in January, entered today: its follow-ups and its ghosting fell due before Candid knew of it.
    const old = await app.api.invoke('applications.create', { companyName: 'Umbrella', position: 'QA', appliedOn: '2025-01-10' });
    // Sent 10 days ago: the first follow-up was due 3 days ago, the second (day 14) is still to come.
    const recent = await app.api.invoke('applications.create', { companyName: 'Soylent', position: 'QA', appliedOn: '2025-02-21' });
    await app.api.invoke('automation.update', { ghost: { enabled: false } });
    await app.advance(21 * day);
    const made = notificationRows(app.context).filter((row) => row.applicationId !== null);
    expect(made.map((row) => [row.kind, row.applicationId, row.dueAt])).toEqual([['follow-up', recent.id, iso('2025-03-07T12:00:00Z')]]);
    expect(made.some((row) => row.applicationId === old.id)).toBe(false);
    // Ghosting turned on now (24 March) acts from now: Soylent's 30 days ended on 23 March, Umbrella's long ago.
    await app.api.invoke('automation.update', { ghost: { enabled: true } });
    const tyrell = await app.api.invoke('applications.create', { companyName: 'Tyrell', position: 'QA', appliedOn: '2025-03-24' });
    await app.advance(31 * day);
    const ghostings = notificationRows(app.context).filter((row) => row.kind === 'ghosted');
    expect(ghostings.map((row) => [row.applicationId, row.dueAt])).toEqual([[tyrell.id, iso('2025-04-23T12:00:00Z')]]);
  });
});

describe('the user keeps the last word', () => {
  it('never ghosts an application the user moved, and undoing an automatic ghosting restores the stage for good', async () => {
    const clock = new ManualClock(start);
    const app = await open(clock);
    const stages = await app.api.invoke('stages.list', undefined);
    const screening = stages.find((stage) => stage.category === 'screening')!.id;
    const moved = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Dev', appliedOn: '2025-03-03' });
    const waiting = await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Dev', appliedOn: '2025-03-03' });
    await app.advance(20 * day);
    await app.api.invoke('applications.setStage', { id: moved.id, stageId: screening });
    await app.advance(20 * day);

    expect((await app.api.invoke('applications.get', { id: moved.id })).stageHistory.map((event) => event.toCategory)).toEqual(['applied', 'screening']);
    const ghosted = await app.api.invoke('applications.get', { id: waiting.id });
    expect(ghosted.stageCategory).toBe('ghosted');

    const notification = (await app.api.invoke('notifications.list', undefined)).items.find((item) => item.kind === 'ghosted')!;
    expect(notification).toMatchObject({ applicationId: waiting.id, undoable: true, target: `/applications/${waiting.id}` });
    await app.api.invoke('notifications.act', { action: 'undo', ids: [notification.id] });
    const undone = await app.api.invoke('applications.get', { id: waiting.id });
    expect(undone.stageCategory).toBe('applied');
    expect(undone.stageHistory.map((event) => event.toCategory)).toEqual(['applied']);
    // The notification is handled, and neither the ghosting nor a follow-up comes back, months later.
    expect((await app.api.invoke('notifications.list', undefined)).items.some((item) => item.kind === 'ghosted')).toBe(false);
    await app.advance(90 * day);
    expect((await app.api.invoke('applications.get', { id: waiting.id })).stageCategory).toBe('applied');
    expect(notificationRows(app.context).filter((row) => row.applicationId === waiting.id).map((row) => row.kind)).toEqual([
      'follow-up',
      'follow-up',
      'ghosted',
    ]);
  });

  it('undoes from the history too, and refuses to undo what no rule did', async () => {
    const clock = new ManualClock(start);
    const app = await open(clock);
    const waiting = await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Dev', appliedOn: '2025-03-03' });
    const answered = await app.api.invoke('applications.create', { companyName: 'Initech', position: 'Dev', appliedOn: '2025-03-03' });
    await app.advance(31 * day);
    // Initech answered after all: the user moves it on from the ghosting, then takes the ghosting back. As for any
    // undone stage move, the screening now leaves the applied stage.
    const screening = (await app.api.invoke('stages.list', undefined)).find((stage) => stage.category === 'screening')!.id;
    await app.api.invoke('applications.setStage', { id: answered.id, stageId: screening });
    const ghosting = (await app.api.invoke('applications.get', { id: answered.id })).stageHistory.find((event) => event.automatic)!;
    await app.api.invoke('automation.undo', { stageEventId: ghosting.id });
    const after = await app.api.invoke('applications.get', { id: answered.id });
    expect(after.stageHistory.map((event) => [event.fromCategory, event.toCategory])).toEqual([
      [null, 'applied'],
      ['applied', 'screening'],
    ]);
    const history = (await app.api.invoke('applications.get', { id: waiting.id })).stageHistory;
    const automatic = history.find((event) => event.automatic)!;
    const manual = history.find((event) => !event.automatic)!;
    await expect(app.api.invoke('automation.undo', { stageEventId: manual.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await app.api.invoke('automation.undo', { stageEventId: automatic.id })).toEqual({ applicationId: waiting.id });
    expect((await app.api.invoke('applications.get', { id: waiting.id })).stageCategory).toBe('applied');
    await expect(app.api.invoke('automation.undo', { stageEventId: automatic.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Its notification went with it.
    expect((await app.api.invoke('notifications.list', { status: 'all' })).items.filter((item) => item.kind === 'ghosted')).toEqual([]);
  });

  it('does not archive again an application the user brought back from the archive', async () => {
    const clock = new ManualClock(start);
    const app = await open(clock);
    const stages = await app.api.invoke('stages.list', undefined);
    const rejected = await app.api.invoke('applications.create', {
      companyName: 'Acme',
      position: 'Dev',
      appliedOn: '2025-03-03',
      stageId: stages.find((stage) => stage.category === 'rejected')!.id,
    });
    await app.advance(200 * day);
    expect((await app.api.invoke('applications.get', { id: rejected.id })).archived).toBe(true);
    await app.api.invoke('applications.unarchive', { ids: [rejected.id] });
    await app.advance(200 * day);
    expect((await app.api.invoke('applications.get', { id: rejected.id })).archived).toBe(false);
  });
});

