import { addDays, localToday } from '../statistics/days';

/**
 * Wall-clock times of the user's day. Reminders of dates (a task due on a day, a posting deadline, the weekly
 * summary) are shown at a set hour of the local day, in the time zone of this process, which is the user's on the
 * desktop; daylight-saving changes move the instant, not the hour.
 */

export const hourMs = 60 * 60 * 1000;
export const dayMs = 24 * hourMs;

/** When reminders of a day appear: the morning of that day. */
export const morning = '09:00';

/** The local calendar day of an instant. */
export function localDay(ms: number): string {
  return localToday(new Date(ms));
}

/** The instant of a local time (`HH:MM`) on a calendar day; in a daylight-saving gap, the first valid minute after. */
export function atLocalTime(day: string, time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hours, minutes).getTime();
}

/** The start of the local day after `day`: where "the whole of that day" ends. */
export function endOfLocalDay(day: string): number {
  return atLocalTime(addDays(day, 1), '00:00');
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
}

/** Whether `ms` falls within quiet hours (which may span midnight: 22:00 to 08:00). */
export function isQuiet(ms: number, quiet: QuietHours): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const date = new Date(ms);
  const minute = date.getHours() * 60 + date.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet hours around `ms` end (`ms` itself when it is not in them). */
export function quietEnd(ms: number, quiet: QuietHours): number {
  if (!isQuiet(ms, quiet)) return ms;
  const today = localDay(ms);
  const endToday = atLocalTime(today, quiet.end);
  return endToday > ms ? endToday : atLocalTime(addDays(today, 1), quiet.end);
}
