import { z } from 'zod';
import { calendarDate, id, idInput, optionalText, pagination, requiredText, type Page, type RowTimes } from './common';

export const taskFields = {
  title: requiredText(300),
  dueOn: calendarDate.nullish(),
  applicationId: id.nullish(),
  notes: optionalText(100_000),
};

export const createTaskInput = z.object(taskFields).strict();
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const updateTaskInput = z.object({ id, patch: z.object(taskFields).partial().strict() }).strict();

export const listTasksInput = z
  .object({
    status: z.enum(['open', 'done', 'all']).default('open'),
    /** Open tasks due on or before this date (the "Today" list passes today). */
    dueOnOrBefore: calendarDate.optional(),
    applicationId: id.optional(),
    ...pagination,
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict()
  .default({ status: 'open', limit: 500, offset: 0 });

export const setTaskDoneInput = z.object({ id, done: z.boolean() }).strict();

export const taskIdInput = idInput;

export interface Task extends RowTimes {
  id: string;
  title: string;
  dueOn: string | null;
  doneAt: string | null;
  applicationId: string | null;
  applicationLabel: string | null;
  notes: string | null;
}

export type TaskPage = Page<Task>;
