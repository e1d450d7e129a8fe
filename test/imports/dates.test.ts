import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectColumnDates, parseDate } from '../../src-main/imports/dates';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

describe('date columns', () => {
  it('reads a column day-first when one value can only be day-first', () => {
    expect(detectColumnDates(['03/04/2024', '05/06/2024', '25/12/2024'])).toMatchObject({ order: 'dmy', ambiguous: false, mixed: false, dates: 3 });
    expect(parseDate('03/04/2024', 'dmy')).toBe('2024-04-03');
  });

  it('reads a column month-first when one value can only be month-first', () => {
    expect(detectColumnDates(['03/04/2024', '12/25/2024'])).toMatchObject({ order: 'mdy', ambiguous: false });
    expect(parseDate('03/04/2024', 'mdy')).toBe('2024-03-04');
  });

  it('flags a column where nothing decides, and one that mixes both', () => {
    expect(detectColumnDates(['03/04/2024', '01/02/2024'])).toMatchObject({ order: 'dmy', ambiguous: true, mixed: false });
    expect(detectColumnDates(['25/12/2024', '12/25/2024'])).toMatchObject({ mixed: true });
  });

  it('reads ISO dates, two-digit years, month names in French and English, and Excel serials', () => {
    expect(parseDate('2024-03-12', 'mdy')).toBe('2024-03-12');
    expect(parseDate('2024-03-12T09:30:00Z', 'dmy')).toBe('2024-03-12');
    expect(parseDate('12.03.24', 'dmy')).toBe('2024-03-12');
    expect(parseDate('1er mars 2024', 'mdy')).toBe('2024-03-01');
    expect(parseDate('mardi 12 mars 2024', 'dmy')).toBe('2024-03-12');
    expect(parseDate('March 12, 2024', 'dmy')).toBe('2024-03-12');
    expect(parseDate('12-Aug-2024', 'dmy')).toBe('2024-08-12');
    expect(parseDate(45363, 'dmy')).toBe('2024-03-12');
    expect(parseDate('45363', 'dmy')).toBe('2024-03-12');
    expect(parseDate(new Date(Date.UTC(2024, 2, 12)), 'dmy')).toBe('2024-03-12');
  });

  it('refuses what is not a real date', () => {
    expect(parseDate('31/02/2024', 'dmy')).toBeNull();
    expect(parseDate('2024-13-01', 'dmy')).toBeNull();
    expect(parseDate('soon', 'dmy')).toBeNull();
    expect(parseDate(2024, 'dmy')).toBeNull();
    expect(parseDate('12 mars', 'dmy')).toBeNull();
  });
});

describe('dates in an import', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await openTempApp();
  });
  afterEach(() => app.close());

  it('imports a month-first file as month-first, and lets the user override an ambiguous column', async () => {
    const us = 'Company,Position,Applied\nAcme,Developer,03/04/2024\nGlobex,Tester,12/25/2024\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(us, 'us.csv') });
    expect(preview.settings.dateOrders).toEqual({ '2': 'mdy' });
    expect(preview.columns[2].dates).toMatchObject({ order: 'mdy', ambiguous: false, dates: 2, values: 2 });
    await app.api.invoke('imports.run', { source: upload(us, 'us.csv') });
    expect((await listAll(app)).map((row) => row.appliedOn)).toEqual(['2024-03-04', '2024-12-25']);

    const ambiguous = 'Company,Position,Applied\nInitech,Analyst,03/04/2024\n';
    const guessed = await app.api.invoke('imports.preview', { source: upload(ambiguous, 'a.csv') });
    expect(guessed.columns[2].dates).toMatchObject({ order: 'dmy', ambiguous: true });
    await app.api.invoke('imports.run', { source: upload(ambiguous, 'a.csv'), settings: { dateOrders: { '2': 'mdy' } } });
    expect((await listAll(app)).find((row) => row.companyName === 'Initech')?.appliedOn).toBe('2024-03-04');
  });

  it('reports each bad date with its row and column before anything is written', async () => {
    const csv = 'Company,Position,Applied\nAcme,Developer,12/03/2024\nGlobex,Tester,next week\nInitech,Analyst,31/02/2024\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'bad.csv') });
    expect(preview.problems.map(({ row, column, field, code, value }) => ({ row, column, field, code, value }))).toEqual([
      { row: 3, column: 2, field: 'appliedOn', code: 'bad_date', value: 'next week' },
      { row: 4, column: 2, field: 'appliedOn', code: 'bad_date', value: '31/02/2024' },
    ]);
    expect(preview.importableRows).toBe(1);
  });
});
