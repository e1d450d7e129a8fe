import { afterEach, expect, it } from 'vitest';
import type { JobEvent } from '../../src-shared/contract';
import { occurrenceId, Scheduler, type JobKind } from '../../src-main/automation/scheduler';
import { NotificationDelivery } from '../../src-main/automation/notifications/delivery';
import { upload } from '../imports/support/files';
import { syntheticCsv } from '../imports/support/synthetic';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * Automation writes on main's connection. While an import's worker holds the write lock, main's writes are refused
 * rather than left to block its thread: the scheduler's writes must wait for the lock (as sync's do) instead of
 * failing until its next tick, and its follow-up's local marks must not block main's thread in SQLite's busy wait.
 */
let app: TempApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const rows = 1_000;

/** A job with one occurrence due now: its run writes only its ledger row. */
const dueNow: JobKind = {
  name: 'due-now',
  plan: (_context, now) => ({ due: [{ key: 'once', dueAt: now - 1000 }], nextAt: null }),
  run: () => 'ran',
};

/** Starts `scheduler` during an import's final transaction; reads the list's total on main while its tick runs. */
async function tickDuringImport(scheduler: Scheduler): Promise<{ totalDuring: number; imported: number }> {
  const { api, context } = app!;
  const total = async () => (await api.invoke('applications.list', { archived: 'all', limit: 1 })).total;
  const importing = api.invoke('imports.run', { source: upload(syntheticCsv(rows), 'large.csv'), options: { skipInvalidRows: true } });
  const during = await new Promise<{ total: number; ticked: Promise<void> }>((resolve, reject) => {
    let done = false;
    const stop = context.jobs.onEvent((event: JobEvent) => {
      // The first tables are copied, the others are not yet: the worker's final transaction is open.
      if (done || event.step !== 'applying' || (event.done ?? 0) < 3) return;
      done = true;
      stop();
      const ticked = scheduler.start();
      // After the tick's synchronous part and its first turns: a thread blocked in SQLite's busy wait answers late.
      setImmediate(() => total().then((count) => resolve({ total: count, ticked }), reject));
    });
  });
  await importing;
  await during.ticked;
  scheduler.stop();
  return { totalDuring: during.total, imported: await total() };
}

it('a tick during an import’s final transaction waits for the write lock, then records its run; main keeps reading meanwhile', async () => {
  app = await openTempApp();
  const failures: string[] = [];
  const scheduler = new Scheduler(app.context, { followers: [new NotificationDelivery()], log: (message) => failures.push(message) });
  scheduler.register(dueNow);
  const { totalDuring, imported } = await tickDuringImport(scheduler);
  // Main answered a read while the tick waited: it saw the state before the import, which had not committed.
  expect(totalDuring).toBe(0);
  expect(imported).toBe(rows);
  expect(failures).toEqual([]);
  expect(app.context.db.sql(`SELECT outcome FROM automation_runs WHERE id = ?`).pluck().get(occurrenceId('due-now', 'once'))).toBe('ran');
});

it('a tick with nothing due does not block main while the import’s worker holds the lock (its notification marks wait)', async () => {
  app = await openTempApp();
  const failures: string[] = [];
  const scheduler = new Scheduler(app.context, { followers: [new NotificationDelivery()], log: (message) => failures.push(message) });
  const { totalDuring, imported } = await tickDuringImport(scheduler);
  expect(totalDuring).toBe(0);
  expect(imported).toBe(rows);
  expect(failures).toEqual([]);
  expect(app.context.db.sql(`SELECT count(*) FROM meta WHERE key = 'notifications_announced_until'`).pluck().get()).toBe(1);
});
