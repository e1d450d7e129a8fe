import type { ParsedInput, StageDeleteResult } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { requireExisting } from '../shared/require';
import { liveStage } from './lookup';
import { repointStageEvents } from './repoint-events';

const categoryOf = (db: Database, stageId: string) => db.sql(`SELECT category FROM stages WHERE id = ?`).pluck().get(stageId) as string;

/**
 * Deletes a stage into a replacement: every history event that named it names the replacement instead (the
 * current stage of the applications follows; repoint-events.ts). Returns what `restoreStage` undoes.
 */
export function deleteStage(db: Database, write: WriteContext, input: ParsedInput<'stages.delete'>): StageDeleteResult {
  const stage = liveStage(db, input.id);
  const replacement = liveStage(db, input.replacementId);
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
  const move = { from: input.id, to: input.replacementId } as const;
  const sameCategory = stage.category === replacement.category;
  const toEventIds = repointStageEvents(db, write, { ...move, column: 'to_stage_id' }, sameCategory);
  const fromEventIds = repointStageEvents(db, write, { ...move, column: 'from_stage_id' }, sameCategory);
  write.softDelete('stages', input.id);
  return { id: input.id, reassigned, undo: { id: input.id, replacementId: input.replacementId, toEventIds, fromEventIds } };
}

/** Undoes a deletion: the stage comes back, and each event it lost that still names the replacement names it again. */
export function restoreStage(db: Database, write: WriteContext, undo: ParsedInput<'stages.restore'>): void {
  requireExisting(db, 'stages', undo.id);
  requireExisting(db, 'stages', undo.replacementId);
  write.restore('stages', undo.id);
  // Only the events that still name the replacement: one the user pointed elsewhere since keeps the newer choice.
  const back = { from: undo.replacementId, to: undo.id } as const;
  const sameCategory = categoryOf(db, undo.id) === categoryOf(db, undo.replacementId);
  repointStageEvents(db, write, { ...back, column: 'to_stage_id', ids: undo.toEventIds }, sameCategory);
  repointStageEvents(db, write, { ...back, column: 'from_stage_id', ids: undo.fromEventIds }, sameCategory);
}
