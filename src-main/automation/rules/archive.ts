import { closedStageCategories } from '../../../src-shared/contract';
import { readSettingsRow } from '../settings';
import type { JobKind, Occurrence } from '../scheduler';
import { actionable, anchorOf, anchorsIn, PlanBuilder, ranKeys, ruleActiveSince } from './common';

const job = 'auto-archive';
const closed: readonly string[] = ['accepted', ...closedStageCategories];

interface Archiving extends Occurrence {
  applicationId: string;
  eventId: string;
}

/** An instant plus calendar months (UTC): 6 months after 31 August is early March, as a calendar reads it. */
export function addMonthsTo(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/**
 * Archives an application N months after it closed (accepted, rejected, withdrawn or ghosted). Counted from the
 * event that closed it; unarchiving it, or reopening it and closing it again, starts from that new event only.
 */
export const autoArchiveJob: JobKind<Archiving> = {
  name: job,

  plan(context, now) {
    const builder = new PlanBuilder<Archiving>(now);
    const since = ruleActiveSince(context, 'archive', now);
    if (since === null) return builder.plan;
    const months = readSettingsRow(context.db).archive_months;
    const anchors = anchorsIn(context.db, closed);
    const ran = ranKeys(context.db, job, anchors.map((anchor) => anchor.eventId));
    for (const anchor of anchors) {
      const dueAt = addMonthsTo(Date.parse(anchor.occurredAt), months);
      if (ran.has(anchor.eventId) || !actionable(dueAt, since, anchor.createdAt)) continue;
      builder.consider({ key: anchor.eventId, dueAt, applicationId: anchor.applicationId, eventId: anchor.eventId });
    }
    return builder.plan;
  },

  run(context, archiving, write) {
    const anchor = anchorOf(context.db, archiving.applicationId);
    if (!anchor || anchor.eventId !== archiving.eventId || !closed.includes(anchor.category) || anchor.archived) return 'skipped';
    write.update('applications', archiving.applicationId, { archived: 1 });
    return 'ran';
  },
};
