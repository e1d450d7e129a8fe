import { createApi } from '../../../src-main/api';
import { openAppContext } from '../../../src-main/context';
import { listBackups } from '../../../src-main/db/backups';
import type { CrashKind } from './kind';
import { addApplications, count, readOnly } from './sqlite';

/** Enough data that a snapshot takes a while (about 5 MB). */
const rows = 3000;

/** backups.create: a complete snapshot under its final name, or none (the half-written one is cleaned at start). */
export const backupKind: CrashKind = {
  prepare: (dataDir) => addApplications(dataDir, rows, 'Backup'),
  async run(dataDir, _marker, ready) {
    const api = createApi(await openAppContext({ dataDir }));
    ready();
    const result = await api.call('backups.create', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  },
  inspect(dataDir) {
    const live = readOnly(dataDir, (_db, integrity) => integrity);
    // Every file that looks like a backup must be one: complete, intact, with every row.
    const backups = listBackups(dataDir).map((backup) =>
      readOnly(dataDir, (db, integrity) => (integrity === 'ok' && count(db, 'SELECT count(*) FROM applications') === rows ? 'ok' : `bad ${integrity}`), backup.path),
    );
    const outcome = backups.length === 0 ? 'none' : backups.length === 1 && backups[0] === 'ok' ? 'all' : `backups ${backups.join(', ')}`;
    return { integrity: live, outcome };
  },
};
