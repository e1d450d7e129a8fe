import { createApi } from '../../../src-main/api';
import { openAppContext } from '../../../src-main/context';
import type { CrashKind } from './kind';
import { addApplications, count, readOnly } from './sqlite';

const rows = 600;

/** applications.bulkUpdate of every application: one write, all or none. */
export const bulkUpdateKind: CrashKind = {
  prepare: (dataDir) => addApplications(dataDir, rows, 'Bulk'),
  async run(dataDir, marker, ready) {
    const context = await openAppContext({ dataDir });
    const api = createApi(context);
    const ids = context.db.sqlite.prepare('SELECT id FROM applications WHERE deleted_at IS NULL').pluck().all() as string[];
    ready();
    const result = await api.call('applications.bulkUpdate', { ids, patch: { source: marker, addTags: [marker] } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  },
  inspect(dataDir, marker) {
    return readOnly(dataDir, (db, integrity) => {
      const updated = count(db, `SELECT count(*) FROM applications WHERE source = ?`, marker);
      const tagged = count(db, `SELECT count(*) FROM application_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ? AND at.deleted_at IS NULL`, marker);
      const all = [updated, tagged];
      return { integrity, outcome: all.every((n) => n === 0) ? 'none' : all.every((n) => n === rows) ? 'all' : `partial ${all.join('/')}` };
    });
  },
};
