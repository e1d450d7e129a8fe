import { isPlausibleDay, maxTimelinePeriods, type StatisticsTimeline, type TimelineGranularity } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { DayCount } from './aggregates';
import { levels } from './categories';
import { daysBetween, periodCount, periodStart, periodStarts } from './days';
import { factsTable } from './facts';
import type { StatisticsScope } from './scope';

type Series = keyof StatisticsTimeline['series'];
const eventColumns = { responses: 'response_day', interviews: 'interview_day', offers: 'offer_day' } as const;

/** Answers, first interviews and first offers of sent applications per day they happened, within [from, to]. */
export function loadEventsPerDay(db: Database, from: string, to: string): Record<Exclude<Series, 'applications'>, DayCount[]> {
  const rows = db
    .sql(
      Object.entries(eventColumns)
        .map(
          ([series, column]) =>
            `SELECT '${series}' AS series, ${column} AS day, count(*) AS count FROM ${factsTable}
             WHERE level >= ${levels.sent} AND ${column} BETWEEN ? AND ? GROUP BY ${column}`,
        )
        .join(' UNION ALL '),
    )
    .all(from, to, from, to, from, to) as (DayCount & { series: keyof typeof eventColumns })[];
  const result = { responses: [] as DayCount[], interviews: [] as DayCount[], offers: [] as DayCount[] };
  for (const row of rows) result[row.series].push({ day: row.day, count: row.count });
  return result;
}

/** Days for short ranges, weeks up to two years, months beyond. */
export function autoGranularity(from: string, to: string): TimelineGranularity {
  const span = daysBetween(from, to);
  if (span <= 62) return 'day';
  if (span <= 731) return 'week';
  return 'month';
}

const coarser: Record<TimelineGranularity, TimelineGranularity> = { day: 'week', week: 'month', month: 'month' };

/**
 * The requested step (or the automatic one), made coarser until the range holds at most `maxTimelinePeriods`
 * periods: days over ten years would be 3,650 points no chart can show, and memory the process should not spend.
 */
export function timelineGranularity(from: string, to: string, requested: TimelineGranularity | 'auto'): TimelineGranularity {
  let granularity = requested === 'auto' ? autoGranularity(from, to) : requested;
  while (granularity !== 'month' && periodCount(from, to, granularity) > maxTimelinePeriods) granularity = coarser[granularity];
  return granularity;
}

/**
 * The range the timeline shows: the requested one, else from the first application sent to today (or to the
 * last one, if a date lies in the future). Null when there is nothing to show. Days outside the plausible years
 * (a damaged or old database may hold 9999-12-31) count in the figures but never stretch the range: every series
 * stays bounded whatever the stored data.
 */
export function timelineRange(scope: StatisticsScope, sentPerDay: readonly DayCount[]): { from: string; to: string } | null {
  const plausible = sentPerDay.filter(({ day }) => isPlausibleDay(day));
  if (plausible.length === 0) return null;
  const first = plausible[0].day;
  const last = plausible[plausible.length - 1].day;
  const from = scope.from ?? (first < (scope.to ?? scope.today) ? first : (scope.to ?? scope.today));
  const to = scope.to ?? (last > scope.today ? last : scope.today);
  return { from, to: to < from ? from : to };
}

export function buildTimeline(
  range: { from: string; to: string } | null,
  requested: TimelineGranularity | 'auto',
  sentPerDay: readonly DayCount[],
  events: Record<Exclude<Series, 'applications'>, DayCount[]>,
): StatisticsTimeline {
  const empty = { applications: [], responses: [], interviews: [], offers: [] };
  if (!range) return { granularity: requested === 'auto' ? 'week' : requested, periods: [], series: empty, cumulative: empty, from: null, to: null };
  const granularity = timelineGranularity(range.from, range.to, requested);
  const periods = periodStarts(range.from, range.to, granularity);
  const index = new Map(periods.map((start, position) => [start, position]));
  const tally = (days: readonly DayCount[]) => {
    const counts = periods.map(() => 0);
    for (const { day, count } of days) {
      if (day < range.from || day > range.to) continue;
      counts[index.get(periodStart(day, granularity))!] += count;
    }
    return counts;
  };
  const series = {
    applications: tally(sentPerDay),
    responses: tally(events.responses),
    interviews: tally(events.interviews),
    offers: tally(events.offers),
  };
  const runningTotal = (counts: number[]) => {
    let sum = 0;
    return counts.map((count) => (sum += count));
  };
  const cumulative = {
    applications: runningTotal(series.applications),
    responses: runningTotal(series.responses),
    interviews: runningTotal(series.interviews),
    offers: runningTotal(series.offers),
  };
  return { granularity, periods, series, cumulative, from: range.from, to: range.to };
}
