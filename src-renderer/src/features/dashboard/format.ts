import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  builtInSources,
  type BreakdownDimension,
  type Rate,
  type StageCategory,
  type TimelineGranularity,
} from '../../../../src-shared/contract';
import { intlLocale, useFormat } from '../../ui/format';

/** Numbers, percentages, days, money, periods and the labels of values, in the interface language. */
export function useDashboardFormat() {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const base = useFormat();
  const language = i18n.language;
  return useMemo(() => {
    const locale = intlLocale[language] ?? language;
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
    const monthName = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const utc = (date: string) => new Date(`${date}T12:00:00Z`);
    const moneyFormats = new Map<string, Intl.NumberFormat>();
    const compactMoney = (amount: number, currency: string) => {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
        moneyFormats.set(currency, format);
      }
      return format.format(amount);
    };
    const sourceLabel = (source: string) =>
      (builtInSources as readonly string[]).includes(source) ? t(`common:source.${source}`) : source;

    return {
      locale,
      number: base.number,
      date: base.date,
      dateTime: base.dateTime,
      money: base.money,
      compactMoney,
      compact: (value: number) => compact.format(value),
      percent: (value: number) => percent.format(value),
      /** A rate as a percentage; "—" when there was nothing to divide by, as on the figure cards (never "0% (0/0)"). */
      rate: (rate: Rate) => (rate.denominator > 0 ? percent.format(rate.value) : '—'),
      /** "35 % (7/20)", or "—" when there was nothing to divide by. */
      rateWithCounts: (rate: Rate) =>
        rate.denominator > 0 ? `${percent.format(rate.value)} (${base.number(rate.numerator)}/${base.number(rate.denominator)})` : '—',
      decimal: (value: number) => decimal.format(value),
      days: (value: number) => t('dashboard:units.days', { count: Math.round(value * 10) / 10, value: decimal.format(value) }),
      /** The label of a period start on the time axis. */
      period(start: string, granularity: TimelineGranularity) {
        if (granularity === 'month') return month.format(utc(start));
        if (granularity === 'week') return t('dashboard:timeline.weekOf', { date: day.format(utc(start)) });
        return day.format(utc(start));
      },
      shortPeriod: (start: string, granularity: TimelineGranularity) => (granularity === 'month' ? month.format(utc(start)) : day.format(utc(start))),
      /** Narrow day names from Sunday (the order ECharts expects) and short month names, for the calendar heatmap. */
      weekdayNames: ['2024-01-07', '2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'].map((date) => weekday.format(utc(date))),
      monthNames: Array.from({ length: 12 }, (_, index) => monthName.format(utc(`2024-${String(index + 1).padStart(2, '0')}-15`))),
      category: (category: StageCategory) => t(`common:stageCategory.${category}`),
      /** The label of a breakdown value; null is "not specified". */
      value(dimension: BreakdownDimension, key: string | null, stage?: { name?: string | null; category?: StageCategory }) {
        if (key === null) return t('dashboard:notSpecified');
        if (dimension === 'stage') return stage?.name ?? t(`common:stageCategory.${stage?.category ?? 'applied'}`);
        if (dimension === 'employmentType') return t(`common:employmentType.${key}`);
        if (dimension === 'workMode') return t(`common:workMode.${key}`);
        if (dimension === 'source') return sourceLabel(key);
        return key;
      },
      salaryPeriod: (period: string | null) => (period ? t(`common:salaryPeriod.${period}`) : t('dashboard:salaries.noPeriod')),
    };
  }, [language, base, t]);
}

export type DashboardFormat = ReturnType<typeof useDashboardFormat>;
