import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseTimeBucket, StatisticsResponseTimes } from '../../../../../src-shared/contract';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { escapeHtml } from './html';
import { axisStyle, baseOption, type Palette } from './palette';
import { rowsOption } from './rowsOption';

function bucketLabel(bucket: ResponseTimeBucket, t: (key: string, options?: Record<string, unknown>) => string): string {
  return bucket.maxDays === null ? t('responseTimes.bucketOpen', { min: bucket.minDays }) : t('responseTimes.bucket', { min: bucket.minDays, max: bucket.maxDays });
}

/** How long companies take to answer: how many answers came within each span of days. */
export function ResponseTimesChart({ responseTimes, palette, format }: { responseTimes: StatisticsResponseTimes; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const { distribution, summary } = responseTimes;

  const option = useMemo<ChartOption>(
    () => ({
      ...baseOption(palette),
      tooltip: { ...baseOption(palette).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: distribution.map((bucket) => bucketLabel(bucket, t)),
        ...axisStyle(palette),
        axisLabel: { color: palette.muted, interval: 0, fontSize: 11 },
        splitLine: { show: false },
      },
      yAxis: { type: 'value', minInterval: 1, ...axisStyle(palette) },
      series: [
        {
          type: 'bar',
          name: t('responseTimes.answers'),
          data: distribution.map((bucket) => bucket.count),
          barMaxWidth: 40,
          itemStyle: { color: palette.category.screening, borderRadius: [3, 3, 0, 0] },
        },
      ],
    }),
    [distribution, palette, t],
  );

  return (
    <ChartCard
      name="response-times"
      title={t('responseTimes.title')}
      summary={t('responseTimes.summary', { count: summary.count, value: format.number(summary.count), median: format.days(summary.median), mean: format.days(summary.mean) })}
      palette={palette}
      option={option}
      empty={summary.count === 0 ? t('empty.responses') : null}
      table={{
        columns: [t('responseTimes.delay'), t('responseTimes.answers')],
        rows: distribution.map((bucket) => [bucketLabel(bucket, t), bucket.count]),
      }}
    />
  );
}

/** The companies that answered most, by their median delay. */
export function CompanyResponseChart({ responseTimes, palette, format }: { responseTimes: StatisticsResponseTimes; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const companies = responseTimes.companies;

  const option = useMemo<ChartOption>(() => {
    const reversed = [...companies].reverse();
    return {
      ...rowsOption(palette, reversed, (company) =>
        [
          `<strong>${escapeHtml(company.companyName)}</strong>`,
          t('responseTimes.companyTooltip', {
            median: format.days(company.median),
            mean: format.days(company.mean),
            answered: format.number(company.count),
            applications: format.number(company.applications),
          }),
        ].join('<br/>'),
      ),
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: reversed.map((company) => company.companyName), ...axisStyle(palette), axisLabel: { color: palette.text, width: 140, overflow: 'truncate' }, splitLine: { show: false } },
      xAxis: { type: 'value', ...axisStyle(palette), axisLabel: { color: palette.muted, formatter: (value: number) => format.decimal(value) } },
      series: [
        {
          type: 'bar',
          name: t('responseTimes.median'),
          data: reversed.map((company) => company.median),
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: palette.muted, formatter: (params: unknown) => format.days((params as { value: number }).value) },
          itemStyle: { color: palette.category.interviewing, borderRadius: [0, 3, 3, 0] },
        },
      ],
    };
  }, [companies, palette, format, t]);

  const fastest = [...companies].sort((a, b) => a.median - b.median)[0];
  return (
    <ChartCard
      name="company-response-times"
      title={t('responseTimes.companiesTitle')}
      height={Math.max(200, 40 + companies.length * 26)}
      summary={
        fastest
          ? t('responseTimes.companiesSummary', { count: companies.length, fastest: fastest.companyName, median: format.days(fastest.median) })
          : t('empty.responses')
      }
      palette={palette}
      option={option}
      empty={companies.length === 0 ? t('empty.responses') : null}
      table={{
        columns: [t('responseTimes.company'), t('responseTimes.median'), t('responseTimes.mean'), t('responseTimes.answered'), t('responseTimes.applications')],
        rows: companies.map((company) => [company.companyName, format.days(company.median), format.days(company.mean), company.count, company.applications]),
      }}
    />
  );
}
