import type { Database } from '../../db/connection';
import { addDays, addMonths } from '../days';
import { monthOf } from './skill-months';

/** Inclusive bounds of applied days, or of months (`YYYY-MM`). */
type Bounds = readonly [first: string, last: string];

const lastDayOf = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);

/**
 * The months a range holds whole (null when none), and its days in the months it holds in part (one range of days
 * in each such month, at most two).
 */
export function wholeMonthsOf(from: string | undefined, to: string | undefined): { whole: Bounds | null; partial: Bounds[] } {
  if (from !== undefined && to !== undefined && from > to) return { whole: null, partial: [] };
  const first = from === undefined ? '0000-00' : from.endsWith('-01') ? monthOf(from) : monthOf(addMonths(from, 1));
  const last = to === undefined ? '9999-99' : to === lastDayOf(monthOf(to)) ? monthOf(to) : monthOf(addMonths(to, -1));
  if (first > last) {
    // Both ends are set and within one month or two neighbouring ones.
    const [start, end] = [from!, to!];
    if (monthOf(start) === monthOf(end)) return { whole: null, partial: [[start, end]] };
    return { whole: null, partial: [[start, lastDayOf(monthOf(start))], [`${monthOf(end)}-01`, end]] };
  }
  const partial: Bounds[] = [];
  if (from !== undefined && monthOf(from) < first) partial.push([from, lastDayOf(monthOf(from))]);
  if (to !== undefined && monthOf(to) > last) partial.push([`${monthOf(to)}-01`, to]);
  return { whole: [first, last], partial };
}

/**
 * How a range is counted: the months summed from the counts, and days of facts added (1) or taken away (-1). A
 * month the range holds in part is counted from whichever has fewer facts: its days in the range, or the whole
 * month less its days outside it (six months back from today: the first month less its first days, and this month
 * less the days to come, which have none). `factsWithin` counts the facts of some days, roughly (the choice only).
 */
export function rangePlan(
  from: string | undefined,
  to: string | undefined,
  factsWithin: (days: Bounds) => number,
): { months: Bounds | null; facts: { days: Bounds; sign: 1 | -1 }[] } {
  const { whole, partial } = wholeMonthsOf(from, to);
  const months = whole ? [...whole] : [];
  const facts: { days: Bounds; sign: 1 | -1 }[] = [];
  for (const [start, end] of partial) {
    const month = monthOf(start);
    const [monthStart, monthEnd] = [`${month}-01`, lastDayOf(month)];
    const inside = factsWithin([start, end]);
    if (factsWithin([monthStart, monthEnd]) - inside < inside) {
      months.push(month);
      if (monthStart < start) facts.push({ days: [monthStart, addDays(start, -1)], sign: -1 });
      if (end < monthEnd) facts.push({ days: [addDays(end, 1), monthEnd], sign: -1 });
    } else {
      facts.push({ days: [start, end], sign: 1 });
    }
  }
  months.sort();
  return { months: months.length > 0 ? [months[0], months[months.length - 1]] : null, facts };
}

/** One `?` per value, for an `IN (…)` of the month tables' readers. */
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The months of a count table keyed (archived, month, …) present for these flags within [first, last], or of one
 * keyed (month, …) (`flags` null: the month cells, whose rows hold both flags' counts) present at all, as a JSON
 * list: found by one seek each, so that a reader can then seek each (month, source, kind) in the table's key. A
 * month the month cells list whose rows count only the other flag adds nothing to a reader's sums (it skips counts
 * of zero); testing the flag's count here would scan such a month's rows.
 */
export function monthsPresent(db: Database, table: string, flags: readonly number[] | null, [first, last]: Bounds): string {
  const ofFlags = flags ? `archived IN (${placeholders(flags)}) AND ` : '';
  const months = db
    .sql(
      `WITH RECURSIVE months(month) AS (
         SELECT min(month) FROM ${table} WHERE ${ofFlags}month >= ?
         UNION ALL
         SELECT (SELECT min(month) FROM ${table} WHERE ${ofFlags}month > months.month)
         FROM months WHERE months.month IS NOT NULL AND months.month < ?
       ) SELECT month FROM months WHERE month IS NOT NULL AND month <= ?`,
    )
    .pluck()
    .all(...(flags ?? []), first, ...(flags ?? []), last, last) as string[];
  return JSON.stringify(months);
}
