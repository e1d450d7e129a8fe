import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weeklySummaryRoute, type PeriodComparison, type Rate, type StatisticsOverview } from '../../../../src-shared/contract';
import type { DashboardFormat } from './format';

function Card({ label, value, detail, children, tone }: { label: string; value: ReactNode; detail?: ReactNode; children?: ReactNode; tone?: 'good' | 'warn' }) {
  return (
    <div className="dash-kpi" data-tone={tone}>
      <div className="dash-kpi-label">{label}</div>
      <div className="dash-kpi-value numeric">{value}</div>
      {detail && <div className="dash-kpi-detail">{detail}</div>}
      {children}
    </div>
  );
}

/** "+3 vs last week", coloured by direction, with the sign spelt out for screen readers by the text itself. */
function Trend({ comparison, unit, format }: { comparison: PeriodComparison; unit: 'week' | 'month'; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const change = comparison.current - comparison.previous;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return (
    <span className="dash-trend" data-direction={direction}>
      {t(`overview.trend.${unit}.${direction}`, { count: Math.abs(change), value: format.number(Math.abs(change)), previous: format.number(comparison.previous) })}
    </span>
  );
}

function RateCard({ label, rate, of, format }: { label: string; rate: Rate; of: 'rateOfSent' | 'rateOfOffers'; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  return (
    <Card
      label={label}
      value={format.rate(rate)}
      detail={t(`overview.${of}`, { count: rate.denominator, numerator: format.number(rate.numerator), denominator: format.number(rate.denominator) })}
    >
      <div className="dash-meter" aria-hidden="true">
        <div style={{ width: `${Math.min(100, rate.value * 100)}%` }} />
      </div>
    </Card>
  );
}

/** The figures at a glance: volume, rates with what they are made of, delays, goal, what is coming up. */
export function OverviewCards({ overview, format }: { overview: StatisticsOverview; format: DashboardFormat }) {
  const { t } = useTranslation('dashboard');
  const goal = overview.weeklyGoal;
  const next = overview.upcomingInterviews.next[0];
  return (
    <div className="dash-kpis" role="group" aria-label={t('overview.title')}>
      <Card label={t('overview.sent')} value={format.number(overview.sent)} detail={t('overview.tracked', { count: overview.total, value: format.number(overview.total) })} />
      <Card label={t('overview.active')} value={format.number(overview.active)} detail={t('overview.activeDetail')} />
      <RateCard label={t('overview.responseRate')} rate={overview.responseRate} of="rateOfSent" format={format} />
      <RateCard label={t('overview.interviewRate')} rate={overview.interviewRate} of="rateOfSent" format={format} />
      <RateCard label={t('overview.offerRate')} rate={overview.offerRate} of="rateOfSent" format={format} />
      <RateCard label={t('overview.acceptanceRate')} rate={overview.acceptanceRate} of="rateOfOffers" format={format} />
      <Card
        label={t('overview.firstResponse')}
        value={overview.daysToFirstResponse.count ? format.days(overview.daysToFirstResponse.median) : '—'}
        detail={
          overview.daysToFirstResponse.count
            ? t('overview.firstResponseDetail', { mean: format.days(overview.daysToFirstResponse.mean), count: overview.daysToFirstResponse.count, value: format.number(overview.daysToFirstResponse.count) })
            : t('overview.noResponseYet')
        }
      />
      <Card label={t('overview.thisWeek')} value={format.number(overview.week.current)} detail={<Trend comparison={overview.week} unit="week" format={format} />} />
      <Card label={t('overview.thisMonth')} value={format.number(overview.month.current)} detail={<Trend comparison={overview.month} unit="month" format={format} />} />
      <Card
        label={t('overview.weeklyGoal')}
        tone={goal.goal && goal.thisWeek >= goal.goal ? 'good' : undefined}
        value={goal.goal ? `${format.number(goal.thisWeek)} / ${format.number(goal.goal)}` : '—'}
        detail={
          goal.goal ? (
            <>
              {t('overview.streak', { count: goal.streakWeeks, value: format.number(goal.streakWeeks) })}{' '}
              <Link to={weeklySummaryRoute}>{t('automation:summary.open')}</Link>
            </>
          ) : (
            <Link to="/settings">{t('overview.setGoal')}</Link>
          )
        }
      >
        {goal.goal ? (
          <div className="dash-meter" role="progressbar" aria-label={t('overview.weeklyGoal')} aria-valuemin={0} aria-valuemax={goal.goal} aria-valuenow={Math.min(goal.thisWeek, goal.goal)}>
            <div style={{ width: `${Math.min(100, goal.progress * 100)}%` }} />
          </div>
        ) : null}
      </Card>
      <Card
        label={t('overview.upcomingInterviews')}
        value={format.number(overview.upcomingInterviews.count)}
        detail={next ? t('overview.nextInterview', { company: next.companyName, date: format.dateTime(next.scheduledAt) }) : t('overview.noInterview')}
      />
      <Card
        label={t('overview.overdueTasks')}
        tone={overview.overdueTasks > 0 ? 'warn' : undefined}
        value={format.number(overview.overdueTasks)}
        detail={<Link to="/tasks">{t('overview.seeTasks')}</Link>}
      />
    </div>
  );
}
