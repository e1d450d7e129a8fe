import { localDay } from '../local-time';
import { readSettingsRow } from '../settings';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { userText } from '../text';
import { insertNotification, insertOnce, rulePlan } from './common';
import { anchorKey, currentState, daysShift, dueAnchors, nextAnchorDue, type AnchorRule } from './stage-anchor';

const job = 'follow-up';

interface FollowUp extends Occurrence {
  applicationId: string;
  anchorAt: string;
  round: number;
  /** Days from applying to this follow-up. */
  days: number;
}

/** Each round of follow-up as a rule counting from the application's stage: round 1 after N days, round 2 after N + M. */
function rounds(days: number, againDays: number): (AnchorRule & { round: number; days: number })[] {
  const offsets = againDays > 0 ? [days, days + againDays] : [days];
  return offsets.map((offset, index) => ({
    job,
    categories: ['applied'],
    unanswered: true,
    keySuffix: `#${index + 1}`,
    round: index + 1,
    days: offset,
    ...daysShift(offset),
  }));
}

/**
 * Suggests following up with a company that has not answered: a task (due the day it is suggested) and a
 * notification, N days after the application was sent, and again after a second wait. Counted from the moment it
 * entered its current "applied" stage; any answer or move ends it. When both rounds fell due while the app was
 * closed, only the second is suggested.
 */
export const followUpJob: JobKind<FollowUp> = {
  name: job,

  plan: rulePlan('followUp', (context, builder, since) => {
    const settings = readSettingsRow(context.db);
    const planned = new Set<string>();
    // The last round first: an application due for it is not asked for the earlier one any more.
    for (const rule of rounds(settings.follow_up_days, settings.follow_up_again_days).reverse()) {
      for (const anchor of dueAnchors(context.db, rule, since, builder.now)) {
        if (planned.has(anchor.applicationId)) continue;
        planned.add(anchor.applicationId);
        const earlier = Array.from({ length: rule.round - 1 }, (_, index) => anchorKey(anchor, `#${index + 1}`));
        builder.consider({
          key: anchorKey(anchor, rule.keySuffix),
          dueAt: anchor.dueAt,
          applicationId: anchor.applicationId,
          anchorAt: anchor.anchorAt,
          round: rule.round,
          days: rule.days,
          supersedes: earlier,
        });
      }
      builder.later(nextAnchorDue(context.db, rule, since, builder.now));
    }
  }),

  run(context, followUp, write) {
    const { db } = context;
    const state = currentState(db, followUp.applicationId);
    // Answered, moved or archived since it was planned: nothing to suggest.
    if (!state || state.anchorAt !== followUp.anchorAt || state.category !== 'applied' || state.firstResponseOn !== null || state.archived) {
      return 'skipped';
    }
    const taskId = occurrenceId(job, followUp.key, 'task');
    insertOnce(db, write, 'tasks', taskId, {
      title: userText(db).followUpTitle(state.companyName),
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
