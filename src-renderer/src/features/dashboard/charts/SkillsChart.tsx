import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsSkills } from '../../../../../src-shared/contract';
import { Segmented } from '../../shared/Segmented';
import type { DashboardFormat } from '../format';
import { ChartCard } from './ChartCard';
import type { ChartOption } from './echarts';
import { escapeHtml } from './html';
import { axisStyle, type Palette } from './palette';
import { rowsOption } from './rowsOption';

/** The skills the market asks most, marked by whether the profile has them; the missing ones listed below. */
export function SkillsChart({ skills, palette, format }: { skills: StatisticsSkills; palette: Palette; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const [kind, setKind] = useState<'required' | 'preferred'>('required');
  const list = useMemo(() => skills[kind].slice(0, 15), [skills, kind]);

  const option = useMemo<ChartOption>(() => {
    const reversed = [...list].reverse();
    return {
      ...rowsOption(
        palette,
        reversed,
        (skill) =>
          `<strong>${escapeHtml(skill.skill)}</strong><br/>${t('skills.tooltip', { count: skill.count, value: format.number(skill.count) })}<br/>${t(skill.inProfile ? 'skills.inProfile' : 'skills.notInProfile')}`,
      ),
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: reversed.map((skill) => skill.skill), ...axisStyle(palette), axisLabel: { color: palette.text, width: 140, overflow: 'truncate' }, splitLine: { show: false } },
      xAxis: { type: 'value', minInterval: 1, ...axisStyle(palette) },
      series: [
        {
          type: 'bar',
          name: t('skills.applications'),
          barMaxWidth: 16,
          label: { show: true, position: 'right', color: palette.muted },
          data: reversed.map((skill) => ({
            value: skill.count,
            itemStyle: skill.inProfile
              ? { color: palette.success, borderRadius: [0, 3, 3, 0] }
              : { color: palette.surface2, borderColor: palette.warning, borderWidth: 1, borderType: 'dashed' as const, borderRadius: [0, 3, 3, 0] },
          })),
        },
      ],
    };
  }, [list, palette, format, t]);

  const missing = skills.missing.slice(0, 8);
  return (
    <ChartCard
      name={`skills-${kind}`}
      title={t('skills.title')}
      height={Math.max(200, 24 + list.length * 24)}
      summary={t('skills.summary', {
        kind: t(`skills.${kind}`),
        skills: list.slice(0, 5).map((skill) => `${skill.skill} (${format.number(skill.count)})`).join(', '),
        missing: skills.missing.slice(0, 5).map((skill) => skill.skill).join(', ') || '—',
      })}
      palette={palette}
      option={option}
      empty={list.length === 0 ? t('empty.skills') : null}
      controls={
        <Segmented
          label={t('skills.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'required', label: t('skills.required') },
            { value: 'preferred', label: t('skills.preferred') },
          ]}
        />
      }
      footer={
        <>
          <ul className="dash-legend" aria-label={t('skills.legend')}>
            <li>
              <span className="dash-swatch dash-swatch-have" aria-hidden="true" />
              {t('skills.inProfile')}
            </li>
            <li>
              <span className="dash-swatch dash-swatch-missing" aria-hidden="true" />
              {t('skills.notInProfile')}
            </li>
          </ul>
          {missing.length > 0 && (
            <div className="dash-missing">
              <span className="dash-missing-label">{t('skills.missing')}</span>
              <ul>
                {missing.map((skill) => (
                  <li key={skill.skill} className="dash-chip" title={t('skills.missingDetail', { required: skill.required, preferred: skill.preferred })}>
                    {skill.skill} <span className="numeric">{format.number(skill.required + skill.preferred)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      }
      table={{
        columns: [t('skills.skill'), t('skills.applications'), t('skills.profile')],
        rows: list.map((skill) => [skill.skill, skill.count, t(skill.inProfile ? 'skills.inProfile' : 'skills.notInProfile')]),
      }}
    />
  );
}
