import { addDays } from '../../statistics/days';
import { atLocalTime, endOfLocalDay, localDay, morning } from '../local-time';
import { notRunSql, occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { actionable, insertNotification, ranKeys, rulePlan } from './common';

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

  plan: rulePlan('taskReminders', (context, builder, since) => {
    const now = builder.now;
    const today = localDay(now);
    const open = `FROM tasks t LEFT JOIN applications a ON a.id = t.application_id
      WHERE t.deleted_at IS NULL AND t.done_at IS NULL AND t.due_on IS NOT NULL
        AND (t.application_id IS NULL OR a.deleted_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.subject_id = t.id AND n.kind = 'follow-up')`;
    // Due up to today, since the day before the rule became active (its "overdue" reminder may still be to come),
    // and not reminded as overdue yet: the last of its reminders.
    const tasks = context.db
      .sql(
        `SELECT t.id, t.application_id AS applicationId, t.due_on AS dueOn, t.created_at AS createdAt ${open}
           AND t.due_on BETWEEN ? AND ? AND ${notRunSql(job, `t.id || '@' || t.due_on || '#overdue'`)}`,
      )
      .all(addDays(localDay(since), -1), today) as OpenTask[];
    const keyOf = (task: OpenTask, state: 'today' | 'overdue') => `${task.id}@${task.dueOn}#${state}`;
    const ran = ranKeys(context.db, job, tasks.map((task) => keyOf(task, 'today')));
    for (const task of tasks) {
      const dueToday: Reminder = { key: keyOf(task, 'today'), dueAt: atLocalTime(task.dueOn, morning), taskId: task.id, applicationId: task.applicationId, dueOn: task.dueOn, overdue: false };
      const overdue: Reminder = { ...dueToday, key: keyOf(task, 'overdue'), dueAt: atLocalTime(addDays(task.dueOn, 1), morning), overdue: true };
      // "Due today" is pointless once the day is over.
      const candidates = [dueToday, overdue].filter(
        (candidate) => actionable(candidate.dueAt, since, task.createdAt) && (candidate.overdue || now < endOfLocalDay(task.dueOn)),
      );
      builder.considerLatest(candidates, (key) => ran.has(key));
    }
    // The first task due after today: its morning.
    const next = context.db.sql(`SELECT min(t.due_on) ${open} AND t.due_on > ?`).pluck().get(today) as string | null;
    if (next !== null) builder.later(atLocalTime(next, morning));
  }),

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
