import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../src-main/changes/hlc';
import { closeAppContext, openAppContext } from '../../src-main/context';
import type { Database } from '../../src-main/db/connection';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { localEntries, syncedRows } from '../sync/support/rows';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';

/**
 * An archive (or its Undo) changes only the `archived` flag: the write path moves the statistics facts and cells
 * between the scopes set-based instead of computing the facts again from the history (changes/writer.ts
 * `archivedOnly`, statistics/maintained/refresh.ts `moveArchivedFacts`). These fail if that path ever writes other
 * rows, change-log entries, clocks or derived data than the per-row path (`write.update` of each row, whose facts
 * are recomputed), or than a rebuild from scratch, or if another device applying the log ends elsewhere.
 */
const apps: TempApp[] = [];
let seeded: string;

beforeAll(async () => {
  seeded = tempDir('candid-archive-seed-');
  const context = await openAppContext({ dataDir: seeded });
  // The bench's generator: stage histories, skills, salaries, archived and deleted rows, tags, companies.
  seedDatabase(context, generateDataset({ count: 300, seed: 'archive-paths', today: '2026-11-20' }));
  closeAppContext(context);
});
afterAll(() => {
  for (const app of apps.splice(0)) app.close();
  fs.rmSync(seeded, { recursive: true, force: true });
});

/** A device holding a copy of the seeded search. */
async function copyOfSeeded(): Promise<TempApp> {
  const dir = tempDir('candid-archive-');
  for (const entry of fs.readdirSync(seeded)) fs.cpSync(path.join(seeded, entry), path.join(dir, entry), { recursive: true });
  const app = await openTempApp({ dataDir: dir });
  apps.push(app);
  return app;
}

const lastLogSeq = (db: Database) => db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;

/**
 * What a write after change-log position `after` left, with each timestamp it stamped replaced by `now`: the
 * per-row path stamps each row with its own timestamp, the set-based one all rows with one.
 */
function writtenSince(db: Database, after: number) {
  const stamped = new Map<string, string>();
  const entries = (
    db.sqlite.prepare(`SELECT hlc, table_name, row_id, column_name, value, origin FROM change_log WHERE seq > ?`).all(after) as {
      hlc: string;
      row_id: string;
    }[]
  )
    .map(({ hlc, ...entry }) => {
      stamped.set(entry.row_id, hlc);
      return entry;
    })
    .sort((a, b) => (a.row_id < b.row_id ? -1 : 1));
  const clocks = (db.sqlite.prepare(`SELECT row_id, table_name, clocks FROM row_clocks ORDER BY row_id`).all() as { row_id: string; clocks: string }[]).map(
    (row) => ({
      ...row,
      clocks: Object.fromEntries(Object.entries(JSON.parse(row.clocks) as Record<string, string>).map(([column, hlc]) => [column, hlc === stamped.get(row.row_id) ? 'now' : hlc])),
    }),
  );
  const rows = syncedRows(db);
  rows.applications = rows.applications.map((row) => {
    const hlc = stamped.get(row.id as string);
    return hlc && row.updated_at === HybridLogicalClock.isoOf(hlc) ? { ...row, updated_at: 'now' } : row;
  });
  return { entries, clocks, rows, derived: derivedData(db) };
}

/** The per-row path: one `update` per row, each logged, clocked and its facts computed again. */
function setArchivedRowByRow(app: TempApp, ids: readonly string[], archived: 0 | 1): void {
  app.context.changes.write((write) => {
    for (const id of ids) write.update('applications', id, { archived });
  });
}

describe('archiving by filter, set-based', () => {
  // Few of the remote ones move (each moves its counts); all but five of the active ones move (the whole side moves
  // and the five go back, refresh.ts moveWholeSide), and their Undo leaves the archived ones of the seed behind.
  it.each([
    ['a filter: each moves its counts', { workModes: ['remote' as const, 'hybrid' as const], archived: 'all' as const }, 2],
    ['"select all" but five: the whole side moves, the five move back', {}, 5],
  ])('writes what the per-row path writes, and derived data equal to a rebuild, for the archive and for its Undo (%s)', async (_, filters, unticked) => {
    const bulk = await copyOfSeeded();
    const rowByRow = await copyOfSeeded();
    const start = lastLogSeq(bulk.context.db);
    expect(writtenSince(bulk.context.db, start)).toEqual(writtenSince(rowByRow.context.db, start));

    // "Select all" of what the filters keep, archived included (those stay as they are), but a few the user unticked.
    const matching = (await bulk.api.invoke('applications.list', { ...filters, limit: 1000 })).items;
    const except = matching.filter((item) => !item.archived).slice(0, unticked).map((item) => item.id);
    const { ids } = await bulk.api.invoke('applications.bulkByFilter', { filters, except, action: 'archive' });
    const expected = matching.filter((item) => !item.archived && !except.includes(item.id)).map((item) => item.id);
    expect([...ids].sort()).toEqual(expected.sort());
    expect(ids.length).toBeGreaterThan(50);
    setArchivedRowByRow(rowByRow, ids, 1);

    const archived = writtenSince(bulk.context.db, start);
    expect(archived.entries).toHaveLength(ids.length);
    expect(archived).toEqual(writtenSince(rowByRow.context.db, start));
    expect(archived.derived).toEqual(rebuiltDerivedData(bulk.context.db));

    const undoStart = lastLogSeq(bulk.context.db);
    await bulk.api.invoke('applications.unarchive', { ids });
    setArchivedRowByRow(rowByRow, ids, 0);
    const undone = writtenSince(bulk.context.db, undoStart);
    expect(undone.entries).toHaveLength(ids.length);
    expect(undone).toEqual(writtenSince(rowByRow.context.db, undoStart));
    expect(undone.derived).toEqual(rebuiltDerivedData(bulk.context.db));
    // Back where it started, but for the log and the clocks.
    const fresh = await copyOfSeeded();
    expect(undone.derived).toEqual(derivedData(fresh.context.db));
  });

  it('another device applying the log ends with the same rows and right derived data', async () => {
    const desktop = await copyOfSeeded();
    const laptop = await openTempApp();
    apps.push(laptop);
    const { ids } = await desktop.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
    await desktop.api.invoke('applications.unarchive', { ids: ids.slice(0, 40) });
    laptop.context.changes.applyRemote(localEntries(desktop.context).entries);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    expect(derivedData(laptop.context.db)).toEqual(rebuiltDerivedData(laptop.context.db));
    expect(derivedData(desktop.context.db)).toEqual(rebuiltDerivedData(desktop.context.db));
  });

  it('computes again whatever else the same write changed of an application it archives', async () => {
    const app = await copyOfSeeded();
    const { db } = app.context;
    const [first, second, third] = db.sqlite
      .prepare(`SELECT id FROM applications WHERE deleted_at IS NULL AND archived = 0 ORDER BY seq LIMIT 3`)
      .pluck()
      .all() as string[];
    const stage = db.sqlite.prepare(`SELECT id FROM stages WHERE category = 'offer' LIMIT 1`).pluck().get() as string;
    app.context.changes.write((write) => {
      // A searched field and the salary, then the archive: the text and the facts must follow the edit.
      write.update('applications', first, { position: 'Zebra keeper', salary_min: 12_345 });
      write.updateMany('applications', [first, second, third], { archived: 1 });
      // A stage moved after the archive, in the same write.
      write.insert('stage_events', { application_id: second, from_stage_id: null, to_stage_id: stage, occurred_at: '2026-11-19T12:00:00.000Z', note: null });
    });
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
    expect((await app.api.invoke('applications.list', { text: 'zebra', archived: true })).items.map((item) => item.id)).toEqual([first]);
  });

  it('leaves no count at zero when the Undo of a "select all" leaves behind the only applications of a cell', async () => {
    const app = await copyOfSeeded();
    const { db } = app.context;
    // Three applications alone in their location, archived before: the Undo brings every other one back, so the
    // active scope (a copy of "all" for a moment) must lose their location's cell, not keep it at zero.
    const alone = db.sqlite
      .prepare(`SELECT id FROM applications WHERE deleted_at IS NULL AND archived = 0 ORDER BY seq LIMIT 3`)
      .pluck()
      .all() as string[];
    for (const id of alone) await app.api.invoke('applications.update', { id, patch: { location: 'Zzyzx', archived: true } });
    const { ids } = await app.api.invoke('applications.bulkByFilter', { filters: {}, action: 'archive' });
    const archivedBefore = db.sqlite.prepare(`SELECT count(*) FROM applications WHERE deleted_at IS NULL AND archived = 1`).pluck().get() as number;
    // More come back than stay: the whole archived side moves (refresh.ts moveWholeSide).
    expect(ids.length).toBeGreaterThan(archivedBefore - ids.length);
    await app.api.invoke('applications.unarchive', { ids });
    const zeros = db.sqlite.prepare(`SELECT count(*) FROM statistics_cells WHERE count = 0`).pluck().get();
    expect(zeros).toBe(0);
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
    const zzyzx = db.sqlite.prepare(`SELECT coalesce(sum(count), 0) FROM statistics_cells WHERE kind = 'location' AND scope = ? AND key = '["Zzyzx"]'`).pluck();
    expect([zzyzx.get(0), zzyzx.get(1)]).toEqual([0, 3]);
  });
});
