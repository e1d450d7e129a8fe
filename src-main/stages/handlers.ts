import { AppError } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import { deleteStage, restoreStage } from './delete';
import { listStages, liveStage } from './lookup';

function stageById(stages: ReturnType<typeof listStages>, id: string) {
  return stages.find((stage) => stage.id === id)!;
}

export const stageHandlers = defineHandlers({
  'stages.list': (_input, { db }) => listStages(db),
  'stages.create': (input, { db, changes }) => {
    const id = changes.write((write) => {
      const last = db
        .sql(`SELECT max(position) FROM stages WHERE category = ? AND deleted_at IS NULL`)
        .pluck()
        .get(input.category) as number | null;
      return write.insert('stages', { name: input.name, category: input.category, position: (last ?? -1) + 1 });
    });
    return stageById(listStages(db), id);
  },
  'stages.rename': (input, { db, changes }) => {
    changes.write((write) => {
      liveStage(db, input.id);
      write.update('stages', input.id, { name: input.name });
    });
    return stageById(listStages(db), input.id);
  },
  'stages.reorder': (input, { db, changes }) => {
    changes.write((write) => {
      const stages = input.ids.map((id) => liveStage(db, id));
      const category = stages[0].category;
      const all = db.sql(`SELECT id FROM stages WHERE category = ? AND deleted_at IS NULL`).pluck().all(category) as string[];
      const given = new Set(input.ids);
      if (stages.some((stage) => stage.category !== category) || given.size !== input.ids.length || all.some((id) => !given.has(id))) {
        throw new AppError('VALIDATION', 'Invalid input: ids: give every stage of one category, once each', {
          issues: [{ path: 'ids', code: 'custom', message: 'give every stage of one category, once each' }],
        });
      }
      input.ids.forEach((id, position) => write.update('stages', id, { position }));
    });
    return listStages(db);
  },
  'stages.delete': (input, { db, changes }) => changes.write((write) => deleteStage(db, write, input)),
  'stages.restore': (input, { db, changes }) => {
    changes.write((write) => restoreStage(db, write, input));
    return stageById(listStages(db), input.id);
  },
});
