import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { derivedDataPending } from '../../src-main/changes/bulk-rows';
import type { Change } from '../../src-main/changes/writer';
import type { Database } from '../../src-main/db/connection';
import { applyBootstrap } from '../../src-main/sync/bootstrap';
import { converge } from '../../src-main/sync/converge';
import { EntryParser, type WireEntry } from '../../src-main/sync/entries';
import { snapshotEntries } from '../../src-main/sync/snapshot';
import { openTempApp, type TempApp } from '../support/temp-app';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { syncedRows } from '../sync/support/rows';

/**
 * BulkRows (src-main/changes/bulk-rows.ts) mirrors ChangeWriter.applyRemote's row-by-row path for speed when a
 * device joins a search. These fail if the two ever write different rows, clocks, change-log entries or derived
 * data from the same snapshot.
 */

const apps: TempApp[] = [];
async function open(): Promise<TempApp> {
  const app = await openTempApp();
  apps.push(app);
  return app;
}
let source: TempApp;
beforeEach(async () => {
  source = await open();
});
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

/** A search with a bit of everything the write path derives from: stages moved, tags, merges, deletions, edits. */
async function fillSource(): Promise<void> {
  const { api } = source;
  const { db } = source.context;
  const companies = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
  const stages = db.sqlite.prepare(`SELECT id FROM stages ORDER BY position`).pluck().all() as string[];
  const ids: string[] = [];
  for (let index = 0; index < 130; index += 1) {
    const created = await api.invoke('applications.create', {
      companyName: companies[index % companies.length],
      position: `Engineer ${index}`,
      tags: index % 3 === 0 ? ['remote'] : index % 3 === 1 ? ['paris', 'urgent'] : [],
    });
    ids.push(created.id);
  }
  for (const [index, id] of ids.entries()) {
    if (index % 4 === 0) await api.invoke('applications.update', { id, patch: { notes: `note ${index}`, location: 'Lyon' } });
    if (index % 5 === 0) await api.invoke('applications.setStage', { id, stageId: stages[(index / 5) % stages.length], occurredAt: '2030-02-01T09:00:00.000Z' });
    if (index % 7 === 0) await api.invoke('applications.update', { id, patch: { tags: ['urgent'] } });
    if (index % 11 === 0) await api.invoke('applications.delete', { id });
  }
  const companyId = (name: string) => db.sqlite.prepare(`SELECT id FROM companies WHERE name = ?`).pluck().get(name) as string;
  await api.invoke('companies.merge', { targetId: companyId('Acme'), sourceIds: [companyId('Hooli')] });
}

/** The source's snapshot, as a device receives it, in groups of about `size` entries, a row never split. */
function snapshotGroups(db: Database, parser: EntryParser, size: number): Change[][] {
  const groups: Change[][] = [];
  let group: WireEntry[] = [];
  let lastRow: string | undefined;
  for (const entry of snapshotEntries(db.sqlite)) {
    if (group.length >= size && entry[2] !== lastRow) {
      groups.push(parser.parse(group, 'snapshot'));
      group = [];
    }
    group.push(entry);
    lastRow = entry[2];
  }
  if (group.length > 0) groups.push(parser.parse(group, 'snapshot'));
  return groups;
}

async function* stream(groups: readonly Change[][], failAfter = Infinity): AsyncGenerator<Change[]> {
  for (const [index, group] of groups.entries()) {
    if (index === failAfter) throw new Error('cut short');
    yield group;
  }
}

/** What a device holds that sync wrote: rows, clocks, the change log in order, the order of applications. */
function written(db: Database) {
  const all = (sql: string) => db.sqlite.prepare(sql).all();
  return {
    rows: syncedRows(db),
    clocks: all(`SELECT row_id, table_name, clocks FROM row_clocks ORDER BY row_id`),
    log: all(`SELECT hlc, table_name, row_id, column_name, value, origin FROM change_log ORDER BY seq`),
    applicationOrder: all(`SELECT id FROM applications ORDER BY seq`),
    derived: derivedData(db),
  };
}

/** Applies the groups row by row, the way a device with data of its own merges them. */
function applyRowByRow(app: TempApp, groups: readonly Change[][]): number {
  let applied = 0;
  for (const group of groups) {
    applied += app.context.changes.applyRemote(group, { then: (write, remote) => converge(app.context.db, write, remote) }).applied;
  }
  return applied;
}

async function bootstrap(app: TempApp, groups: AsyncIterable<Change[]>): Promise<number> {
  let applied = 0;
  await applyBootstrap(app.context, groups, {
    then: (write, remote) => converge(app.context.db, write, remote),
    applied: (result) => (applied += result.applied),
  });
  return applied;
}

describe('a bootstrap in bulk', () => {
  it('writes what the row-by-row path writes: rows, clocks, change log, order and derived data', async () => {
    await fillSource();
    const [bulk, rowByRow] = [await open(), await open()];
    // Small groups, so that rows, statements of 50 rows and transactions end at every kind of boundary.
    const groups = snapshotGroups(source.context.db, new EntryParser(source.context.changes), 37);
    expect(groups.length).toBeGreaterThan(10);

    const appliedInBulk = await bootstrap(bulk, stream(groups));
    const appliedRowByRow = applyRowByRow(rowByRow, groups);
    expect(appliedInBulk).toBe(appliedRowByRow);
    expect(appliedInBulk).toBe(groups.flat().length);

    expect(derivedDataPending(bulk.context.db)).toBe(false);
    const expected = written(rowByRow.context.db);
    expect(written(bulk.context.db)).toEqual(expected);
    expect(expected.rows).toEqual(syncedRows(source.context.db));
    expect(derivedData(bulk.context.db)).toEqual(rebuiltDerivedData(bulk.context.db));
    expect(derivedData(bulk.context.db)).toEqual(derivedData(source.context.db));
  });

  it('cut short between two transactions, goes on in bulk and ends as if it never stopped', async () => {
    await fillSource();
    const [bulk, rowByRow] = [await open(), await open()];
    const groups = snapshotGroups(source.context.db, new EntryParser(source.context.changes), 200);
    await expect(bootstrap(bulk, stream(groups, Math.floor(groups.length / 2)))).rejects.toThrow('cut short');
    // The derived data of what was written is owed, and written down as owed.
    expect(derivedDataPending(bulk.context.db)).toBe(true);

    await bootstrap(bulk, stream(groups));
    applyRowByRow(rowByRow, groups);
    expect(derivedDataPending(bulk.context.db)).toBe(false);
    expect(written(bulk.context.db)).toEqual(written(rowByRow.context.db));
    expect(derivedData(bulk.context.db)).toEqual(rebuiltDerivedData(bulk.context.db));
  });

  it('on a device with data of its own, merges row by row: last writer wins, its own edits kept', async () => {
    await fillSource();
    const own = await open();
    const mine = await own.api.invoke('applications.create', { companyName: 'Acme', position: 'My own' });
    const groups = snapshotGroups(source.context.db, new EntryParser(source.context.changes), 500);
    await bootstrap(own, stream(groups));
    expect(derivedDataPending(own.context.db)).toBe(false);
    expect((await own.api.invoke('applications.get', { id: mine.id })).position).toBe('My own');
    const sourceIds = source.context.db.sqlite.prepare(`SELECT id FROM applications`).pluck().all() as string[];
    const ownIds = new Set(own.context.db.sqlite.prepare(`SELECT id FROM applications`).pluck().all() as string[]);
    for (const id of sourceIds) expect(ownIds.has(id)).toBe(true);
    expect(derivedData(own.context.db)).toEqual(rebuiltDerivedData(own.context.db));
  });
});
