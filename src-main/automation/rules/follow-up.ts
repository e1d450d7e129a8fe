
import { dayMs, localDay } from '../local-time';
import { readSettingsRow } from '../settings';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { userText } from '../text';
import { actionable, anchorOf, anchorsIn, insertNotification, insertOnce, latestDue, PlanBuilder, ranKeys, ruleActiveSince } from './common';

const job = 'follow-up';

interface FollowUp extends Occurrence {
  applicationId: string;
  eventId: string;
  round: number;
  /** Days from applying to this follow-up. */
  days: number;
}

/**
 * Suggests following up with a company that has not answered: a task (due the day it is suggested) and a
 * notification, N days after the application was sent, and again after a second wait. Counted from the event
 * that put the application in its current "applied" stage; any answer or move ends it.
 */
export const followUpJob: JobKind<FollowUp> = {
  name: job,

  plan(context, now) {
    const builder = new PlanBuilder<FollowUp>(now);
    const since = ruleActiveSince(context, 'followUp', now);
    if (since === null) return builder.plan;
    const settings = readSettingsRow(context.db);
    const rounds = [settings.follow_up_days];
    if (settings.follow_up_again_days > 0) rounds.push(settings.follow_up_days + settings.follow_up_again_days);

    const anchors = anchorsIn(context.db, ['applied'], { unansweredOnly: true });
    const keyOf = (eventId: string, round: number) => `${eventId}#${round}`;
    const ran = ranKeys(context.db, job, anchors.flatMap((anchor) => rounds.map((_, index) => keyOf(anchor.eventId, index + 1))));
    for (const anchor of anchors) {
      const candidates = rounds
        .map((days, index): FollowUp => ({
          key: keyOf(anchor.eventId, index + 1),
          dueAt: Date.parse(anchor.occurredAt) + days * dayMs,
          applicationId: anchor.applicationId,
          eventId: anchor.eventId,
          round: index + 1,
          days,
        }))
        .filter((candidate) => actionable(candidate.dueAt, since, anchor.createdAt));
      const due = latestDue(candidates, now, (key) => ran.has(key));
      if (due) builder.consider(due);
      for (const candidate of candidates) if (candidate.dueAt > now) builder.later(candidate.dueAt);
    }
    return builder.plan;
  },

  run(context, followUp, write) {
    const { db } = context;
    const anchor = anchorOf(db, followUp.applicationId);
    // Answered, moved or archived since it was planned: nothing to suggest.
    if (!anchor || anchor.eventId !== followUp.eventId || anchor.category !== 'applied' || anchor.firstResponseOn !== null || anchor.archived) {
      return 'skipped';
    }
    const taskId = occurrenceId(job, followUp.key, 'task');
    insertOnce(db, write, 'tasks', taskId, {
      title: userText(db).followUpTitle(anchor.companyName),
      due_on: localDay(Date.parse(write.now)),
      application_id: followUp.applicationId,
      notes: null,
    });
    insertNotification(db, write, {
      id: occurrenceId(job, followUp.key, 'notification'),
      kind: 'follow-up',
      applicationId: followUp.applicationId,
      subjectId: taskId,
      data: { round: followUp.round, days: followUp.days },
      dueAt: followUp.dueAt,
    });
    return 'ran';
  },
};


