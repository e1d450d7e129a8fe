import { sql } from 'kysely';
import { latestSchemaVersion, migrations, type Migration } from '../../../migrations';
import { closeAppContext, openAppContext } from '../../../src-main/context';
import type { CrashKind } from './kind';
import { count, readOnly } from './sqlite';

/** A slow migration step, long enough to be killed in the middle of. */
export const heavyMigration: Migration = {
  version: 1000,
  name: '1000_crash_probe',
  up: async (db) => {
    await sql`ALTER TABLE tasks ADD COLUMN crash_probe TEXT`.execute(db);
    await sql`CREATE TABLE crash_probe_rows (n INTEGER PRIMARY KEY, filler TEXT)`.execute(db);
    for (let batch = 0; batch < 12; batch++) {
      await sql`INSERT INTO crash_probe_rows (filler)
        SELECT hex(randomblob(200)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000) SELECT x FROM c)`.execute(db);
    }
  },
};

const withHeavy = [...migrations, heavyMigration];

/** A migration (each runs in its own transaction, after a backup): the schema before it or after it. */
export const migrationKind: CrashKind = {
  migrations: withHeavy,
  async prepare(dataDir) {
    closeAppContext(await openAppContext({ dataDir }));
  },
  async run(dataDir, _marker, ready) {
    ready();
    await openAppContext({ dataDir, migrations: withHeavy });
  },
  inspect(dataDir) {
    return readOnly(dataDir, (db, integrity) => {
      const version = db.pragma('user_version', { simple: true }) as number;
      const hasColumn = (db.prepare(`SELECT name FROM pragma_table_info('tasks')`).pluck().all() as string[]).includes('crash_probe');
      const hasTable = count(db, `SELECT count(*) FROM sqlite_master WHERE name = 'crash_probe_rows'`) === 1;
      const rows = hasTable ? count(db, `SELECT count(*) FROM crash_probe_rows`) : 0;
      if (version === latestSchemaVersion && !hasColumn && !hasTable) return { integrity, outcome: 'none' };
      if (version === 1000 && hasColumn && rows === 24_000) return { integrity, outcome: 'all' };
      return { integrity, outcome: `partial v${version} column=${hasColumn} rows=${rows}` };
    });
  },
};
