import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsTimeline } from '../../../../../src-shared/contract';
import { Segmented } from '../../shared/Segmented';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { axisStyle, baseOption, type Palette } from './palette';

const seriesKeys = ['applications', 'responses', 'interviews', 'offers'] as const;

/** Applications, answers, interviews and offers per period, or their running totals. */
export function TimelineChart({ timeline, palette, format }: { timeline: StatisticsTimeline; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const [mode, setMode] = useState<'series' | 'cumulative'>('series');

  const option = useMemo<ChartOption>(() => {
    const colours = { applications: palette.category.applied, responses: palette.category.screening, interviews: palette.category.interviewing, offers: palette.category.offer };
    const labels = timeline.periods.map((start) => format.shortPeriod(start, timeline.granularity));
    const values = timeline[mode];
    return {
      ...baseOption(palette),
      tooltip: { ...baseOption(palette).tooltip, trigger: 'axis' },
      legend: { top: 0, textStyle: { color: palette.muted }, icon: 'roundRect', itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, boundaryGap: mode === 'series', ...axisStyle(palette), splitLine: { show: false } },
      yAxis: { type: 'value', minInterval: 1, ...axisStyle(palette) },
      series: seriesKeys.map((key) =>
        key === 'applications' && mode === 'series'
          ? { type: 'bar', name: t(`timeline.series.${key}`), data: values[key], itemStyle: { color: colours[key], borderRadius: [3, 3, 0, 0] }, barMaxWidth: 28 }
          : {
              type: 'line',
              name: t(`timeline.series.${key}`),
              data: values[key],
              // Straight segments: a smoothed curve over daily counts draws waves that never happened.
              smooth: false,
              symbolSize: 5,
              showSymbol: labels.length < 40,
              lineStyle: { width: 2, color: colours[key] },
              itemStyle: { color: colours[key] },
              areaStyle: mode === 'cumulative' && key === 'applications' ? { color: colours[key], opacity: 0.12 } : undefined,
            },
      ),
    };
  }, [palette, timeline, mode, format, t]);

  const total = (key: (typeof seriesKeys)[number]) => timeline.series[key].reduce((sum, value) => sum + value, 0);
  // Each count with its own plural: one sentence's several numbers cannot share one plural form.
  const counted = (key: 'periods' | (typeof seriesKeys)[number], count: number) => t(`timeline.counts.${key}`, { count, value: format.number(count) });
  const summary = t('timeline.summary', {
    periods: counted('periods', timeline.periods.length),
    from: timeline.from ? format.date(timeline.from) : '',
    to: timeline.to ? format.date(timeline.to) : '',
    applications: counted('applications', total('applications')),
    responses: counted('responses', total('responses')),
    interviews: counted('interviews', total('interviews')),
    offers: counted('offers', total('offers')),
  });

  return (
    <ChartCard
      name="timeline"
      wide
      title={t('timeline.title')}
      summary={summary}
      palette={palette}
      option={option}
      empty={timeline.periods.length === 0 ? t('empty.chart') : null}
      controls={
        <Segmented
          label={t('timeline.mode')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'series', label: t('timeline.perPeriod') },
            { value: 'cumulative', label: t('timeline.cumulative') },
          ]}
        />
      }
      table={{
        columns: [t('timeline.period'), ...seriesKeys.map((key) => t(`timeline.series.${key}`))],
        rows: timeline.periods.map((start, index) => [format.period(start, timeline.granularity), ...seriesKeys.map((key) => timeline[mode][key][index])]),
      }}
    />
  );
}
