import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChannel } from '../../api/hooks';
import { newApplicationPath } from '../../shell/navigation';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/issues';
import { ActivityHeatmap } from './charts/ActivityHeatmap';
import { BreakdownChart } from './charts/BreakdownChart';
import { FunnelChart } from './charts/FunnelChart';
import { usePalette } from './charts/palette';
import { ChartPeriodContext } from './charts/period';
import { CompanyResponseChart, ResponseTimesChart } from './charts/ResponseTimesChart';
import { SalaryChart } from './charts/SalaryChart';
import { SankeyChart } from './charts/SankeyChart';
import { SkillsChart } from './charts/SkillsChart';
import { TimelineChart } from './charts/TimelineChart';
import { DashboardControls, type DashboardSettings } from './DashboardControls';
import { DashboardPartCard } from './DashboardPartCard';
import { useDashboardFormat } from './format';
import { OverviewCards } from './OverviewCards';
import { rangeError, rangeOf } from './range';
import './dashboard.css';

const settingsKey = 'candid.dashboard';

/**
 * Archived applications count by default: archiving tidies the lists, but the search they belong to happened, and
 * rates should not change because the user tidied up (docs/statistics.md).
 */
const defaultSettings: DashboardSettings = { range: { preset: 'all', from: '', to: '' }, includeArchived: true, granularity: 'auto' };

function rememberedSettings(): DashboardSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(settingsKey) ?? 'null') as Partial<DashboardSettings> | null;
    return saved ? { ...defaultSettings, ...saved, range: { ...defaultSettings.range, ...saved.range } } : defaultSettings;
  } catch {
    return defaultSettings;
  }
}

/** What works in the search: the figures, then one chart per question, all from one statistics call. */
export default function DashboardPage() {
  const { t } = useTranslation(['dashboard', 'common']);
  const navigate = useNavigate();
  const palette = usePalette();
  const format = useDashboardFormat();
  const [settings, setSettings] = useState(rememberedSettings);
  useEffect(() => localStorage.setItem(settingsKey, JSON.stringify(settings)), [settings]);

  const invalid = rangeError(settings.range) !== null;
  const input = useMemo(
    () => ({ ...rangeOf(settings.range), archived: settings.includeArchived ? ('all' as const) : false, granularity: settings.granularity }),
    [settings],
  );
  const statistics = useChannel('statistics.dashboard', input, { enabled: !invalid, placeholderData: keepPreviousData });
  // The period, in words and dates (all time: the days the timeline spans), for saved charts.
  const range = rangeOf(settings.range);
  const from = range.from ?? (range.to ? undefined : statistics.data?.timeline?.from ?? undefined);
  const to = range.to ?? (range.from ? undefined : statistics.data?.timeline?.to ?? undefined);
  const dates = from || to ? `${from ? format.date(from) : '…'} – ${to ? format.date(to) : '…'}` : '';
  const periodLabel = settings.range.preset === 'custom' ? dates : [t(`range.${settings.range.preset}`), dates].filter(Boolean).join(' · ');
  const data = statistics.data;
  const nothingAtAll = data?.overview?.total === 0 && settings.range.preset === 'all' && settings.includeArchived;

  return (
    <div className="page dash" aria-busy={statistics.isFetching}>
      <header className="page-header">
        <h1>
          {t('title')} <span className="page-subtitle">{t('subtitle')}</span>
        </h1>
        {!nothingAtAll && <DashboardControls value={settings} onChange={setSettings} />}
      </header>

      {statistics.isError && (
        <div className="notice notice-error" role="alert">
          {t('error', { reason: errorMessage(t, statistics.error) })}
          <Button size="sm" onClick={() => void statistics.refetch()}>
            {t('retry')}
          </Button>
        </div>
      )}

      {!data && !statistics.isError && (
        <div className="dash-loading" role="status">
          {t('common:loading')}
        </div>
      )}

      {nothingAtAll && (
        <EmptyState
          icon="dashboard"
          title={t('empty.title')}
          actions={
            <>
              <Button variant="primary" icon="plus" onClick={() => navigate(newApplicationPath)}>
                {t('empty.action')}
              </Button>
              <Button icon="upload" onClick={() => navigate('/import')}>
                {t('empty.import')}
              </Button>
            </>
          }
        >
          {t('empty.body')}
        </EmptyState>
      )}

      {data && !nothingAtAll && (
        <>
          {data.overview?.total === 0 && (
            <p className="notice" role="status">
              {t('empty.range')}
            </p>
          )}
          {/* Each statistic stands alone: one that failed, or fails to draw, shows its error in its own card. */}
          <ChartPeriodContext.Provider value={periodLabel}>
            <div className="dash-grid">
              <div className="dash-card-wide">
                <DashboardPartCard part="overview" value={data.overview} error={data.failed?.overview}>
                  {(overview) => <OverviewCards overview={overview} format={format} />}
                </DashboardPartCard>
              </div>
              <DashboardPartCard part="timeline" value={data.timeline} error={data.failed?.timeline}>
                {(timeline) => <TimelineChart timeline={timeline} palette={palette} format={format} />}
              </DashboardPartCard>
              <DashboardPartCard part="funnel" value={data.funnel} error={data.failed?.funnel}>
                {(funnel) => (
                  <>
                    <FunnelChart funnel={funnel} palette={palette} format={format} />
                    <SankeyChart funnel={funnel} palette={palette} format={format} />
                  </>
                )}
              </DashboardPartCard>
              <DashboardPartCard part="breakdowns" value={data.breakdowns} error={data.failed?.breakdowns}>
                {(breakdowns) => <BreakdownChart breakdowns={breakdowns} palette={palette} format={format} />}
              </DashboardPartCard>
              <DashboardPartCard part="responseTimes" value={data.responseTimes} error={data.failed?.responseTimes}>
                {(responseTimes) => (
                  <>
                    <ResponseTimesChart responseTimes={responseTimes} palette={palette} format={format} />
                    <CompanyResponseChart responseTimes={responseTimes} palette={palette} format={format} />
                  </>
                )}
              </DashboardPartCard>
              <DashboardPartCard part="salaries" value={data.salaries} error={data.failed?.salaries}>
                {(salaries) => <SalaryChart salaries={salaries} palette={palette} format={format} />}
              </DashboardPartCard>
              <DashboardPartCard part="skills" value={data.skills} error={data.failed?.skills}>
                {(skills) => <SkillsChart skills={skills} palette={palette} format={format} />}
              </DashboardPartCard>
              <DashboardPartCard part="activity" value={data.activity} error={data.failed?.activity}>
                {(activity) => <ActivityHeatmap activity={activity} palette={palette} format={format} />}
              </DashboardPartCard>
            </div>
          </ChartPeriodContext.Provider>
        </>
      )}
    </div>
  );
}
