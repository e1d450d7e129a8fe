import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { weeklySummaryRoute, type Rate, type WeekComparison, type WeeklySummary } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { EmptyState } from '../../ui/EmptyState';
import { intlLocale, useFormat } from '../../ui/format';
import './weekly.css';

function usePercent() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(intlLocale[i18n.language] ?? i18n.language, { style: 'percent', maximumFractionDigits: 0 });
    return (rate: Rate) => format.format(rate.value);
  }, [i18n.language]);
}

function Figure({ label, value }: { label: string; value: WeekComparison }) {
  const { t } = useTranslation('automation');
  const format = useFormat();
  return (
    <div className="wk-figure">
      <dt>{label}</dt>
      <dd>
        <span className="wk-value">{format.number(value.current)}</span>
        <span className="wk-previous">{t('summary.previous', { value: format.number(value.previous) })}</span>
      </dd>
    </div>
  );
}

function RateFigure({ label, rate }: { label: string; rate: WeeklySummary['responseRate'] }) {
  const { t } = useTranslation('automation');
  const percent = usePercent();
  return (
    <div className="wk-figure">
      <dt>{label}</dt>
      <dd>
        <span className="wk-value">{percent(rate.current)}</span>
        <span className="wk-previous">
          {t('summary.rateDetail', { numerator: rate.current.numerator, denominator: rate.current.denominator, previous: percent(rate.previous) })}
        </span>
      </dd>
    </div>
  );
}

function Summary({ summary }: { summary: WeeklySummary }) {
  const { t } = useTranslation('automation');
  const format = useFormat();
  const { goal } = summary;
  return (
    <article className="card wk-summary" aria-labelledby="wk-title">
      <h2 id="wk-title">{t('summary.week', { start: format.date(summary.weekStart), end: format.date(summary.weekEnd) })}</h2>
      <dl className="wk-figures">
        <Figure label={t('summary.sent')} value={summary.sent} />
        <Figure label={t('summary.answers')} value={summary.answers} />
        <Figure label={t('summary.interviews')} value={summary.interviews} />
        <Figure label={t('summary.offers')} value={summary.offers} />
        <RateFigure label={t('summary.responseRate')} rate={summary.responseRate} />
        <RateFigure label={t('summary.interviewRate')} rate={summary.interviewRate} />
      </dl>
      <section className="wk-goal" aria-labelledby="wk-goal-title">
        <h3 id="wk-goal-title">{t('summary.goal')}</h3>
        <p className={goal.goal ? (goal.met ? 'wk-met' : 'wk-missed') : 'muted'}>
          {goal.goal
            ? t(goal.met ? 'summary.goalMet' : 'summary.goalMissed', { sent: goal.sent, goal: goal.goal })
            : t('summary.noGoal', { sent: goal.sent })}
        </p>
        {goal.goal !== null && goal.goal > 0 && <p>{t('summary.streak', { count: goal.streakWeeks })}</p>}
      </section>
      <section className="wk-coming" aria-labelledby="wk-coming-title">
        <h3 id="wk-coming-title">{t('summary.coming')}</h3>
        {summary.interviewsComing.count === 0 ? (
          <p className="muted">{t('summary.noneComing')}</p>
        ) : (
          <ul>
            {summary.interviewsComing.next.map((interview) => (
              <li key={`${interview.applicationId}-${interview.scheduledAt}`}>
                <Link to={`/applications/${interview.applicationId}`}>
                  {interview.companyName} — {interview.position}
                </Link>{' '}
                <time dateTime={interview.scheduledAt}>{format.dateTime(interview.scheduledAt)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** The weekly summaries: the chosen week (the latest by default) and the history of earlier ones. */
export default function WeeklySummaryPage() {
  const { t } = useTranslation('automation');
  const format = useFormat();
  const { week } = useParams();
  const summaries = useChannel('automation.summaries', undefined);
  const items = summaries.data?.items ?? [];
  const shown = items.find((summary) => summary.weekStart === week) ?? items[0];

  return (
    <div className="page wk-page">
      <header className="page-header">
        <h1>{t('summary.title')}</h1>
      </header>
      {summaries.data && items.length === 0 && (
        <EmptyState icon="report" title={t('summary.empty')}>
          {t('summary.emptyHint')}
        </EmptyState>
      )}
      {shown && (
        <div className="wk-layout">
          <Summary summary={shown} />
          <nav className="card wk-history" aria-labelledby="wk-history-title">
            <h2 id="wk-history-title">{t('summary.history')}</h2>
            <ul>
              {items.map((summary) => (
                <li key={summary.id}>
                  <Link
                    to={`${weeklySummaryRoute}/${summary.weekStart}`}
                    aria-current={summary === shown ? 'page' : undefined}
                    className={summary === shown ? 'wk-current' : undefined}
                  >
                    {t('summary.week', { start: format.date(summary.weekStart), end: format.date(summary.weekEnd) })}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      )}
    </div>
  );
}
