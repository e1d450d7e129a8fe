import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { createApplication, stagesByCategory } from './support/scenario';

/**
 * A search small enough to count by hand (today is Wednesday 2025-03-12; weeks start on Monday):
 *   A applied Mon 03-03, screening 03-05, interviewing 03-07, rejected 03-10
 *   B applied Tue 03-04, ghosted 03-11
 *   C applied Mon 03-10, rejected 03-11
 *   D on the wishlist (never sent)
 *   E applied Mon 02-24, offer 03-03, accepted 03-05
 */
const today = '2025-03-12';
let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  const stages = await stagesByCategory(app.api);
  const add = (spec: Parameters<typeof createApplication>[2]) => createApplication(app.api, stages, spec);
  const permanentEuros = { employmentType: 'permanent', salaryCurrency: 'EUR', salaryPeriod: 'year' } as const;
  await add({ companyName: 'Acme', position: 'A', appliedOn: '2025-03-03', ...permanentEuros, salaryMin: 40_000, salaryMax: 50_000,
    requiredSkills: ['SQL', 'React'],
    history: [['applied', '2025-03-03'], ['screening', '2025-03-05'], ['interviewing', '2025-03-07'], ['rejected', '2025-03-10']] });
  await add({ companyName: 'Acme', position: 'B', appliedOn: '2025-03-04', ...permanentEuros, salaryMin: 45_000, requiredSkills: ['sql'],
    history: [['applied', '2025-03-04'], ['ghosted', '2025-03-11']] });
  await add({ companyName: 'Beta', position: 'C', appliedOn: '2025-03-10', employmentType: 'permanent', salaryMin: 60_000,
    salaryCurrency: 'USD', salaryPeriod: 'year', history: [['applied', '2025-03-10'], ['rejected', '2025-03-11']] });
  await add({ companyName: 'Gamma', position: 'D', ...permanentEuros, salaryMin: 50_000, salaryMax: 60_000, requiredSkills: ['SQL'],
    history: [['wishlist', '2025-03-01']] });
  await add({ companyName: 'Delta', position: 'E', appliedOn: '2025-02-24', employmentType: 'permanent', salaryMin: 1_000,
    salaryMax: 3_000, salaryCurrency: 'EUR', salaryPeriod: 'month',
    history: [['applied', '2025-02-24'], ['offer', '2025-03-03'], ['accepted', '2025-03-05']] });
  await app.api.invoke('profile.update', { weeklyGoal: 2 });
  // The week's first day otherwise follows the locale (Sunday in the United States): these counts are by hand.
  await app.api.invoke('automation.update', { firstWeekday: 1 });
});
afterAll(() => app?.close());

describe('the definitions of docs/statistics.md, on a search counted by hand', () => {
  it('overview: counts, rates with their parts, days to answer, weeks, months, goal', async () => {
    const overview = await app.api.invoke('statistics.overview', { today });
    expect(overview).toMatchObject({
      total: 5,
      sent: 4,
      active: 0,
      byCategory: { wishlist: 1, applied: 0, rejected: 2, ghosted: 1, accepted: 1 },
      responseRate: { numerator: 3, denominator: 4, value: 0.75 },
      interviewRate: { numerator: 2, denominator: 4, value: 0.5 },
      offerRate: { numerator: 1, denominator: 4, value: 0.25 },
      acceptanceRate: { numerator: 1, denominator: 1, value: 1 },
      // Like with like: Monday to Wednesday of last week (A, B); the 1st to the 12th of February (E, on the 24th, is not).
      week: { current: 1, previous: 2, currentStart: '2025-03-10', previousStart: '2025-03-03', previousEnd: '2025-03-05' },
      month: { current: 3, previous: 0, currentStart: '2025-03-01', previousStart: '2025-02-01', previousEnd: '2025-02-12' },
      weeklyGoal: { goal: 2, thisWeek: 1, progress: 0.5, streakWeeks: 1 },
    });
    // A answered after 2 days, C after 1, E after 7.
    expect(overview.daysToFirstResponse.count).toBe(3);
    expect(overview.daysToFirstResponse.median).toBe(2);
    expect(overview.daysToFirstResponse.mean).toBeCloseTo(10 / 3, 10);
  });

  it('compares a month under way with the same days of the last one, up to its last day when it is shorter', async () => {
    const endOfMarch = await app.api.invoke('statistics.overview', { today: '2025-03-31' });
    expect(endOfMarch.month).toMatchObject({ previous: 1, previousStart: '2025-02-01', previousEnd: '2025-02-28' });
    const sunday = await app.api.invoke('statistics.overview', { today: '2025-03-09' });
    expect(sunday.week).toMatchObject({ current: 2, previous: 1, previousStart: '2025-02-24', previousEnd: '2025-03-02' });
  });

  it('this week joins the streak once it meets the goal', async () => {
    await app.api.invoke('profile.update', { weeklyGoal: 1 });
    const { weeklyGoal } = await app.api.invoke('statistics.overview', { today });
    // Weeks of 03-10 (1), 03-03 (2) and 02-24 (1) all meet a goal of 1; the week of 02-17 has none.
    expect(weeklyGoal).toEqual({ goal: 1, thisWeek: 1, progress: 1, streakWeeks: 3 });
    await app.api.invoke('profile.update', { weeklyGoal: 2 });
  });

  it('funnel: reached a step or a later one; flows follow each history to its outcome', async () => {
    const funnel = await app.api.invoke('statistics.funnel', { today });
    expect(funnel.steps.map((step) => [step.category, step.count])).toEqual([
      ['applied', 4],
      ['screening', 2],
      ['interviewing', 2],
      ['offer', 1],
      ['accepted', 1],
    ]);
    expect(funnel.steps[2].fromPrevious).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(funnel.steps[3].fromSent).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(funnel.reached).toMatchObject({ wishlist: 1, applied: 4, screening: 1, interviewing: 1, offer: 1, rejected: 2 });
    expect(funnel.flows).toEqual([
      { from: 'applied', to: 'screening', count: 1 },
      { from: 'applied', to: 'offer', count: 1 },
      { from: 'applied', to: 'rejected', count: 1 },
      { from: 'applied', to: 'ghosted', count: 1 },
      { from: 'screening', to: 'interviewing', count: 1 },
      { from: 'interviewing', to: 'rejected', count: 1 },
      { from: 'offer', to: 'accepted', count: 1 },
    ]);
  });

  it('timeline: events on the day they happened, per period, with running totals', async () => {
    const timeline = await app.api.invoke('statistics.timeline', { today, from: '2025-02-24', to: '2025-03-12', granularity: 'week' });
    expect(timeline).toEqual({
      granularity: 'week',
      periods: ['2025-02-24', '2025-03-03', '2025-03-10'],
      series: { applications: [1, 2, 1], responses: [0, 2, 1], interviews: [0, 2, 0], offers: [0, 1, 0] },
      cumulative: { applications: [1, 3, 4], responses: [0, 2, 3], interviews: [0, 2, 2], offers: [0, 1, 1] },
      from: '2025-02-24',
      to: '2025-03-12',
    });
    const byDay = await app.api.invoke('statistics.timeline', { today, from: '2025-02-24', to: '2025-03-12' });
    expect(byDay.granularity).toBe('day');
    expect(byDay.periods).toHaveLength(17);
    // A range ending mid-week stops there: B, applied the day after, is not in the last week's count.
    const cut = await app.api.invoke('statistics.timeline', { today, from: '2025-02-24', to: '2025-03-03', granularity: 'week' });
    expect(cut.series.applications).toEqual([1, 1]);
    expect(cut.series.offers).toEqual([0, 1]);
    const byMonth = await app.api.invoke('statistics.timeline', { today, granularity: 'month' });
    expect(byMonth.periods).toEqual(['2025-02-01', '2025-03-01']);
    expect(byMonth.series.applications).toEqual([1, 3]);
  });

  it('response times: buckets of days', async () => {
    const times = await app.api.invoke('statistics.responseTimes', { today });
    expect(times.distribution.map((bucket) => bucket.count)).toEqual([1, 1, 1, 0, 0, 0, 0]);
    // One answer each: the fastest first. Acme answered one of its two applications.
    expect(times.companies.map((company) => [company.companyName, company.applications, company.count, company.median])).toEqual([
      ['Beta', 1, 1, 1],
      ['Acme', 2, 1, 2],
      ['Delta', 1, 1, 7],
    ]);
  });

  it('salaries: per employment type, currency and period, from each application midpoint', async () => {
    const { groups } = await app.api.invoke('statistics.salaries', { today });
    expect(groups[0]).toEqual({ employmentType: 'permanent', currency: 'EUR', period: 'year', count: 3, min: 40_000, max: 60_000,
      mean: (45_000 + 45_000 + 55_000) / 3, median: 45_000 });
    expect(groups.slice(1)).toEqual([
      { employmentType: 'permanent', currency: 'EUR', period: 'month', count: 1, min: 1_000, max: 3_000, mean: 2_000, median: 2_000 },
      { employmentType: 'permanent', currency: 'USD', period: 'year', count: 1, min: 60_000, max: 60_000, mean: 60_000, median: 60_000 },
    ]);
  });

  it('activity: a year of days ending today, from a Monday', async () => {
    const activity = await app.api.invoke('statistics.activity', { today });
    expect(activity).toEqual({
      from: '2024-03-11',
      to: today,
      days: [
        { date: '2025-02-24', count: 1 },
        { date: '2025-03-03', count: 1 },
        { date: '2025-03-04', count: 1 },
        { date: '2025-03-10', count: 1 },
      ],
      total: 4,
      max: 1,
    });
  });

  it('the range keeps applications by applied date', async () => {
    const overview = await app.api.invoke('statistics.overview', { today, from: '2025-03-03', to: '2025-03-09' });
    expect(overview).toMatchObject({ total: 2, sent: 2, responseRate: { numerator: 1, denominator: 2 } });
    // The week and month comparisons are about now, whatever the range.
    expect(overview.month.current).toBe(3);
  });
});
