/**
 * A child process that opens a database and does one large operation, to be killed with SIGKILL at a random
 * moment by test/trust/crash.test.ts and `npm run soak`. It prints "ready" once the database is open.
 *   tsx test/trust/crash-worker.ts <dataDir> <import|bulkUpdate|migration> <marker>
 */
import { sql } from 'kysely';
import { migrations, type Migration } from '../../migrations';
import { createApi } from '../../src-main/api';
import { createApplication } from '../../src-main/applications/mutations';
import { openAppContext } from '../../src-main/context';

const [dataDir, operation, marker] = process.argv.slice(2);

/** A slow migration step, long enough to be killed in the middle of. */
export const heavyMigration: Migration = {
  version: 1000,
  name: '1000_crash_probe',
  up: async (db) => {
    await sql`ALTER TABLE tasks ADD COLUMN crash_probe TEXT`.execute(db);
    await sql`CREATE TABLE crash_probe_rows (n INTEGER PRIMARY KEY, filler TEXT)`.execute(db);
    for (let batch = 0; batch < 60; batch++) {
      await sql`INSERT INTO crash_probe_rows (filler)
        SELECT hex(randomblob(200)) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000) SELECT x FROM c)`.execute(db);
    }
  },
};

async function main(): Promise<void> {
  const withHeavy = operation === 'migration';
  const context = await openAppContext({ dataDir, migrations: withHeavy ? [...migrations] : undefined });
  if (withHeavy) {
    context.db.close();
    process.stdout.write('ready\n');
    await openAppContext({ dataDir, migrations: [...migrations, heavyMigration] });
    process.stdout.write('done\n');
    return;
  }
  process.stdout.write('ready\n');
  if (operation === 'import') {
    // One transaction of many applications, as an import writes them: all or none.
    context.changes.write((write) => {
      for (let index = 0; index < 3000; index++) {
        createApplication(context.db, write, {
          companyName: `${marker} company ${index % 300}`,
          position: `${marker} position ${index}`,
          notes: 'x'.repeat(400),
          tags: [marker],
        });
      }
    });
  } else if (operation === 'bulkUpdate') {
    const api = createApi(context);
    const ids = context.db.sqlite.prepare('SELECT id FROM applications WHERE deleted_at IS NULL').pluck().all() as string[];
    const result = await api.call('applications.bulkUpdate', { ids, patch: { source: marker, addTags: [marker] } });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  } else {
    throw new Error(`unknown operation ${operation}`);
  }
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
