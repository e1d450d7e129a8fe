import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { wholeDashboard } from './support/whole';

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
});
afterAll(() => app?.close());

/** Where the contract allows null (a missing goal, an unset value, an open bound); everywhere else a number is expected. */
const nullable = [
  /^overview\.weeklyGoal\.goal$/,
  /^timeline\.(from|to)$/,
  /^breakdowns\.\w+\.others$/,
  /^breakdowns\.\w+\.buckets\.\d+\.(key|name)$/,
  /^responseTimes\.distribution\.\d+\.maxDays$/,
];

/** Every number finite, and null only where allowed (JSON.stringify turns NaN and Infinity into null). */
function expectWellFormed(value: unknown, path = ''): void {
  if (value === null) {
    expect(nullable.some((pattern) => pattern.test(path)), `null at ${path}`).toBe(true);
  } else if (typeof value === 'number') {
    expect(Number.isFinite(value), `${value} at ${path}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => expectWellFormed(item, path ? `${path}.${index}` : String(index)));
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value as object)) expectWellFormed(item, path ? `${path}.${key}` : key);
  }
}

describe('an empty database', () => {
  it('gives zeros and empty series, never NaN', async () => {
    const dashboard = wholeDashboard(await app.api.invoke('statistics.dashboard', undefined));
    expectWellFormed(JSON.parse(JSON.stringify(dashboard)));
    expect(dashboard.overview).toMatchObject({
      total: 0,
      sent: 0,
      active: 0,
      responseRate: { numerator: 0, denominator: 0, value: 0 },
      acceptanceRate: { numerator: 0, denominator: 0, value: 0 },
      daysToFirstResponse: { count: 0, median: 0, mean: 0 },
      upcomingInterviews: { count: 0, next: [] },
      overdueTasks: 0,
      weeklyGoal: { goal: null, thisWeek: 0, progress: 0, streakWeeks: 0 },
    });
    expect(Object.values(dashboard.overview.byCategory).every((count) => count === 0)).toBe(true);
    expect(dashboard.timeline).toMatchObject({ periods: [], series: { applications: [], responses: [], interviews: [], offers: [] }, from: null, to: null });
    expect(dashboard.funnel.steps.map((step) => step.count)).toEqual([0, 0, 0, 0, 0]);
    expect(dashboard.funnel.flows).toEqual([]);
    expect(dashboard.breakdowns.source).toEqual({ buckets: [], others: null });
    expect(dashboard.responseTimes.companies).toEqual([]);
    expect(dashboard.responseTimes.distribution.every((bucket) => bucket.count === 0)).toBe(true);
    expect(dashboard.salaries).toEqual({ groups: [], withoutCurrency: 0 });
    expect(dashboard.skills).toEqual({ applications: 0, required: [], preferred: [], missing: [] });
    expect(dashboard.activity).toMatchObject({ days: [], total: 0, max: 0 });
  });

  it.each([
    ['statistics.overview', 'overview'],
    ['statistics.timeline', 'timeline'],
    ['statistics.breakdowns', 'breakdowns'],
    ['statistics.funnel', 'funnel'],
    ['statistics.responseTimes', 'responseTimes'],
    ['statistics.salaries', 'salaries'],
    ['statistics.skills', 'skills'],
    ['statistics.activity', 'activity'],
  ] as const)('%s answers with well-formed zeros, with or without a range', async (channel, part) => {
    expectWellFormed(JSON.parse(JSON.stringify(await app.api.invoke(channel, undefined))), part);
    const ranged = await app.api.invoke(channel, { from: '2025-01-01', to: '2025-12-31', archived: 'all' });
    expectWellFormed(JSON.parse(JSON.stringify(ranged)), part);
  });

  it('treats a weekly goal of 0 as no goal to meet', async () => {
    await app.api.invoke('profile.update', { weeklyGoal: 0 });
    const { weeklyGoal } = await app.api.invoke('statistics.overview', { today: '2025-03-12' });
    expect(weeklyGoal).toEqual({ goal: 0, thisWeek: 0, progress: 0, streakWeeks: 0 });
  });
});

describe('bad input', () => {
  it('refuses a range that ends before it starts, naming the field', async () => {
    const result = await app.api.call('statistics.dashboard', { from: '2025-03-01', to: '2025-02-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'to' }] } });
  });

  it('refuses impossible dates, unknown filters and unknown granularities', async () => {
    for (const input of [{ from: '2025-02-30' }, { today: 'yesterday' }, { colour: 'red' }, { granularity: 'year' }, { archived: 'maybe' }]) {
      const result = await app.api.call('statistics.dashboard', input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('does not take a granularity where it means nothing', async () => {
    const result = await app.api.call('statistics.overview', { granularity: 'day' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('damaged data', () => {
  it('reads a skill list that is not JSON as empty rather than failing', async () => {
    const created = await app.api.invoke('applications.create', { companyName: 'Damaged', position: 'P', requiredSkills: ['Go'] });
    app.context.changes.write((write) => write.update('applications', created.id, { required_skills: 'not json', preferred_skills: '["Rust", 3]' }));
    const skills = await app.api.invoke('statistics.skills', { archived: 'all' });
    expect(skills.required).toEqual([]);
    expect(skills.preferred.map((skill) => skill.skill)).toEqual(['Rust']);
  });
});
