import { z } from 'zod';
import { id, requiredText } from './common';
import { stageCategories, type StageCategory } from './enums';

export const createStageInput = z.object({ name: requiredText(80), category: z.enum(stageCategories) }).strict();
export const renameStageInput = z.object({ id, name: requiredText(80) }).strict();
/** The new order of the stages of one category (every live stage of that category, once). */
export const reorderStagesInput = z.object({ ids: z.array(id).min(1).max(200) }).strict();
export const deleteStageInput = z
  .object({ id, replacementId: id })
  .strict()
  .refine((value) => value.id !== value.replacementId, {
    message: 'a stage cannot replace itself',
    path: ['replacementId'],
  });

export interface Stage {
  id: string;
  /** null for built-in stages that keep their translated default name. */
  name: string | null;
  category: StageCategory;
  position: number;
  applicationCount: number;
}

/** Bounds an undo's size per list: two full lists of ids stay under the HTTP API's 25 MB body limit. */
const maxEvents = 250_000;

/** The input of `stages.restore`: exactly the `undo` a stage deletion returned. */
export const restoreStageInput = z
  .object({
    id,
    replacementId: id,
    /** Events whose `to` stage was the deleted one. */
    toEventIds: z.array(id).max(maxEvents),
    /** Events whose `from` stage was the deleted one. */
    fromEventIds: z.array(id).max(maxEvents),
  })
  .strict()
  .refine((value) => value.id !== value.replacementId, {
    message: 'a stage cannot replace itself',
    path: ['replacementId'],
  });

export type StageDeleteUndo = z.output<typeof restoreStageInput>;

export interface StageDeleteResult {
  id: string;
  /** Live applications that were at the deleted stage. */
  reassigned: number;
  undo: StageDeleteUndo;
}
