import { afterEach, describe, expect, it } from 'vitest';
import { insertCompany } from '../../src-main/companies/resolve';
import { importFile, type ImportPhase } from '../../src-main/imports/run';
import { ensureTag } from '../../src-main/tags/assign';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';
import { localEntries } from '../sync/support/rows';
import { openTempApp, type TempApp } from '../support/temp-app';
import { upload } from './support/files';

/**
 * A company or tag the import creates may be created in the app, under the same name, after the import began
 * staging and before its copy (docs/performance.md, "How an import commits"): the import takes the live one. The
 * live connection also checks the staging's foreign keys at its commit, so re-pointing staged applications at a
 * company staging does not hold refused the whole import with SQLite's "FOREIGN KEY constraint failed".
 */
const apps: TempApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});

/** Applications of two companies, a third with contacts, tags shared between rows. */
function csv(): string {
  const lines = ['Company,Position,Applied on,Status,Tags,Contact,Contact email'];
  for (let index = 0; index < 60; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    lines.push(
      [
        ['Acme', 'Globex', 'Initech'][index % 3],
        `Engineer ${index % 7}`,
        `${day}/03/2024`,
        ['Applied', 'Interview', 'Rejected', 'Offer'][index % 4],
        `"${['remote;urgent', 'Remote', '', 'onsite'][index % 4]}"`,
        index % 3 === 0 ? `Person ${index % 5}` : '',
        index % 3 === 0 ? `person${index % 5}@example.com` : '',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Through the write path, as the app's own create does: the company Acme (unless `tagOnly`) and the tag "remote". */
function createNamesakes(app: TempApp, tagOnly = false): void {
  const { db, changes } = app.context;
  changes.write((write) => {
    if (!tagOnly) insertCompany(db, write, { name: 'ACME' });
    ensureTag(db, write, 'REMOTE');
  });
}

async function importCsv(app: TempApp, onPhase?: (phase: ImportPhase) => void) {
  return importFile(app.context, { source: upload(csv(), 'tracker.csv'), options: { skipInvalidRows: true } }, { onPhase, checkThread: false });
}

/** What the database holds, told by names instead of ids (which differ from one run to the next). */
function byName(app: TempApp) {
  const all = (sql: string) => app.context.db.sqlite.prepare(sql).all();
  return {
    companies: all(`SELECT name, name_key, deleted_at FROM companies ORDER BY name_key`),
    tags: all(`SELECT name, name_key FROM tags ORDER BY name_key`),
    applications: all(
      `SELECT c.name AS company, a.position, a.applied_on, a.stage_category,
              (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM application_tags l JOIN tags t ON t.id = l.tag_id WHERE l.application_id = a.id ORDER BY t.name) t) AS tags
       FROM applications a JOIN companies c ON c.id = a.company_id ORDER BY a.seq`,
    ),
    contacts: all(`SELECT k.name, k.email, c.name AS company FROM contacts k LEFT JOIN companies c ON c.id = k.company_id ORDER BY k.email, k.name`),
  };
}

describe('a company or tag of the same name created while the import ran', () => {
  it('is taken by the import, which ends as if it had existed before, its log and derived data consistent', async () => {
    const raced = await openTempApp();
    apps.push(raced);
    let created = false;
    const result = await importCsv(raced, (phase) => {
      // After the staging, before the copy (in the job, main would write at this moment).
      if (phase !== 'backed-up') return;
      createNamesakes(raced);
      created = true;
    });
    expect(created).toBe(true);
    expect(result.created).toBe(60);

    // Against the same import into an app where the namesakes existed before it.
    const before = await openTempApp();
    apps.push(before);
    createNamesakes(before);
    expect((await importCsv(before)).created).toBe(60);
    expect(byName(raced)).toEqual(byName(before));

    const { sqlite } = raced.context.db;
    const acme = sqlite.prepare(`SELECT id FROM companies WHERE name_key = 'acme'`).pluck().all();
    expect(acme).toHaveLength(1);
    expect(sqlite.prepare(`SELECT count(*) FROM applications WHERE company_id = ?`).pluck().get(acme[0])).toBe(20);
    expect(sqlite.prepare(`SELECT count(*) FROM contacts WHERE company_id = ?`).pluck().get(acme[0])).toBeGreaterThan(0);
    expect(sqlite.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);

    // Every row has its one `*` entry, the push sending the row as it is (the live ids), and the clocks the write
    // path stores.
    const logged = sqlite.prepare(`SELECT table_name, row_id, hlc FROM change_log WHERE column_name = '*'`).all() as {
      table_name: string;
      row_id: string;
      hlc: string;
    }[];
    const pushed = localEntries(raced.context).entries.filter((entry) => entry.column === '*');
    expect(pushed).toHaveLength(logged.length);
    for (const table of ['companies', 'tags', 'applications', 'application_tags', 'contacts']) {
      const rows = sqlite.prepare(`SELECT * FROM ${table}`).all() as { id: string }[];
      const entries = new Map(pushed.filter((entry) => entry.table === table).map((entry) => [entry.rowId, entry.fields!]));
      expect(entries.size, table).toBe(rows.length);
      for (const row of rows) {
        const entry = entries.get(row.id);
        expect(entry, `${table} ${row.id}`).toBeDefined();
        for (const column of ['company_id', 'tag_id', 'application_id']) if (column in row) expect(entry![column], `${table}.${column}`).toBe(row[column as keyof typeof row]);
      }
    }
    expect(sqlite.prepare(`SELECT count(*) FROM change_log`).pluck().get()).toBe(logged.length);
    const clocks = sqlite.prepare(`SELECT row_id, table_name, clocks FROM row_clocks ORDER BY row_id`).all();
    expect(clocks).toEqual(
      [...logged]
        .sort((a, b) => (a.row_id < b.row_id ? -1 : a.row_id > b.row_id ? 1 : 0))
        .map((entry) => ({ row_id: entry.row_id, table_name: entry.table_name, clocks: JSON.stringify({ '*': entry.hlc }) })),
    );

    expect(derivedData(raced.context.db)).toEqual(rebuiltDerivedData(raced.context.db));
    expect((await raced.api.invoke('applications.list', { text: 'Acme', limit: 1 })).total).toBe(20);
  });

  it('is a tag alone: its links are re-pointed, and the full-text rows list the tags as the write path does', async () => {
    const raced = await openTempApp();
    apps.push(raced);
    await importCsv(raced, (phase) => {
      if (phase === 'backed-up') createNamesakes(raced, true);
    });
    const before = await openTempApp();
    apps.push(before);
    createNamesakes(before, true);
    await importCsv(before);
    expect(byName(raced)).toEqual(byName(before));
    expect(raced.context.db.sqlite.prepare(`SELECT count(*) FROM tags WHERE name_key = 'remote'`).pluck().get()).toBe(1);
    // The index the tags are looked up by was built again before the derived data was computed on the live rows.
    expect(derivedData(raced.context.db)).toEqual(rebuiltDerivedData(raced.context.db));
  });
});
