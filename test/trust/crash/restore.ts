import { createApi } from '../../../src-main/api';
import { closeAppContext, openAppContext } from '../../../src-main/context';
import { createBackup, listBackups } from '../../../src-main/db/backups';
import type { CrashKind } from './kind';
import { addApplications, count, readOnly } from './sqlite';

const inBackup = 1000;
const added = 500;

/**
 * backups.restore of a backup holding fewer applications than the live database: afterwards the database holds
 * the backup's content or its own, never a mix; the checked copy it stages is cleaned at start.
 */
export const restoreKind: CrashKind = {
  async prepare(dataDir) {
    await addApplications(dataDir, inBackup, 'Restore');
    const context = await openAppContext({ dataDir });
    await createBackup(context.db, dataDir, 'manual');
    closeAppContext(context);
    await addApplications(dataDir, added, 'Later');
  },
  async run(dataDir, _marker, ready) {
    const context = await openAppContext({ dataDir });
    const api = createApi(context);
    const [backup] = listBackups(dataDir).filter((candidate) => candidate.reason === 'manual');
    ready();
    const result = await api.call('backups.restore', { path: backup.path });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  },
  inspect(dataDir) {
    return readOnly(dataDir, (db, integrity) => {
      const applications = count(db, 'SELECT count(*) FROM applications');
      const events = count(db, 'SELECT count(*) FROM stage_events');
      const outcome = applications === inBackup && events === inBackup ? 'all' : applications === inBackup + added && events === inBackup + added ? 'none' : `mixed ${applications}/${events}`;
      return { integrity, outcome };
    });
  },
};
