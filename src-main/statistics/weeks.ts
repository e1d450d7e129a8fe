import type { Weekday } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { profileRowId } from '../profile/handlers';
import type { DayCount } from './aggregates';
import { addDays } from './days';

/**
 * The user's weeks: they start on the locale's first day (Monday in France, Sunday in the United States) unless
 * Settings ▸ Automation says otherwise. The dashboard's weekly goal and streak and the weekly summary all count
 * through `weeklyProgress`, so they cannot disagree.
 */

/** The first day of the week holding `day`, for weeks starting on `firstWeekday` (1 = Monday … 7 = Sunday). */
export function weekStartOn(day: string, firstWeekday: Weekday): string {
  const isoWeekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1; // 1 = Monday … 7 = Sunday
  return addDays(day, -((isoWeekday - firstWeekday + 7) % 7));
}

/**
 * Regions whose week starts on Sunday or Saturday (CLDR's weekData), for engines without Intl.Locale's week
 * information; every other region starts on Monday.
 */
const sundayRegions = new Set(
  'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'.split(' '),
);
const saturdayRegions = new Set('AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

interface WeekInfo {
  firstDay: number;
}

/** Intl.Locale's week information: `getWeekInfo()` in recent engines, the `weekInfo` getter in older ones. */
function weekInfoOf(locale: Intl.Locale): WeekInfo | undefined {
  const withInfo = locale as Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };
  try {
    return typeof withInfo.getWeekInfo === 'function' ? withInfo.getWeekInfo() : withInfo.weekInfo;
  } catch {
    return undefined;
  }
}

/** The first day of the week of a BCP 47 locale (`fr-FR`, `en-US`, `en`…); Monday when nothing says otherwise. */
export function firstWeekdayOfLocale(tag: string | null | undefined, useIntl = true): Weekday {
  if (!tag) return 1;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return 1;
  }
  const firstDay = useIntl ? weekInfoOf(locale)?.firstDay : undefined;
  if (firstDay !== undefined && firstDay >= 1 && firstDay <= 7) return firstDay as Weekday;
  const region = locale.region ?? '';
  if (sundayRegions.has(region)) return 7;
  if (saturdayRegions.has(region)) return 6;
  return 1;
}

/**
 * The locale whose week applies: the language the user chose in Candid with the region of the system (a French
 * speaker in Canada keeps Canada's Sunday), else the system's locale.
 */
export function weekLocale(language: string | null, systemLocale: string): string {
  if (!language) return systemLocale;
  try {
    const region = new Intl.Locale(systemLocale).maximize().region;
    return region ? `${language}-${region}` : language;
  } catch {
    return language;
  }
}

export interface WeeklyProgress {
  firstWeekday: Weekday;
  currentStart: string;
  previousStart: string;
  /** Applications sent (by applied day) this week and the week before. */
  current: number;
  previous: number;
  goal: number | null;
  /** current / goal; 0 without a goal (it may exceed 1). */
  progress: number;
  /** Weeks in a row with at least `goal` sent; this week joins the streak once it meets the goal. */
  streakWeeks: number;
}

/** This week and the previous one, the goal and the streak, from applications sent per day. */
export function weeklyProgress(sentPerDay: readonly DayCount[], goal: number | null, today: string, firstWeekday: Weekday): WeeklyProgress {
  const perWeek = new Map<string, number>();
  for (const { day, count } of sentPerDay) {
    const start = weekStartOn(day, firstWeekday);
    perWeek.set(start, (perWeek.get(start) ?? 0) + count);
  }
  const currentStart = weekStartOn(today, firstWeekday);
  const previousStart = addDays(currentStart, -7);
  const current = perWeek.get(currentStart) ?? 0;
  return {
    firstWeekday,
    currentStart,
    previousStart,
    current,
    previous: perWeek.get(previousStart) ?? 0,
    goal,
    progress: goal ? current / goal : 0,
    streakWeeks: streakWeeks(perWeek, goal, currentStart),
  };
}

function streakWeeks(perWeek: ReadonlyMap<string, number>, goal: number | null, thisWeek: string): number {
  if (!goal || goal <= 0) return 0;
  let week = (perWeek.get(thisWeek) ?? 0) >= goal ? thisWeek : addDays(thisWeek, -7);
  let streak = 0;
  while ((perWeek.get(week) ?? 0) >= goal) {
    streak += 1;
    week = addDays(week, -7);
  }
  return streak;
}

/** The locale of this process: the system's (Electron's main process takes the application's). */
let processLocale: string | undefined;
export function systemLocale(): string {
  // Fixed when the process starts (ICU reads it once); a DateTimeFormat costs 0.1 to 0.2 ms, on every dashboard.
  return (processLocale ??= Intl.DateTimeFormat().resolvedOptions().locale);
}

/**
 * The first day of the user's week: Settings ▸ Automation's choice, else the locale's (the language chosen in
 * Candid, with the system's region).
 */
export function userFirstWeekday(db: Database): Weekday {
  const row = db
    .sql(
      `SELECT (SELECT first_weekday FROM automation_settings WHERE deleted_at IS NULL ORDER BY id LIMIT 1) AS chosen,
         (SELECT locale FROM profile WHERE id = ?) AS language`,
    )
    .get(profileRowId) as { chosen: number | null; language: string | null };
  if (row.chosen !== null && row.chosen >= 1 && row.chosen <= 7) return row.chosen as Weekday;
  return firstWeekdayOfLocale(weekLocale(row.language, systemLocale()));
}
