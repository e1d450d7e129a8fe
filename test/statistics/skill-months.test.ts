import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import { rebuildSkillMonths } from '../../src-main/statistics/maintained/skill-months';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fillApplications, seededRandom } from './support/bench-data';
import { buildScenario } from './support/scenario';
import { expectSkillMonthsMatchLists, type SkillScope } from './support/skill-months';

/**
 * A dashboard over sources and a range sums its skills from the maintained months (and its edge days' facts):
 * for any such scope the counts must be exactly those read from every kept application's skill lists.
 */
const today = '2025-03-12';
const sources = ['linkedin', 'indeed', 'company_site', 'email', 'referral', 'recruiter', 'apec', 'unknown'];
const dayBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  fillApplications(app.context, 1500, { today, seed: 7 });
  // Some without a source, some deleted: neither may count under a source, nor at all.
  const { db } = app.context;
  const ids = db.sql(`SELECT id FROM applications ORDER BY seq LIMIT 40`).pluck().all() as string[];
  await app.api.invoke('applications.bulkUpdate', { ids: ids.slice(0, 20), patch: { source: null } });
  for (const id of ids.slice(20, 30)) await app.api.invoke('applications.delete', { id });
});
afterAll(() => app?.close());

function randomScope(random: () => number): SkillScope {
  const scope: SkillScope = {};
  const archived = random();
  if (archived < 0.3) scope.archived = 'all';
  else if (archived < 0.45) scope.archived = true;
  if (random() < 0.5) scope.sources = sources.filter(() => random() < 0.3);
  const [a, b] = [Math.floor(random() * 800), Math.floor(random() * 800)];
  const range = random();
  if (range < 0.6) [scope.from, scope.to] = [dayBefore(Math.max(a, b)), dayBefore(Math.min(a, b))];
  else if (range < 0.75) scope.from = dayBefore(a);
  else if (range < 0.9) scope.to = dayBefore(a);
  return scope;
}

describe('skill counts of a filtered or ranged dashboard', () => {
  it('equal the counts read from the lists, for 300 random sources, ranges and archived flags', () => {
    const random = seededRandom(16);
    for (let run = 0; run < 300; run += 1) expectSkillMonthsMatchLists(app.context.db, randomScope(random));
  });

  it('fail to match when a maintained count drifts (the comparison can fail)', () => {
    const { db } = app.context;
    db.sqlite.exec(`UPDATE statistics_skill_months SET archived = archived + 1 WHERE source = 'linkedin'`);
    expect(() => expectSkillMonthsMatchLists(db, { archived: 'all' })).toThrow();
    rebuildSkillMonths(db);
    expectSkillMonthsMatchLists(db, { archived: 'all' });
  });
});

describe('migration 0260', () => {
  it('fills the skill months of a search recorded before it', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 260) });
    await buildScenario(before.api);
    expect(before.context.db.sql(`SELECT 1 FROM sqlite_master WHERE name = 'statistics_skill_months'`).get()).toBeUndefined();
    closeAppContext(before.context);
    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      const migrated = db.sql(`SELECT * FROM statistics_skill_months ORDER BY month, source, kind, skill`).all();
      expect(migrated.length).toBeGreaterThan(10);
      rebuildSkillMonths(db);
      expect(db.sql(`SELECT * FROM statistics_skill_months ORDER BY month, source, kind, skill`).all()).toEqual(migrated);
      expectSkillMonthsMatchLists(db, { archived: 'all', from: '2025-01-15' });
    } finally {
      after.close();
    }
  });
});
