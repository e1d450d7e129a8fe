import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-main/db/connection';
import { computeDashboard } from '../../src-main/statistics/compute';
import { sourceFromFacts } from '../../src-main/statistics/facts-source';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { sideMemoTables } from '../../src-main/statistics/maintained/side-memo';
import { openTempApp, type TempApp } from '../support/temp-app';
import { derivedData } from '../sync/support/derived';
import { fillApplications } from './support/bench-data';
import { expectMonthCellsMatchFacts, monthScopes } from './support/month-cells';
import { expectSkillMonthsMatchLists, skillScopes } from './support/skill-months';

/**
 * The counts kept per archived flag when nearly a whole side moves (statistics/maintained/side-moves.ts, refresh.ts
 * `moveWholeSide`) and the writes of many counts at once (count-upsert.ts, 64 rows per statement): after each, the
 * facts, cells, skill months and month cells must equal a rebuild, and the dashboards they answer the ones grouped
 * from the facts and the skill lists.
 */
const today = '2025-03-12';
let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  // Skills, salaries, eight sources, two years of applied days; about one in ten archived.
  fillApplications(app.context, 600, { today, seed: 23 });
});
afterAll(() => app?.close());

function expectMaintainedEqualsRebuilt(db: Database): void {
  const maintained = derivedData(db);
  db.transaction(() => rebuildStatistics(db));
  expect(maintained).toEqual(derivedData(db));
  for (const scope of monthScopes) expectMonthCellsMatchFacts(db, scope, today);
  for (const scope of skillScopes) expectSkillMonthsMatchLists(db, scope);
}

/**
 * The dashboard as the app answers it (statistics.dashboard) for the active applications alone and with the archived
 * ones, for the whole search (the cells), a source and a range (the month cells and skill months, whose active
 * figures are "all" less "archived"), and the archived ones alone.
 */
const dashboardScopes = [
  {},
  { archived: 'all' as const },
  { archived: true },
  { sources: ['linkedin', 'indeed'] },
  { sources: ['linkedin', 'indeed'], archived: 'all' as const },
  { from: '2024-11-10', to: '2025-03-12' },
  { from: '2024-11-10', to: '2025-03-12', archived: 'all' as const },
];
async function dashboards(): Promise<unknown[]> {
  const answers: unknown[] = [];
  for (const scope of dashboardScopes) {
    const answer = await app.api.invoke('statistics.dashboard', { ...scope, today });
    expect(answer.failed).toBeUndefined();
    answers.push(steady(answer));
  }
  return answers;
}
/** Upcoming interviews are read from the clock: two calls may straddle an instant. */
const steady = (dashboard: { overview: object | null }) => ({ ...dashboard, overview: { ...dashboard.overview, upcomingInterviews: null } });

/**
 * The dashboards as answered now equal the ones computed from scratch: grouped from the facts without any maintained
 * count, and answered again after every fact and count is rebuilt from the rows.
 */
async function expectDashboardsFromScratch(db: Database): Promise<unknown[]> {
  const maintained = await dashboards();
  const grouped = dashboardScopes.map((scope) => steady(computeDashboard(db, { ...scope, today }, sourceFromFacts)));
  expect(maintained).toEqual(grouped);
  db.transaction(() => rebuildStatistics(db));
  expect(await dashboards()).toEqual(maintained);
  return maintained;
}

const liveIds = (db: Database, archived: 0 | 1) =>
  db.sql(`SELECT id FROM applications WHERE deleted_at IS NULL AND archived = ? ORDER BY seq`).pluck().all(archived) as string[];

describe('counts moved by a whole side, and those of the applications that stay behind', () => {
  it('"select all" → archive, then its Undo, with applications archived before of several months and sources', async () => {
    const { db } = app.context;
    const archivedBefore = liveIds(db, 1);
    const spread = db
      .sql(`SELECT count(DISTINCT substr(applied_day, 1, 7)), count(DISTINCT source) FROM statistics_facts WHERE archived = 1`)
      .raw()
      .get() as [number, number];
    expect(archivedBefore.length).toBeGreaterThan(30);
    expect(spread[0]).toBeGreaterThan(6);
    expect(spread[1]).toBeGreaterThan(3);

    const { ids } = await app.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
    expect(ids.length).toBeGreaterThan(archivedBefore.length);
    expect(liveIds(db, 0)).toEqual([]);
    expectMaintainedEqualsRebuilt(db);

    // The Undo: the whole archived side moves back, the counts of those archived before go back to it.
    await app.api.invoke('applications.unarchive', { ids });
    expect(liveIds(db, 1)).toEqual(archivedBefore);
    expectMaintainedEqualsRebuilt(db);
  });

  it('"select all" but a few, active ones staying behind, then its Undo', async () => {
    const { db } = app.context;
    const active = liveIds(db, 0);
    const except = active.filter((_, index) => index % 97 === 0);
    const { ids } = await app.api.invoke('applications.bulkByFilter', { filters: {}, except, action: 'archive' });
    expect(liveIds(db, 0)).toEqual(except);
    expectMaintainedEqualsRebuilt(db);
    await app.api.invoke('applications.unarchive', { ids });
    expectMaintainedEqualsRebuilt(db);
  });

  it('"select all" → archive → Undo: the dashboards with and without the archived ones equal a computation from scratch', async () => {
    const { db } = app.context;
    const before = await expectDashboardsFromScratch(db);
    // Each scope has something to count and the three flags differ: else the comparison would prove little.
    expect(new Set(before.slice(0, 3).map((dashboard) => JSON.stringify(dashboard))).size).toBe(3);
    expect(new Set(before.slice(3, 5).map((dashboard) => JSON.stringify(dashboard))).size).toBe(2);

    const { ids } = await app.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
    const archived = await expectDashboardsFromScratch(db);
    // Nothing is active: every active figure changed, every figure with the archived ones did not.
    expect(archived[0]).not.toEqual(before[0]);
    expect(archived[1]).toEqual(before[1]);
    expect(archived[4]).toEqual(before[4]);
    expect(archived[6]).toEqual(before[6]);

    await app.api.invoke('applications.unarchive', { ids });
    expect(await expectDashboardsFromScratch(db)).toEqual(before);
  });

  it('a write of more than 64 counts, some falling to zero, in batches', async () => {
    const { db } = app.context;
    // Fifty applications to a source of their own: each takes its month cells away from its old source (rows that
    // fall to zero) and into new rows; hundreds of rows of both signs across several statements.
    const some = liveIds(db, 0).slice(0, 50);
    const before = db.sql(`SELECT count(*) FROM statistics_month_cells`).pluck().get() as number;
    await app.api.invoke('applications.bulkUpdate', { ids: some, patch: { source: 'unique-source' } });
    const moved = db.sql(`SELECT count(*) FROM statistics_month_cells WHERE source = 'unique-source'`).pluck().get() as number;
    expect(moved).toBeGreaterThan(2 * 64);
    expect(db.sql(`SELECT count(*) FROM statistics_month_cells`).pluck().get()).not.toBe(before);
    expectMaintainedEqualsRebuilt(db);
    // And back: every row of that source falls to zero and is removed.
    await app.api.invoke('applications.bulkUpdate', { ids: some, patch: { source: 'linkedin' } });
    expect(db.sql(`SELECT count(*) FROM statistics_month_cells WHERE source = 'unique-source'`).pluck().get()).toBe(0);
    expectMaintainedEqualsRebuilt(db);
  });
});

/**
 * The Undo of a whole side's move takes the counts of those who stay behind as the move remembered them
 * (side-memo.ts) when their facts are still the remembered ones, and groups them from their facts otherwise: each
 * way, every count must equal a rebuild. Which way was taken shows by a remembered count the test alters: it shows
 * through the Undo when the memory is read, and not when it is not.
 */
describe('the counts of those who stay behind, remembered by the move the Undo undoes', () => {
  async function archiveAll(): Promise<{ ids: string[]; before: string[] }> {
    const before = liveIds(app.context.db, 1);
    const { ids } = await app.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
    expect(ids.length).toBeGreaterThan(before.length);
    return { ids, before };
  }

  /** One remembered month cell of the side counted once more than it is. */
  function alterRemembered(db: Database, side: 0 | 1): void {
    const table = `temp.${sideMemoTables(side).monthCells}`;
    const changed = db
      .sql(`UPDATE ${table} SET count = count + 1 WHERE (month, source, kind, key, value) = (SELECT month, source, kind, key, value FROM ${table} LIMIT 1)`)
      .run().changes;
    expect(changed).toBe(1);
  }

  function expectDiffersFromRebuilt(db: Database): void {
    const maintained = derivedData(db);
    db.transaction(() => rebuildStatistics(db));
    expect(maintained).not.toEqual(derivedData(db));
  }

  it('are read when nothing of those archived before changed, nor any column the statistics read', async () => {
    const { db } = app.context;
    const { ids, before } = await archiveAll();
    // A column the statistics never read leaves their facts, and so the memory, as they were.
    await app.api.invoke('applications.toggleFavorite', { id: before[0]! });
    await app.api.invoke('applications.unarchive', { ids });
    expect(liveIds(db, 1)).toEqual(before);
    expectMaintainedEqualsRebuilt(db);

    const again = await archiveAll();
    alterRemembered(db, 1);
    await app.api.invoke('applications.unarchive', { ids: again.ids });
    expectDiffersFromRebuilt(db);
    expectMaintainedEqualsRebuilt(db);
  });

  it('are not read once one of them moved to another source: its counts are grouped again', async () => {
    const { db } = app.context;
    const { ids, before } = await archiveAll();
    alterRemembered(db, 1);
    await app.api.invoke('applications.bulkUpdate', { ids: [before[1]!], patch: { source: 'moved-while-archived' } });
    await app.api.invoke('applications.unarchive', { ids });
    expect(liveIds(db, 1)).toEqual(before);
    expectMaintainedEqualsRebuilt(db);
  });

  it('are not read once one of them was deleted, nor once another stays archived with them', async () => {
    const { db } = app.context;
    const first = await archiveAll();
    alterRemembered(db, 1);
    await app.api.invoke('applications.delete', { id: first.before[2]! });
    await app.api.invoke('applications.unarchive', { ids: first.ids });
    expectMaintainedEqualsRebuilt(db);

    const next = await archiveAll();
    const ids = next.ids;
    alterRemembered(db, 1);
    // One of those the archive moved stays archived when the rest come back.
    await app.api.invoke('applications.unarchive', { ids: ids.slice(1) });
    expect(liveIds(db, 1)).toHaveLength(next.before.length + 1);
    expectMaintainedEqualsRebuilt(db);
    await app.api.invoke('applications.unarchive', { ids: [ids[0]!] });
    expectMaintainedEqualsRebuilt(db);
  });

  it('work the other way: the archived ones brought back, then that undone', async () => {
    const { db } = app.context;
    const { ids } = await archiveAll();
    // Most are archived now; all but a few of them brought back leave those few active, who stay behind the Undo.
    await app.api.invoke('applications.unarchive', { ids: ids.filter((_, index) => index % 11 === 0) });
    const archived = liveIds(db, 1);
    const { ids: back } = await app.api.invoke('applications.bulkByFilter', { filters: { archived: true }, action: 'unarchive' });
    expect(back).toHaveLength(archived.length);
    expectMaintainedEqualsRebuilt(db);
    alterRemembered(db, 0);
    await app.api.invoke('applications.archive', { ids: back });
    expect(liveIds(db, 1)).toEqual(archived);
    expectDiffersFromRebuilt(db);
    expectMaintainedEqualsRebuilt(db);
  });
});
