import { closedStageCategories } from '../../../src-shared/contract';
import { readSettingsRow } from '../settings';
import type { JobKind, Occurrence } from '../scheduler';
import { rulePlan } from './common';
import { anchorKey, currentState, dueAnchors, nextAnchorDue, type AnchorRule } from './stage-anchor';

const job = 'auto-archive';
const closed: readonly string[] = ['accepted', ...closedStageCategories];

interface Archiving extends Occurrence {
  applicationId: string;
  anchorAt: string;
}

/** An instant plus calendar months (UTC): 6 months after 31 August is early March, as a calendar reads it. */
export function addMonthsTo(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

const ruleOf = (months: number): AnchorRule => ({
  job,
  categories: closed,
  dueOf: (anchor) => addMonthsTo(anchor, months),
  anchorDueBy: (due) => addMonthsTo(due, -months),
  // Months are not all as long (31 August + 6 months): a few days' margin on the SQL side, the exact moment in JS.
  slackMs: 4 * 24 * 60 * 60 * 1000,
  sqlShift: `-${months} months`,
});

/**
 * Archives an application N months after it closed (accepted, rejected, withdrawn or ghosted). Counted from the
 * moment it entered its closed stage; unarchived by the user, it stays so, until it is reopened and closed again.
 */
export const autoArchiveJob: JobKind<Archiving> = {
  name: job,

  plan: rulePlan('archive', (context, builder, since) => {
    const rule = ruleOf(readSettingsRow(context.db).archive_months);
    for (const anchor of dueAnchors(context.db, rule, since, builder.now)) {
      builder.consider({ key: anchorKey(anchor), dueAt: anchor.dueAt, applicationId: anchor.applicationId, anchorAt: anchor.anchorAt });
    }
    builder.later(nextAnchorDue(context.db, rule, since, builder.now));
  }),

  run(context, archiving, write) {
    const state = currentState(context.db, archiving.applicationId);
    if (!state || state.anchorAt !== archiving.anchorAt || !closed.includes(state.category) || state.archived) return 'skipped';
    write.update('applications', archiving.applicationId, { archived: 1 });
    return 'ran';
  },
};
