import { createApplication } from '../../../src-main/applications/mutations';
import { openAppContext } from '../../../src-main/context';
import type { CrashKind } from './kind';
import { count, readOnly } from './sqlite';

const rows = 600;

/** One transaction of many applications, as an import writes them: all or none. */
export const importKind: CrashKind = {
  async run(dataDir, marker, ready) {
    const context = await openAppContext({ dataDir });
    ready();
    context.changes.write((write) => {
      for (let index = 0; index < rows; index++) {
        createApplication(context.db, write, {
          companyName: `${marker} company ${index % 300}`,
          position: `${marker} position ${index}`,
          notes: 'x'.repeat(400),
          tags: [marker],
        });
      }
    });
  },
  inspect(dataDir, marker) {
    return readOnly(dataDir, (db, integrity) => {
      const applications = count(db, `SELECT count(*) FROM applications WHERE position LIKE ?`, `${marker} %`);
      const events = count(db, `SELECT count(*) FROM stage_events e JOIN applications a ON a.id = e.application_id WHERE a.position LIKE ?`, `${marker} %`);
      const indexed = count(db, `SELECT count(*) FROM applications_fts WHERE applications_fts MATCH ?`, `"${marker}"`);
      const logged = count(db, `SELECT count(DISTINCT row_id) FROM change_log WHERE table_name = 'applications' AND column_name = '*' AND value ->> 'position' LIKE ?`, `${marker} %`);
      const all = [applications, events, indexed, logged];
      return { integrity, outcome: all.every((n) => n === 0) ? 'none' : all.every((n) => n === rows) ? 'all' : `partial ${all.join('/')}` };
    });
  },
};
