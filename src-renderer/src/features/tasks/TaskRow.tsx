import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../../../src-shared/contract';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { useDayFormat } from '../shared/format';
import { dueLabel, dueState } from './due';

export interface TaskRowHandlers {
  onToggle: (task: Task, done: boolean) => void;
  onEdit: (task: Task) => void;
  onDelete: (task: Task) => void;
}

/** Moves focus to the previous/next task row of the whole page (rows of every section, in reading order). */
function focusSibling(row: HTMLElement, step: 1 | -1): HTMLElement | null {
  const rows = [...(row.closest('[data-task-scope]') ?? document).querySelectorAll<HTMLElement>('[data-task-row]')];
  const next = rows[rows.indexOf(row) + step] ?? null;
  next?.focus();
  return next;
}

/**
 * The keys of a row of the task lists (tasks and follow-ups alike): arrows move to the next/previous row; on the
 * row itself x or Space toggles it, Enter or e edits it, Delete or Backspace removes it (when it can be). Toggling
 * and removing first move the focus on, as the row is about to leave its section.
 */
export function onTaskListKey(event: KeyboardEvent<HTMLLIElement>, actions: { toggle(): void; edit(): void; remove?: () => void }): void {
  const onRow = event.target === event.currentTarget;
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const leave = () => {
    if (!focusSibling(event.currentTarget, 1)) focusSibling(event.currentTarget, -1);
  };
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    focusSibling(event.currentTarget, event.key === 'ArrowDown' ? 1 : -1);
  } else if (onRow && (event.key === 'x' || event.key === 'X' || event.key === ' ')) {
    event.preventDefault();
    leave();
    actions.toggle();
  } else if (onRow && (event.key === 'Enter' || event.key === 'e')) {
    event.preventDefault();
    actions.edit();
  } else if (onRow && actions.remove && (event.key === 'Delete' || event.key === 'Backspace')) {
    event.preventDefault();
    leave();
    actions.remove();
  }
}

/**
 * One task. The row itself takes the focus; from it: x or Space marks done/undone, Enter edits, Delete removes,
 * arrows move to the next/previous task. The checkbox does the same with the mouse.
 */
export function TaskRow({ task, today, showApplication, onToggle, onEdit, onDelete }: TaskRowHandlers & { task: Task; today: string; showApplication: boolean }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const dayFormat = useDayFormat();
  const done = task.doneAt !== null;
  const state = done ? 'none' : dueState(task.dueOn, today);
  const due = dueLabel(t, format, dayFormat, task.dueOn, today);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) =>
    onTaskListKey(event, { toggle: () => onToggle(task, !done), edit: () => onEdit(task), remove: () => onDelete(task) });

  return (
    <li
      className={`tk-row${done ? ' tk-done' : ''}${showApplication ? ' tk-with-application' : ''} tk-due-${state}`}
      tabIndex={0}
      data-task-row
      data-return-focus={task.id}
      aria-label={t(done ? 'row.labelDone' : 'row.label', { title: task.title, due })}
      aria-keyshortcuts="x Space Enter Delete"
      onKeyDown={onKeyDown}
    >
      <input
        type="checkbox"
        className="tk-check"
        tabIndex={-1}
        checked={done}
        onChange={(event) => onToggle(task, event.target.checked)}
        aria-label={t('row.markDone', { title: task.title })}
      />
      <div className="tk-body">
        <span className="tk-title" dir="auto">{task.title}</span>
        {task.notes && <span className="muted tk-notes" dir="auto">{task.notes}</span>}
      </div>
      {/* Always a cell, even empty, so the columns line up from one row to the next. */}
      {showApplication && (
        <span className="tk-application" dir="auto">
          {task.applicationId && task.applicationLabel && <Link to={`/applications/${task.applicationId}`}>{task.applicationLabel}</Link>}
        </span>
      )}
      <span className="tk-due">{done && task.doneAt ? t('row.doneOn', { date: dayFormat.localDate(task.doneAt) }) : due}</span>
      <div className="rec-row-actions">
        <Button size="sm" tabIndex={-1} onClick={() => onEdit(task)} aria-label={t('row.edit', { title: task.title })}>
          {t('common:actions.edit')}
        </Button>
        <Button variant="danger" size="sm" tabIndex={-1} onClick={() => onDelete(task)} aria-label={t('row.delete', { title: task.title })}>
          {t('common:actions.delete')}
        </Button>
      </div>
    </li>
  );
}
