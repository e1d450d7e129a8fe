import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import type { Database } from '../../src-main/db/connection';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { openTempApp } from '../support/temp-app';
import { expectDashboardMatchesReference } from './support/expect-reference';
import { buildScenario, today } from './support/scenario';

/**
 * Migration 0250 keys the cells with the scope last, so that a write's two changes of one count (active, all) land
 * on one page. It must upgrade a database that holds cells under the old key, keeping every count.
 */
const cells = (db: Database) => db.sql(`SELECT kind, scope, key, value, count FROM statistics_cells ORDER BY kind, scope, key, value`).all();
const primaryKey = (db: Database) =>
  (db.sql(`SELECT name, pk FROM pragma_table_info('statistics_cells') WHERE pk > 0 ORDER BY pk`).all() as { name: string }[]).map((column) => column.name);

describe('the cells keyed with the scope last (migration 0250)', () => {
  it('upgrades cells kept under the old key, count for count, and keeps them maintained', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 250) });
    const { ids } = await buildScenario(before.api);
    expect(primaryKey(before.context.db)).toEqual(['kind', 'scope', 'key', 'value']);
    const counted = cells(before.context.db);
    expect(counted.length).toBeGreaterThan(50);
    closeAppContext(before.context);

    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      expect(primaryKey(db)).toEqual(['kind', 'key', 'value', 'scope']);
      expect(db.sql(`SELECT 1 FROM sqlite_master WHERE name = 'statistics_cells' AND sql LIKE '%WITHOUT ROWID%'`).get()).toBeDefined();
      expect(cells(db)).toEqual(counted);

      // Writes after the upgrade keep both scopes of each count right.
      const { companyId, stageId } = await after.api.invoke('applications.get', { id: ids.ghosted });
      await after.api.invoke('applications.create', { companyId, stageId, position: 'After the upgrade', source: 'referral', location: 'Lyon' });
      await after.api.invoke('applications.archive', { ids: [ids.ghosted] });
      await after.api.invoke('applications.update', { id: ids.waiting, patch: { source: 'linkedin', requiredSkills: ['Go'] } });
      const maintained = cells(db);
      rebuildStatistics(db);
      expect(maintained).toEqual(cells(db));
      await expectDashboardMatchesReference(after, {}, today);
      await expectDashboardMatchesReference(after, { archived: 'all' }, today);
    } finally {
      after.close();
    }
  });
});
