import { z } from 'zod';
import type { WriteContext } from '../../changes/writer';
import type { Database } from '../../db/connection';
import { firstStageOf } from '../../stages/lookup';
import { dayMs } from '../local-time';
import { readSettingsRow } from '../settings';
import { occurrenceId, type JobKind, type Occurrence } from '../scheduler';
import { actionable, anchorOf, anchorsIn, insertNotification, insertOnce, PlanBuilder, ranKeys, ruleActiveSince } from './common';

export const ghostJob = 'auto-ghost';

/** What an automatic stage event carries in its `automation` column. */
export const automaticEventSchema = z.object({ rule: z.literal(ghostJob), anchor: z.string() });

interface Ghosting extends Occurrence {
  applicationId: string;
  eventId: string;
  anchorAt: string;
  fromStageId: string;
  days: number;
}

/**
 * Marks as ghosted an application that got no answer N days after it was sent: a stage event to the first stage of
 * the ghosted category, at the moment it fell due, labelled as automatic (its `automation` column) and undoable.
 * Only while the application still sits in the stage it was sent in, with no answer: any move of the user's ends it.
 */
export const autoGhostJob: JobKind<Ghosting> = {
  name: ghostJob,

  plan(context, now) {
    const builder = new PlanBuilder<Ghosting>(now);
    const since = ruleActiveSince(context, 'ghost', now);
    if (since === null) return builder.plan;
    const days = readSettingsRow(context.db).ghost_days;
    const anchors = anchorsIn(context.db, ['applied'], { unansweredOnly: true });
    const ran = ranKeys(context.db, ghostJob, anchors.map((anchor) => anchor.eventId));
    for (const anchor of anchors) {
      const dueAt = Date.parse(anchor.occurredAt) + days * dayMs;
      if (ran.has(anchor.eventId) || !actionable(dueAt, since, anchor.createdAt)) continue;
      builder.consider({
        key: anchor.eventId,
        dueAt,
        applicationId: anchor.applicationId,
        eventId: anchor.eventId,
        anchorAt: anchor.occurredAt,
        fromStageId: anchor.toStageId,
        days,
      });
    }
    return builder.plan;
  },

  run(context, ghosting, write) {
    const { db } = context;
    const anchor = anchorOf(db, ghosting.applicationId);
    const ghosted = firstStageOf(db, 'ghosted');
    if (!anchor || anchor.eventId !== ghosting.eventId || anchor.category !== 'applied' || anchor.firstResponseOn !== null || anchor.archived || !ghosted) {
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
