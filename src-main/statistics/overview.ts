import { stageCategories, type StageCategory, type StatisticsOverview, type UpcomingInterview, type Weekday } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { readProfile } from '../profile/handlers';
import type { CubeRow, DayCount } from './aggregates';
import { closedCategories, levels } from './categories';
import { addDays, addMonths, daysBetween, monthStart } from './days';

const minDay = (a: string, b: string) => (a < b ? a : b);
import { rate, summarize, type Occurrences } from './numbers';
import type { StatisticsScope } from './scope';
import { userFirstWeekday, weeklyProgress } from './weeks';

/**
 * Which applications a computation is about, as a condition on `applications a`: those of the filters' facts, or
 * every live one (and active, unless archived ones count) for the maintained counts.
 */
export type Membership = string;

/** Planned interviews from now on, of the applications in the filters (the range does not apply: this is about now). */
export function loadUpcomingInterviews(db: Database, now: string, member: Membership): { count: number; next: UpcomingInterview[] } {
  const from = `FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies c ON c.id = a.company_id
    WHERE i.deleted_at IS NULL AND i.status = 'planned' AND i.scheduled_at >= ? AND ${member}`;
  const count = db.sql(`SELECT count(*) ${from}`).pluck().get(now) as number;
  const next = db
    .sql(
      `SELECT a.id AS applicationId, c.name AS companyName, a.position, i.scheduled_at AS scheduledAt ${from}
       ORDER BY i.scheduled_at, i.id LIMIT 3`,
    )
    .all(now) as UpcomingInterview[];
  return { count, next };
}

/**
 * Open tasks due before today: those of the applications in the filters, and those linked to no application
 * (they belong to the search as a whole, so no filter can exclude them).
 */
export function loadOverdueTasks(db: Database, today: string, member: Membership): number {
  return db
    .sql(
      `SELECT count(*) FROM tasks t LEFT JOIN applications a ON a.id = t.application_id
       WHERE t.deleted_at IS NULL AND t.done_at IS NULL AND t.due_on < ?
         AND (t.application_id IS NULL OR (${member}))`,
    )
    .pluck()
    .get(today) as number;
}

export interface OverviewData {
  cube: CubeRow[];
  sentPerDay: DayCount[];
  /** Sent applications in the range that got an answer, by days to the first answer. */
  answered: Occurrences[];
  upcoming: { count: number; next: UpcomingInterview[] };
  overdueTasks: number;
  weeklyGoal: number | null;
  /** Where the user's weeks start (weeks.ts). */
  firstWeekday: Weekday;
}

export function loadOverviewData(
  db: Database,
  scope: StatisticsScope,
  member: Membership,
  shared: Pick<OverviewData, 'cube' | 'sentPerDay' | 'answered'>,
): OverviewData {
  return {
    ...shared,
    upcoming: loadUpcomingInterviews(db, new Date().toISOString(), member),
    overdueTasks: loadOverdueTasks(db, scope.today, member),
    weeklyGoal: readProfile(db).weeklyGoal,
    firstWeekday: userFirstWeekday(db),
  };
}

/** Applications sent per period start, for the month's comparison. */
function countFrom(sentPerDay: readonly DayCount[], startOf: (day: string) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { day, count } of sentPerDay) {
    const start = startOf(day);
    counts.set(start, (counts.get(start) ?? 0) + count);
  }
  return counts;
}

export function buildOverview(data: OverviewData, today: string): StatisticsOverview {
  const byCategory = Object.fromEntries(stageCategories.map((category) => [category, 0])) as Record<StageCategory, number>;
  const atLevel = [0, 0, 0, 0, 0, 0];
  let total = 0;
  let active = 0;
  for (const row of data.cube) {
    total += row.count;
    byCategory[row.category] += row.count;
    for (let level = 0; level <= row.level; level += 1) atLevel[level] += row.count;
    if (row.level >= levels.sent && !closedCategories.includes(row.category)) active += row.count;
  }
  const sent = atLevel[levels.sent];

  // The same computation as the weekly summary's (src-main/automation), so the two always agree.
  const week = weeklyProgress(data.sentPerDay, data.weeklyGoal, today, data.firstWeekday);
  const perMonth = countFrom(data.sentPerDay, monthStart);
  const thisMonth = monthStart(today);
  const lastMonth = addMonths(thisMonth, -1);
  // Like with like: as many days of the previous period as have passed of this one (a month shorter than today's
  // day of the month ends at its last day).
  const lastWeekEnd = addDays(week.previousStart, daysBetween(week.currentStart, today));
  const lastMonthEnd = minDay(addDays(lastMonth, daysBetween(thisMonth, today)), addDays(thisMonth, -1));
  const sentBetween = (from: string, to: string) =>
    data.sentPerDay.reduce((sum, { day, count }) => (day >= from && day <= to ? sum + count : sum), 0);

  return {
    total,
    sent,
    active,
    byCategory,
    responseRate: rate(atLevel[levels.responded], sent),
    interviewRate: rate(atLevel[levels.interviewed], sent),
    offerRate: rate(atLevel[levels.offered], sent),
    acceptanceRate: rate(atLevel[levels.accepted], atLevel[levels.offered]),
    daysToFirstResponse: summarize(data.answered),
    week: {
      current: week.current,
      previous: sentBetween(week.previousStart, lastWeekEnd),
      currentStart: week.currentStart,
      previousStart: week.previousStart,
      previousEnd: lastWeekEnd,
    },
    month: {
      current: perMonth.get(thisMonth) ?? 0,
      previous: sentBetween(lastMonth, lastMonthEnd),
      currentStart: thisMonth,
      previousStart: lastMonth,
      previousEnd: lastMonthEnd,
    },
    upcomingInterviews: data.upcoming,
    overdueTasks: data.overdueTasks,
    weeklyGoal: { goal: week.goal, thisWeek: week.current, progress: week.progress, streakWeeks: week.streakWeeks },
  };
}
