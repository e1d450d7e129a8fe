import { listBackups } from '../db/backups';
import { defineHandlers } from '../handler';
import { toBackupInfo } from './info';

/** Creating and restoring copy the whole database: they run as jobs, in a worker (src-main/jobs/work.ts). */
export const backupsHandlers = defineHandlers({
  'backups.list': (_input, context) => listBackups(context.dataDir).map(toBackupInfo),
  'backups.create': (input, context) => context.jobs.run('backups.create', input),
  'backups.restore': (input, context) => context.jobs.run('backups.restore', input),
});
