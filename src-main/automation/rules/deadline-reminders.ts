import { addDays } from '../../statistics/days';
import { atLocalTime, endOfLocalDay, morning } from '../local-time';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { actionable, insertNotification, ranKeys, rulePlan } from './common';

const job = 'deadline-reminder';
const daysBefore = [3, 1] as const;

interface Reminder extends Occurrence {
  applicationId: string;
  deadline: string;
  daysLeft: number;
}

interface Posting {
  id: string;
  deadline: string;
  createdAt: string;
}

/**
 * Reminds of a posting's deadline three days and one day before (in the morning), while the application is still on
 * the wishlist: once sent, the deadline no longer matters.
 */
export const deadlineReminderJob: JobKind<Reminder> = {
  name: job,

  plan: rulePlan('deadlineReminders', (context, builder, since) => {
    const now = builder.now;
    const postings = context.db
      .sql(
        `SELECT a.id, a.deadline, a.created_at AS createdAt FROM applications a
         WHERE a.deleted_at IS NULL AND a.archived = 0 AND a.stage_category = 'wishlist' AND a.deadline IS NOT NULL AND a.deadline >= ?`,
      )
      .all(addDays(new Date(now).toISOString().slice(0, 10), -1)) as Posting[];
    const keyOf = (posting: Posting, days: number) => `${posting.id}@${posting.deadline}#${days}`;
    const ran = ranKeys(context.db, job, postings.flatMap((posting) => daysBefore.map((days) => keyOf(posting, days))));
    for (const posting of postings) {
      if (now >= endOfLocalDay(posting.deadline)) continue;
      const candidates = daysBefore
        .map((days): Reminder => ({
          key: keyOf(posting, days),
          dueAt: atLocalTime(addDays(posting.deadline, -days), morning),
          applicationId: posting.id,
          deadline: posting.deadline,
          daysLeft: days,
        }))
        .filter((candidate) => actionable(candidate.dueAt, since, posting.createdAt));
      builder.considerLatest(candidates, (key) => ran.has(key));
    }
  }),

  run(context, reminder, write) {
    insertNotification(context.db, write, {
      id: occurrenceId(job, reminder.key, 'notification'),
      kind: 'deadline',
      applicationId: reminder.applicationId,
      subjectId: reminder.applicationId,
      data: { deadline: reminder.deadline, daysLeft: reminder.daysLeft },
      dueAt: reminder.dueAt,
    });
  },
};
