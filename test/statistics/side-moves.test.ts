import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src-main/db/connection';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
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
