import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalaryPeriod } from '../../../src-shared/contract';

/** Intl locale of each language of the app. */
export const intlLocale: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };

export interface Formatters {
  /** A calendar date `YYYY-MM-DD` (no time zone: shown as written). */
  date(value: string | null | undefined): string;
  /** An instant, in the user's time zone. */
  dateTime(value: string | null | undefined): string;
  number(value: number): string;
  money(amount: number, currency: string): string;
  /** "45 000 – 55 000 € per year", or "" when there is no amount. */
  salary(range: { salaryMin: number | null; salaryMax: number | null; salaryCurrency: string | null; salaryPeriod: SalaryPeriod | null }): string;
  /** "3 days ago", "in 2 hours". */
  relative(value: string): string;
  /** A calendar date `YYYY-MM-DD` against today's date where the user is: "today", "yesterday", "3 days ago". */
  relativeDay(value: string, now?: Date): string;
}

/** The Intl objects of one locale. Built once per locale: a constructor costs far more than a call, and every
 * card and row asks for formatters (a board of a thousand cards spent half a second building them). */
interface LocaleFormats {
  dateFormat: Intl.DateTimeFormat;
  dateTimeFormat: Intl.DateTimeFormat;
  numberFormat: Intl.NumberFormat;
  relativeFormat: Intl.RelativeTimeFormat;
  moneyFormats: Map<string, Intl.NumberFormat>;
}

const formatsByLocale = new Map<string, LocaleFormats>();

function localeFormats(locale: string): LocaleFormats {
  let formats = formatsByLocale.get(locale);
  if (!formats) {
    formats = {
      dateFormat: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      dateTimeFormat: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
      numberFormat: new Intl.NumberFormat(locale),
      relativeFormat: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      moneyFormats: new Map(),
    };
    formatsByLocale.set(locale, formats);
  }
  return formats;
}

export function createFormatters(language: string, periodLabel: (period: SalaryPeriod) => string): Formatters {
  const locale = intlLocale[language] ?? language;
  const { dateFormat, dateTimeFormat, numberFormat, relativeFormat, moneyFormats } = localeFormats(locale);
  const money = (amount: number, currency: string) => {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
      moneyFormats.set(currency, format);
    }
    return format.format(amount);
  };
  return {
    date: (value) => (value ? dateFormat.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)) : ''),
    dateTime: (value) => (value ? dateTimeFormat.format(new Date(value)) : ''),
    number: (value) => numberFormat.format(value),
    money,
    salary({ salaryMin, salaryMax, salaryCurrency, salaryPeriod }) {
      if (salaryMin == null && salaryMax == null) return '';
      const show = (amount: number) => (salaryCurrency ? money(amount, salaryCurrency) : numberFormat.format(amount));
      const range =
        salaryMin != null && salaryMax != null && salaryMin !== salaryMax
          ? `${show(salaryMin)} – ${show(salaryMax)}`
          : show((salaryMin ?? salaryMax)!);
      return salaryPeriod ? `${range} ${periodLabel(salaryPeriod)}` : range;
    },
    relative(value) {
      const seconds = (new Date(value).getTime() - Date.now()) / 1000;
      const units: [Intl.RelativeTimeFormatUnit, number][] = [
        ['year', 31_536_000],
        ['month', 2_592_000],
        ['week', 604_800],
        ['day', 86_400],
        ['hour', 3600],
        ['minute', 60],
      ];
      for (const [unit, size] of units) {
        // Whole units only, rounded toward zero: 20 months ago is "last year", not "2 years ago".
        if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
      }
      return relativeFormat.format(0, 'minute');
    },
    relativeDay(value, now = new Date()) {
      // Whole calendar days, not elapsed time: yesterday is "yesterday" at 2 a.m. as at 11 p.m.
      const [year, month, day] = value.slice(0, 10).split('-').map(Number);
      const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
      const days = Math.round((Date.UTC(year, month - 1, day) - today) / 86_400_000);
      const size = Math.abs(days);
      if (size < 7) return relativeFormat.format(days, 'day');
      if (size < 30) return relativeFormat.format(Math.trunc(days / 7), 'week');
      if (size < 365) return relativeFormat.format(Math.trunc(days / 30), 'month');
      return relativeFormat.format(Math.trunc(days / 365), 'year');
    },
  };
}

/** Formatters for the current language; recreated when the language changes. */
export function useFormat(): Formatters {
  const { t, i18n } = useTranslation('common');
  return useMemo(() => createFormatters(i18n.language, (period) => t(`salaryPeriod.${period}`)), [i18n.language, t]);
}
