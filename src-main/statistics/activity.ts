import type { StatisticsActivity } from '../../src-shared/contract';
import type { DayCount } from './aggregates';
import { addDays, weekStart } from './days';

/** 53 whole weeks, Monday first, ending with the week of `to`: a year of calendar heatmap. */
export function activityRange(to: string): { from: string; to: string } {
  return { from: addDays(weekStart(to), -52 * 7), to };
}

export function buildActivity(sentPerDay: readonly DayCount[], to: string): StatisticsActivity {
  const range = activityRange(to);
  const days = sentPerDay.filter(({ day }) => day >= range.from && day <= range.to).map(({ day, count }) => ({ date: day, count }));
  return {
    ...range,
    days,
    total: days.reduce((sum, day) => sum + day.count, 0),
    max: days.reduce((max, day) => Math.max(max, day.count), 0),
  };
}
