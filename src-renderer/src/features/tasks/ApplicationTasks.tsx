import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../src-shared/contract';
import { useChannel } from '../../api/hooks';
import { todayKey } from '../shared/dates';
import { errorMessage } from '../../ui/issues';
import { useInlineEditing } from '../shared/focus';
import { TaskForm } from './TaskForm';
import { TaskList } from './TaskList';
import { useTaskActions } from './useTaskActions';
import '../shared/records.css';
import './tasks.css';

/** The follow-ups of one application: open ones first, then done; added and edited in place. */
export function ApplicationTasks({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('tasks');
  const headingId = useId();
  const today = todayKey();
  const { editingId, open, close, containerRef } = useInlineEditing<HTMLElement>();
  const { setDone, remove } = useTaskActions();
  const query = useChannel('tasks.list', { status: 'all', applicationId, limit: 500 });
  const tasks = query.data?.items ?? [];

  return (
    <section ref={containerRef} className="card side-section rec-embedded" aria-labelledby={headingId} data-task-scope>
      <header className="rec-embedded-header">
        <h2 className="section-title" id={headingId}>{t('embedded.title')}</h2>
      </header>
      {query.error && (
        <p className="rec-form-error" role="alert">
          {errorMessage(t, query.error)}
        </p>
      )}
      {query.isSuccess && tasks.length === 0 && <p className="muted">{t('embedded.empty')}</p>}
      <TaskList
        tasks={tasks}
        today={today}
        editingId={editingId}
        showApplication={false}
        applicationId={applicationId}
        onCloseEdit={close}
        onToggle={(task: Task, done: boolean) => void setDone(task, done)}
        onEdit={(task: Task) => open(task.id)}
        onDelete={(task: Task) => void remove(task)}
      />
      <TaskForm quick applicationId={applicationId} defaultDueOn={today} />
    </section>
  );
}
