import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interviewStatuses, type Interview, type InterviewStatus } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { addDays, startOfLocalDayIso, todayKey } from '../shared/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/issues';
import { useFormat } from '../../ui/format';
import { useDayFormat } from '../shared/format';
import { Segmented } from '../shared/Segmented';
import { groupByDay } from './agenda';
import { InterviewCard } from './InterviewCard';
import { InterviewForm } from './InterviewForm';
import { isOverdue, useInterviewActions } from './useInterviewActions';
import '../shared/records.css';
import './interviews.css';

type Period = 'upcoming' | 'past';
const pageSize = 200;

/** The agenda: interviews grouped by day, upcoming (from today on) or past (most recent first). */
export default function InterviewsPage() {
  const { t } = useTranslation('interviews');
  const format = useFormat();
  const dayFormat = useDayFormat();
  const [period, setPeriod] = useState<Period>('upcoming');
  const [statuses, setStatuses] = useState<InterviewStatus[]>([...interviewStatuses]);
  const [limit, setLimit] = useState(pageSize);
  const [editing, setEditing] = useState<Interview | 'new' | null>(null);
  const { remove, complete } = useInterviewActions();

  // Today's interviews stay in "upcoming" all day, even once their hour has passed.
  const startOfToday = startOfLocalDayIso();
  const query = useChannel(
    'interviews.list',
    period === 'upcoming'
      ? { from: startOfToday, statuses, order: 'asc', limit }
      : { to: startOfToday, statuses, order: 'desc', limit },
    { placeholderData: keepPreviousData, enabled: statuses.length > 0 },
  );
  const interviews = useMemo(() => (statuses.length > 0 ? (query.data?.items ?? []) : []), [query.data, statuses]);
  const days = useMemo(() => groupByDay(interviews), [interviews]);
  const today = todayKey();

  const dayTitle = (day: string) => {
    if (day === today) return t('agenda.today', { date: dayFormat.longDay(day) });
    if (day === addDays(today, 1)) return t('agenda.tomorrow', { date: dayFormat.longDay(day) });
    if (day === addDays(today, -1)) return t('agenda.yesterday', { date: dayFormat.longDay(day) });
    return dayFormat.longDay(day);
  };

  const toggleStatus = (status: InterviewStatus, on: boolean) =>
    setStatuses((current) => interviewStatuses.filter((value) => (value === status ? on : current.includes(value))));

  return (
    <div className="page">
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('new')}
        </Button>
      </header>

      <div className="rec-toolbar">
        <Segmented
          label={t('filter.period')}
          value={period}
          onChange={(value) => {
            setPeriod(value);
            setLimit(pageSize);
          }}
          options={[
            { value: 'upcoming', label: t('filter.upcoming') },
            { value: 'past', label: t('filter.past') },
          ]}
        />
        <fieldset className="rec-chips-filter">
          <legend className="sr-only">{t('filter.statuses')}</legend>
          {interviewStatuses.map((status) => (
            <label key={status} className="rec-chip-toggle">
              <input type="checkbox" checked={statuses.includes(status)} onChange={(event) => toggleStatus(status, event.target.checked)} />
              {t(`common:interviewStatus.${status}`)}
            </label>
          ))}
        </fieldset>
      </div>

      {query.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, query.error)}
        </p>
      )}

      {query.isSuccess && interviews.length === 0 && (
        <EmptyState
          icon="calendar"
          title={period === 'upcoming' ? t('empty.upcomingTitle') : t('empty.pastTitle')}
          actions={
            period === 'upcoming' && (
              <Button variant="primary" onClick={() => setEditing('new')}>
                {t('new')}
              </Button>
            )
          }
        >
          {statuses.length < interviewStatuses.length ? t('empty.filtered') : period === 'upcoming' ? t('empty.upcomingText') : t('empty.pastText')}
        </EmptyState>
      )}

      <div className="iv-agenda">
        {days.map(({ day, interviews: ofDay }) => (
          <section key={day} className="iv-day" aria-labelledby={`iv-day-${day}`}>
            <h2 id={`iv-day-${day}`} className={`iv-day-title${day === today ? ' iv-today' : ''}`}>
              {dayTitle(day)}
            </h2>
            <ul className="rec-list">
              {ofDay.map((interview) => (
                <li key={interview.id}>
                  <InterviewCard
                    interview={interview}
                    showApplication
                    showDate={false}
                    onEdit={() => setEditing(interview)}
                    onDelete={() => void remove(interview)}
                    onComplete={isOverdue(interview) ? () => void complete(interview) : undefined}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>

      {query.data && query.data.total > interviews.length && (
        <Button className="rec-show-more" onClick={() => setLimit((current) => current + pageSize)}>
          {t('records:showMore', { shown: format.number(interviews.length), total: format.number(query.data.total) })}
        </Button>
      )}

      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('dialog.newTitle') : t('dialog.editTitle')}
        onClose={() => setEditing(null)}
        width="min(720px, calc(100vw - 48px))"
      >
        {editing !== null && (
          <InterviewForm
            interview={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
    </div>
  );
}
