import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import { rebuildMonthCells } from '../../src-main/statistics/maintained/month-cells';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { rangePlan, wholeMonthsOf } from '../../src-main/statistics/maintained/month-ranges';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fillApplications } from './support/bench-data';
import { expectMonthCellsMatchFacts, monthCellRows, monthScopes, skillMonthRows, type MonthScope } from './support/month-cells';
import { buildScenario, stagesByCategory, today as scenarioToday } from './support/scenario';

/**
 * A dashboard over sources, a range or the archived side sums the cells kept per month and source
 * (statistics_month_cells, migration 0270) and counts the days of its edge months from their facts: every figure
 * must equal the one grouped from the facts, for any such scope and after any sequence of writes, and the table
 * must equal its rebuild.
 */
const today = '2025-03-12';
const sources = ['linkedin', 'indeed', 'company_site', 'email', 'referral', 'recruiter', 'apec', 'unknown'];
const dayBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

let app: TempApp;
let ids: string[];
beforeAll(async () => {
  app = await openTempApp();
  fillApplications(app.context, 1200, { today, seed: 9 });
  const { db } = app.context;
  ids = db.sql(`SELECT id FROM applications ORDER BY seq`).pluck().all() as string[];
  // Some without a source, some deleted: neither may count under a source, nor at all.
  await app.api.invoke('applications.bulkUpdate', { ids: ids.slice(0, 20), patch: { source: null } });
  for (const id of ids.slice(20, 30)) await app.api.invoke('applications.delete', { id });
});
afterAll(() => app?.close());

const scope: fc.Arbitrary<MonthScope> = fc
  .record(
    {
      archived: fc.constantFrom(false, true, 'all' as const),
      sources: fc.subarray(sources, { minLength: 1 }),
      // Ends on any day, on a month's first or last day, or far out.
      from: fc.oneof(fc.integer({ min: 0, max: 800 }).map(dayBefore), fc.constantFrom('2024-11-01', '2025-02-01', '2020-01-01')),
      to: fc.oneof(fc.integer({ min: 0, max: 800 }).map(dayBefore), fc.constantFrom('2024-11-30', '2025-02-28', '2030-12-31')),
    },
    { requiredKeys: [] },
  )
  .filter((value) => value.from !== undefined || value.to !== undefined || value.sources !== undefined || value.archived === true);

describe('a dashboard summed from the month cells', () => {
  it('equals the one grouped from the facts, for random sources, ranges and archived flags', () => {
    fc.assert(
      fc.property(scope, (value) => {
        expectMonthCellsMatchFacts(app.context.db, value, today);
      }),
      { numRuns: 120, seed: 16 },
    );
  });

  it('stays equal to the facts, and to its rebuild, over random writes', async () => {
    const stages = await stagesByCategory(app.api);
    const write = fc.oneof(
      fc.record({ kind: fc.constant('source' as const), at: fc.nat(), source: fc.option(fc.constantFrom(...sources), { nil: null }) }),
      fc.record({ kind: fc.constant('applied' as const), at: fc.nat(), days: fc.integer({ min: 0, max: 800 }) }),
      fc.record({ kind: fc.constant('archive' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }), archived: fc.boolean() }),
      fc.record({ kind: fc.constant('stage' as const), at: fc.nat(), stage: fc.constantFrom('screening', 'interviewing', 'offer', 'rejected' as const), days: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('salary' as const), at: fc.nat(), low: fc.integer({ min: 10, max: 90 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), scope, async (writes, value) => {
        const { db } = app.context;
        for (const step of writes) {
          const id = ids[30 + (step.at % (ids.length - 30))];
          const live = db.sql(`SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
          if (step.kind === 'restore') {
            if (!live) await app.api.invoke('applications.restore', { ids: [id] });
            continue;
          }
          if (!live) continue;
          if (step.kind === 'source') await app.api.invoke('applications.update', { id, patch: { source: step.source } });
          if (step.kind === 'applied') await app.api.invoke('applications.update', { id, patch: { appliedOn: dayBefore(step.days) } });
          if (step.kind === 'salary') await app.api.invoke('applications.update', { id, patch: { salaryMin: step.low * 1000, salaryMax: null } });
          if (step.kind === 'stage') await app.api.invoke('applications.setStage', { id, stageId: stages[step.stage], occurredAt: `${dayBefore(step.days)}T10:00:00.000Z` });
          if (step.kind === 'delete') await app.api.invoke('applications.delete', { id });
          if (step.kind === 'archive') {
            const some = ids.slice(30).filter((_, index) => index % step.count === step.at % step.count);
            const live = db.sql(`SELECT id FROM applications WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`).pluck().all(JSON.stringify(some)) as string[];
            await app.api.invoke(step.archived ? 'applications.archive' : 'applications.unarchive', { ids: live });
          }
        }
        const maintained = monthCellRows(db);
        db.transaction(() => rebuildMonthCells(db));
        expect(monthCellRows(db)).toEqual(maintained);
        expectMonthCellsMatchFacts(db, value, today);
      }),
      { numRuns: 25, seed: 17 },
    );
  }, 240_000);

  it('fails to match when a maintained count drifts (the comparison can fail)', () => {
    const { db } = app.context;
    db.sqlite.exec(`UPDATE statistics_month_cells SET active = active + 1 WHERE source = 'linkedin' AND kind = 'cube'`);
    expect(() => expectMonthCellsMatchFacts(db, { sources: ['linkedin'] }, today)).toThrow();
    db.transaction(() => rebuildMonthCells(db));
    expectMonthCellsMatchFacts(db, { sources: ['linkedin'] }, today);
  });

  it('fails to match when only the archived count drifts, for the archived side and for both, not for the active one', () => {
    const { db } = app.context;
    db.sqlite.exec(`UPDATE statistics_month_cells SET archived = archived + 1 WHERE source = 'linkedin' AND kind = 'cube' AND archived > 0`);
    expect(() => expectMonthCellsMatchFacts(db, { sources: ['linkedin'], archived: true }, today)).toThrow();
    expect(() => expectMonthCellsMatchFacts(db, { sources: ['linkedin'], archived: 'all' }, today)).toThrow();
    expectMonthCellsMatchFacts(db, { sources: ['linkedin'] }, today);
    db.transaction(() => rebuildMonthCells(db));
    expectMonthCellsMatchFacts(db, { sources: ['linkedin'], archived: true }, today);
  });
});

describe('the months and days a range is counted from', () => {
  it('splits a range into whole months and the days of the months it holds in part', () => {
    expect(wholeMonthsOf('2026-06-05', '2026-12-05')).toEqual({ whole: ['2026-07', '2026-11'], partial: [['2026-06-05', '2026-06-30'], ['2026-12-01', '2026-12-05']] });
    expect(wholeMonthsOf('2026-06-01', '2026-11-30')).toEqual({ whole: ['2026-06', '2026-11'], partial: [] });
    expect(wholeMonthsOf('2024-02-03', '2024-02-29')).toEqual({ whole: null, partial: [['2024-02-03', '2024-02-29']] });
    expect(wholeMonthsOf('2024-02-03', '2024-03-02')).toEqual({ whole: null, partial: [['2024-02-03', '2024-02-29'], ['2024-03-01', '2024-03-02']] });
    expect(wholeMonthsOf(undefined, '2024-03-02')).toEqual({ whole: ['0000-00', '2024-02'], partial: [['2024-03-01', '2024-03-02']] });
    expect(wholeMonthsOf('2024-03-02', '2024-03-01')).toEqual({ whole: null, partial: [] });
  });

  it('counts a month held in part from the fewer facts: its days in the range, or the month less the others', () => {
    // Facts on every day of June but the 30th; none in December after the 5th.
    const factsWithin = ([first, last]: readonly [string, string]) => {
      let count = 0;
      for (let day = first; day <= last; day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
        if (day.startsWith('2026-06') && day !== '2026-06-30') count += 1;
        if (day.startsWith('2026-12') && day <= '2026-12-05') count += 1;
      }
      return count;
    };
    expect(rangePlan('2026-06-05', '2026-12-05', factsWithin)).toEqual({
      months: ['2026-06', '2026-12'],
      facts: [
        { days: ['2026-06-01', '2026-06-04'], sign: -1 },
        { days: ['2026-12-06', '2026-12-31'], sign: -1 },
      ],
    });
    expect(rangePlan('2026-06-25', '2026-07-31', factsWithin)).toEqual({ months: ['2026-07', '2026-07'], facts: [{ days: ['2026-06-25', '2026-06-30'], sign: 1 }] });
  });
});

describe('migration 0270', () => {
  it('fills the month cells of a search recorded before it, and they answer as the facts do', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 270) });
    await buildScenario(before.api);
    expect(before.context.db.sql(`SELECT 1 FROM sqlite_master WHERE name = 'statistics_month_cells'`).get()).toBeUndefined();
    closeAppContext(before.context);
    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      const migrated = monthCellRows(db);
      expect(migrated.length).toBeGreaterThan(50);
      db.transaction(() => rebuildMonthCells(db));
      expect(monthCellRows(db)).toEqual(migrated);
      for (const value of monthScopes) expectMonthCellsMatchFacts(db, value, scenarioToday);
    } finally {
      after.close();
    }
  });
});

describe('migration 0305', () => {
  it('puts both flags\u2019 counts of the month cells and skill months kept by flag (0270\u2019s and 0260\u2019s layout) in one row, count for count', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 305) });
    fillApplications(before.context, 400, { today, seed: 5 });
    const { db: old } = before.context;
    // Every other application archived: many keys then count on both sides.
    const some = old.sql(`SELECT id FROM applications WHERE deleted_at IS NULL AND seq % 2 = 0`).pluck().all() as string[];
    await before.api.invoke('applications.archive', { ids: some });
    const rebuilt = monthCellRows(old);
    const rebuiltSkills = skillMonthRows(old);
    const bothSides = (rows: unknown[]) => rows.some((row) => (row as { archived: number }).archived > 0 && (row as { active: number }).active > 0);
    expect(bothSides(rebuilt) && bothSides(rebuiltSkills)).toBe(true);
    // The layout before 0305: a row per flag, the flag first in the key.
    old.sqlite.exec(`CREATE TABLE month_cells_0270 (
      archived INTEGER NOT NULL, month TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, key NOT NULL, value NOT NULL,
      count INTEGER NOT NULL, PRIMARY KEY (archived, month, source, kind, key, value)) WITHOUT ROWID;
      INSERT INTO month_cells_0270 SELECT 0, month, source, kind, key, value, active FROM statistics_month_cells WHERE active <> 0;
      INSERT INTO month_cells_0270 SELECT 1, month, source, kind, key, value, archived FROM statistics_month_cells WHERE archived <> 0;
      DROP TABLE statistics_month_cells;
      ALTER TABLE month_cells_0270 RENAME TO statistics_month_cells;
      CREATE TABLE skill_months_0260 (
        archived INTEGER NOT NULL, month TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, skill TEXT NOT NULL,
        count INTEGER NOT NULL, PRIMARY KEY (archived, month, source, kind, skill)) WITHOUT ROWID;
      INSERT INTO skill_months_0260 SELECT 0, month, source, kind, skill, active FROM statistics_skill_months WHERE active <> 0;
      INSERT INTO skill_months_0260 SELECT 1, month, source, kind, skill, archived FROM statistics_skill_months WHERE archived <> 0;
      DROP TABLE statistics_skill_months;
      ALTER TABLE skill_months_0260 RENAME TO statistics_skill_months;
      PRAGMA user_version = 300;`);
    closeAppContext(before.context);
    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      expect(db.userVersion).toBeGreaterThanOrEqual(305);
      const migrated = monthCellRows(db);
      expect(migrated).toEqual(rebuilt);
      expect(skillMonthRows(db)).toEqual(rebuiltSkills);
      db.transaction(() => rebuildStatistics(db));
      expect(monthCellRows(db)).toEqual(migrated);
      expect(skillMonthRows(db)).toEqual(rebuiltSkills);
      for (const value of monthScopes) expectMonthCellsMatchFacts(db, value, today);
    } finally {
      after.close();
    }
  });
});
