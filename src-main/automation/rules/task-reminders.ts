import { addDays } from '../../statistics/days';
import { atLocalTime, endOfLocalDay, morning } from '../local-time';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { actionable, insertNotification, latestDue, PlanBuilder, ranKeys, ruleActiveSince } from './common';

const job = 'task-reminder';

interface Reminder extends Occurrence {
  taskId: string;
  applicationId: string | null;
  dueOn: string;
  overdue: boolean;
}

interface OpenTask {
  id: string;
  applicationId: string | null;
  dueOn: string;
  createdAt: string;
}

/**
 * Reminds of an open task on the morning of its due day, and the next morning if it is still open (overdue).
 * Follow-up tasks the follow-up rule suggested are left out: their own notification is the reminder.
 */
export const taskReminderJob: JobKind<Reminder> = {
  name: job,

  plan(context, now) {
    const builder = new PlanBuilder<Reminder>(now);
    const since = ruleActiveSince(context, 'taskReminders', now);
    if (since === null) return builder.plan;
    const tasks = context.db
      .sql(
        `SELECT t.id, t.application_id AS applicationId, t.due_on AS dueOn, t.created_at AS createdAt
         FROM tasks t LEFT JOIN applications a ON a.id = t.application_id
         WHERE t.deleted_at IS NULL AND t.done_at IS NULL AND t.due_on IS NOT NULL
           AND (t.application_id IS NULL OR a.deleted_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.subject_id = t.id AND n.kind = 'follow-up')`,
      )
      .all() as OpenTask[];
    const keyOf = (task: OpenTask, state: 'today' | 'overdue') => `${task.id}@${task.dueOn}#${state}`;
    const ran = ranKeys(context.db, job, tasks.flatMap((task) => [keyOf(task, 'today'), keyOf(task, 'overdue')]));
    for (const task of tasks) {
      const today: Reminder = { key: keyOf(task, 'today'), dueAt: atLocalTime(task.dueOn, morning), taskId: task.id, applicationId: task.applicationId, dueOn: task.dueOn, overdue: false };
      const overdue: Reminder = { ...today, key: keyOf(task, 'overdue'), dueAt: atLocalTime(addDays(task.dueOn, 1), morning), overdue: true };
      // "Due today" is pointless once the day is over.
      const candidates = [today, overdue].filter(
        (candidate) => actionable(candidate.dueAt, since, task.createdAt) && (candidate.overdue || now < endOfLocalDay(task.dueOn)),
      );
      const due = latestDue(candidates, now, (key) => ran.has(key));
      if (due) builder.consider(due);
      for (const candidate of candidates) builder.later(candidate.dueAt);
    }
    return builder.plan;
  },

  run(context, reminder, write) {
    insertNotification(context.db, write, {
      id: occurrenceId(job, reminder.key, 'notification'),
      kind: 'task-due',
      applicationId: reminder.applicationId,
      subjectId: reminder.taskId,
      data: { dueOn: reminder.dueOn, overdue: reminder.overdue },
      dueAt: reminder.dueAt,
    });
  },
};
