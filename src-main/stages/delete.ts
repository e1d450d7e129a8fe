import type { ParsedInput, StageDeleteResult } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { requireExisting } from '../shared/require';
import { repointBack } from '../shared/repoint';
import { liveStage } from './lookup';

const eventsNaming = (db: Database, column: 'to_stage_id' | 'from_stage_id', stageId: string) =>
  db.sql(`SELECT id FROM stage_events WHERE ${column} = ?`).pluck().all(stageId) as string[];

/**
 * Deletes a stage into a replacement: every history event that named it names the replacement instead (the
 * current stage of the applications follows, derived by the write path). Returns what `restoreStage` undoes.
 */
export function deleteStage(db: Database, write: WriteContext, input: ParsedInput<'stages.delete'>): StageDeleteResult {
  const stage = liveStage(db, input.id);
  liveStage(db, input.replacementId);
  // Every category keeps a stage: new applications go to the first "applied" one, the board shows each category.
  const inCategory = db.sql(`SELECT count(*) FROM stages WHERE category = ? AND deleted_at IS NULL`).pluck().get(stage.category) as number;
  if (inCategory <= 1) {
    throw new AppError('CONFLICT', `The last stage of the category ${stage.category} cannot be deleted`, {
      details: { category: stage.category },
    });
  }
  const reassigned = db
    .sql(`SELECT count(*) FROM applications WHERE stage_id = ? AND deleted_at IS NULL`)
    .pluck()
    .get(input.id) as number;
  // The history keeps its shape: every event that named the deleted stage now names its replacement.
  const toEventIds = eventsNaming(db, 'to_stage_id', input.id);
  for (const id of toEventIds) write.update('stage_events', id, { to_stage_id: input.replacementId });
  const fromEventIds = eventsNaming(db, 'from_stage_id', input.id);
  for (const id of fromEventIds) write.update('stage_events', id, { from_stage_id: input.replacementId });
  write.softDelete('stages', input.id);
  return { id: input.id, reassigned, undo: { id: input.id, replacementId: input.replacementId, toEventIds, fromEventIds } };
}

/** Undoes a deletion: the stage comes back, and each event it lost that still names the replacement names it again. */
export function restoreStage(db: Database, write: WriteContext, undo: ParsedInput<'stages.restore'>): void {
  requireExisting(db, 'stages', undo.id);
  requireExisting(db, 'stages', undo.replacementId);
  write.restore('stages', undo.id);
  const back = { table: 'stage_events', from: undo.replacementId, to: undo.id } as const;
  repointBack(db, write, { ...back, column: 'to_stage_id', ids: undo.toEventIds });
  repointBack(db, write, { ...back, column: 'from_stage_id', ids: undo.fromEventIds });
}
