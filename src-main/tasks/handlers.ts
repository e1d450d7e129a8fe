import type { ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import { getTask, listTaskRows } from './queries';

function taskColumns(input: Partial<ParsedInput<'tasks.create'>>): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  if (input.title !== undefined) fields.title = input.title;
  if (input.dueOn !== undefined) fields.due_on = input.dueOn ?? null;
  if (input.applicationId !== undefined) fields.application_id = input.applicationId ?? null;
  if (input.notes !== undefined) fields.notes = input.notes ?? null;
  return fields;
}

export const taskHandlers = defineHandlers({
  'tasks.list': (input, { db }) => listTaskRows(db, input),
  'tasks.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      if (input.applicationId) requireLive(db, 'applications', input.applicationId);
      return write.insert('tasks', taskColumns(input));
    });
    return getTask(db, id);
  },
  'tasks.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'tasks', input.id);
      if (input.patch.applicationId) requireLive(db, 'applications', input.patch.applicationId);
      write.update('tasks', input.id, taskColumns(input.patch));
    });
    return getTask(db, input.id);
  },
  'tasks.setDone': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'tasks', input.id);
      const doneAt = db.sql(`SELECT done_at FROM tasks WHERE id = ?`).pluck().get(input.id) as string | null;
      if (input.done && doneAt === null) write.update('tasks', input.id, { done_at: write.now });
      if (!input.done && doneAt !== null) write.update('tasks', input.id, { done_at: null });
    });
    return getTask(db, input.id);
  },
  'tasks.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'tasks', input.id);
      write.softDelete('tasks', input.id);
    });
    return { id: input.id };
  },
  'tasks.restore': (input, { db, changes }) => {
    changes.write((write) => {
      if (!db.sql(`SELECT 1 FROM tasks WHERE id = ?`).get(input.id)) throw notFound('Task', input.id);
      write.restore('tasks', input.id);
    });
    return getTask(db, input.id);
  },
});
