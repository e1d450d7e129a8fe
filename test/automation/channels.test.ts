process.env.TZ = 'Europe/Paris';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../src-shared/contract';
import { missingId } from '../integration/support/fixtures';
import { ManualClock } from '../support/manual-clock';
import { day, hour, minute, openAutomatedApp, type AutomatedApp } from './support/automated-app';

const apps: AutomatedApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

const start = Date.parse('2025-03-03T08:00:00+01:00'); // Monday

async function open(options: Parameters<typeof openAutomatedApp>[0] = { clock: new ManualClock(start) }): Promise<AutomatedApp> {
  const app = await openAutomatedApp(options);
  apps.push(app);
  return app;
}

/** An application with an interview on Thursday 10:00 and a task due Tuesday, then a morning's wait. */
async function withReminders(app: AutomatedApp) {
  const acme = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
  const interview = await app.api.invoke('interviews.create', { applicationId: acme.id, scheduledAt: '2025-03-06T10:00:00+01:00', format: 'video' });
  const task = await app.api.invoke('tasks.create', { title: 'Send the portfolio', dueOn: '2025-03-04' });
  await app.advanceTo(Date.parse('2025-03-05T10:30:00+01:00'));
  return { acme, interview, task };
}

const open_ = (app: AutomatedApp) => app.api.invoke('notifications.list', undefined);
const byKind = (items: NotificationItem[], kind: NotificationItem['kind']) => items.find((item) => item.kind === kind)!;

describe('notifications.list', () => {
  it('lists what is visible now, newest first, with what each is about and where it leads', async () => {
    const app = await open();
    const { acme, interview, task } = await withReminders(app);
    const list = await open_(app);
    expect(list.items.map((item) => [item.kind, item.visibleAt])).toEqual([
      ['interview-soon', '2025-03-05T09:00:00.000Z'],
      ['task-due', '2025-03-05T08:00:00.000Z'],
    ]);
    expect(byKind(list.items, 'interview-soon')).toMatchObject({
      lead: 'day',
      scheduledAt: '2025-03-06T09:00:00.000Z',
      format: 'video',
      applicationId: acme.id,
      companyName: 'Acme',
      position: 'Developer',
      subjectId: interview.id,
      target: `/applications/${acme.id}`,
      unread: true,
      undoable: false,
    });
    // The task was due yesterday: its "overdue" reminder this morning replaced Tuesday's.
    expect(byKind(list.items, 'task-due')).toMatchObject({ title: 'Send the portfolio', dueOn: '2025-03-04', overdue: true, subjectId: task.id, target: '/tasks' });
    expect(list).toMatchObject({ unread: 2, total: 2, quietNow: false, systemNotifications: true });
  });

  it('drops a reminder whose subject changed: an interview moved or cancelled, a task done elsewhere', async () => {
    const app = await open();
    const { interview, task } = await withReminders(app);
    await app.api.invoke('interviews.update', { id: interview.id, patch: { scheduledAt: '2025-03-07T15:00:00+01:00' } });
    await app.api.invoke('tasks.setDone', { id: task.id, done: true });
    expect((await open_(app)).items).toEqual([]);
    // The moved interview gets reminders of its own, at its new time.
    await app.advanceTo(Date.parse('2025-03-06T15:30:00+01:00'));
    expect((await open_(app)).items.map((item) => [item.kind, item.visibleAt])).toEqual([['interview-soon', '2025-03-06T14:00:00.000Z']]);
  });
});

describe('notifications.act', () => {
  it('reads, snoozes (back unread at the right moment), marks done with its task, restores and dismisses', async () => {
    const app = await open();
    const { task } = await withReminders(app);
    let list = await open_(app);
    const reminder = byKind(list.items, 'interview-soon');
    const due = byKind(list.items, 'task-due');

    expect(await app.api.invoke('notifications.act', { action: 'read', ids: [reminder.id, due.id] })).toEqual({ count: 2 });
    expect((await open_(app)).unread).toBe(0);

    const announced: string[][] = [];
    app.context.changes.onChanged((event) => announced.push(event.tables));
    await app.api.invoke('notifications.act', { action: 'snooze', ids: [reminder.id], duration: 'hour' });
    expect((await open_(app)).items.map((item) => item.id)).toEqual([due.id]);
    await app.advance(59 * minute);
    expect((await open_(app)).items.map((item) => item.id)).toEqual([due.id]);
    announced.length = 0;
    await app.advance(minute);
    list = await open_(app);
    expect(byKind(list.items, 'interview-soon')).toMatchObject({ id: reminder.id, visibleAt: '2025-03-05T10:30:00.000Z', unread: true });
    expect(list.unread).toBe(1);
    // The windows were told, though nothing was written at that moment.
    expect(announced).toEqual([['notifications']]);

    await app.api.invoke('notifications.act', { action: 'done', ids: [due.id] });
    expect((await app.api.invoke('tasks.list', { status: 'all' })).items.find((item) => item.id === task.id)!.doneAt).not.toBeNull();
    expect((await open_(app)).items.some((item) => item.id === due.id)).toBe(false);
    await app.api.invoke('notifications.act', { action: 'restore', ids: [due.id] });
    expect((await app.api.invoke('tasks.list', { status: 'all' })).items.find((item) => item.id === task.id)!.doneAt).toBeNull();
    expect((await open_(app)).items.some((item) => item.id === due.id)).toBe(true);

    await app.api.invoke('notifications.act', { action: 'dismiss', ids: [reminder.id] });
    expect((await open_(app)).items.map((item) => item.id)).toEqual([due.id]);
    const all = await app.api.invoke('notifications.list', { status: 'all' });
    expect(all.items.find((item) => item.id === reminder.id)).toMatchObject({ dismissedAt: expect.any(String) });
    // A dismissal is not a done: the task stays open.
    expect((await app.api.invoke('tasks.list', { status: 'all' })).items.find((item) => item.id === task.id)!.doneAt).toBeNull();
  });

  it('snoozes for a day and for a week', async () => {
    const app = await open();
    await withReminders(app);
    const due = byKind((await open_(app)).items, 'task-due');
    await app.api.invoke('notifications.act', { action: 'snooze', ids: [due.id], duration: 'week' });
    await app.advance(7 * day - minute);
    expect((await open_(app)).items.some((item) => item.id === due.id)).toBe(false);
    await app.advance(minute);
    expect(byKind((await open_(app)).items, 'task-due')).toMatchObject({ visibleAt: '2025-03-12T09:30:00.000Z', snoozedUntil: '2025-03-12T09:30:00.000Z' });
    await app.api.invoke('notifications.act', { action: 'snooze', ids: [due.id], duration: 'day' });
    expect(byKind((await app.api.invoke('notifications.list', { status: 'all' })).items.concat(), 'task-due')).toBeUndefined();
    await app.advance(day);
    expect(byKind((await open_(app)).items, 'task-due').visibleAt).toBe('2025-03-13T09:30:00.000Z');
  });

  it('refuses bad input with a clear error, and writes nothing', async () => {
    const app = await open();
    await withReminders(app);
    const [first] = (await open_(app)).items;
    const seq = () => app.context.db.sqlite.prepare('SELECT max(seq) FROM change_log').pluck().get();
    const before = seq();
    const bad = [
      { input: { action: 'snooze', ids: [first.id] }, code: 'VALIDATION' },
      { input: { action: 'snooze', ids: [first.id], duration: 'month' }, code: 'VALIDATION' },
      { input: { action: 'archive', ids: [first.id] }, code: 'VALIDATION' },
      { input: { action: 'read', ids: [] }, code: 'VALIDATION' },
      { input: { action: 'read', ids: ['not-an-id'] }, code: 'VALIDATION' },
      { input: { action: 'read', ids: [first.id, missingId] }, code: 'NOT_FOUND' },
      { input: { action: 'undo', ids: [first.id] }, code: 'CONFLICT' },
    ];
    for (const { input, code } of bad) {
      const result = await app.api.call('notifications.act', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(seq()).toBe(before);
    expect((await open_(app)).unread).toBe(2);
  });
});

describe('automation.settings and automation.update', () => {
  it('has sensible defaults, takes partial changes and refuses numbers out of range, naming the field', async () => {
    const app = await open();
    expect(await app.api.invoke('automation.settings', undefined)).toMatchObject({
      followUp: { enabled: true, days: 7, againDays: 7 },
      ghost: { enabled: true, days: 30 },
      archive: { enabled: true, months: 6 },
      interviewReminders: { enabled: true },
      taskReminders: { enabled: true },
      deadlineReminders: { enabled: true },
      goalReminders: { enabled: true },
      weeklySummary: { enabled: true },
      quietHours: { enabled: true, start: '22:00', end: '08:00' },
      systemNotifications: true,
      firstWeekday: null,
    });
    const updated = await app.api.invoke('automation.update', { followUp: { days: 10 }, ghost: { enabled: false }, quietHours: { start: '21:30' }, firstWeekday: 1 });
    expect(updated).toMatchObject({
      followUp: { enabled: true, days: 10, againDays: 7 },
      ghost: { enabled: false, days: 30 },
      quietHours: { enabled: true, start: '21:30', end: '08:00' },
      firstWeekday: 1,
      effectiveFirstWeekday: 1,
    });
    for (const [input, path] of [
      [{ followUp: { days: 0 } }, 'followUp.days'],
      [{ ghost: { days: 3 } }, 'ghost.days'],
      [{ archive: { months: 40 } }, 'archive.months'],
      [{ quietHours: { start: '25:00' } }, 'quietHours.start'],
      [{ firstWeekday: 8 }, 'firstWeekday'],
      [{ followUp: { often: true } }, 'followUp'],
    ] as const) {
      const result = await app.api.call('automation.update', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [expect.objectContaining({ path })] } });
    }
    expect(await app.api.invoke('automation.settings', undefined)).toEqual(updated);
  });

  it('stops a rule the moment it is switched off', async () => {
    const app = await open();
    await app.api.invoke('automation.update', { interviewReminders: { enabled: false } });
    await withReminders(app);
    expect((await open_(app)).items.map((item) => item.kind)).toEqual(['task-due']);
  });
});

describe('pop-up notifications', () => {
  it('hands each new notification over once, waiting for the end of quiet hours, and never the past on a first start', async () => {
    const delivered: string[] = [];
    const clock = new ManualClock(start);
    const app = await open({ clock, automation: { deliver: (items) => delivered.push(...items.map((item) => `${new Date(clock.now()).toISOString()} ${item.kind}`)) } });
    await app.api.invoke('automation.update', { quietHours: { start: '22:00', end: '08:00' } });
    const acme = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-03' });
    // An interview at 07:30: the day-before reminder at 07:30 falls in quiet hours; the hour-before, at 06:30, too.
    await app.api.invoke('interviews.create', { applicationId: acme.id, scheduledAt: '2025-03-06T07:30:00+01:00' });
    await app.api.invoke('interviews.create', { applicationId: acme.id, scheduledAt: '2025-03-05T15:00:00+01:00' });
    await app.advanceTo(Date.parse('2025-03-06T12:00:00+01:00'));
    expect(delivered).toEqual([
      '2025-03-04T14:00:00.000Z interview-soon',
      // The day-before reminder of the 07:30 interview fell due at 07:30, in quiet hours: shown when they end at 08:00.
      '2025-03-05T07:00:00.000Z interview-soon',
      '2025-03-05T13:00:00.000Z interview-soon',
      // Its hour-before reminder (06:30) would wait until 08:00 too, when the interview has begun: never shown.
    ]);
    await app.api.invoke('tasks.create', { title: 'Thank-you note', dueOn: '2025-03-07' });
    await app.advanceTo(Date.parse('2025-03-07T12:00:00+01:00'));
    expect(delivered.slice(3)).toEqual(['2025-03-07T08:00:00.000Z task-due']);

    // Another start on the same folder a week later: what appeared meanwhile is delivered, nothing twice.
    app.quit();
    clock.jumpTo(Date.parse('2025-03-14T12:00:00+01:00'));
    const again = await open({ dir: app.dir, clock, automation: { deliver: (items) => delivered.push(...items.map((item) => `again ${item.kind}`)) } });
    expect(delivered.slice(4)).toEqual(['again task-due', 'again weekly-summary', 'again follow-up']);
    await again.advance(hour);
    expect(delivered).toHaveLength(7);
  });
});
