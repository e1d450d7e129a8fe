import { z } from 'zod';
import type { UpcomingInterview, WeeklySummary } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { WeeklySummariesTable } from '../db/schema';
import { computeOverview, computeTimeline } from '../statistics/compute';
import { addDays } from '../statistics/days';
import { rate } from '../statistics/numbers';
import { atLocalTime } from './local-time';

/** What a summary row stores: the summary without its identity. */
export type SummaryFigures = Omit<WeeklySummary, 'id' | 'createdAt'>;

/**
 * The summary of the week from `weekStart` (seven days), computed by the dashboard's own statistics over the whole
 * search (archived applications included, as the dashboard shows it by default): the weekly goal and streak are the
 * dashboard's on the last day of the week, so the two always agree.
 */
export function computeWeeklySummary(db: Database, weekStart: string): SummaryFigures {
  const weekEnd = addDays(weekStart, 6);
  const previousStart = addDays(weekStart, -7);
  const previousEnd = addDays(weekStart, -1);
  const whole = { archived: 'all' as const, today: weekEnd };
  const { weeklyGoal } = computeOverview(db, whole);
  const timeline = computeTimeline(db, { ...whole, to: weekEnd, granularity: 'day' });

  const between = (series: number[], first: string, last: string) =>
    timeline.periods.reduce((sum, day, index) => (day >= first && day <= last ? sum + series[index] : sum), 0);
  const compare = (series: number[]) => ({ current: between(series, weekStart, weekEnd), previous: between(series, previousStart, previousEnd) });
  /** A running total at the end of a day: the last period on or before it. */
  const totalAt = (series: number[], day: string) => {
    let total = 0;
    timeline.periods.forEach((period, index) => {
      if (period <= day) total = series[index];
    });
    return total;
  };
  const rateAt = (numerator: number[], day: string) => rate(totalAt(numerator, day), totalAt(timeline.cumulative.applications, day));

  return {
    weekStart,
    weekEnd,
    sent: compare(timeline.series.applications),
    answers: compare(timeline.series.responses),
    interviews: compare(timeline.series.interviews),
    offers: compare(timeline.series.offers),
    responseRate: { current: rateAt(timeline.cumulative.responses, weekEnd), previous: rateAt(timeline.cumulative.responses, previousEnd) },
    interviewRate: { current: rateAt(timeline.cumulative.interviews, weekEnd), previous: rateAt(timeline.cumulative.interviews, previousEnd) },
    goal: {
      goal: weeklyGoal.goal,
      sent: weeklyGoal.thisWeek,
      met: weeklyGoal.goal !== null && weeklyGoal.goal > 0 && weeklyGoal.thisWeek >= weeklyGoal.goal,
      progress: weeklyGoal.progress,
      streakWeeks: weeklyGoal.streakWeeks,
    },
    interviewsComing: interviewsBetween(db, atLocalTime(addDays(weekEnd, 1), '00:00'), atLocalTime(addDays(weekEnd, 8), '00:00')),
  };
}

/** Planned interviews of live applications in [from, to): how many, and the first five. */
function interviewsBetween(db: Database, from: number, to: number): { count: number; next: UpcomingInterview[] } {
  const where = `FROM interviews i JOIN applications a ON a.id = i.application_id JOIN companies c ON c.id = a.company_id
    WHERE i.deleted_at IS NULL AND i.status = 'planned' AND a.deleted_at IS NULL AND i.scheduled_at >= ? AND i.scheduled_at < ?`;
  const range = [new Date(from).toISOString(), new Date(to).toISOString()];
  return {
    count: db.sql(`SELECT count(*) ${where}`).pluck().get(...range) as number,
    next: db
      .sql(`SELECT a.id AS applicationId, c.name AS companyName, a.position, i.scheduled_at AS scheduledAt ${where} ORDER BY i.scheduled_at, i.id LIMIT 5`)
      .all(...range) as UpcomingInterview[],
  };
}

const comparison = z.object({ current: z.number(), previous: z.number() });
const rateShape = z.object({ numerator: z.number(), denominator: z.number(), value: z.number() });
/** Stored summaries are read back through this: a row synced from another version must not break the screen. */
const figuresSchema = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  sent: comparison,
  answers: comparison,
  interviews: comparison,
  offers: comparison,
  responseRate: z.object({ current: rateShape, previous: rateShape }),
  interviewRate: z.object({ current: rateShape, previous: rateShape }),
  goal: z.object({ goal: z.number().nullable(), sent: z.number(), met: z.boolean(), progress: z.number(), streakWeeks: z.number() }),
  interviewsComing: z.object({
    count: z.number(),
    next: z.array(z.object({ applicationId: z.string(), companyName: z.string(), position: z.string(), scheduledAt: z.string() })),
  }),
});

export function toWeeklySummary(row: WeeklySummariesTable): WeeklySummary | null {
  try {
    return { id: row.id, createdAt: row.created_at, ...figuresSchema.parse(JSON.parse(row.data)) };
  } catch {
    return null;
  }
}

export function listWeeklySummaries(db: Database, limit: number, offset: number) {
  const rows = db
    .sql(`SELECT * FROM weekly_summaries WHERE deleted_at IS NULL ORDER BY week_start DESC, id LIMIT ? OFFSET ?`)
    .all(limit, offset) as WeeklySummariesTable[];
  const total = db.sql(`SELECT count(*) FROM weekly_summaries WHERE deleted_at IS NULL`).pluck().get() as number;
  return { items: rows.map(toWeeklySummary).filter((summary): summary is WeeklySummary => summary !== null), total, limit, offset };
}
