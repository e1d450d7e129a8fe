import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectColumnDates, isPlausibleDate, parseDate } from '../../src-main/imports/dates';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

describe('date columns', () => {
  it('reads a column day-first when one value can only be day-first', () => {
    expect(detectColumnDates(['03/04/2024', '05/06/2024', '25/12/2024'])).toMatchObject({ order: 'dmy', ambiguous: false, mixed: false, dates: 3 });
    expect(parseDate('03/04/2024', 'dmy')).toEqual({ date: '2024-04-03' });
  });

  it('reads a column month-first when one value can only be month-first', () => {
    expect(detectColumnDates(['03/04/2024', '12/25/2024'])).toMatchObject({ order: 'mdy', ambiguous: false });
    expect(parseDate('03/04/2024', 'mdy')).toEqual({ date: '2024-03-04' });
  });

  it('flags a column where nothing decides, and one that mixes both', () => {
    expect(detectColumnDates(['03/04/2024', '01/02/2024'])).toMatchObject({ order: 'dmy', ambiguous: true, mixed: false });
    expect(detectColumnDates(['25/12/2024', '12/25/2024'])).toMatchObject({ mixed: true });
  });

  it('reads ISO dates, two-digit years, month names in French and English, and Excel serials', () => {
    expect(parseDate('2024-03-12', 'mdy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('2024-03-12T09:30:00Z', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('12.03.24', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('1er mars 2024', 'mdy')).toEqual({ date: '2024-03-01' });
    expect(parseDate('mardi 12 mars 2024', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('March 12, 2024', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('12-Aug-2024', 'dmy')).toEqual({ date: '2024-08-12' });
    expect(parseDate(45363, 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('45363', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate(new Date(Date.UTC(2024, 2, 12)), 'dmy')).toEqual({ date: '2024-03-12' });
  });

  it('refuses what is not a real date', () => {
    for (const value of ['31/02/2024', '2024-13-01', 'soon', 2024, '12 mars', 'mars 2024']) expect(parseDate(value, 'dmy'), String(value)).toEqual({ problem: 'bad_date' });
    expect(parseDate('', 'dmy')).toBeNull();
  });

  it('never reads one date out of two, or out of a sentence', () => {
    expect(parseDate('12/03/2024 - 20/03/2024', 'dmy')).toEqual({ problem: 'two_dates' });
    expect(parseDate('March 14, 2024 → March 20, 2024', 'dmy')).toEqual({ problem: 'two_dates' });
    expect(parseDate('2024-03-12 and 2024-04-01', 'dmy')).toEqual({ problem: 'two_dates' });
    expect(parseDate('applied 12/03/2024', 'dmy')).toEqual({ problem: 'date_with_text' });
    expect(parseDate('12/03/2024 (relance le 20/03)', 'dmy')).toEqual({ problem: 'date_with_text' });
    expect(parseDate('2024-03-12 maybe', 'dmy')).toEqual({ problem: 'date_with_text' });
    // A time (and its zone) is not "words around": the date is read.
    expect(parseDate('2024-03-12 14:30', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('12/03/2024 09:15', 'dmy')).toEqual({ date: '2024-03-12' });
    expect(parseDate('January 5, 2024 2:30 PM', 'dmy')).toEqual({ date: '2024-01-05' });
    expect(parseDate('le 12 mars 2024 à 14h30', 'dmy')).toEqual({ date: '2024-03-12' });
  });

  it('reads a far date as the date it says, which the import then refuses as implausible', () => {
    expect(parseDate('31/12/9999', 'dmy')).toEqual({ date: '9999-12-31' });
    expect(isPlausibleDate('9999-12-31')).toBe(false);
    expect(isPlausibleDate('1900-01-01')).toBe(false);
    expect(isPlausibleDate('2024-03-12')).toBe(true);
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

  it('reads a column where nothing decides in the order the file’s other date columns show', async () => {
    const us = 'Company,Position,Applied,Response\nAcme,Developer,03/04/2024,03/14/2024\nGlobex,Tester,04/05/2024,\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(us, 'us.csv') });
    expect(preview.columns[2].dates).toMatchObject({ order: 'mdy', ambiguous: true });
    expect(preview.settings.dateOrders).toEqual({ '2': 'mdy', '3': 'mdy' });
    await app.api.invoke('imports.run', { source: upload(us, 'us.csv') });
    expect((await listAll(app)).map((row) => row.appliedOn)).toEqual(['2024-03-04', '2024-04-05']);
  });

  it('reports each bad date with its row and column, keeps the row, and never guesses the date', async () => {
    const csv = 'Company,Position,Applied\nAcme,Developer,12/03/2024\nGlobex,Tester,next week\nInitech,Analyst,31/02/2024\nHooli,Designer,12/03/2024 - 14/03/2024\nUmbrella,Chemist,31/12/9999\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'bad.csv') });
    expect(preview.problems.map(({ row, column, field, code, value, severity }) => ({ row, column, field, code, value, severity }))).toEqual([
      { row: 3, column: 2, field: 'appliedOn', code: 'bad_date', value: 'next week', severity: 'warning' },
      { row: 4, column: 2, field: 'appliedOn', code: 'bad_date', value: '31/02/2024', severity: 'warning' },
      { row: 5, column: 2, field: 'appliedOn', code: 'two_dates', value: '12/03/2024 - 14/03/2024', severity: 'warning' },
      { row: 6, column: 2, field: 'appliedOn', code: 'implausible_date', value: '31/12/9999', severity: 'warning' },
    ]);
    expect(preview.importableRows).toBe(5);
    await app.api.invoke('imports.run', { source: upload(csv, 'bad.csv') });
    const rows = await listAll(app);
    expect(rows.map((row) => [row.companyName, row.appliedOn])).toEqual([
      ['Acme', '2024-03-12'],
      ['Globex', null],
      ['Hooli', null],
      ['Initech', null],
      ['Umbrella', null],
    ]);
    const hooli = await app.api.invoke('applications.get', { id: rows.find((row) => row.companyName === 'Hooli')!.id });
    expect(hooli.notes).toBe('Applied: 12/03/2024 - 14/03/2024');
  });
});
