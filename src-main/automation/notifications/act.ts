import { AppError, notFound } from '../../../src-shared/errors';
import type { ActResult, ParsedInput, SnoozeDuration } from '../../../src-shared/contract';
import { undoStageMove } from '../../applications/stage-undo';
import type { WriteContext } from '../../changes/writer';
import type { Database } from '../../db/connection';
import { dayMs, hourMs } from '../local-time';
import { notificationRows } from './queries';

const snoozeMs: Record<SnoozeDuration, number> = { hour: hourMs, day: dayMs, week: 7 * dayMs };

/** Kinds whose subject is a task: marking the notification done marks the task done too. */
const taskKinds = new Set(['task-due', 'follow-up']);

/** Applies one of the centre's actions to notifications (see `actOnNotificationsInput` for what each does). */
export function actOnNotifications(db: Database, write: WriteContext, input: ParsedInput<'notifications.act'>): ActResult {
  const ids = [...new Set(input.ids)];
  const rows = notificationRows(db, ids);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound('Notification', missing);
  if (input.action === 'undo') {
    const notUndoable = rows.find((row) => row.kind !== 'ghosted' || row.event_id === null || row.event_deleted !== null);
    if (notUndoable) {
      throw new AppError('CONFLICT', `Notification ${notUndoable.id} has nothing to undo`, { details: { reason: 'not_undoable', id: notUndoable.id } });
    }
  }
  const now = write.now;
  let count = 0;
  for (const row of rows) {
    const fields: Record<string, string | null> = {};
    switch (input.action) {
      case 'read':
        if (row.read_at === null || row.read_at < (row.snoozed_until ?? row.due_at)) fields.read_at = now;
        break;
      case 'unread':
        fields.read_at = null;
        break;
      case 'done':
        if (row.done_at === null) {
          fields.done_at = now;
          fields.read_at = now;
          if (taskKinds.has(row.kind) && row.subject_id && row.task_done === null && row.task_deleted === null) {
            write.update('tasks', row.subject_id, { done_at: now });
          }
        }
        break;
      case 'dismiss':
        if (row.dismissed_at === null) Object.assign(fields, { dismissed_at: now, read_at: now });
        break;
      case 'snooze':
        Object.assign(fields, { snoozed_until: new Date(Date.parse(now) + snoozeMs[input.duration]).toISOString(), done_at: null, dismissed_at: null });
        break;
      case 'restore':
        Object.assign(fields, { done_at: null, dismissed_at: null, snoozed_until: null });
        // A task this notification marked done (at the same moment) is reopened with it.
        if (row.done_at !== null && taskKinds.has(row.kind) && row.subject_id && row.task_done === row.done_at) {
          write.update('tasks', row.subject_id, { done_at: null });
        }
        break;
      case 'undo':
        // The same undo as a stage move's (the event after it leaves the stage before it again).
        undoStageMove(db, write, { id: row.application_id!, eventId: row.subject_id! });
        Object.assign(fields, { done_at: now, read_at: now });
        break;
    }
    if (write.update('notifications', row.id, fields)) count += 1;
  }
  return { count };
}

/** Takes back an automatic stage event (the history's Undo), and marks its notification done. */
export function undoAutomaticEvent(db: Database, write: WriteContext, stageEventId: string): { applicationId: string } {
  const event = db.sql(`SELECT application_id, automation, deleted_at FROM stage_events WHERE id = ?`).get(stageEventId) as
    | { application_id: string; automation: string | null; deleted_at: string | null }
    | undefined;
  if (!event || event.deleted_at !== null) throw notFound('Stage event', stageEventId);
  if (event.automation === null) {
    throw new AppError('CONFLICT', `Stage event ${stageEventId} was not made by a rule`, { details: { reason: 'not_automatic', id: stageEventId } });
  }
  undoStageMove(db, write, { id: event.application_id, eventId: stageEventId });
  const notifications = db.sql(`SELECT id FROM notifications WHERE subject_id = ? AND kind = 'ghosted' AND deleted_at IS NULL AND done_at IS NULL`).pluck().all(stageEventId) as string[];
  for (const id of notifications) write.update('notifications', id, { done_at: write.now, read_at: write.now });
  return { applicationId: event.application_id };
}
