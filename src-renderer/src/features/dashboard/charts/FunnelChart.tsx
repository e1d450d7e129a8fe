import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsFunnel } from '../../../../../src-shared/contract';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { baseOption, type Palette } from './palette';

/** How many sent applications reached each step (or a later one), and the share kept from the step before. */
export function FunnelChart({ funnel, palette, format }: { funnel: StatisticsFunnel; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const sent = funnel.steps[0]?.count ?? 0;

  const option = useMemo<ChartOption>(() => {
    const steps = funnel.steps;
    return {
      ...baseOption(palette),
      tooltip: {
        ...baseOption(palette).tooltip,
        trigger: 'item',
        formatter: (params: unknown) => {
          const step = steps[(params as { dataIndex: number }).dataIndex];
          return t('funnel.tooltip', {
            step: format.category(step.category),
            count: step.count,
            value: format.number(step.count),
            ofPrevious: format.rate(step.fromPrevious),
            ofSent: format.rate(step.fromSent),
          });
        },
      },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 12,
          width: '56%',
          top: 8,
          bottom: 8,
          min: 0,
          max: Math.max(1, steps[0]?.count ?? 1),
          minSize: '14%',
          gap: 3,
          // Labels beside the funnel: the narrow steps at the bottom have no room inside.
          label: {
            position: 'right',
            color: palette.text,
            formatter: (params: unknown) => {
              const step = steps[(params as { dataIndex: number }).dataIndex];
              return `{name|${format.category(step.category)}}  {value|${format.number(step.count)}}  {share|${format.rate(step.fromSent)}}`;
            },
            rich: {
              name: { color: palette.text, fontWeight: 600 },
              value: { color: palette.text },
              share: { color: palette.muted },
            },
          },
          labelLine: { length: 12, lineStyle: { color: palette.border } },
          itemStyle: { borderColor: palette.surface, borderWidth: 1 },
          data: steps.map((step) => ({ name: format.category(step.category), value: step.count, itemStyle: { color: palette.category[step.category] } })),
        },
      ],
    };
  }, [funnel, palette, format, t]);

  return (
    <ChartCard
      name="funnel"
      title={t('funnel.title')}
      summary={t('funnel.summary', {
        steps: funnel.steps.map((step) => `${format.category(step.category)} ${format.number(step.count)} (${format.rate(step.fromSent)})`).join(', '),
      })}
      palette={palette}
      option={option}
      height={320}
      empty={sent === 0 ? t('empty.chart') : null}
      table={{
        columns: [t('funnel.step'), t('funnel.applications'), t('funnel.ofPrevious'), t('funnel.ofSent')],
        rows: funnel.steps.map((step) => [format.category(step.category), step.count, format.rate(step.fromPrevious), format.rate(step.fromSent)]),
      }}
    />
  );
}
