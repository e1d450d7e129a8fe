import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../src-main/changes/hlc';
import type { WriteContext } from '../../src-main/changes/writer';
import { closeAppContext, openAppContext } from '../../src-main/context';
import type { Database } from '../../src-main/db/connection';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { localEntries, syncedRows } from '../sync/support/rows';
import { ManualClock } from '../support/manual-clock';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';
import type { StageCategory } from '../../src-shared/contract';

/**
 * Deleting a stage moves every history event naming it to the replacement set-based (src-main/stages/repoint-events.ts:
 * one statement per table, and, within a category, the current stages, facts and counts following the stage's id
 * instead of being computed again). These fail if that path ever writes other rows, change-log entries, clocks or
 * derived data than the per-event path it replaced (one `write.update` per event, the write path deriving the rest),
 * or than a rebuild from scratch, for the deletion and for its Undo, or if another device applying the log ends
 * elsewhere.
 */
const apps: TempApp[] = [];
let seeded: string;
/** After the seed's own timestamps (its rows are stamped at the real time): later writes win on another device. */
const clockStart = Date.now() + 60_000;

beforeAll(async () => {
  seeded = tempDir('candid-stage-delete-seed-');
  const context = await openAppContext({ dataDir: seeded });
  // The bench's generator: stage histories (deleted events among them), archived and deleted applications, skills.
  seedDatabase(context, generateDataset({ count: 300, seed: 'stage-delete-paths', today: '2026-11-20' }));
  closeAppContext(context);
});
afterAll(() => {
  for (const app of apps.splice(0)) app.close();
  fs.rmSync(seeded, { recursive: true, force: true });
});

/** A copy of the seeded search on a clock that stands still: two copies stamp the same writes alike. */
async function copyOfSeeded(): Promise<TempApp> {
  const dir = tempDir('candid-stage-delete-');
  for (const entry of fs.readdirSync(seeded)) fs.cpSync(path.join(seeded, entry), path.join(dir, entry), { recursive: true });
  const app = await openTempApp({ dataDir: dir, clock: new ManualClock(clockStart) });
  apps.push(app);
  return app;
}

const lastLogSeq = (db: Database) => db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;

/**
 * What the writes after change-log position `after` left, with every timestamp they stamped replaced by `now`: the
 * per-event path stamps each event with its own timestamp, the set-based one all the events of a column with one.
 */
function writtenSince(db: Database, after: number) {
  const stamped = new Set(db.sqlite.prepare(`SELECT hlc FROM change_log WHERE seq > ?`).pluck().all(after) as string[]);
  const times = new Set([...stamped].map((hlc) => HybridLogicalClock.isoOf(hlc)));
  const entries = (db.sqlite.prepare(`SELECT hlc, table_name, row_id, column_name, value, origin FROM change_log WHERE seq > ?`).all(after) as {
    hlc: string;
    row_id: string;
    column_name: string;
  }[])
    .map(({ hlc: _stamped, ...entry }) => entry)
    .sort((a, b) => (a.row_id === b.row_id ? (a.column_name < b.column_name ? -1 : 1) : a.row_id < b.row_id ? -1 : 1));
  const clocks = (db.sqlite.prepare(`SELECT row_id, table_name, clocks FROM row_clocks ORDER BY row_id`).all() as { row_id: string; clocks: string }[]).map(
    (row) => ({
      ...row,
      clocks: Object.fromEntries(Object.entries(JSON.parse(row.clocks) as Record<string, string>).map(([column, hlc]) => [column, stamped.has(hlc) ? 'now' : hlc])),
    }),
  );
  const rows = Object.fromEntries(
    Object.entries(syncedRows(db)).map(([table, list]) => [
      table,
      list.map((row) => (times.has(row.updated_at as string) ? { ...row, updated_at: 'now' } : row)),
    ]),
  );
  return { entries, clocks, rows, derived: derivedData(db) };
}

/** The per-event path this replaced: one `update` per event, the write path computing each application's derived data again. */
function deleteEventByEvent(app: TempApp, id: string, replacementId: string): { toEventIds: string[]; fromEventIds: string[] } {
  const { db } = app.context;
  const naming = (column: string) => db.sqlite.prepare(`SELECT id FROM stage_events WHERE ${column} = ?`).pluck().all(id) as string[];
  return app.context.changes.write((write) => {
    const toEventIds = naming('to_stage_id');
    for (const event of toEventIds) write.update('stage_events', event, { to_stage_id: replacementId });
    const fromEventIds = naming('from_stage_id');
    for (const event of fromEventIds) write.update('stage_events', event, { from_stage_id: replacementId });
    write.softDelete('stages', id);
    return { toEventIds, fromEventIds };
  });
}

function restoreEventByEvent(app: TempApp, undo: { id: string; replacementId: string; toEventIds: string[]; fromEventIds: string[] }): void {
  const { db } = app.context;
  const stillNaming = (column: string, ids: string[]) =>
    db.sqlite
      .prepare(`SELECT id FROM stage_events WHERE ${column} = ? AND id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(undo.replacementId, JSON.stringify(ids)) as string[];
  app.context.changes.write((write) => {
    write.restore('stages', undo.id);
    for (const event of stillNaming('to_stage_id', undo.toEventIds)) write.update('stage_events', event, { to_stage_id: undo.id });
    for (const event of stillNaming('from_stage_id', undo.fromEventIds)) write.update('stage_events', event, { from_stage_id: undo.id });
  });
}

/** The stage holding the most live applications, and a new stage of its category with one id on every copy. */
function fullestStageAndSibling(app: TempApp): { fullest: { id: string; category: StageCategory }; sibling: string } {
  const { db } = app.context;
  const fullest = db.sqlite
    .prepare(
      `SELECT s.id, s.category FROM stages s JOIN applications a ON a.stage_id = s.id AND a.deleted_at IS NULL
       WHERE s.deleted_at IS NULL GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: string; category: StageCategory };
  const sibling = '0190aaaa-0000-7000-8000-00000000f00d';
  app.context.changes.write((write: WriteContext) => {
    write.insert('stages', { name: 'Sibling', category: fullest.category, position: 50 }, sibling);
  });
  return { fullest, sibling };
}

function otherCategoryStage(db: Database, category: string): string {
  return db.sqlite.prepare(`SELECT id FROM stages WHERE category <> ? AND category = 'withdrawn' AND deleted_at IS NULL LIMIT 1`).pluck().get(category) as string;
}

describe('deleting a stage, set-based', () => {
  it.each([
    ['into a stage of its category: the derived data follows the id', 'same'],
    ['into a stage of another category: the write path computes the facts again', 'other'],
  ] as const)('writes what the per-event path writes, and derived data equal to a rebuild, for the deletion and its Undo (%s)', async (_, kind) => {
    const setBased = await copyOfSeeded();
    const eventByEvent = await copyOfSeeded();
    const { fullest, sibling } = fullestStageAndSibling(setBased);
    fullestStageAndSibling(eventByEvent);
    const replacementId = kind === 'same' ? sibling : otherCategoryStage(setBased.context.db, fullest.category);
    const start = lastLogSeq(setBased.context.db);
    expect(writtenSince(setBased.context.db, start)).toEqual(writtenSince(eventByEvent.context.db, start));

    const deleted = await setBased.api.invoke('stages.delete', { id: fullest.id, replacementId });
    const reference = deleteEventByEvent(eventByEvent, fullest.id, replacementId);
    expect([...deleted.undo.toEventIds].sort()).toEqual([...reference.toEventIds].sort());
    expect([...deleted.undo.fromEventIds].sort()).toEqual([...reference.fromEventIds].sort());
    expect(deleted.undo.toEventIds.length).toBeGreaterThan(30);
    expect(deleted.reassigned).toBeGreaterThan(30);

    const afterDelete = writtenSince(setBased.context.db, start);
    expect(afterDelete.entries).toHaveLength(deleted.undo.toEventIds.length + deleted.undo.fromEventIds.length + 1);
    expect(afterDelete).toEqual(writtenSince(eventByEvent.context.db, start));
    expect(afterDelete.derived).toEqual(rebuiltDerivedData(setBased.context.db));
    const stages = await setBased.api.invoke('stages.list', undefined);
    expect(stages.find((stage) => stage.id === replacementId)!.applicationCount).toBeGreaterThanOrEqual(deleted.reassigned);

    const undoStart = lastLogSeq(setBased.context.db);
    await setBased.api.invoke('stages.restore', deleted.undo);
    restoreEventByEvent(eventByEvent, { ...reference, id: fullest.id, replacementId });
    const undone = writtenSince(setBased.context.db, undoStart);
    expect(undone).toEqual(writtenSince(eventByEvent.context.db, undoStart));
    expect(undone.derived).toEqual(rebuiltDerivedData(setBased.context.db));
  });

  it('an Undo leaves where they are the events moved since, and the current stages they give', async () => {
    const app = await copyOfSeeded();
    const { db } = app.context;
    const { fullest, sibling } = fullestStageAndSibling(app);
    const deleted = await app.api.invoke('stages.delete', { id: fullest.id, replacementId: sibling });
    // Some events pointed elsewhere (another of the category, created since), and a newer event on one application.
    const third = await app.api.invoke('stages.create', { name: 'Third', category: fullest.category });
    const moved = deleted.undo.toEventIds.slice(0, 5);
    app.context.changes.write((write) => {
      for (const event of moved) write.update('stage_events', event, { to_stage_id: third.id });
    });
    const applicationOf = db.sqlite.prepare(`SELECT application_id FROM stage_events WHERE id = ?`).pluck();
    const later = applicationOf.get(deleted.undo.toEventIds[10]) as string;
    await app.api.invoke('applications.setStage', { id: later, stageId: sibling, occurredAt: '2026-11-21T09:00:00Z' });

    await app.api.invoke('stages.restore', deleted.undo);
    const naming = (stage: string) => db.sqlite.prepare(`SELECT id FROM stage_events WHERE to_stage_id = ?`).pluck().all(stage) as string[];
    expect(naming(third.id).sort()).toEqual([...moved].sort());
    expect(naming(fullest.id).sort()).toEqual(deleted.undo.toEventIds.filter((id) => !moved.includes(id)).sort());
    expect(db.sqlite.prepare(`SELECT stage_id FROM applications WHERE id = ?`).pluck().get(later)).toBe(sibling);
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
  });

  it('another device applying the log ends with the same rows and right derived data', async () => {
    const desktop = await copyOfSeeded();
    const laptop = await copyOfSeeded();
    const start = lastLogSeq(desktop.context.db);
    const { fullest, sibling } = fullestStageAndSibling(desktop);
    const deleted = await desktop.api.invoke('stages.delete', { id: fullest.id, replacementId: sibling });
    const afterDelete = lastLogSeq(desktop.context.db);
    laptop.context.changes.applyRemote(localEntries(desktop.context, start).entries);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    expect(derivedData(laptop.context.db)).toEqual(derivedData(desktop.context.db));

    await desktop.api.invoke('stages.restore', deleted.undo);
    laptop.context.changes.applyRemote(localEntries(desktop.context, afterDelete).entries);
    expect(syncedRows(laptop.context.db)).toEqual(syncedRows(desktop.context.db));
    expect(derivedData(laptop.context.db)).toEqual(rebuiltDerivedData(laptop.context.db));
    expect(derivedData(desktop.context.db)).toEqual(rebuiltDerivedData(desktop.context.db));
  });
});
