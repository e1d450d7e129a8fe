import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalaryStatistic, StatisticsSalaries } from '../../../../../src-shared/contract';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { escapeHtml } from './html';
import { axisStyle, type Palette } from './palette';
import { rowsOption } from './rowsOption';

/** Amounts compare only within one currency and period: the chart shows one such unit at a time. */
const unitOf = (group: SalaryStatistic) => `${group.currency}|${group.period ?? ''}`;

/** Salary ranges asked, per employment type: from the lowest to the highest amount, with median and mean. */
export function SalaryChart({ salaries, palette, format }: { salaries: StatisticsSalaries; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const units = useMemo(() => [...new Set(salaries.groups.map(unitOf))], [salaries]);
  const [chosen, setChosen] = useState<string | null>(null);
  const unit = chosen && units.includes(chosen) ? chosen : units[0];
  const groups = useMemo(() => salaries.groups.filter((group) => unitOf(group) === unit), [salaries, unit]);
  const currency = groups[0]?.currency ?? 'EUR';
  const typeLabel = (group: SalaryStatistic) => (group.employmentType ? t(`common:employmentType.${group.employmentType}`) : t('notSpecified'));
  const unitLabel = (value: string) => {
    const [code, period] = value.split('|');
    return `${code} ${format.salaryPeriod(period || null)}`;
  };

  const option = useMemo<ChartOption>(() => {
    const reversed = [...groups].reverse();
    const label = (group: SalaryStatistic) => (group.employmentType ? t(`common:employmentType.${group.employmentType}`) : t('notSpecified'));
    return {
      ...rowsOption(palette, reversed, (group) =>
        [
          `<strong>${escapeHtml(label(group))}</strong>`,
          t('salaries.tooltip', {
            count: group.count,
            value: format.number(group.count),
            min: format.money(group.min, group.currency),
            max: format.money(group.max, group.currency),
            median: format.money(group.median, group.currency),
            mean: format.money(group.mean, group.currency),
          }),
        ].join('<br/>'),
      ),
      legend: { top: 0, data: [t('salaries.range'), t('salaries.median'), t('salaries.mean')], textStyle: { color: palette.muted }, itemWidth: 12, itemHeight: 8 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: reversed.map(label), ...axisStyle(palette), axisLabel: { color: palette.text }, splitLine: { show: false } },
      xAxis: { type: 'value', scale: true, ...axisStyle(palette), axisLabel: { color: palette.muted, formatter: (value: number) => format.compactMoney(value, currency) } },
      series: [
        // An invisible bar up to the minimum, then the visible range from minimum to maximum.
        { type: 'bar', stack: 'range', silent: true, data: reversed.map((group) => group.min), itemStyle: { color: 'transparent' }, barMaxWidth: 18 },
        {
          type: 'bar',
          stack: 'range',
          name: t('salaries.range'),
          data: reversed.map((group) => group.max - group.min),
          barMaxWidth: 18,
          itemStyle: { color: palette.accentSoft, borderColor: palette.accent, borderWidth: 1, borderRadius: 3 },
        },
        { type: 'scatter', name: t('salaries.median'), symbol: 'diamond', symbolSize: 12, data: reversed.map((group) => group.median), itemStyle: { color: palette.accent } },
        { type: 'scatter', name: t('salaries.mean'), symbolSize: 8, data: reversed.map((group) => group.mean), itemStyle: { color: palette.category.offer } },
      ],
    };
  }, [groups, currency, palette, format, t]);

  return (
    <ChartCard
      name="salaries"
      title={t('salaries.title')}
      height={Math.max(200, 70 + groups.length * 36)}
      summary={t('salaries.summary', {
        unit: unit ? unitLabel(unit) : '',
        groups: groups.map((group) => `${typeLabel(group)}: ${format.money(group.median, group.currency)}`).join(', '),
      })}
      palette={palette}
      option={option}
      empty={groups.length === 0 ? t('empty.salaries') : null}
      controls={
        units.length > 1 ? (
          <label className="dash-select">
            <span className="sr-only">{t('salaries.unit')}</span>
            <select className="select select-sm" value={unit} onChange={(event) => setChosen(event.target.value)}>
              {units.map((value) => (
                <option key={value} value={value}>
                  {unitLabel(value)}
                </option>
              ))}
            </select>
          </label>
        ) : null
      }
      footer={salaries.withoutCurrency > 0 ? <p className="dash-card-note">{t('salaries.withoutCurrency', { count: salaries.withoutCurrency })}</p> : null}
      table={{
        columns: [t('salaries.type'), t('salaries.count'), t('salaries.min'), t('salaries.median'), t('salaries.mean'), t('salaries.max')],
        rows: groups.map((group) => [
          typeLabel(group),
          group.count,
          format.money(group.min, group.currency),
          format.money(group.median, group.currency),
          format.money(group.mean, group.currency),
          format.money(group.max, group.currency),
        ]),
      }}
    />
  );
}
