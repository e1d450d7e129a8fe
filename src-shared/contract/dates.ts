import { z } from 'zod';

/**
 * THE bound on every date Candid accepts: forms, channels, imports, backups and sync all check it, so one typo
 * (31/12/9999, 0202) never reaches the database, where every statistic would have to span it.
 *
 * From 1970 — no job search tracked here predates it, and it is where many date libraries start — to ten years after
 * the current year, which leaves room for any deadline, planned interview or task due date a person could mean.
 * The upper end moves with the clock, so it is computed when a value is checked, never frozen at start-up.
 */
export const earliestPlausibleYear = 1970;
export const plausibleYearsAhead = 10;

/** The UTC year the clock is in, and the instants it spans: a check reads the clock without making a Date. */
let clockYear = { year: 0, from: 0, until: 0 };

function currentUtcYear(): number {
  const now = Date.now();
  // Both ends: the clock may be set back (and the tests move it).
  if (now < clockYear.from || now >= clockYear.until) {
    const year = new Date(now).getUTCFullYear();
    clockYear = { year, from: Date.UTC(year, 0, 1), until: Date.UTC(year + 1, 0, 1) };
  }
  return clockYear.year;
}

export function latestPlausibleYear(now?: Date): number {
  return (now ? now.getUTCFullYear() : currentUtcYear()) + plausibleYearsAhead;
}

/** The first and last plausible day, `YYYY-MM-DD`: the bounds statistics clamp their series to. */
export function plausibleDayRange(now?: Date): { first: string; last: string } {
  return { first: `${earliestPlausibleYear}-01-01`, last: `${latestPlausibleYear(now)}-12-31` };
}

/** Whether a `YYYY-MM-DD…` text (a date, or an ISO instant) lies in a plausible year. */
export function isPlausibleDay(value: string, now?: Date): boolean {
  const year = Number(value.slice(0, 4));
  return /^\d{4}-/.test(value) && year >= earliestPlausibleYear && year <= latestPlausibleYear(now);
}

/**
 * The message of a refused date. It names the bounds, so that the interface can say them in the user's language
 * (src-renderer/src/ui/issues.ts reads the two years back out of it).
 */
export function implausibleDateMessage(now?: Date): string {
  return `must be a date from ${earliestPlausibleYear} to ${latestPlausibleYear(now)}`;
}

const plausible = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((value, context) => {
    if (!isPlausibleDay(value)) context.addIssue({ code: 'custom', message: implausibleDateMessage(), input: value });
  });

const dayFormat = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a text names a day as Date reads it: a `YYYY-MM-DD` text without making a Date (an import checks
 * millions), any other by Date (the format's check has refused it; the issue this adds must stay the same).
 * test/contract/dates-calendar.test.ts compares both with Date's reading.
 */
export function isRealCalendarDay(value: string): boolean {
  if (!dayFormat.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

const realCalendarDate = z
  .string()
  .regex(dayFormat, 'must be a date YYYY-MM-DD')
  .refine(isRealCalendarDay, 'must be a real calendar date');

/** A calendar date, `YYYY-MM-DD`, checked to exist and to be plausible. */
export const calendarDate = plausible(realCalendarDate);

/** An instant, ISO 8601 with a zone, in a plausible year; stored normalised to UTC `...Z`. */
export const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .pipe(plausible(z.string()));

/** A stored day (JSON backups, sync): `YYYY-MM-DD` text in a plausible year, or null. */
export const storedDay = plausible(realCalendarDate).nullable();

/** A stored instant (JSON backups, sync): ISO 8601 text written by Candid, in a plausible year. */
export const storedInstant = plausible(
  z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value), 'must be an ISO 8601 date and time'),
);
