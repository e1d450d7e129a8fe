/**
 * Calendar arithmetic in the user's time zone. The database stores instants in UTC and calendar dates as
 * `YYYY-MM-DD`; "today", day groups and `<input type="datetime-local">` values are all local, so they are built
 * from local components, never from toISOString() (which would shift the day near midnight).
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD` of a moment, in local time. */
export function localDateKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function todayKey(now = new Date()): string {
  return localDateKey(now);
}

/** Local midnight of a calendar date. */
export function dateFromKey(key: string): Date {
  const [year, month, day] = key.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export function addDays(key: string, days: number): string {
  const date = dateFromKey(key);
  date.setDate(date.getDate() + days);
  return localDateKey(date);
}

/** Whole days from `from` to `to` (calendar dates), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateFromKey(to).getTime() - dateFromKey(from).getTime()) / 86_400_000);
}

/** An ISO instant as the value of a datetime-local input (local wall-clock time, minutes precision). */
export function toDateTimeLocal(iso: string): string {
  const date = new Date(iso);
  return `${localDateKey(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO instant; empty or malformed input gives ''. */
export function fromDateTimeLocal(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** Start of the local day of `date`, as an ISO instant (for `from`/`to` filters on instants). */
export function startOfLocalDayIso(date = new Date()): string {
  return dateFromKey(localDateKey(date)).toISOString();
}
