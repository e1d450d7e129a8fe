import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WriteContext } from '../../src-main/changes/writer';
import { ImportStaging } from '../../src-main/imports/staging';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, upload } from './support/files';
import { importFile } from '../../src-main/imports/run';
import { syntheticCsv } from './support/synthetic';

let app: TempApp;
let staging: ImportStaging | undefined;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => {
  staging?.close();
  app.close();
});

describe('the import’s copy into the live database', () => {
  it('refuses a staged row whose parent is missing, and writes nothing: the live database checks what staging does not', async () => {
    await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer' });
    const before = fingerprint(app);
    staging = await ImportStaging.create(app.context);
    // Staging does not look parents up (the live copy does): a row pointing at no company is written there.
    staging.changes.write((write) => {
      write.insert('applications', { company_id: 'no-such-company', position: 'Analyst' });
    });
    await expect(staging!.apply(app.context.db)).rejects.toThrow(/FOREIGN KEY/);
    expect(fingerprint(app)).toBe(before);
  });

  it('refuses any staged change but an insert as it is written, so that the copy reads the staged log as new rows only', async () => {
    staging = await ImportStaging.create(app.context);
    const companyId = staging.changes.write((write) => write.insert('companies', { name: 'Staged', name_key: 'staged' }));
    const staged = (sql: string) => staging!.db.sqlite.prepare(sql).pluck().all();
    const logBefore = staged(`SELECT seq FROM change_log`);
    expect(logBefore).toHaveLength(1);
    const refusals: ((write: WriteContext) => unknown)[] = [
      (write) => write.update('companies', companyId, { name: 'Renamed' }),
      (write) => write.softDelete('companies', companyId),
      (write) => write.updateMany('companies', [companyId], { website: 'https://example.com' }),
      (write) => write.updateWhere('companies', { alias: 'companies', where: 'true', params: [] }, { industry: 'Software' }),
    ];
    for (const refused of refusals) {
      expect(() =>
        staging!.changes.write((write) => {
          write.insert('tags', { name: 'written first', name_key: 'written first', color: null });
          refused(write);
        }),
      ).toThrow(/only insert rows/);
    }
    // Nothing of the refused writes stays, the insert before them included: the copy brings in the company only.
    expect(staged(`SELECT seq FROM change_log`)).toEqual(logBefore);
    expect(await staging.apply(app.context.db)).toEqual(['companies']);
    expect(app.context.db.sqlite.prepare(`SELECT name FROM companies WHERE id = ?`).pluck().get(companyId)).toBe('Staged');
  });

  it('leaves its log to the idle checkpoint, not to the one SQLite runs in a commit past wal_autocheckpoint', async () => {
    const { db } = app.context;
    // A job's connection keeps SQLite's own checkpoint as a safety net (db/connection.ts): here, far lower.
    db.sqlite.pragma('wal_autocheckpoint = 10');
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const fileBytes = () => fs.statSync(db.path).size;
    const before = fileBytes();
    staging = await ImportStaging.create(app.context);
    staging.changes.write((write) => {
      for (let index = 0; index < 2000; index += 1) write.insert('companies', { name: `Staged ${index}`, name_key: `staged ${index}`, notes: 'x'.repeat(200) });
    });
    expect(await staging.apply(db)).toEqual(['companies']);
    // Nothing of the copy is in the database file yet: its pages are all in the log.
    expect(fileBytes()).toBe(before);
    expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10);
    const [checkpoint] = db.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(checkpoint.log).toBeGreaterThan(10);
    expect(fileBytes()).toBeGreaterThan(before);
  });

  it('builds the indexes it dropped for a copy larger than the tables again, the same, in the same transaction', async () => {
    const indexes = () => app.context.db.sqlite.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();
    const before = indexes();
    // Into an empty database (every table outgrown, its indexes built anew), then a smaller one into a larger (kept).
    for (const rows of [300, 20]) {
      const result = await importFile(app.context, { source: upload(syntheticCsv(rows), `rows-${rows}.csv`), options: { skipInvalidRows: true } });
      expect(result.created).toBe(rows);
      expect(indexes()).toEqual(before);
      expect(app.context.db.sqlite.prepare(`PRAGMA integrity_check`).pluck().all()).toEqual(['ok']);
    }
  });

  it('keeps through the copy the partial indexes no staged row enters, instead of building them again', async () => {
    // Not a first import (whose empty tables are transferred whole, their indexes kept: staging-transfer.test.ts).
    await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer' });
    // A dropped and created index gets a new row in sqlite_master; a kept one keeps its row.
    const rows = () => new Map(app.context.db.sqlite.prepare(`SELECT name, rowid FROM sqlite_master WHERE type = 'index'`).raw().all() as [string, number][]);
    const before = rows();
    const result = await importFile(app.context, { source: upload(syntheticCsv(300), 'rows.csv'), options: { skipInvalidRows: true } });
    expect(result.created).toBe(300);
    const after = rows();
    // No imported application is deleted, no imported event automatic: kept.
    expect(after.get('applications_deleted')).toBe(before.get('applications_deleted'));
    expect(after.get('stage_events_automatic')).toBe(before.get('stage_events_automatic'));
    // Rows enter these: built again (partial or not), as before.
    for (const rebuilt of ['applications_live_order', 'change_log_local', 'applications_company']) expect(after.get(rebuilt)).not.toBe(before.get(rebuilt));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // The kept ones still answer: a deleted application is found through its index.
    const [application] = (await app.api.invoke('applications.list', {})).items;
    await app.api.invoke('applications.delete', { id: application.id });
    const plan = app.context.db.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM applications WHERE deleted_at IS NOT NULL`).raw().all().flat().join(' ');
    expect(plan).toMatch(/applications_deleted/);
    expect(app.context.db.sqlite.prepare(`SELECT id FROM applications WHERE deleted_at IS NOT NULL`).pluck().all()).toEqual([application.id]);
    expect(app.context.db.sqlite.prepare(`PRAGMA integrity_check`).pluck().all()).toEqual(['ok']);
  });

  it('stores the clocks the write path stores for a new row, derived from the staged log instead of staged', async () => {
    const { sqlite } = app.context.db;
    /** What the write path stores for a row written once, whole: {"*": the hlc of its one `*` log entry}. */
    const expected = () =>
      (sqlite.prepare(`SELECT row_id, table_name, hlc FROM change_log WHERE column_name = '*' ORDER BY row_id`).all() as { row_id: string; table_name: string; hlc: string }[]).map(
        (entry) => ({ row_id: entry.row_id, table_name: entry.table_name, clocks: JSON.stringify({ '*': entry.hlc }) }),
      );
    const stored = () => sqlite.prepare(`SELECT row_id, table_name, clocks FROM row_clocks ORDER BY row_id`).all();
    // Written by the write path itself, not staged: an application, its company, stage event and tag.
    await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer', tags: ['remote'] });
    expect(stored().length).toBeGreaterThanOrEqual(4);
    expect(stored()).toEqual(expected());
    const result = await importFile(app.context, { source: upload(syntheticCsv(120), 'rows.csv'), options: { skipInvalidRows: true } });
    expect(result.created).toBe(120);
    expect(stored().length).toBeGreaterThan(240);
    expect(stored()).toEqual(expected());
  });
});
