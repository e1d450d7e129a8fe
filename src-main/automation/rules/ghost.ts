import { z } from 'zod';
import type { WriteContext } from '../../changes/writer';
import type { Database } from '../../db/connection';
import { firstStageOf } from '../../stages/lookup';
import { readSettingsRow } from '../settings';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { insertNotification, insertOnce, rulePlan } from './common';
import { anchorKey, currentState, daysShift, dueAnchors, nextAnchorDue, type AnchorRule } from './stage-anchor';

export const ghostJob = 'auto-ghost';

/** What an automatic stage event carries in its `automation` column. */
export const automaticEventSchema = z.object({ rule: z.literal(ghostJob), anchor: z.string() });

interface Ghosting extends Occurrence {
  applicationId: string;
  anchorAt: string;
  fromStageId: string;
  days: number;
}

const ruleOf = (days: number): AnchorRule => ({ job: ghostJob, categories: ['applied'], unanswered: true, ...daysShift(days) });

/**
 * Marks as ghosted an application that got no answer N days after it was sent: a stage event to the first stage of
 * the ghosted category, at the moment it fell due, labelled as automatic (its `automation` column) and undoable.
 * Only while the application still sits in the stage it was sent in, with no answer: any move of the user's ends it.
 */
export const autoGhostJob: JobKind<Ghosting> = {
  name: ghostJob,

  plan: rulePlan('ghost', (context, builder, since) => {
    const days = readSettingsRow(context.db).ghost_days;
    const rule = ruleOf(days);
    for (const anchor of dueAnchors(context.db, rule, since, builder.now)) {
      builder.consider({ key: anchorKey(anchor), dueAt: anchor.dueAt, applicationId: anchor.applicationId, anchorAt: anchor.anchorAt, fromStageId: anchor.stageId, days });
    }
    builder.later(nextAnchorDue(context.db, rule, since, builder.now));
  }),

  run(context, ghosting, write) {
    const { db } = context;
    const state = currentState(db, ghosting.applicationId);
    const ghosted = firstStageOf(db, 'ghosted');
    if (!state || state.anchorAt !== ghosting.anchorAt || state.category !== 'applied' || state.firstResponseOn !== null || state.archived || !ghosted) {
      return 'skipped';
    }
    const eventId = occurrenceId(ghostJob, ghosting.key, 'event');
    insertOnce(db, write, 'stage_events', eventId, {
      application_id: ghosting.applicationId,
      from_stage_id: ghosting.fromStageId,
      to_stage_id: ghosted.id,
      occurred_at: new Date(ghosting.dueAt).toISOString(),
      note: null,
      automation: JSON.stringify({ rule: ghostJob, anchor: ghosting.anchorAt }),
    });
    insertNotification(db, write, {
      id: occurrenceId(ghostJob, ghosting.key, 'notification'),
      kind: 'ghosted',
      applicationId: ghosting.applicationId,
      subjectId: eventId,
      data: { days: ghosting.days },
      dueAt: ghosting.dueAt,
    });
    return 'ran';
  },

  reconcile(context, write) {
    retractOverriddenGhostings(context.db, write);
  },
};

/**
 * Takes back automatic ghostings that a move of the user's made wrong: a stage event of theirs between the one the
 * rule counted from and the ghosting, which only sync can bring (the user moved the application on another device
 * before this one, offline, ghosted it). The user's change always wins; both devices retract the same row.
 */
export function retractOverriddenGhostings(db: Database, write: WriteContext): number {
  const rows = db
    .sql(
      `SELECT g.id, g.application_id, g.occurred_at, g.automation FROM stage_events g
       WHERE g.automation IS NOT NULL AND g.deleted_at IS NULL
         AND EXISTS (SELECT 1 FROM stage_events u WHERE u.application_id = g.application_id AND u.deleted_at IS NULL
           AND u.automation IS NULL AND u.id != g.id AND u.occurred_at <= g.occurred_at
           AND u.occurred_at > g.automation ->> '$.anchor')`,
    )
    .all() as { id: string; application_id: string; occurred_at: string; automation: string }[];
  let retracted = 0;
  for (const row of rows) {
    if (write.softDelete('stage_events', row.id)) retracted += 1;
  }
  return retracted;
}

/** Whether a stage event was written by a rule (and which). */
export function automaticRuleOf(automation: string | null): string | null {
  if (automation === null) return null;
  try {
    return automaticEventSchema.parse(JSON.parse(automation)).rule;
  } catch {
    return null;
  }
}
