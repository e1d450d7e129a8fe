import type { StageMoveUndo } from '../../src-shared/contract';
import { AppError, notFound } from '../../src-shared/errors';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { StageEventsTable } from '../db/schema';
import { liveApplication } from './mutations';

/**
 * Takes a stage move back, as if it had not happened: its event is removed (so a mis-drag leaves no history for
 * the funnel and the Sankey to count), the event after it leaves the stage before it again, and the dates the
 * move set go back to what they were unless the user changed them since. The current stage and the statistics
 * follow from the history at commit, as for any write.
 */
export function undoStageMove(db: Database, write: WriteContext, undo: StageMoveUndo): void {
  const application = liveApplication(db, undo.id);
  const event = db.sql(`SELECT * FROM stage_events WHERE id = ? AND application_id = ?`).get(undo.eventId, undo.id) as StageEventsTable | undefined;
  if (!event) throw notFound('Stage event', undo.eventId);
  if (event.deleted_at !== null) throw new AppError('CONFLICT', 'This stage change was already undone or deleted', { details: { id: event.id } });
  if (event.from_stage_id === null) throw new AppError('CONFLICT', 'The first stage of an application cannot be undone', { details: { id: event.id } });

  write.softDelete('stage_events', event.id);
  const next = db
    .sql(
      `SELECT id, from_stage_id FROM stage_events WHERE application_id = ? AND deleted_at IS NULL
         AND (occurred_at > ? OR (occurred_at = ? AND id > ?))
       ORDER BY occurred_at, id LIMIT 1`,
    )
    .get(undo.id, event.occurred_at, event.occurred_at, event.id) as { id: string; from_stage_id: string | null } | undefined;
  if (next && next.from_stage_id === event.to_stage_id) write.update('stage_events', next.id, { from_stage_id: event.from_stage_id });

  const restored: Record<string, string | null> = {};
  if (undo.appliedOn && application.applied_on === undo.appliedOn.after) restored.applied_on = undo.appliedOn.before;
  if (undo.firstResponseOn && application.first_response_on === undo.firstResponseOn.after) {
    restored.first_response_on = undo.firstResponseOn.before;
  }
  if (Object.keys(restored).length > 0) write.update('applications', undo.id, restored);
}
