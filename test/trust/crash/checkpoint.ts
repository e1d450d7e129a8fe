import { createApi } from '../../../src-main/api';
import { openAppContext } from '../../../src-main/context';
import type { CrashKind } from './kind';
import { addApplications, count, readOnly } from './sqlite';

const rows = 3000;

/**
 * The checkpoint thread copying a large write-ahead log into the file (src-main/db/checkpointer.ts): the write was
 * committed before, so after the kill every row must be there, whatever part of the log was copied.
 */
export const checkpointKind: CrashKind = {
  prepare: (dataDir) => addApplications(dataDir, rows, 'Checkpointed'),
  async run(dataDir, marker, ready) {
    const context = await openAppContext({ dataDir });
    const api = createApi(context);
    const ids = context.db.sqlite.prepare('SELECT id FROM applications WHERE deleted_at IS NULL').pluck().all() as string[];
    const result = await api.call('applications.bulkUpdate', { ids, patch: { source: marker, favorite: true } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    ready();
    const checkpoints = context.db.backgroundCheckpoints;
    if (!checkpoints) throw new Error('main’s connection has no background checkpoints');
    const outcome = await checkpoints.request('idle');
    if (!outcome.ran || outcome.error) throw new Error(`the checkpoint did not run: ${JSON.stringify(outcome)}`);
  },
  inspect(dataDir, marker) {
    return readOnly(dataDir, (db, integrity) => {
      const updated = count(db, `SELECT count(*) FROM applications WHERE source = ?`, marker);
      return { integrity, outcome: updated === rows ? 'all' : `lost: ${updated} of ${rows} rows committed before the kill` };
    });
  },
};
