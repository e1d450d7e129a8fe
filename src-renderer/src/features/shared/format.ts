import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../../ui/format';
import { dateFromKey, localDateKey } from './dates';

/**
 * What an agenda and a to-do list need on top of the shell's formatters (ui/format.ts, used for dates, numbers
 * and money): times of day, long day names, "tomorrow"/"in 3 days" for calendar dates, and the local day of an
 * instant. Same Intl locale as the shell's.
 */
export interface DayFormatters {
  locale: string;
  /** 14:30 */
  time(instant: string): string;
  /** Monday 24 November 2025 */
  longDay(day: string): string;
  /** "tomorrow", "in 3 days", "2 days ago": whole calendar days. */
  relativeDays(days: number): string;
  /** The calendar date an instant falls on here, formatted like other dates. */
  localDate(instant: string): string;
}

/** Built once per locale: each task row and interview card asks for these, and an Intl constructor is costly. */
const dayFormatsByLocale = new Map<string, { time: Intl.DateTimeFormat; longDay: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat }>();

function dayFormats(locale: string) {
  let formats = dayFormatsByLocale.get(locale);
  if (!formats) {
    formats = {
      time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
      longDay: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    dayFormatsByLocale.set(locale, formats);
  }
  return formats;
}

export function useDayFormat(): DayFormatters {
  const { i18n } = useTranslation();
  const base = useFormat();
  const language = i18n.language;
  return useMemo(() => {
    const locale = intlLocale[language] ?? language;
    const { time, longDay, relative } = dayFormats(locale);
    return {
      locale,
      time: (instant) => time.format(new Date(instant)),
      longDay: (day) => longDay.format(dateFromKey(day)),
      relativeDays: (days) => relative.format(days, 'day'),
      localDate: (instant) => base.date(localDateKey(new Date(instant))),
    };
  }, [language, base]);
}
