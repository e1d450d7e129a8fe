import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeHlc } from '../../src-main/changes/hlc';
import type { Change } from '../../src-main/changes/writer';
import type { ApplicationDetail, CustomField, ListApplicationsInput } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';
import { databaseFingerprint } from './support/fingerprint';
import { expectError } from './support/results';

// Custom fields (issue 19, item 5): text, number, date and choice fields that filter, sort, and go through exports,
// backups and sync, one stored value per application and field.

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

interface Search {
  applications: ApplicationDetail[];
  referrer: CustomField;
  bonus: CustomField;
  interview: CustomField;
  via: CustomField;
}

/** Four applications, four fields, values on some of them. */
async function search(target: TempApp = app): Promise<Search> {
  const { api } = target;
  const applications: ApplicationDetail[] = [];
  for (const [companyName, position] of [
    ['Acme', 'Backend developer'],
    ['Globex', 'Data engineer'],
    ['Initech', 'UX designer'],
    ['Hooli', 'Product manager'],
  ]) {
    applications.push(await api.invoke('applications.create', { companyName, position, appliedOn: '2024-03-01' }));
  }
  const referrer = await api.invoke('customFields.create', { name: 'Referrer', kind: 'text' });
  const bonus = await api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' });
  const interview = await api.invoke('customFields.create', { name: 'Onsite on', kind: 'date' });
  const via = await api.invoke('customFields.create', { name: 'Found through', kind: 'choice', choices: ['Referral', 'Agency', 'Job board'] });
  const set = (index: number, field: CustomField, value: string | number | null) =>
    api.invoke('customFields.setValue', { applicationId: applications[index].id, fieldId: field.id, value });
  const [referral, agency, board] = via.choices.map((choice) => choice.id);
  await set(0, referrer, 'Hélène Martin');
  await set(1, referrer, 'Bob Stone');
  await set(0, bonus, 5000);
  await set(1, bonus, 12_500.5);
  await set(2, bonus, 800);
  await set(1, interview, '2024-04-02');
  await set(2, interview, '2024-03-20');
  await set(0, via, board);
  await set(1, via, referral);
  await set(2, via, agency);
  return { applications, referrer, bonus, interview, via };
}

const positions = async (input: ListApplicationsInput & object, target: TempApp = app) =>
  (await target.api.invoke('applications.list', { sort: { column: 'position', direction: 'asc' }, ...input })).items.map((item) => item.position);

describe('values', () => {
  it('come back with the list and the detail, keyed by field', async () => {
    const { applications, referrer, bonus, via } = await search();
    const detail = await app.api.invoke('applications.get', { id: applications[0].id });
    expect(detail.customValues).toEqual({ [referrer.id]: 'Hélène Martin', [bonus.id]: 5000, [via.id]: via.choices[2].id });
    expect((await app.api.invoke('applications.list', {})).items.find((item) => item.id === applications[3].id)?.customValues).toEqual({});
    expect((await app.api.invoke('customFields.list', undefined)).map((field) => [field.name, field.valueCount])).toEqual([
      ['Referrer', 2],
      ['Signing bonus', 3],
      ['Onsite on', 2],
      ['Found through', 3],
    ]);
  });

  it('are checked against their field: text, number, date, choice', async () => {
    const { applications, bonus, interview, via, referrer } = await search();
    const before = databaseFingerprint(app.context.db);
    const applicationId = applications[3].id;
    for (const [field, value] of [
      [bonus, '5000'],
      [interview, '2024-02-30'],
      [interview, 20240301],
      [via, 'Referral'],
      [referrer, 42],
    ] as const) {
      const error = expectError(await app.api.call('customFields.setValue', { applicationId, fieldId: field.id, value }), 'VALIDATION');
      expect(error.issues?.[0].path).toBe('value');
    }
    expect(databaseFingerprint(app.context.db)).toEqual(before);
    // An empty text is no value.
    await app.api.invoke('customFields.setValue', { applicationId: applications[0].id, fieldId: referrer.id, value: '   ' });
    expect((await app.api.invoke('applications.get', { id: applications[0].id })).customValues[referrer.id]).toBeUndefined();
  });

  it('of a deleted application are left out of the counts, and of a deleted field out of everything, until restored', async () => {
    const { applications, bonus } = await search();
    await app.api.invoke('applications.delete', { id: applications[0].id });
    expect((await app.api.invoke('customFields.list', undefined)).find((field) => field.id === bonus.id)?.valueCount).toBe(2);
    await app.api.invoke('customFields.delete', { id: bonus.id });
    expect((await app.api.invoke('applications.get', { id: applications[1].id })).customValues[bonus.id]).toBeUndefined();
    expectError(await app.api.call('customFields.setValue', { applicationId: applications[1].id, fieldId: bonus.id, value: 1 }), 'NOT_FOUND');
    await app.api.invoke('customFields.restore', { id: bonus.id });
    expect((await app.api.invoke('applications.get', { id: applications[1].id })).customValues[bonus.id]).toBe(12_500.5);
  });

  it('keep one name per field', async () => {
    await search();
    const error = expectError(await app.api.call('customFields.create', { name: 'referrer', kind: 'number' }), 'CONFLICT');
    expect(error.issues?.[0]).toMatchObject({ path: 'name' });
  });
});

describe('the list', () => {
  it('filters on each kind of field, and on having a value or not', async () => {
    const { referrer, bonus, interview, via } = await search();
    expect(await positions({ customFields: [{ fieldId: referrer.id, text: 'hél' }] })).toEqual(['Backend developer']);
    expect(await positions({ customFields: [{ fieldId: referrer.id, text: 'STONE' }] })).toEqual(['Data engineer']);
    expect(await positions({ customFields: [{ fieldId: bonus.id, min: 1000 }] })).toEqual(['Backend developer', 'Data engineer']);
    expect(await positions({ customFields: [{ fieldId: bonus.id, min: 1000, max: 10_000 }] })).toEqual(['Backend developer']);
    expect(await positions({ customFields: [{ fieldId: interview.id, from: '2024-03-25' }] })).toEqual(['Data engineer']);
    expect(await positions({ customFields: [{ fieldId: interview.id, to: '2024-03-31' }] })).toEqual(['UX designer']);
    expect(await positions({ customFields: [{ fieldId: via.id, choices: [via.choices[0].id, via.choices[1].id] }] })).toEqual(['Data engineer', 'UX designer']);
    expect(await positions({ customFields: [{ fieldId: interview.id, empty: true }] })).toEqual(['Backend developer', 'Product manager']);
    expect(await positions({ customFields: [{ fieldId: interview.id, empty: false }] })).toEqual(['Data engineer', 'UX designer']);
    // Several conditions all hold; they combine with the other filters.
    expect(await positions({ customFields: [{ fieldId: bonus.id, min: 100 }, { fieldId: via.id, choices: [via.choices[1].id] }] })).toEqual(['UX designer']);
    expect(await positions({ text: 'engineer', customFields: [{ fieldId: bonus.id, min: 100 }] })).toEqual(['Data engineer']);
    // The totals agree, and so do the statistics (they share the WHERE clause).
    expect((await app.api.invoke('applications.list', { customFields: [{ fieldId: bonus.id, min: 1000 }] })).total).toBe(2);
  });

  it('sorts by each kind of field, empty values last both ways, choices in their order', async () => {
    const { referrer, bonus, interview, via } = await search();
    const sorted = (fieldId: string, direction: 'asc' | 'desc') => positions({ sort: { column: 'custom', fieldId, direction } });
    // Ties (no value) keep the order applications were added in.
    expect(await sorted(referrer.id, 'asc')).toEqual(['Data engineer', 'Backend developer', 'UX designer', 'Product manager']);
    expect(await sorted(bonus.id, 'asc')).toEqual(['UX designer', 'Backend developer', 'Data engineer', 'Product manager']);
    expect(await sorted(bonus.id, 'desc')).toEqual(['Data engineer', 'Backend developer', 'UX designer', 'Product manager']);
    expect(await sorted(interview.id, 'asc')).toEqual(['UX designer', 'Data engineer', 'Backend developer', 'Product manager']);
    // Referral, Agency, Job board: the options' order, not their labels'.
    expect(await sorted(via.id, 'asc')).toEqual(['Data engineer', 'UX designer', 'Backend developer', 'Product manager']);
    // Reordering the options reorders the sort.
    await app.api.invoke('customFields.update', { id: via.id, patch: { choices: [via.choices[2], via.choices[1], via.choices[0]] } });
    expect(await sorted(via.id, 'asc')).toEqual(['Backend developer', 'UX designer', 'Data engineer', 'Product manager']);
  });
});

describe('exports', () => {
  it('add a column per field to the CSV and the Excel sheet, with the choices as their labels', async () => {
    const { applications } = await search();
    const csvFile = path.join(app.dir, 'applications.csv');
    await app.api.invoke('exports.csv', { path: csvFile, language: 'en' });
    const [header, ...rows] = Papa.parse<string[]>(fs.readFileSync(csvFile, 'utf8').trim(), { newline: '\r\n' }).data;
    expect(header.slice(-4)).toEqual(['Referrer', 'Signing bonus', 'Onsite on', 'Found through']);
    const byId = new Map(rows.map((row) => [row[header.indexOf('Id')], row.slice(-4)]));
    expect(byId.get(applications[1].id)).toEqual(['Bob Stone', '12500.5', '2024-04-02', 'Referral']);
    expect(byId.get(applications[3].id)).toEqual(['', '', '', '']);

    const excelFile = path.join(app.dir, 'applications.xlsx');
    await app.api.invoke('exports.excel', { path: excelFile, language: 'fr' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(excelFile);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(headers.slice(-4)).toEqual(['Referrer', 'Signing bonus', 'Onsite on', 'Found through']);
    const idColumn = headers.indexOf('Id') + 1;
    let found = false;
    sheet.eachRow((row, number) => {
      if (number === 1 || row.getCell(idColumn).value !== applications[1].id) return;
      found = true;
      const cells = [0, 1, 2, 3].map((offset) => row.getCell(headers.length - 3 + offset).value);
      expect(cells[0]).toBe('Bob Stone');
      // A real number and a real date in Excel.
      expect(cells[1]).toBe(12_500.5);
      expect(cells[2]).toBeInstanceOf(Date);
      expect(cells[3]).toBe('Referral');
    });
    expect(found).toBe(true);
  });
});

/** Resolves once Date.now() is past the wall time of `hlc`, so that the next tick on any device sorts after it. */
async function wallClockPasses(hlc: string): Promise<void> {
  const { wall } = decodeHlc(hlc);
  while (Date.now() <= wall) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('backups and sync', () => {
  it('go through the JSON backup and come back into an empty database', async () => {
    const { applications, bonus, via } = await search();
    const exported = await app.api.invoke('exports.json', {});
    if (exported.kind !== 'content') throw new Error('expected the backup as content');
    const parsed = JSON.parse(exported.content) as { tables: Record<string, unknown[]> };
    expect(parsed.tables.custom_fields).toHaveLength(4);
    expect(parsed.tables.application_field_values).toHaveLength(10);
    const restored = await openTempApp();
    try {
      await restored.api.invoke('imports.run', { source: { content: Buffer.from(exported.content).toString('base64'), fileName: 'candid-backup.json' } });
      expect((await restored.api.invoke('customFields.list', undefined)).map((field) => field.name)).toEqual(['Referrer', 'Signing bonus', 'Onsite on', 'Found through']);
      expect((await restored.api.invoke('applications.get', { id: applications[1].id })).customValues).toMatchObject({ [bonus.id]: 12_500.5, [via.id]: via.choices[0].id });
      expect(await positions({ customFields: [{ fieldId: bonus.id, min: 1000 }] }, restored)).toEqual(['Backend developer', 'Data engineer']);
    } finally {
      restored.close();
    }
  });

  it('merge per value: two devices editing different fields of one application both win, the later edit of one field wins', async () => {
    const laptop = app;
    const phone = await openTempApp();
    const changesSince = (source: TempApp, seq: number) =>
      source.context.db.sqlite
        .prepare(`SELECT hlc, table_name AS "table", row_id AS rowId, column_name AS "column", value FROM change_log WHERE seq > ? AND origin = 'local' ORDER BY seq`)
        .all(seq) as Change[];
    const lastSeq = (source: TempApp) => source.context.db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;
    try {
      const { applications, referrer, bonus } = await search(laptop);
      phone.context.changes.applyRemote(changesSince(laptop, 0));
      const applicationId = applications[3].id;
      const [laptopSeq, phoneSeq] = [lastSeq(laptop), lastSeq(phone)];
      // Offline on both: each sets a value the other did not have yet (two creations of one value row), and both
      // set the bonus of another application.
      await laptop.api.invoke('customFields.setValue', { applicationId, fieldId: referrer.id, value: 'Set on the laptop' });
      await phone.api.invoke('customFields.setValue', { applicationId, fieldId: bonus.id, value: 700 });
      await laptop.api.invoke('customFields.setValue', { applicationId: applications[0].id, fieldId: bonus.id, value: 6000 });
      // "Later" is the hybrid clock's order: two offline edits in one millisecond with equal counters are ordered by
      // node id, whichever device that favours. Let the wall clock pass the laptop's stamp so the phone's is later.
      await wallClockPasses(changesSince(laptop, laptopSeq).at(-1)!.hlc);
      await phone.api.invoke('customFields.setValue', { applicationId: applications[0].id, fieldId: bonus.id, value: 6500 });
      phone.context.changes.applyRemote(changesSince(laptop, laptopSeq));
      laptop.context.changes.applyRemote(changesSince(phone, phoneSeq));
      for (const device of [laptop, phone]) {
        expect((await device.api.invoke('applications.get', { id: applicationId })).customValues).toEqual({ [referrer.id]: 'Set on the laptop', [bonus.id]: 700 });
        // The phone's edit came later.
        expect((await device.api.invoke('applications.get', { id: applications[0].id })).customValues[bonus.id]).toBe(6500);
        const rows = device.context.db.sqlite.prepare(`SELECT count(*) FROM application_field_values WHERE application_id = ?`).pluck().get(applicationId);
        expect(rows).toBe(2);
      }
    } finally {
      phone.close();
    }
  });
});
