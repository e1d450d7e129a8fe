import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { todayKey } from '../shared/dates';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/issues';
import { useInlineEditing } from '../shared/focus';
import { useFormat } from '../../ui/format';
import { FollowUpList } from './FollowUpList';
import { TaskForm } from './TaskForm';
import { TaskList } from './TaskList';
import { useTaskActions } from './useTaskActions';
import '../shared/records.css';
import './tasks.css';

const donePageSize = 20;

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  const id = useId();
  return (
    <section className="tk-section" aria-labelledby={id}>
      <h2 id={id} className="tk-section-title">
        {title}
        {count !== undefined && <span className="rec-count">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

/**
 * Follow-ups and reminders: "Today" (due today or overdue) first, then what comes later, then what is done.
 * Keyboard: arrows move between tasks, x or Space marks done, Enter edits, Delete removes (Undo in the toast).
 */
export default function TasksPage() {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const today = todayKey();
  const { editingId, open, close, containerRef } = useInlineEditing<HTMLDivElement>();
  const [showDone, setShowDone] = useState(false);
  const [doneLimit, setDoneLimit] = useState(donePageSize);
  const { setDone, remove } = useTaskActions();

  const dueNow = useChannel('tasks.list', { status: 'open', dueOnOrBefore: today, limit: 1000 });
  const allOpen = useChannel('tasks.list', { status: 'open', limit: 1000 });
  const done = useChannel('tasks.list', { status: 'done', limit: doneLimit });
  // Contacts to follow up with join the tasks: those due by today in Today, the later ones in Upcoming.
  const followUps = useChannel('contacts.followUps', {});
  const followUpsDue = (followUps.data ?? []).filter((followUp) => followUp.nextFollowUpOn <= today);
  const followUpsLater = (followUps.data ?? []).filter((followUp) => followUp.nextFollowUpOn > today);
  const upcoming = (allOpen.data?.items ?? []).filter((task) => task.dueOn === null || task.dueOn > today);
  const error = dueNow.error ?? allOpen.error ?? done.error ?? followUps.error;

  const listProps = {
    today,
    editingId,
    showApplication: true,
    onCloseEdit: close,
    onToggle: (task: Task, isDone: boolean) => void setDone(task, isDone),
    onEdit: (task: Task) => open(task.id),
    onDelete: (task: Task) => void remove(task),
  };
  const nothingOpen = dueNow.isSuccess && allOpen.isSuccess && allOpen.data.total === 0 && followUps.isSuccess && followUps.data.length === 0;

  return (
    <div className="page" ref={containerRef} data-task-scope>
      <header className="page-header rec-page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('shortcuts')}</p>
        </div>
      </header>

      <TaskForm quick defaultDueOn={today} />

      {error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}

      {nothingOpen ? (
        <EmptyState icon="tasks" title={t('empty.title')}>{t('empty.text')}</EmptyState>
      ) : (
        <>
          <Section title={t('section.today')} count={dueNow.data ? dueNow.data.total + followUpsDue.length : undefined}>
            <FollowUpList followUps={followUpsDue} today={today} />
            {dueNow.data?.items.length === 0 && followUpsDue.length === 0 ? (
              <p className="muted tk-section-empty">{t('section.todayEmpty')}</p>
            ) : (
              <TaskList tasks={dueNow.data?.items ?? []} {...listProps} />
            )}
          </Section>
          <Section title={t('section.upcoming')} count={upcoming.length + followUpsLater.length}>
            <FollowUpList followUps={followUpsLater} today={today} />
            {upcoming.length === 0 && followUpsLater.length === 0 ? (
              <p className="muted tk-section-empty">{t('section.upcomingEmpty')}</p>
            ) : (
              <TaskList tasks={upcoming} {...listProps} />
            )}
          </Section>
        </>
      )}

      <section className="tk-section">
        <h2 className="tk-section-title">
          <button type="button" className="rec-disclosure" aria-expanded={showDone} onClick={() => setShowDone((value) => !value)}>
            {t('section.done')}
            <span className="rec-count">{done.data?.total ?? 0}</span>
          </button>
        </h2>
        {showDone && (
          <>
            <TaskList tasks={done.data?.items ?? []} {...listProps} />
            {done.data && done.data.total > done.data.items.length && (
              <Button className="rec-show-more" onClick={() => setDoneLimit((limit) => limit + donePageSize * 5)}>
                {t('records:showMore', { shown: format.number(done.data.items.length), total: format.number(done.data.total) })}
              </Button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
