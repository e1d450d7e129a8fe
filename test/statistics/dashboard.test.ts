import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { expectDashboardMatchesReference, type DashboardInput } from './support/expect-reference';
import { buildScenario, today } from './support/scenario';
import { wholeDashboard } from './support/whole';


let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  await buildScenario(app.api);
});
afterAll(() => app?.close());

const expectMatchesReference = (input: Omit<DashboardInput, 'today'>) => expectDashboardMatchesReference(app, input, today);

describe('statistics.dashboard agrees with an independent computation from the raw rows', () => {
  const cases: [string, Omit<DashboardInput, 'today'>][] = [
    ['default filters (active applications only)', {}],
    ['archived included', { archived: 'all' }],
    ['archived only', { archived: true }],
    ['one source', { sources: ['linkedin'], archived: 'all' }],
    ['employment types and work modes', { employmentTypes: ['permanent', 'fixed_term'], workModes: ['remote', 'on_site'] }],
    ['current categories', { stageCategories: ['rejected', 'ghosted', 'accepted'] }],
    ['free text', { text: 'engineer', archived: 'all' }],
    ['a range', { from: '2025-02-01', to: '2025-03-12', archived: 'all' }],
    ['a range open at the end', { from: '2025-03-01' }],
    ['a range open at the start', { to: '2025-02-15', archived: 'all' }],
    ['a range with no applications', { from: '2020-01-01', to: '2020-01-31' }],
    ['days', { granularity: 'day', from: '2025-02-20', to: '2025-03-12' }],
    ['weeks', { granularity: 'week', archived: 'all' }],
    ['months', { granularity: 'month', archived: 'all' }],
    ['salary filter', { salaryMin: 50_000, salaryCurrency: 'EUR', archived: 'all' }],
  ];
  it.each(cases)('%s', async (_name, input) => {
    await expectMatchesReference(input);
  });

  it('filters by a company', async () => {
    const company = (await app.api.invoke('companies.list', { text: 'Acme' })).items[0];
    const dashboard = await expectMatchesReference({ companyId: company.id, archived: 'all' });
    expect(dashboard.overview.total).toBe(3);
  });
});

describe('each statistics channel returns its part of the dashboard', () => {
  const input = { archived: 'all' as const, from: '2025-01-01', today };
  it.each([
    ['statistics.overview', 'overview'],
    ['statistics.timeline', 'timeline'],
    ['statistics.breakdowns', 'breakdowns'],
    ['statistics.funnel', 'funnel'],
    ['statistics.responseTimes', 'responseTimes'],
    ['statistics.salaries', 'salaries'],
    ['statistics.skills', 'skills'],
    ['statistics.activity', 'activity'],
  ] as const)('%s', async (channel, part) => {
    const dashboard = wholeDashboard(await app.api.invoke('statistics.dashboard', input));
    const alone = await app.api.invoke(channel, input);
    // Upcoming interviews depend on the clock only; everything else is the same computation.
    expect(alone).toEqual(dashboard[part]);
  });
});

describe('what the scenario shows', () => {
  it('never counts deleted applications, their interviews or their tasks', async () => {
    const dashboard = wholeDashboard(await app.api.invoke('statistics.dashboard', { archived: 'all', today }));
    const positions = dashboard.breakdowns.source.buckets.map((bucket) => bucket.key);
    expect(positions).toContain('linkedin');
    expect(dashboard.overview.total).toBe(17);
    expect(dashboard.salaries.groups.some((group) => group.currency === 'GBP')).toBe(false);
    expect(dashboard.skills.required.some((skill) => skill.skill === 'Cobol')).toBe(false);
    expect(dashboard.overview.upcomingInterviews.count).toBe(5);
    expect(dashboard.overview.overdueTasks).toBe(3);
  });

  it('counts an application rejected after interviews as having reached the interviews', async () => {
    const { funnel } = wholeDashboard(await app.api.invoke('statistics.dashboard', { archived: 'all', today, to: '2025-01-31' }));
    // In range: rejectedAfterInterviews, noCurrency and archivedWithdrawn (noAppliedDate falls back to the day it was
    // created, today, out of range). Two of them reached the interviews, one through screening.
    expect(funnel.steps.map((step) => step.count)).toEqual([3, 2, 2, 0, 0]);
    expect(funnel.flows).toEqual([
      { from: 'applied', to: 'screening', count: 1 },
      { from: 'applied', to: 'interviewing', count: 1 },
      { from: 'applied', to: 'rejected', count: 1 },
      { from: 'screening', to: 'interviewing', count: 1 },
      { from: 'interviewing', to: 'rejected', count: 1 },
      { from: 'interviewing', to: 'withdrawn', count: 1 },
    ]);
  });

  it('sums the smallest values of a free-text dimension into "others"', async () => {
    const { source } = await app.api.invoke('statistics.breakdowns', { archived: 'all', today });
    expect(source.buckets).toHaveLength(12);
    expect(source.others).toMatchObject({ key: null, values: 2, count: 2, sent: 2 });
  });

  it('merges skills written differently and knows which ones the profile has', async () => {
    const skills = await app.api.invoke('statistics.skills', { archived: 'all', today });
    // "SQL" four times and "sql" once: one skill, shown as most applications write it.
    expect(skills.required.find((skill) => skill.skill.toLowerCase() === 'sql')).toEqual({ skill: 'SQL', count: 5, inProfile: true });
    expect(skills.required.find((skill) => skill.skill.toLowerCase() === 'react')).toMatchObject({ count: 2, inProfile: false });
    expect(skills.preferred.find((skill) => skill.skill.toLowerCase() === 'docker')).toMatchObject({ count: 2, inProfile: false });
    expect(skills.missing[0]).toEqual({ skill: 'Go', required: 2, preferred: 0 });
  });
});

describe('a database without the statistics indexes', () => {
  // Last in this file: it drops the indexes of the shared app.
  it('answers the same, only slower', async () => {
    const input = { archived: 'all' as const, today };
    const before = wholeDashboard(await app.api.invoke('statistics.dashboard', input));
    app.context.db.sqlite.exec('DROP INDEX applications_statistics; DROP INDEX stage_events_history; DROP INDEX companies_industry');
    const after = wholeDashboard(await app.api.invoke('statistics.dashboard', input));
    expect(after).toEqual(before);
  });
});
