import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breakdownDimensions, type BreakdownDimension, type StatisticsBreakdowns } from '../../../../../src-shared/contract';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import { escapeHtml } from './html';
import type { ChartOption } from './echarts';
import { axisStyle, type Palette } from './palette';
import { rowsOption } from './rowsOption';

const rateKeys = ['responseRate', 'interviewRate', 'offerRate'] as const;

/**
 * What works: for each value of a dimension (source, stage, type…), how many applications (bars, bottom axis)
 * and how often they got an answer, an interview, an offer (dots, top axis in %).
 */
export function BreakdownChart({ breakdowns, palette, format }: { breakdowns: StatisticsBreakdowns; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const [dimension, setDimension] = useState<BreakdownDimension>('source');
  const breakdown = breakdowns[dimension];
  const rows = useMemo(
    () => [
      ...breakdown.buckets.map((bucket) => ({ ...bucket, label: format.value(dimension, bucket.key, bucket) })),
      ...(breakdown.others ? [{ ...breakdown.others, label: t('others', { count: breakdown.others.values, value: format.number(breakdown.others.values) }) }] : []),
    ],
    [breakdown, dimension, format, t],
  );

  const option = useMemo<ChartOption>(() => {
    const colours = { responseRate: palette.category.screening, interviewRate: palette.category.interviewing, offerRate: palette.category.offer };
    const reversed = [...rows].reverse(); // the largest on top
    // Both axes in five steps, so the grid lines of the counts fall on 0 %, 20 % … 100 %.
    const step = Math.max(1, Math.ceil(Math.max(0, ...rows.map((row) => row.count)) / 5));
    return {
      ...rowsOption(palette, reversed, (row) =>
        [
          `<strong>${escapeHtml(row.label)}</strong>`,
          t('breakdowns.tooltipCount', { count: row.count, value: format.number(row.count), sent: format.number(row.sent) }),
          ...rateKeys.map((key) => `${t(`breakdowns.${key}`)}: ${format.rateWithCounts(row[key])}`),
        ].join('<br/>'),
      ),
      legend: { top: 0, textStyle: { color: palette.muted }, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 24, top: 52, bottom: 8, containLabel: true },
      yAxis: {
        type: 'category',
        data: reversed.map((row) => truncate(row.label, 26)),
        ...axisStyle(palette),
        axisLabel: { color: palette.text },
        splitLine: { show: false },
      },
      xAxis: [
        { type: 'value', min: 0, max: step * 5, interval: step, position: 'bottom', ...axisStyle(palette) },
        {
          type: 'value',
          min: 0,
          max: 1,
          interval: 0.2,
          position: 'top',
          ...axisStyle(palette),
          splitLine: { show: false },
          axisLabel: { color: palette.muted, formatter: (value: number) => format.percent(value) },
        },
      ],
      series: [
        {
          type: 'bar',
          name: t('breakdowns.applications'),
          xAxisIndex: 0,
          data: reversed.map((row) => row.count),
          barMaxWidth: 18,
          itemStyle: { color: palette.accentSoft, borderColor: palette.accent, borderWidth: 1, borderRadius: [0, 3, 3, 0] },
        },
        ...rateKeys.map((key) => ({
          type: 'scatter' as const,
          name: t(`breakdowns.${key}`),
          xAxisIndex: 1,
          symbolSize: 9,
          data: reversed.map((row) => (row.sent > 0 ? row[key].value : null)),
          itemStyle: { color: colours[key], borderColor: palette.surface, borderWidth: 1 },
        })),
      ],
    };
  }, [rows, palette, format, t]);

  const best = rows.filter((row) => row.sent >= 3).sort((a, b) => b.responseRate.value - a.responseRate.value)[0];
  return (
    <ChartCard
      name={`breakdown-${dimension}`}
      wide
      title={t('breakdowns.title')}
      height={Math.max(220, 80 + rows.length * 28)}
      summary={
        best
          ? t('breakdowns.summary', { dimension: t(`breakdowns.dimension.${dimension}`), count: rows.length, best: best.label, rate: format.percent(best.responseRate.value) })
          : t('breakdowns.summaryPlain', { dimension: t(`breakdowns.dimension.${dimension}`), count: rows.length })
      }
      palette={palette}
      option={option}
      empty={rows.length === 0 ? t('empty.chart') : null}
      controls={
        <label className="dash-select">
          <span className="sr-only">{t('breakdowns.by')}</span>
          <select className="select select-sm" value={dimension} onChange={(event) => setDimension(event.target.value as BreakdownDimension)}>
            {breakdownDimensions.map((value) => (
              <option key={value} value={value}>
                {t('breakdowns.byDimension', { dimension: t(`breakdowns.dimension.${value}`) })}
              </option>
            ))}
          </select>
        </label>
      }
      table={{
        columns: [t(`breakdowns.dimension.${dimension}`), t('breakdowns.applications'), t('breakdowns.sent'), ...rateKeys.map((key) => t(`breakdowns.${key}`))],
        rows: rows.map((row) => [row.label, row.count, row.sent, ...rateKeys.map((key) => format.rateWithCounts(row[key]))]),
      }}
    />
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

