import { defineHandlers } from '../handler';

export const appHandlers = defineHandlers({
  'app.info': (_input, context) => ({
    version: context.version,
    dataDir: context.dataDir,
    databasePath: context.databaseFile,
    schemaVersion: context.db.userVersion,
    shell: context.shell,
  }),
});
