import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { encodeHlc } from '../../src-main/changes/hlc';
import { upload } from '../imports/support/files';
import { copyIntoOlderSchema } from '../support/older-schema';
import { openTempApp, type TempApp } from '../support/temp-app';
import { expectDashboardMatchesReference } from './support/expect-reference';
import { buildScenario, stagesByCategory, today } from './support/scenario';
import { expectSkillMonthsMatchLists, skillScopes } from './support/skill-months';
import { expectMonthCellsMatchFacts, monthCellRows, monthScopes } from './support/month-cells';

/**
 * The facts and counts the write path maintains (src-main/statistics/maintained) must equal what a computation
 * from scratch gives after any write: each step below is a kind of write that changes what they hold, and after
 * each the maintained tables are compared with a rebuild, and the whole-search dashboard with the independent
 * reference.
 */
let app: TempApp;
let ids: Record<string, string>;
beforeAll(async () => {
  app = await openTempApp();
  ({ ids } = await buildScenario(app.api));
});
afterAll(() => app?.close());

function maintainedTables(): unknown[] {
  const { db } = app.context;
  return [
    db.sql(`SELECT * FROM statistics_facts ORDER BY seq`).all(),
    db.sql(`SELECT kind, scope, key, value, count FROM statistics_cells ORDER BY kind, scope, key, value`).all(),
    db.sql(`SELECT * FROM statistics_skill_months ORDER BY month, source, kind, skill`).all(),
    monthCellRows(db),
  ];
}

/** The whole search read from the cells, and grouped from the facts (a range that holds everything forces it). */
async function expectBothPathsAgree(): Promise<void> {
  const fromCells = await app.api.invoke('statistics.dashboard', { archived: 'all', today });
  const fromFacts = await app.api.invoke('statistics.dashboard', { archived: 'all', today, from: '1970-01-01' });
  // Only the timeline depends on `from` (it starts there).
  expect({ ...fromCells, timeline: null }).toEqual({ ...fromFacts, timeline: null });
}

function expectMaintainedEqualsRebuilt(): void {
  const maintained = maintainedTables();
  rebuildStatistics(app.context.db);
  expect(maintained).toEqual(maintainedTables());
}

async function expectMaintainedMatchesRebuild(): Promise<void> {
  expectMaintainedEqualsRebuilt();
  await expectDashboardMatchesReference(app, {}, today);
  await expectDashboardMatchesReference(app, { archived: 'all' }, today);
  await expectBothPathsAgree();
  for (const scope of skillScopes) expectSkillMonthsMatchLists(app.context.db, scope);
  for (const scope of monthScopes) expectMonthCellsMatchFacts(app.context.db, scope, today);
}

/** A change made on another device a moment from now: newer than every local edit so far, so it applies. */
const remoteHlc = (seconds: number) => encodeHlc({ wall: Date.now() + seconds * 1000, counter: 0, node: 'otherdevice' });

describe('maintained statistics follow every kind of write', () => {
  it('start consistent after the scenario', async () => {
    const cells = app.context.db.sql(`SELECT count(*) FROM statistics_cells`).pluck().get() as number;
    expect(cells).toBeGreaterThan(50);
    await expectMaintainedMatchesRebuild();
  });

  it.each<[string, () => Promise<unknown>]>([
    ['an edit of every dimension, the salary and the skills', () =>
      app.api.invoke('applications.update', {
        id: ids.ghosted,
        patch: {
          source: 'referral', location: 'Nantes', resumeVersion: 'v9', workMode: 'remote', employmentType: 'permanent',
          salaryMin: 41_000, salaryMax: 47_000, salaryCurrency: 'CHF', salaryPeriod: 'year',
          requiredSkills: ['Rust', 'SQL'], preferredSkills: [], appliedOn: '2025-01-15', firstResponseOn: '2025-01-20',
        },
      })],
    ['a backdated stage change', async () => {
      const stages = await stagesByCategory(app.api);
      await app.api.invoke('applications.setStage', { id: ids.waiting, stageId: stages.offer, occurredAt: '2025-03-11T09:00:00.000Z' });
    }],
    ['archiving and unarchiving', async () => {
      await app.api.invoke('applications.archive', { ids: [ids.accepted, ids.fastAnswer] });
      await app.api.invoke('applications.unarchive', { ids: [ids.fastAnswer] });
    }],
    ['a delete, then its undo', async () => {
      await app.api.invoke('applications.delete', { id: ids.rejectedAfterInterviews });
      await expectMaintainedMatchesRebuild();
      await app.api.invoke('applications.restore', { ids: [ids.rejectedAfterInterviews] });
    }],
    ['a company changing industry', async () => {
      const acme = (await app.api.invoke('companies.list', { text: 'Acme' })).items[0];
      await app.api.invoke('companies.update', { id: acme.id, patch: { industry: 'Retail' } });
    }],
    ['a company merge', async () => {
      const [globex] = (await app.api.invoke('companies.list', { text: 'Globex' })).items;
      const [hooli] = (await app.api.invoke('companies.list', { text: 'Hooli' })).items;
      await app.api.invoke('companies.merge', { targetId: globex.id, sourceIds: [hooli.id] });
    }],
    ['a stage deleted into another one', async () => {
      const list = await app.api.invoke('stages.list', undefined);
      const technicalTest = list.find((stage) => stage.name === 'Technical test')!;
      const interviewing = list.find((stage) => stage.category === 'interviewing' && stage.id !== technicalTest.id)!;
      await app.api.invoke('stages.delete', { id: technicalTest.id, replacementId: interviewing.id });
    }],
    ['a bulk update', async () => {
      const stages = await stagesByCategory(app.api);
      await app.api.invoke('applications.bulkUpdate', {
        ids: [ids.noCurrency, ids.customStage, ids.createdInScreening],
        patch: { stageId: stages.rejected, source: 'apec', workMode: 'hybrid' },
      });
    }],
    ['changes from another device', async () => {
      const { applied } = app.context.changes.applyRemote([
        { hlc: remoteHlc(1), table: 'applications', rowId: ids.accepted, column: 'location', value: 'Berlin' },
        { hlc: remoteHlc(1), table: 'applications', rowId: ids.accepted, column: 'required_skills', value: '["Java","Scala"]' },
        { hlc: remoteHlc(2), table: 'applications', rowId: ids.wishlist, column: 'deleted_at', value: '2025-03-01T00:00:00.000Z' },
      ]);
      expect(applied).toBe(3);
    }],
    ['an import', () =>
      app.api.invoke('imports.run', {
        source: upload(
          'Company,Position,Applied,Status,Source,Location\nAcme,Tester,2025-02-01,Rejected,LinkedIn,Paris\nNewco,Designer,2025-03-02,Applied,Indeed,Lyon\n',
          'import.csv',
        ),
      })],
    // The staging keeps the skill counts per month too: they must land in the live database with the rows.
    ['an import with skills', () =>
      app.api.invoke('imports.run', {
        source: upload(
          'Company,Position,Applied,Status,Skills,Nice to have\nAcme,Tester,2025-02-01,Rejected,Python; SQL,Go\nNewco,Designer,2025-03-02,Applied,Figma,\n',
          'skills.csv',
        ),
      })],
  ])('%s', async (_name, write) => {
    await write();
    await expectMaintainedMatchesRebuild();
  });

  it('a damaged skill list counts as none instead of failing the write', async () => {
    expect(app.context.changes.applyRemote([
      { hlc: remoteHlc(3), table: 'applications', rowId: ids.accepted, column: 'required_skills', value: 'not json' },
    ]).applied).toBe(1);
    // The reference reads well-formed lists only: compare with a rebuild and the other path.
    expectMaintainedEqualsRebuilt();
    await expectBothPathsAgree();
  });

  it('skill lists of another shape (from another device) count as SQLite reads them, on both paths', async () => {
    const { applied } = app.context.changes.applyRemote([
      { hlc: remoteHlc(4), table: 'applications', rowId: ids.accepted, column: 'required_skills', value: '{"first":"Erlang","n":3}' },
      { hlc: remoteHlc(4), table: 'applications', rowId: ids.ghosted, column: 'required_skills', value: '"Elixir"' },
      { hlc: remoteHlc(4), table: 'applications', rowId: ids.waiting, column: 'required_skills', value: '[1, "Erlang", ["Nested"]]' },
    ]);
    expect(applied).toBe(3);
    const skills = app.context.db.sql(`SELECT key, count FROM statistics_cells WHERE kind = 'skill_required' AND scope = 1 AND key IN ('Erlang', 'Elixir', 'Nested')`).all();
    expect(skills).toEqual([{ key: 'Elixir', count: 1 }, { key: 'Erlang', count: 2 }]);
    expectMaintainedEqualsRebuilt();
    await expectBothPathsAgree();
  });

  it('fails when the maintained counts drift (the comparison can fail)', () => {
    app.context.db.sqlite.exec(`UPDATE statistics_cells SET count = count + 1 WHERE kind = 'sent_day' AND scope = 1`);
    const drifted = maintainedTables();
    rebuildStatistics(app.context.db);
    expect(drifted).not.toEqual(maintainedTables());
  });

  it('fails when the maintained month cells drift (the comparison can fail)', () => {
    app.context.db.sqlite.exec(`UPDATE statistics_month_cells SET archived = archived + 1 WHERE kind = 'salary'`);
    const drifted = maintainedTables();
    rebuildStatistics(app.context.db);
    expect(drifted).not.toEqual(maintainedTables());
  });

  it('fails when the maintained skill months drift (the comparison can fail)', () => {
    app.context.db.sqlite.exec(`UPDATE statistics_skill_months SET archived = archived + 1 WHERE source = 'linkedin'`);
    const drifted = maintainedTables();
    rebuildStatistics(app.context.db);
    expect(drifted).not.toEqual(maintainedTables());
  });
});

describe('migration 0060', () => {
  it('builds the facts and counts of a search recorded before it', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 60) });
    const written = await openTempApp();
    try {
      await buildScenario(written.api);
      copyIntoOlderSchema(before.context.db, written.context.db);
    } finally {
      written.close();
    }
    closeAppContext(before.context);
    const after = await openTempApp({ dataDir: before.dir });
    try {
      expect(after.context.db.sql(`SELECT count(*) FROM statistics_facts`).pluck().get()).toBeGreaterThan(10);
      await expectDashboardMatchesReference(after, {}, today);
      await expectDashboardMatchesReference(after, { archived: 'all' }, today);
    } finally {
      after.close();
    }
  });
});
