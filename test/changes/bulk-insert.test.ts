import { describe, expect, it } from 'vitest';
import { settleDerivedData } from '../../src-main/changes/owed-derived';
import { syncedTables } from '../../src-main/db/schema';
import { importFile } from '../../src-main/imports/run';
import { closedAfterEach } from '../support/closed-after-each';
import { indexedWords } from '../support/indexed-words';
import { openStillApp } from '../support/still-app';
import type { TempApp } from '../support/temp-app';
import { upload } from '../imports/support/files';
import { derivedData, rebuiltDerivedData } from '../sync/support/derived';

/**
 * A bulk write (ChangeWriter.write with `bulk`: new rows in multi-row INSERTs, the new applications' derived data
 * owed and settled once) writes what the row-by-row path writes. The import's staging uses it: the same file is
 * imported into two databases, one each way, and every row, change-log entry, clock and derived datum compared
 * (ids told apart by their row order: ids are random), then the derived data with a rebuild from the rows.
 */

/** A still app (test/support/still-app.ts), closed after the test. */
const open = closedAfterEach(openStillApp);

const header = [
  'Company',
  'Position',
  'Applied on',
  'Status',
  'Response date',
  'Source',
  'Type',
  'Work mode',
  'Location',
  'Link',
  'Salary',
  'Notes',
  'Tags',
  'Favorite',
  'Priority',
  'Deadline',
  'Contact',
  'Contact email',
  'Referrer note',
  'Signing bonus',
  'Onsite on',
  'Found through',
  'Skills',
];
const statuses = ['Applied', 'Interview', 'Rejected', 'Offer', 'No answer', ''];
const tagSets = ['remote;urgent', 'Remote', 'paris, lyon', '', 'URGENT;remote;remote'];

/** Every kind of column, tags spelt several ways, histories, contacts met twice, custom fields, duplicates. */
function seededCsv(rows: number, companyOffset = 0): string {
  const lines = [header.join(',')];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    const status = statuses[index % statuses.length];
    lines.push(
      [
        `Company ${(index + companyOffset) % 9}`,
        `Engineer ${index % 7}`,
        `${day}/03/2024`,
        status,
        status && index % 2 === 0 ? `${String(Math.min(28, Number(day) + 1)).padStart(2, '0')}/04/2024` : '',
        ['LinkedIn', 'Indeed', 'Referral', ''][index % 4],
        ['Full-time', 'Contract', 'Internship', ''][index % 4],
        ['Remote', 'Hybrid', 'On-site', ''][index % 4],
        ['Paris', 'Lyon', '', 'Berlin'][index % 4],
        index % 3 === 0 ? `https://jobs.example.com/${index}` : '',
        ['"50 000 - 60 000 €"', '45k', '', '"70 000"'][index % 4],
        index % 5 === 0 ? `"Said ""yes"", then no"` : '',
        `"${tagSets[index % tagSets.length]}"`,
        index % 4 === 0 ? 'yes' : '',
        ['high', 'low', '', 'medium'][index % 4],
        index % 6 === 0 ? '30/06/2024' : '',
        index % 3 === 0 ? `Person ${index % 5}` : '',
        index % 3 === 0 ? `person${index % 5}@example.com` : '',
        index % 2 === 0 ? `Note ${index}` : '',
        index % 3 === 1 ? String(1000 + index) : '',
        index % 4 === 2 ? '12/05/2024' : '',
        ['Referral', 'Job board', '', 'Agence'][index % 4],
        ['"TypeScript, SQL"', 'Rust', '', '"SQL; Go"'][index % 4],
      ].join(','),
    );
  }
  // The same application twice: flagged, both kept.
  lines.push(lines[1], lines[2]);
  return lines.join('\n');
}

async function importEach(app: TempApp, rowByRow: boolean): Promise<void> {
  const { api } = app;
  await api.invoke('customFields.create', { name: 'Referrer note', kind: 'text' });
  await api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' });
  await api.invoke('customFields.create', { name: 'Onsite on', kind: 'date' });
  await api.invoke('customFields.create', { name: 'Found through', kind: 'choice', choices: ['Referral', 'Job board', 'Agence'] });
  await api.invoke('applications.create', { companyName: 'Company 3', position: 'Already here', tags: ['remote'] });
  for (const [content, companyOffset] of [
    [seededCsv(90), 0],
    [seededCsv(40, 5), 5],
  ] as const) {
    const result = await importFile(app.context, { source: upload(content, `seeded-${companyOffset}.csv`), options: { skipInvalidRows: true } }, { rowByRow });
    expect(result.created).toBeGreaterThan(0);
  }
}

/** Every table the import writes, rows in storage order, ids replaced by their table and row number. */
function contents(app: TempApp): Record<string, unknown[]> {
  const { sqlite } = app.context.db;
  const labels = new Map<string, string>();
  for (const table of syncedTables) {
    const ids = sqlite.prepare(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all() as string[];
    for (const [index, id] of ids.entries()) labels.set(id, `${table}#${index}`);
  }
  const label = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    // Ids no table holds (a choice's, inside a custom field) are named in the order they come.
    if (!labels.has(id)) labels.set(id, `other#${labels.size}`);
    return labels.get(id)!;
  });
  const dump = (sql: string) => (sqlite.prepare(sql).raw().all() as unknown[][]).map((row) => label(JSON.stringify(row)));
  const result: Record<string, unknown[]> = {};
  for (const table of syncedTables) result[table] = dump(`SELECT * FROM ${table} ORDER BY rowid`);
  result.change_log = dump(`SELECT * FROM change_log ORDER BY seq`);
  result.row_clocks = dump(`SELECT * FROM row_clocks ORDER BY row_id`).sort();
  for (const [name, rows] of Object.entries(derivedData(app.context.db))) result[name] = rows.map((row) => label(JSON.stringify(row)));
  return result;
}

describe('a bulk write', () => {
  it('writes the same rows, change-log entries, clocks and derived data as row by row, and its derived data equals a rebuild', async () => {
    const bulk = await open();
    const rowByRow = await open();
    await importEach(bulk, false);
    await importEach(rowByRow, true);

    const written = contents(bulk);
    expect(written.applications.length).toBeGreaterThan(130);
    expect(written.application_field_values.length).toBeGreaterThan(50);
    expect(written.application_contacts.length).toBeGreaterThan(30);
    expect(written.skillMonths.length).toBeGreaterThan(0);
    expect(written).toEqual(contents(rowByRow));
    expect(derivedData(bulk.context.db)).toEqual(rebuiltDerivedData(bulk.context.db));
  });

  it('lets the write change a row it queued, and owes the new applications their derived data until settled', async () => {
    const app = await open();
    const { db, changes } = app.context;
    const stageId = db.sqlite.prepare(`SELECT id FROM stages ORDER BY position LIMIT 1`).pluck().get() as string;
    changes.write(
      (write) => {
        const tagId = write.insert('tags', { name: 'Queued', name_key: 'queued', color: null });
        expect(write.update('tags', tagId, { color: '#ff0000' })).toBe(true);
        const companyId = write.insert('companies', { name: 'Bulk Co', name_key: 'bulk co' });
        const applicationId = write.insert('applications', { company_id: companyId, position: 'Queued', stage_id: stageId });
        write.insert('stage_events', { application_id: applicationId, from_stage_id: null, to_stage_id: stageId, occurred_at: write.now, note: null });
        write.insert('application_tags', { application_id: applicationId, tag_id: tagId });
      },
      { bulk: true },
    );
    expect(db.sqlite.prepare(`SELECT color FROM tags WHERE name = 'Queued'`).pluck().get()).toBe('#ff0000');
    expect(db.sqlite.prepare(`SELECT count(*) FROM applications_fts`).pluck().get()).toBe(0);
    expect(settleDerivedData(db)).toBe(1);
    expect(indexedWords(db.sqlite).map((row) => row.tags)).toEqual(['queued']);
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
    expect(settleDerivedData(db)).toBe(0);
  });

  it('computes at its commit the derived data of an application written before it that its new rows belong to', async () => {
    const app = await open();
    const { db, changes } = app.context;
    const stages = db.sqlite.prepare(`SELECT id FROM stages WHERE deleted_at IS NULL ORDER BY position LIMIT 2`).pluck().all() as string[];
    const before = await app.api.invoke('applications.create', { companyName: 'Before Co', position: 'Written before', stageId: stages[0] });
    changes.write(
      (write) => {
        const tagId = write.insert('tags', { name: 'Later', name_key: 'later', color: null });
        const companyId = write.insert('companies', { name: 'Bulk Co', name_key: 'bulk co' });
        // A new application with its own rows (owed), and new rows of the one written before (not owed).
        const fresh = write.insert('applications', { company_id: companyId, position: 'Queued', stage_id: stages[0] });
        write.insert('stage_events', { application_id: fresh, from_stage_id: null, to_stage_id: stages[0], occurred_at: write.now, note: null });
        write.insert('stage_events', { application_id: before.id, from_stage_id: stages[0], to_stage_id: stages[1], occurred_at: '2999-01-01T12:00:00.000Z', note: null });
        write.insert('application_tags', { application_id: before.id, tag_id: tagId });
      },
      { bulk: true },
    );
    // Before anything is settled: the earlier application's stage, full-text row and facts follow its new rows.
    expect(db.sqlite.prepare(`SELECT stage_id FROM applications WHERE id = ?`).pluck().get(before.id)).toBe(stages[1]);
    expect(indexedWords(db.sqlite).map((row) => [row.position, row.tags])).toEqual([['before written', 'later']]);
    expect(settleDerivedData(db)).toBe(1);
    expect(derivedData(db)).toEqual(rebuiltDerivedData(db));
  });
});
