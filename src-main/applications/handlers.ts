import { defineHandlers } from '../handler';
import { findDuplicates } from './duplicates';
import {
  bulkByFilter,
  bulkUpdateApplications,
  changeStage,
  createApplication,
  deleteApplications,
  liveApplication,
  restoreApplications,
  setArchived,
  updateApplication,
} from './mutations';
import { getApplication, listApplications } from './queries';
import { undoStageMove } from './stage-undo';

export const applicationHandlers = defineHandlers({
  'applications.list': (input, { db }) => listApplications(db, input),
  'applications.get': (input, { db }) => getApplication(db, input.id),
  'applications.create': (input, { db, changes }) => {
    const id = changes.write((write) => createApplication(db, write, input));
    return getApplication(db, id);
  },
  'applications.update': (input, { db, changes }) => {
    changes.write((write) => updateApplication(db, write, input));
    return getApplication(db, input.id);
  },
  'applications.delete': (input, { db, changes }) => {
    changes.write((write) => deleteApplications(db, write, [input.id]));
    return { id: input.id };
  },
  'applications.restore': (input, { db, changes }) => ({
    count: changes.write((write) => restoreApplications(db, write, input.ids)),
  }),
  'applications.setStage': (input, { db, changes }) => {
    const undo = changes.write((write) =>
      changeStage(db, write, { applicationId: input.id, stageId: input.stageId, occurredAt: input.occurredAt, note: input.note }),
    );
    return { ...getApplication(db, input.id), undo };
  },
  'applications.undoStage': (input, { db, changes }) => {
    changes.write((write) => undoStageMove(db, write, input));
    return getApplication(db, input.id);
  },
  'applications.toggleFavorite': (input, { db, changes }) =>
    changes.write((write) => {
      const favorite = liveApplication(db, input.id).favorite === 0;
      write.update('applications', input.id, { favorite: favorite ? 1 : 0 });
      return { id: input.id, favorite };
    }),
  'applications.bulkUpdate': (input, { db, changes }) => ({
    count: changes.write((write) => bulkUpdateApplications(db, write, input)),
  }),
  'applications.bulkDelete': (input, { db, changes }) => ({
    count: changes.write((write) => deleteApplications(db, write, input.ids)),
  }),
  'applications.archive': (input, { db, changes }) => ({
    count: changes.write((write) => setArchived(db, write, input.ids, true)),
  }),
  'applications.unarchive': (input, { db, changes }) => ({
    count: changes.write((write) => setArchived(db, write, input.ids, false)),
  }),
  'applications.duplicates': (input, { db }) => findDuplicates(db, input),
  'applications.bulkByFilter': (input, { db, changes }) => {
    const ids = changes.write((write) => bulkByFilter(db, write, input));
    return { count: ids.length, ids };
  },
});
