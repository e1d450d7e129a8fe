import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsActivity } from '../../../../../src-shared/contract';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { baseOption, type Palette } from './palette';

/** A year of applications sent, one square per day, Monday first. */
export function ActivityHeatmap({ activity, palette, format }: { activity: StatisticsActivity; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');

  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(palette),
      tooltip: {
        ...baseOption(palette).tooltip,
        formatter: (params: unknown) => {
          const [date, count] = (params as { value: [string, number] }).value;
          return `${format.date(date)}<br/>${t('activity.tooltip', { count, value: format.number(count) })}`;
        },
      },
      visualMap: {
        show: false,
        min: 0,
        max: Math.max(1, activity.max),
        inRange: { color: [palette.accentSoft, palette.accent] },
      },
      calendar: {
        range: [activity.from, activity.to],
        top: 28,
        left: 40,
        right: 12,
        bottom: 8,
        cellSize: ['auto', 14],
        splitLine: { show: false },
        itemStyle: { color: palette.surface2, borderColor: palette.surface, borderWidth: 3 },
        dayLabel: { firstDay: 1, nameMap: format.weekdayNames, color: palette.muted, fontSize: 10 },
        monthLabel: { nameMap: format.monthNames, color: palette.muted, fontSize: 11 },
        yearLabel: { show: false },
      },
      series: [
        {
          type: 'heatmap',
          coordinateSystem: 'calendar',
          data: activity.days.map((day) => [day.date, day.count]),
        },
      ],
    }),
    [activity, palette, format, t],
  );

  const busiest = [...activity.days].sort((a, b) => b.count - a.count || a.date.localeCompare(b.date))[0];
  return (
    <ChartCard
      name="activity"
      wide
      title={t('activity.title')}
      height={170}
      summary={t('activity.summary', {
        count: activity.total,
        value: format.number(activity.total),
        days: format.number(activity.days.length),
        from: format.date(activity.from),
        to: format.date(activity.to),
        busiest: busiest ? t('activity.busiest', { date: format.date(busiest.date), value: format.number(busiest.count) }) : '',
      })}
      palette={palette}
      option={option}
      empty={activity.total === 0 ? t('empty.activity') : null}
      table={{ columns: [t('activity.day'), t('activity.applications')], rows: activity.days.map((day) => [format.date(day.date), day.count]) }}
    />
  );
}
