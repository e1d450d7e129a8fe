process.env.TZ = 'Europe/Paris';
import { afterEach, describe, expect, it } from 'vitest';
import { firstWeekdayOfLocale, weekLocale, weekStartOn } from '../../src-main/statistics/weeks';
import { ManualClock } from '../support/manual-clock';
import { day, openAutomatedApp, type AutomatedApp } from './support/automated-app';

const apps: AutomatedApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

const start = Date.parse('2025-03-03T08:00:00+01:00'); // Monday

/** Four weeks of applications, answers and interviews, with a goal of 3 a week. */
async function liveFourWeeks(app: AutomatedApp) {
  const stages = await app.api.invoke('stages.list', undefined);
  const stage = (category: string) => stages.find((candidate) => candidate.category === category)!.id;
  await app.api.invoke('profile.update', { weeklyGoal: 3 });
  const sentOn = ['2025-03-03', '2025-03-04', '2025-03-06', '2025-03-10', '2025-03-11', '2025-03-12', '2025-03-14', '2025-03-18', '2025-03-25'];
  const ids: string[] = [];
  for (const [index, appliedOn] of sentOn.entries()) {
    ids.push((await app.api.invoke('applications.create', { companyName: `Company ${index}`, position: 'Developer', appliedOn })).id);
  }
  await app.advance(9 * day); // Wednesday 12 March
  await app.api.invoke('applications.setStage', { id: ids[0], stageId: stage('screening') });
  await app.api.invoke('applications.setStage', { id: ids[1], stageId: stage('rejected') });
  await app.api.invoke('interviews.create', { applicationId: ids[0], scheduledAt: '2025-03-19T10:00:00+01:00' });
  await app.advance(9 * day); // Friday 21 March
  await app.api.invoke('applications.setStage', { id: ids[0], stageId: stage('interviewing') });
  await app.advance(14 * day); // Friday 4 April
  return ids;
}

describe('the weekly summary', () => {
  it('agrees with the dashboard on the weekly goal and the streak, week after week', async () => {
    const app = await openAutomatedApp({ clock: new ManualClock(start) });
    apps.push(app);
    await app.api.invoke('automation.update', { firstWeekday: 1 });
    await liveFourWeeks(app);
    const { items } = await app.api.invoke('automation.summaries', undefined);
    expect(items.map((summary) => summary.weekStart)).toEqual(['2025-03-24', '2025-03-17', '2025-03-10', '2025-03-03']);
    for (const summary of items) {
      const { overview } = await app.api.invoke('statistics.dashboard', { archived: 'all', today: summary.weekEnd });
      if (!overview) throw new Error(`the dashboard's overview failed for ${summary.weekStart}`);
      expect(summary.goal, summary.weekStart).toEqual({
        goal: overview.weeklyGoal.goal,
        sent: overview.weeklyGoal.thisWeek,
        met: overview.weeklyGoal.thisWeek >= 3,
        progress: overview.weeklyGoal.progress,
        streakWeeks: overview.weeklyGoal.streakWeeks,
      });
      expect(summary.sent).toEqual({ current: overview.week.current, previous: overview.week.previous });
      expect(overview.week.currentStart).toBe(summary.weekStart);
    }
    const byWeek = Object.fromEntries(items.map((summary) => [summary.weekStart, summary]));
    // Three sent the first week (goal met), four the second (met, a streak of 2), one the third (missed).
    expect(byWeek['2025-03-03'].goal).toMatchObject({ sent: 3, met: true, streakWeeks: 1 });
    expect(byWeek['2025-03-10'].goal).toMatchObject({ sent: 4, met: true, streakWeeks: 2 });
    expect(byWeek['2025-03-17'].goal).toMatchObject({ sent: 1, met: false, streakWeeks: 2 });
    expect(byWeek['2025-03-17'].sent).toEqual({ current: 1, previous: 4 });
    // Answers on their day: two in the week of 10 March (screening and a rejection), none the week after.
    expect(byWeek['2025-03-10'].answers).toEqual({ current: 2, previous: 0 });
    expect(byWeek['2025-03-10'].responseRate.current).toMatchObject({ numerator: 2, denominator: 7 });
    expect(byWeek['2025-03-10'].responseRate.previous).toMatchObject({ numerator: 0, denominator: 3 });
    // The interview of 19 March was ahead in the summary of the week before; the first interview stage, on 21 March.
    expect(byWeek['2025-03-10'].interviewsComing).toMatchObject({ count: 1, next: [{ companyName: 'Company 0', scheduledAt: '2025-03-19T09:00:00.000Z' }] });
    expect(byWeek['2025-03-17'].interviews).toEqual({ current: 1, previous: 0 });
    // Kept as history: each was announced on its Monday morning.
    const notifications = (await app.api.invoke('notifications.list', { status: 'all' })).items.filter((item) => item.kind === 'weekly-summary');
    expect(notifications.map((item) => [item.visibleAt, item.target])).toEqual([
      ['2025-03-31T07:00:00.000Z', '/weekly/2025-03-24'],
      ['2025-03-24T08:00:00.000Z', '/weekly/2025-03-17'],
      ['2025-03-17T08:00:00.000Z', '/weekly/2025-03-10'],
      ['2025-03-10T08:00:00.000Z', '/weekly/2025-03-03'],
    ]);
  });

  it('follows the first weekday of the locale when none is chosen, and so does the dashboard', async () => {
    const app = await openAutomatedApp({ clock: new ManualClock(start) });
    apps.push(app);
    // This process runs as en-US (weeks from Sunday) unless told otherwise: whatever it is, both agree.
    const { effectiveFirstWeekday } = await app.api.invoke('automation.settings', undefined);
    await liveFourWeeks(app);
    const { items } = await app.api.invoke('automation.summaries', undefined);
    expect(items.length).toBeGreaterThan(2);
    for (const summary of items) {
      expect(weekStartOn(summary.weekStart, effectiveFirstWeekday)).toBe(summary.weekStart);
      const dashboard = await app.api.invoke('statistics.overview', { archived: 'all', today: summary.weekEnd });
      expect(dashboard.week.currentStart).toBe(summary.weekStart);
      expect([summary.goal.sent, summary.goal.streakWeeks]).toEqual([dashboard.weeklyGoal.thisWeek, dashboard.weeklyGoal.streakWeeks]);
    }
    // Choosing a day moves both.
    await app.api.invoke('automation.update', { firstWeekday: 3 });
    expect((await app.api.invoke('statistics.overview', { today: '2025-03-14' })).week.currentStart).toBe('2025-03-12');
  });

  it('is not made for a week before the search began', async () => {
    const app = await openAutomatedApp({ clock: new ManualClock(start) });
    apps.push(app);
    await app.advance(8 * day);
    expect((await app.api.invoke('automation.summaries', undefined)).items).toEqual([]);
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer', appliedOn: '2025-03-11' });
    await app.advance(7 * day);
    expect((await app.api.invoke('automation.summaries', undefined)).items.map((summary) => summary.sent.current)).toEqual([1]);
  });
});

describe('the first day of the week', () => {
  it('comes from the locale, its region deciding, with a fallback where Intl has no week information', () => {
    for (const useIntl of [true, false]) {
      expect(firstWeekdayOfLocale('fr-FR', useIntl)).toBe(1);
      expect(firstWeekdayOfLocale('en-GB', useIntl)).toBe(1);
      expect(firstWeekdayOfLocale('en-US', useIntl)).toBe(7);
      expect(firstWeekdayOfLocale('fr-CA', useIntl)).toBe(7);
      expect(firstWeekdayOfLocale('ar-EG', useIntl)).toBe(6);
      // A language alone takes its likeliest region: English, the United States; French, France.
      expect(firstWeekdayOfLocale('en', useIntl)).toBe(7);
      expect(firstWeekdayOfLocale('fr', useIntl)).toBe(1);
    }
    expect(firstWeekdayOfLocale('not a locale!')).toBe(1);
    expect(firstWeekdayOfLocale(null)).toBe(1);
    // The language chosen in Candid keeps the system's region.
    expect(weekLocale('fr', 'en-CA')).toBe('fr-CA');
    expect(weekLocale('en', 'fr-FR')).toBe('en-FR');
    expect(weekLocale(null, 'de-DE')).toBe('de-DE');
    expect(weekStartOn('2025-03-13', 1)).toBe('2025-03-10');
    expect(weekStartOn('2025-03-13', 7)).toBe('2025-03-09');
    expect(weekStartOn('2025-03-09', 7)).toBe('2025-03-09');
    expect(weekStartOn('2025-03-13', 6)).toBe('2025-03-08');
  });
});
