import { describe, expect, it } from 'vitest';
import { syncedTables } from '../../src-main/db/schema';
import { importFile } from '../../src-main/imports/run';
import { ImportStaging } from '../../src-main/imports/staging';
import { closedAfterEach } from '../support/closed-after-each';
import { openStillApp } from '../support/still-app';
import type { TempApp } from '../support/temp-app';
import { fingerprint, upload } from './support/files';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { idLabels } from './support/labelled-rows';

/**
 * A first import's tables, empty live, are transferred whole with their indexes built in staging (raw-copy.ts):
 * the same file imported into two databases, one copied by columns, is compared row for row (row numbers, the
 * change log, clocks, derived data, indexes), and the foreign keys SQLite does not enforce for the transfer are
 * checked by the copy.
 */

const open = closedAfterEach(openStillApp);

const statuses = ['Applied', 'Interview', 'Rejected', 'Offer', 'No answer', ''];
const tagSets = ['remote;urgent', 'Remote', 'paris, lyon', '', 'URGENT;remote;remote'];

/** Histories, tags spelt several ways, contacts met twice, a custom field, companies met again. */
function seededCsv(rows: number): string {
  const lines = ['Company,Position,Applied on,Status,Response date,Source,Location,Link,Notes,Tags,Contact,Contact email,Signing bonus,Skills'];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    const status = statuses[index % statuses.length];
    lines.push(
      [
        `Company ${index % 9}`,
        `Engineer ${index % 7}`,
        `${day}/03/2024`,
        status,
        status && index % 2 === 0 ? `${String(Math.min(28, Number(day) + 1)).padStart(2, '0')}/04/2024` : '',
        ['LinkedIn', 'Indeed', 'Referral', ''][index % 4],
        ['Paris', 'Lyon', '', 'Berlin'][index % 4],
        index % 3 === 0 ? `https://jobs.example.com/${index}` : '',
        index % 5 === 0 ? `"Said ""yes"", then no"` : '',
        `"${tagSets[index % tagSets.length]}"`,
        index % 3 === 0 ? `Person ${index % 5}` : '',
        index % 3 === 0 ? `person${index % 5}@example.com` : '',
        index % 3 === 1 ? String(1000 + index) : '',
        ['"TypeScript, SQL"', 'Rust', '', '"SQL; Go"'][index % 4],
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Every row the import writes with its row number, ids replaced by their table and position; indexes; derived data. */
function contents(app: TempApp): Record<string, unknown[]> {
  const { sqlite } = app.context.db;
  const { label, dump } = idLabels(sqlite);
  const result: Record<string, unknown[]> = {};
  for (const table of syncedTables) result[table] = dump(`SELECT rowid, * FROM ${table} ORDER BY rowid`);
  result.change_log = dump(`SELECT * FROM change_log ORDER BY seq`);
  result.row_clocks = dump(`SELECT * FROM row_clocks`).sort();
  result.indexes = dump(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`);
  for (const [name, rows] of Object.entries(derivedData(app.context.db))) result[name] = rows.map((row) => label(JSON.stringify(row)));
  result.search = dump(`SELECT rowid FROM applications_fts WHERE applications_fts MATCH 'remote* OR engin*' ORDER BY rowid`);
  return result;
}

/** The rowid of each index's row in sqlite_master: a dropped and created index gets a new one, a kept one keeps it. */
const indexRows = (app: TempApp) => new Map(app.context.db.sqlite.prepare(`SELECT name, rowid FROM sqlite_master WHERE type = 'index'`).raw().all() as [string, number][]);

async function importInto(app: TempApp, copyByColumns: boolean, customField: boolean): Promise<void> {
  // A custom field logs its creation: the change log is then not empty live, and copied by columns either way.
  if (customField) await app.api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' });
  const result = await importFile(app.context, { source: upload(seededCsv(150), 'seeded.csv'), options: { skipInvalidRows: true } }, { copyByColumns });
  expect(result.created).toBe(150);
}

describe('a first import transferred whole', () => {
  it.each([
    ['into a database that never logged a change', false],
    ['after a custom field was created (its log not empty)', true],
  ])('writes what the copy by columns writes, %s', async (_, customField) => {
    const transferred = await open();
    const byColumns = await open();
    const before = indexRows(transferred);
    await importInto(transferred, false, customField);
    await importInto(byColumns, true, customField);

    const written = contents(transferred);
    expect(written.applications).toHaveLength(150);
    expect(written.stage_events.length).toBeGreaterThan(150);
    expect(written.application_tags.length).toBeGreaterThan(100);
    expect(written.application_field_values.length).toBe(customField ? 50 : 0);
    expect(written.search.length).toBeGreaterThan(100);
    expect(written).toEqual(contents(byColumns));
    expect(derivedData(transferred.context.db)).toEqual(rebuiltDerivedData(transferred.context.db));
    for (const app of [transferred, byColumns]) {
      // Every index holds an entry for each row of its table and no other: a transferred one as a built one.
      expect(app.context.db.sqlite.prepare(`PRAGMA integrity_check`).pluck().all()).toEqual(['ok']);
      expect(app.context.db.sqlite.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
      expect(app.context.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    }
    // The transfer kept the live indexes (copied into), where the copy by columns dropped and built them again.
    const after = indexRows(transferred);
    for (const index of ['applications_live_order', 'stage_events_history', 'application_tags_tag']) expect(after.get(index)).toBe(before.get(index));
    expect(after.get('change_log_local') === before.get('change_log_local')).toBe(!customField);
    const rebuilt = indexRows(byColumns);
    for (const index of ['applications_live_order', 'stage_events_history', 'application_tags_tag', 'change_log_local']) expect(rebuilt.get(index)).not.toBe(before.get(index));
  });

  it('refuses a transferred row whose parent is missing, writes nothing, and enforces foreign keys again', async () => {
    const app = await open();
    const before = fingerprint(app);
    const staging = await ImportStaging.create(app.context);
    try {
      staging.changes.write((write) => {
        write.insert('applications', { company_id: 'no-such-company', position: 'Analyst' });
      });
      staging.prepareTransfer(app.context.db);
      await expect(staging.apply(app.context.db)).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      staging.close();
    }
    expect(fingerprint(app)).toBe(before);
    expect(app.context.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('copies by columns a table whose staged rows are not numbered from 1, as the copy by columns numbers them', async () => {
    const app = await open();
    const staging = await ImportStaging.create(app.context);
    try {
      const stageId = app.context.db.sqlite.prepare(`SELECT id FROM stages ORDER BY position LIMIT 1`).pluck().get() as string;
      staging.changes.write((write) => {
        const companyId = write.insert('companies', { name: 'Staged', name_key: 'staged' });
        for (const position of ['First', 'Second']) {
          const applicationId = write.insert('applications', { company_id: companyId, position, stage_id: stageId });
          write.insert('stage_events', { application_id: applicationId, from_stage_id: null, to_stage_id: stageId, occurred_at: write.now, note: null });
        }
      });
      // The staging only inserts, so its rows are numbered from 1: renumbered here, which a transfer would keep.
      staging.db.sqlite.exec(`UPDATE stage_events SET rowid = rowid + 10`);
      const staged = staging.db.sqlite.prepare(`SELECT id FROM stage_events ORDER BY rowid`).pluck().all();
      staging.prepareTransfer(app.context.db);
      await staging.apply(app.context.db);
      expect(app.context.db.sqlite.prepare(`SELECT rowid, id FROM stage_events ORDER BY rowid`).raw().all()).toEqual(staged.map((id, index) => [index + 1, id]));
      // Transferred all the same: the applications kept the row numbers they were staged with.
      expect(app.context.db.sqlite.prepare(`SELECT seq FROM applications ORDER BY seq`).pluck().all()).toEqual([1, 2]);
      expect(app.context.db.sqlite.prepare(`PRAGMA integrity_check`).pluck().all()).toEqual(['ok']);
    } finally {
      staging.close();
    }
  });
});
