import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stageCategories, type StageCategory, type StatisticsFunnel } from '../../../../../src-shared/contract';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { baseOption, type Palette } from './palette';

/** The flows of the search: from step to step, and to each outcome, as the histories went. */
export function SankeyChart({ funnel, palette, format }: { funnel: StatisticsFunnel; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const flows = funnel.flows;

  const option = useMemo<ChartOption>(() => {
    const used = stageCategories.filter((category) => flows.some((flow) => flow.from === category || flow.to === category));
    return {
      ...baseOption(palette),
      tooltip: {
        ...baseOption(palette).tooltip,
        trigger: 'item',
        formatter: (params: unknown) => {
          const { dataType, data } = params as { dataType: 'node' | 'edge'; data: { name?: string; source?: string; target?: string; value?: number } };
          if (dataType === 'edge') {
            return t('flows.tooltip', { from: format.category(data.source as StageCategory), to: format.category(data.target as StageCategory), count: data.value, value: format.number(data.value ?? 0) });
          }
          return format.category(data.name as StageCategory);
        },
      },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 96,
          top: 8,
          bottom: 8,
          nodeGap: 16,
          nodeWidth: 14,
          draggable: false,
          emphasis: { focus: 'adjacency' },
          // A backdrop keeps a label readable where it lies over the flows.
          label: {
            color: palette.text,
            backgroundColor: palette.surface,
            padding: [2, 4],
            borderRadius: 3,
            formatter: (params: unknown) => format.category((params as { name: string }).name as StageCategory),
          },
          lineStyle: { color: 'gradient', opacity: palette.dark ? 0.35 : 0.28, curveness: 0.5 },
          data: used.map((category) => ({ name: category, itemStyle: { color: palette.category[category], borderWidth: 0 } })),
          links: flows.map((flow) => ({ source: flow.from, target: flow.to, value: flow.count })),
        },
      ],
    };
  }, [flows, palette, format, t]);

  return (
    <ChartCard
      name="flows"
      title={t('flows.title')}
      summary={t('flows.summary', {
        flows: flows.map((flow) => t('flows.flow', { from: format.category(flow.from), to: format.category(flow.to), value: format.number(flow.count) })).join('; '),
      })}
      palette={palette}
      option={option}
      height={320}
      empty={flows.length === 0 ? t('empty.flows') : null}
      table={{
        columns: [t('flows.from'), t('flows.to'), t('flows.applications')],
        rows: flows.map((flow) => [format.category(flow.from), format.category(flow.to), flow.count]),
      }}
    />
  );
}
