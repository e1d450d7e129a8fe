import { hourMs, dayMs } from '../local-time';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { actionable, insertNotification, ranKeys, rulePlan } from './common';

const job = 'interview-reminder';
const iso = (ms: number) => new Date(ms).toISOString();
const leads = { day: dayMs, hour: hourMs } as const;
type Lead = keyof typeof leads;

interface Reminder extends Occurrence {
  interviewId: string;
  applicationId: string;
  scheduledAt: string;
  lead: Lead;
  type: string | null;
  format: string | null;
}

interface PlannedInterview {
  id: string;
  applicationId: string;
  scheduledAt: string;
  createdAt: string;
  type: string | null;
  format: string | null;
}

/**
 * Reminds of a planned interview the day before (24 hours) and an hour before. A reminder is for an interview at a
 * given time: one moved to another time gets reminders of its own. Once the interview has begun, it is too late.
 */
export const interviewReminderJob: JobKind<Reminder> = {
  name: job,

  plan: rulePlan('interviewReminders', (context, builder, since) => {
    const now = builder.now;
    const select = `SELECT i.id, i.application_id AS applicationId, i.scheduled_at AS scheduledAt, i.created_at AS createdAt, i.type, i.format
      FROM interviews i JOIN applications a ON a.id = i.application_id
      WHERE i.deleted_at IS NULL AND i.status = 'planned' AND a.deleted_at IS NULL AND i.scheduled_at > ?`;
    const longest = Math.max(...Object.values(leads));
    // Reminders can be due now only for interviews within the longest lead; beyond it, only the next ones matter.
    const soon = context.db.sql(`${select} AND i.scheduled_at <= ?`).all(iso(now), iso(now + longest)) as PlannedInterview[];
    const later = context.db.sql(`${select} ORDER BY i.scheduled_at LIMIT 20`).all(iso(now + longest)) as PlannedInterview[];
    const keyOf = (interview: PlannedInterview, lead: Lead) => `${interview.id}@${interview.scheduledAt}#${lead}`;
    const ran = ranKeys(context.db, job, soon.flatMap((interview) => (Object.keys(leads) as Lead[]).map((lead) => keyOf(interview, lead))));
    for (const interview of [...soon, ...later]) {
      const candidates = (Object.keys(leads) as Lead[])
        .map((lead): Reminder => ({
          key: keyOf(interview, lead),
          dueAt: Date.parse(interview.scheduledAt) - leads[lead],
          interviewId: interview.id,
          applicationId: interview.applicationId,
          scheduledAt: interview.scheduledAt,
          lead,
          type: interview.type,
          format: interview.format,
        }))
        .filter((candidate) => actionable(candidate.dueAt, since, interview.createdAt));
      builder.considerLatest(candidates, (key) => ran.has(key));
    }
  }),

  run(context, reminder, write) {
    insertNotification(context.db, write, {
      id: occurrenceId(job, reminder.key, 'notification'),
      kind: 'interview-soon',
      applicationId: reminder.applicationId,
      subjectId: reminder.interviewId,
      data: { lead: reminder.lead, scheduledAt: reminder.scheduledAt, interviewType: reminder.type, format: reminder.format },
      dueAt: reminder.dueAt,
    });
  },
};
