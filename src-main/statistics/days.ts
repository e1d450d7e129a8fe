/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Dates carry no time zone, so they are computed at UTC midnight
 * where no daylight-saving shift can move them.
 */

const msPerDay = 86_400_000;

const parse = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const format = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, count: number): string {
  return format(parse(day) + count * msPerDay);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / msPerDay);
}

/** The Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(parse(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: string, count: number): string {
  const date = new Date(parse(monthStart(day)));
  date.setUTCMonth(date.getUTCMonth() + count);
  return format(date.getTime());
}

/** Today in the time zone of this process (the user's, on the desktop). */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type Period = 'day' | 'week' | 'month';

export function periodStart(day: string, period: Period): string {
  if (period === 'week') return weekStart(day);
  if (period === 'month') return monthStart(day);
  return day;
}

export function nextPeriod(start: string, period: Period): string {
  if (period === 'week') return addDays(start, 7);
  if (period === 'month') return addMonths(start, 1);
  return addDays(start, 1);
}

/** How many periods hold the days `from` to `to`. */
export function periodCount(from: string, to: string, period: Period): number {
  if (period === 'day') return daysBetween(from, to) + 1;
  if (period === 'week') return daysBetween(weekStart(from), weekStart(to)) / 7 + 1;
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** The first day of every period from the one holding `from` to the one holding `to` (years 0 to 9999). */
export function periodStarts(from: string, to: string, period: Period): string[] {
  const starts: string[] = [];
  const last = periodStart(to, period);
  // Past year 9999 a date formats as +010000-…, which sorts before every date: stop there rather than loop for ever.
  const inFourDigitYears = (day: string) => /^\d{4}-/.test(day);
  for (let start = periodStart(from, period); start <= last && inFourDigitYears(start); start = nextPeriod(start, period)) starts.push(start);
  return starts;
}
