import { defineHandlers } from '../handler';
import { actOnNotifications, undoAutomaticEvent } from './notifications/act';
import { listNotifications } from './notifications/queries';
import { readSettings, updateSettings } from './settings';
import { listWeeklySummaries } from './summary';

export const automationHandlers = defineHandlers({
  'automation.settings': (_input, { db }) => readSettings(db),
  'automation.update': (input, { db, changes }) => {
    changes.write((write) => updateSettings(db, write, input));
    return readSettings(db);
  },
  'automation.summaries': (input, { db }) => listWeeklySummaries(db, input.limit, input.offset),
  'automation.undo': (input, { db, changes }) => changes.write((write) => undoAutomaticEvent(db, write, input.stageEventId)),
  'notifications.list': (input, { db, clock }) => listNotifications(db, clock.now(), input),
  'notifications.act': (input, { db, changes }) => changes.write((write) => actOnNotifications(db, write, input)),
});
