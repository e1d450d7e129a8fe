import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { captureStatements, planOf } from '../db/support/statements';

/**
 * "Select all → archive" acts on the applications the filters match when it runs, set-based through the write
 * path (change log, clocks, statistics), and its Undo (unarchive the ids it returns) puts them back.
 */
let app: TempApp;

beforeAll(async () => {
  app = await openTempApp();
  for (let index = 0; index < 60; index += 1) {
    await app.api.invoke('applications.create', {
      companyName: `Company ${index % 5}`,
      position: index % 3 === 0 ? 'Backend developer' : 'Data analyst',
      workMode: index % 2 === 0 ? 'remote' : 'hybrid',
      archived: index % 10 === 0,
    });
  }
});
afterAll(() => app.close());

const list = async (filters: object) => (await app.api.invoke('applications.list', { ...filters, limit: 1000 })).items.map((item) => item.id).sort();

function maintained(): unknown[] {
  const { db } = app.context;
  return [db.sql(`SELECT * FROM statistics_facts ORDER BY seq`).all(), db.sql(`SELECT * FROM statistics_cells ORDER BY kind, scope, key, value`).all()];
}

describe('applications.bulkByFilter', () => {
  it('touches exactly the rows the filters match at that moment, and its Undo restores them', async () => {
    const filters = { workModes: ['remote' as const], text: 'backend' };
    const archivedBefore = await list({ archived: true });
    // A row that starts matching just before the action runs is included; one excepted by the user is not.
    const late = await app.api.invoke('applications.create', { companyName: 'Late', position: 'Backend developer', workMode: 'remote' });
    const matching = await list(filters);
    expect(matching).toContain(late.id);
    const except = matching[0] === late.id ? matching[1] : matching[0];
    const others = await list({ archived: 'all' });

    const result = await app.api.invoke('applications.bulkByFilter', { filters, except: [except], action: 'archive' });
    const expected = matching.filter((id) => id !== except);
    expect(result.count).toBe(expected.length);
    expect([...result.ids].sort()).toEqual(expected);
    expect(await list(filters)).toEqual([except]);
    expect(await list({ ...filters, archived: true })).toEqual(expect.arrayContaining(expected));
    // Nothing else changed: every other row keeps its archived flag.
    const archivedNow = new Set(await list({ archived: true }));
    for (const id of others.filter((id) => !expected.includes(id))) {
      const wasArchived = (await app.api.invoke('applications.get', { id })).archived;
      expect(archivedNow.has(id)).toBe(wasArchived);
    }
    // Logged once per row, under one timestamp, and the maintained statistics follow.
    const entries = app.context.db
      .sql(`SELECT count(*) AS n, count(DISTINCT hlc) AS clocks FROM change_log WHERE column_name = 'archived' AND value = 1`)
      .get() as { n: number; clocks: number };
    expect(entries.n).toBe(expected.length);
    expect(entries.clocks).toBe(1);
    const kept = maintained();
    rebuildStatistics(app.context.db);
    expect(maintained()).toEqual(kept);
    // Search still finds them (archived rows keep their full-text entry).
    expect((await app.api.invoke('applications.list', { text: 'backend', archived: 'all', limit: 1000 })).items.length).toBe(
      (await list({ archived: 'all' })).length - (await list({ archived: 'all', text: 'analyst' })).length,
    );

    await app.api.invoke('applications.unarchive', { ids: result.ids });
    expect(await list(filters)).toEqual(matching);
    await app.api.invoke('applications.delete', { id: late.id });
    expect(await list({ archived: true })).toEqual(archivedBefore);
  });
});

describe('applications.bulkByFilter on most of the table', () => {
  it('walks the table in rowid order when it changes more than half the applications, an index otherwise, and logs and clocks every row it changes', async () => {
    const own = await openTempApp();
    try {
      const { db } = own.context;
      // Applied dates run against the order of creation: the list's index (by applied date) visits the rows last to first.
      for (let index = 0; index < 12; index += 1) {
        await own.api.invoke('applications.create', {
          companyName: `Company ${index % 3}`,
          position: 'Developer',
          workMode: index % 2 === 0 ? 'remote' : 'hybrid',
          appliedOn: `2025-01-${String(index + 1).padStart(2, '0')}`,
        });
      }
      const seen = captureStatements(db);
      const archiveUpdates = () => seen.filter((text) => /^UPDATE applications AS a\b/.test(text) && /SET archived = \?/.test(text));
      const loggedSince = (seq: number) => db.sql(`SELECT row_id FROM change_log WHERE seq > ? AND column_name = 'archived' ORDER BY seq`).pluck().all(seq) as string[];
      const lastSeq = () => db.sql(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;

      let from = lastSeq();
      const all = await own.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
      expect(all.count).toBe(12);
      const [whole] = archiveUpdates();
      expect(whole).toMatch(/^UPDATE applications AS a NOT INDEXED SET/);
      expect(planOf(db, whole).join('\n')).toMatch(/^SCAN a$/m);
      expect(loggedSince(from).sort()).toEqual([...all.ids].sort());
      const clocked = db
        .sql(`SELECT count(*) FROM row_clocks WHERE row_id IN (SELECT value FROM json_each(?)) AND json_extract(clocks, '$.archived') IS NOT NULL`)
        .pluck()
        .get(JSON.stringify(all.ids));
      expect(clocked).toBe(12);
      await own.api.invoke('applications.unarchive', { ids: all.ids });

      // A filter: its own rows through an index, as before.
      seen.length = 0;
      from = lastSeq();
      const remote = await own.api.invoke('applications.bulkByFilter', { filters: { workModes: ['remote'], appliedFrom: '2025-01-01' }, action: 'archive' });
      expect(remote.count).toBe(6);
      expect(archiveUpdates()).toHaveLength(1);
      expect(archiveUpdates()[0]).not.toMatch(/NOT INDEXED/);
      expect(planOf(db, archiveUpdates()[0]).join('\n')).toMatch(/USING INDEX applications_live_order/);
      expect(loggedSince(from).sort()).toEqual([...remote.ids].sort());
      // No filter, but half the applications left to change: the index again (a scan reads every row for few).
      seen.length = 0;
      from = lastSeq();
      const rest = await own.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
      expect(rest.count).toBe(6);
      expect(archiveUpdates()[0]).not.toMatch(/NOT INDEXED/);
      expect(loggedSince(from).sort()).toEqual([...rest.ids].sort());
      expect((await own.api.invoke('applications.list', { limit: 100 })).items).toHaveLength(0);
    } finally {
      own.close();
    }
  });
});
