import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationFilters } from '../../src-shared/contract';
import { cellContext, type ExcelValue } from '../../src-main/exports/cells';
import { HeldSheetParts } from '../../src-main/exports/held-sheet';
import { historySourceFor, writeApplicationsWithHistory } from '../../src-main/exports/history-walk';
import { withExportReader } from '../../src-main/exports/reader';
import { companiesTable, CompanyCounts, contactsTable, interviewsTable, readApplicationsTable, stageHistoryTable } from '../../src-main/exports/tables';
import { InterviewedApplications } from '../../src-main/exports/interviewed-applications';
import { ContactedApplications } from '../../src-main/exports/contacted-applications';
import { writeTableSheet, type SheetColumn, type SheetWriter } from '../../src-main/exports/workbook';
import { ZipWriter } from '../../src-main/exports/xlsx/zip';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, type ExportWorld } from './support/data';
import { zipEntry } from './support/zip-entry';

/**
 * The Excel export writes the stage history in the applications' walk (src-main/exports/history-walk.ts), each
 * batch of applications' events read by their ids, instead of through its own query walking the applications again
 * (stageHistoryTable). On a seeded database, with events retracted and a stage deleted, for several filters and
 * batch sizes, both give the same rows in the same order, cell by cell, and the applications sheet is unchanged; so do
 * the companies sheet counted from the walk, and the interviews and contacts sheets with their applications’ texts
 * kept from it (a contact's applications applied the same day in the order they were linked).
 */

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => {
  ({ app, world } = await openSeededExportApp());
  seedDatabase(app.context, generateDataset({ count: 150, seed: 'history-walk', today: '2025-06-01' }));
  // A retracted event (no longer in the history) and a deleted stage (its events move to another).
  const events = app.context.db.sqlite.prepare('SELECT id FROM stage_events WHERE deleted_at IS NULL ORDER BY rowid').pluck().all() as string[];
  app.context.changes.write((write) => {
    write.softDelete('stage_events', events[3]);
    write.softDelete('stage_events', events[40]);
  });
  // An application with interviews deleted (its interviews are no longer exported) and a deleted interview.
  const interviewed = app.context.db.sqlite
    .prepare('SELECT application_id FROM interviews WHERE deleted_at IS NULL GROUP BY application_id HAVING count(*) > 1 ORDER BY application_id LIMIT 2')
    .pluck()
    .all() as string[];
  await app.api.invoke('applications.delete', { id: interviewed[0] });
  const interview = app.context.db.sqlite.prepare('SELECT id FROM interviews WHERE application_id = ? ORDER BY rowid LIMIT 1').pluck().get(interviewed[1]) as string;
  app.context.changes.write((write) => write.softDelete('interviews', interview));
  const renamed = (await app.api.invoke('stages.list', undefined)).find((stage) => stage.name === 'Appel RH')!;
  await app.api.invoke('stages.delete', { id: renamed.id, replacementId: world.stages.screening });
  // A contact linked to applications applied the same day, linked in another order than the walk's (newest seq
  // first), one applied later, one without a date (last), and a deleted one (left out).
  const picked = app.context.db.sqlite
    .prepare(`SELECT id FROM applications WHERE deleted_at IS NULL AND archived = 0 ORDER BY seq LIMIT 6 OFFSET 20`)
    .pluck()
    .all() as string[];
  const [low, middle, high, later, undated, deleted] = picked;
  app.context.changes.write((write) => {
    for (const id of [low, middle, high, deleted]) write.update('applications', id, { applied_on: '2024-02-02' });
    write.update('applications', later, { applied_on: '2024-03-03' });
    write.update('applications', undated, { applied_on: null });
  });
  tiedContact = (await app.api.invoke('contacts.create', { name: 'Tied Contact', applicationIds: [undated, low, deleted, high, later, middle] })).id;
  await app.api.invoke('applications.delete', { id: deleted });
  tiedOrder = [later, low, high, middle, undated];
});

let tiedContact: string;
/** The applications of tiedContact as its Applications column lists them. */
let tiedOrder: string[];
afterAll(() => app?.close());

/** A sheet that keeps the cells of every row written into it. */
class RecordedSheet implements SheetWriter {
  readonly rows: ExcelValue[][] = [];
  finished = false;

  constructor(readonly columns: SheetColumn[]) {}

  addRow(values: readonly ExcelValue[]): void {
    // A copy: the row writer fills one array for every row.
    this.rows.push([...values]);
  }

  drained(): Promise<void> {
    return Promise.resolve();
  }

  finish(): Promise<void> {
    this.finished = true;
    return Promise.resolve();
  }
}

const recorder = (sheets: RecordedSheet[]) => ({
  addSheet: (_name: string, columns: readonly SheetColumn[]) => {
    const sheet = new RecordedSheet([...columns]);
    sheets.push(sheet);
    return sheet;
  },
});

describe('where the walk finds the events', () => {
  it('holds them read in one pass unless a filter narrows the applications beyond the archived flag', () => {
    for (const filters of [{}, { archived: 'all' }, { archived: true }, { tags: [], sources: [], stageIds: [] }, { text: '', companyId: '' }, { customFields: [] }] as ApplicationFilters[]) {
      expect(historySourceFor(filters), JSON.stringify(filters)).toBe('held');
    }
    for (const filters of [{ tags: ['remote'] }, { sources: ['linkedin'], archived: 'all' }, { text: 'lyon' }, { favorite: false }] as ApplicationFilters[]) {
      expect(historySourceFor(filters), JSON.stringify(filters)).toBe('perBatch');
    }
  });
});

describe('which companies the related sheets keep', () => {
  /** The ids of the companies sheet's rows, by its own query. */
  const companiesOf = (filters: ApplicationFilters) => {
    const { sql, params } = companiesTable(filters).select;
    return new Set((app.context.db.sqlite.prepare(sql).all(...params) as { id: string }[]).map((row) => row.id));
  };

  it('lists every company unless a filter selects fewer applications: archived included widens, archived only narrows', async () => {
    const lonely = (await app.api.invoke('companies.create', { name: 'No Application Yet' })).id;
    const archivedOnlyCompany = (await app.api.invoke('companies.create', { name: 'Only Archived Here' })).id;
    const archivedApplication = (await app.api.invoke('applications.create', { companyId: archivedOnlyCompany, position: 'Archived role' })).id;
    await app.api.invoke('applications.bulkUpdate', { ids: [archivedApplication], patch: { archived: true } });
    const every = app.context.db.sqlite.prepare('SELECT count(*) FROM companies WHERE deleted_at IS NULL').pluck().get() as number;
    for (const filters of [{}, { archived: 'all' }, { tags: [], sources: [] }, { text: '' }] as ApplicationFilters[]) {
      const kept = companiesOf(filters);
      expect(kept.size, JSON.stringify(filters)).toBe(every);
      expect(kept.has(lonely), JSON.stringify(filters)).toBe(true);
    }
    const archivedOnly = companiesOf({ archived: true });
    expect(archivedOnly.has(archivedOnlyCompany)).toBe(true);
    expect(archivedOnly.has(lonely)).toBe(false);
    expect(archivedOnly.size).toBeLessThan(every);
    expect(companiesOf({ archived: 'all', text: 'Archived role' })).toEqual(new Set([archivedOnlyCompany]));
  });
});

describe('the stage history written in the applications’ walk', () => {
  const filtered: { filters: ApplicationFilters; size: number }[] = [
    { filters: { archived: 'all' }, size: 500 },
    { filters: { archived: 'all' }, size: 7 },
    { filters: {}, size: 1 },
    { filters: { stageCategories: ['interviewing', 'rejected', 'screening'] }, size: 13 },
    { filters: { text: 'lyon' }, size: 3 },
  ];
  // Each batch's events read by their ids, or every event read first and held (held-histories.ts).
  const cases = (['perBatch', 'held'] as const).flatMap((source) => filtered.map((one) => ({ ...one, source })));

  it.each(cases)('gives the rows of the stage history’s own query, in its order ($filters, batches of $size, $source)', async ({ filters, size, source }) => {
    const context = cellContext('fr', 'Europe/Paris');
    const { expected, applications, history, companies, interviews, contacts } = await withExportReader(app.context.db, async (reader) => {
      const expected: RecordedSheet[] = [];
      await writeTableSheet(reader, recorder(expected), await readApplicationsTable(reader, filters), context);
      await writeTableSheet(reader, recorder(expected), stageHistoryTable(filters), context);
      const applications: RecordedSheet[] = [];
      const companies: RecordedSheet[] = [];
      const interviews: RecordedSheet[] = [];
      const contacts: RecordedSheet[] = [];
      const companyCounts = new CompanyCounts();
      const interviewed = await InterviewedApplications.read(reader);
      const contacted = await ContactedApplications.read(reader);
      let history: RecordedSheet | undefined;
      const rows = await writeApplicationsWithHistory(
        reader,
        recorder(applications),
        await readApplicationsTable(reader, filters),
        (columns) => (history = new RecordedSheet(columns)),
        context,
        { size, source, companyCounts, interviewed, contacted },
      );
      await writeTableSheet(reader, recorder(expected), companiesTable(filters), context);
      await writeTableSheet(reader, recorder(companies), companiesTable(filters, companyCounts), context);
      await writeTableSheet(reader, recorder(expected), interviewsTable(filters), context);
      const interviewRows = await writeTableSheet(reader, recorder(interviews), interviewed.table(), context);
      await writeTableSheet(reader, recorder(expected), contactsTable(filters), context);
      await writeTableSheet(reader, recorder(contacts), contacted.table(filters, companyCounts), context);
      expect(rows).toBe(applications[0].rows.length);
      expect(interviewRows).toBe(interviews[0].rows.length);
      return { expected, applications, history: history!, companies, interviews, contacts };
    });
    expect(applications[0].columns).toEqual(expected[0].columns);
    expect(applications[0].rows).toEqual(expected[0].rows);
    expect(history.columns).toEqual(expected[1].columns);
    expect(history.rows).toEqual(expected[1].rows);
    expect(history.finished).toBe(true);
    // The companies sheet with its counts taken from the applications written, as with its own count per company.
    expect(companies[0].rows).toEqual(expected[2].rows);
    expect(companies[0].rows.some((row) => typeof row[5] === 'number' && row[5] > 1)).toBe(true);
    // The interviews sheet with its applications' texts kept from the walk, as with its own join, in date order.
    expect(interviews[0].columns).toEqual(expected[3].columns);
    expect(interviews[0].rows).toEqual(expected[3].rows);
    expect(interviews[0].rows.length).toBeGreaterThan(3);
    // The contacts sheet with its applications' texts kept from the walk, as with its own subquery.
    expect(contacts[0].columns).toEqual(expected[4].columns);
    expect(contacts[0].rows).toEqual(expected[4].rows);
    expect(contacts[0].rows.some((row) => typeof row[6] === 'string' && row[6].includes(', '))).toBe(true);
    // Enough events to cross many batches, and none of the retracted ones.
    expect(history.rows.length).toBeGreaterThan(Math.min(3 * size, 40));
  });

  it('lists a contact’s applications newest applied first, those of one day in the order they were linked', async () => {
    const context = cellContext('en', 'UTC');
    const label = (id: string) => {
      const row = app.context.db.sqlite.prepare('SELECT c.name, a.position FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.id = ?').get(id) as { name: string; position: string };
      return `${row.name} – ${row.position}`;
    };
    const expected = tiedOrder.map(label).join(', ');
    const positions = await withExportReader(app.context.db, async (reader) => {
      const contacted = await ContactedApplications.read(reader);
      await writeApplicationsWithHistory(reader, recorder([]), await readApplicationsTable(reader, { archived: 'all' }), (columns) => new RecordedSheet(columns), context, { size: 4, contacted });
      const sheets: RecordedSheet[] = [];
      await writeTableSheet(reader, recorder(sheets), contactsTable({ archived: 'all' }), context);
      const ids = sheets[0].rows.map((row) => row[8]);
      return { walk: contacted.positionsOf(tiedContact), query: sheets[0].rows[ids.indexOf(tiedContact)][6] };
    });
    expect(positions.query).toBe(expected);
    expect(positions.walk).toBe(expected);
  });

  it.each(['perBatch', 'held'] as const)('leaves out retracted events and names a deleted stage’s events after their new stage (%s)', async (source) => {
    const context = cellContext('en', 'UTC');
    const history = await withExportReader(app.context.db, async (reader) => {
      let history: RecordedSheet | undefined;
      await writeApplicationsWithHistory(reader, recorder([]), await readApplicationsTable(reader, { archived: 'all' }), (columns) => (history = new RecordedSheet(columns)), context, { size: 5, source });
      return history!;
    });
    const live = app.context.db.sqlite.prepare('SELECT count(*) FROM stage_events e JOIN applications a ON a.id = e.application_id WHERE e.deleted_at IS NULL AND a.deleted_at IS NULL').pluck().get() as number;
    expect(history.rows).toHaveLength(live);
    const stageColumns = history.columns.flatMap((column, index) => (column.header === 'From' || column.header === 'To' ? [index] : []));
    expect(stageColumns).toHaveLength(2);
    expect(history.rows.some((row) => stageColumns.some((index) => row[index] === 'Appel RH'))).toBe(false);
  });

  it('holds a part deflated in a private temporary file until its turn, places it whole, and removes the file', async () => {
    const temporary = path.join(app.dir, 'held');
    fs.mkdirSync(temporary);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      const held = new HeldSheetParts();
      // Several reads back (256 KB each) of text that does not deflate much.
      const text = Array.from({ length: 120_000 }, (_, index) => `<r>${index * 7919} é 😀</r>`).join('');
      const part = held.entry('held.xml');
      part.write(text.slice(0, 1_000_000));
      await held.room(part);
      part.write(text.slice(1_000_000));
      part.end();
      const [folder] = fs.readdirSync(temporary);
      expect((fs.statSync(path.join(temporary, folder)).mode & 0o777).toString(8)).toBe('700');

      const out = new PassThrough();
      const bytes: Buffer[] = [];
      out.on('data', (chunk: Buffer) => bytes.push(chunk));
      const zip = new ZipWriter(out);
      zip.file('first.xml', '<first/>');
      await held.place(zip);
      zip.file('last.xml', '<last/>');
      await zip.commit();
      held.discard();
      const archive = Buffer.concat(bytes);
      expect(zipEntry(archive, 'held.xml')).toBe(text);
      expect(zipEntry(archive, 'last.xml')).toBe('<last/>');
      // The CRC-32 the central directory records for the held part (fflate's data descriptor is written from it).
      // Its record names it last in the archive (46 bytes after the record's start).
      const record = archive.lastIndexOf(Buffer.from('held.xml')) - 46;
      expect(archive.readUInt32LE(record)).toBe(0x02014b50);
      expect(archive.readUInt32LE(record + 16)).toBe(zlib.crc32(text));
      expect(fs.readdirSync(temporary)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});
