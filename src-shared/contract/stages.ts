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
