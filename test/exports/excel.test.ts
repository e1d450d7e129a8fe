import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelCellLimit } from '../../src-main/exports/cells';
import { exportExcel } from '../../src-main/exports/excel';
import { resources } from '../../src-shared/i18n';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, tricky, type ExportWorld } from './support/data';

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => ({ app, world } = await openSeededExportApp()));
afterAll(() => app?.close());

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The data rows of a sheet as objects keyed by header label. */
function rowsOf(sheet: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const record: Record<string, ExcelJS.CellValue> = {};
    headers.forEach((header, index) => {
      record[header] = row.getCell(index + 1).value;
    });
    rows.push(record);
  });
  return rows;
}

async function exportTo(name: string, options: Parameters<typeof exportExcel>[1]) {
  const file = path.join(app.dir, name);
  const result = await app.api.invoke('exports.excel', { ...options, path: file });
  return { file, result, workbook: await readWorkbook(file) };
}

describe('the Excel export', () => {
  it('writes the five sheets with a styled, frozen, filterable header row', async () => {
    const { workbook, result } = await exportTo('all.xlsx', { language: 'en' });
    expect(result).toMatchObject({ kind: 'file', rows: 3 });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Applications', 'Interviews', 'Companies', 'Contacts', 'Stage history']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.autoFilter).toBeTruthy();
      for (let column = 1; column <= sheet.columnCount; column += 1) expect(sheet.getColumn(column).width).toBeGreaterThanOrEqual(8);
    }
    const applications = workbook.getWorksheet('Applications')!;
    expect(applications.autoFilter).toEqual(`A1:${applications.getColumn(applications.columnCount).letter}4`);
  });

  it('keeps numbers as numbers, dates as dates, links as hyperlinks, and the view’s order', async () => {
    const { workbook } = await exportTo('types.xlsx', { language: 'en', timeZone: 'Europe/Paris' });
    const rows = rowsOf(workbook.getWorksheet('Applications')!);
    // Active applications only (the archived and the deleted ones are not in the default view), newest applied first.
    expect(rows.map((row) => row.Id)).toEqual(world.live.map((application) => application.id));
    const backend = rows[0];
    expect(backend['Salary min']).toBe(45_000);
    expect(typeof backend['Salary max']).toBe('number');
    expect(backend.Priority).toBe(5);
    expect(backend['Applied on']).toBeInstanceOf(Date);
    expect((backend['Applied on'] as Date).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    // 14:00 UTC is 15:00 in Paris in March (CET): Excel shows wall-clock time.
    expect((backend['Stage since'] as Date).toISOString()).toBe('2025-03-10T15:00:00.000Z');
    expect(backend['Posting URL']).toEqual({ text: world.live[0].postingUrl, hyperlink: world.live[0].postingUrl });
    expect(backend.Favourite).toBe(true);
    expect(backend.Archived).toBe(false);
    expect(backend.Tags).toBe('dream job, remote');
    expect(backend['Required skills']).toBe('TypeScript, SQL');
    // XML normalises CR LF to LF inside a cell; the text is otherwise intact.
    expect(backend.Notes).toBe(tricky.multiline.replace(/\r\n/g, '\n'));
    expect(rows[2]['Applied on']).toBeNull();
    const sheet = workbook.getWorksheet('Applications')!;
    const appliedColumn = (sheet.getRow(1).values as string[]).indexOf('Applied on');
    expect(sheet.getRow(2).getCell(appliedColumn).numFmt).toBe('yyyy-mm-dd');
  });

  it('writes text that looks like a formula as plain text, without an apostrophe, and cuts text at Excel’s limit', async () => {
    const { workbook } = await exportTo('formulas.xlsx', {});
    const rows = rowsOf(workbook.getWorksheet('Applications')!);
    const [backend, intern, wish] = rows;
    // Strings, not { formula } values: the file holds no formula (test/exports/excel-text-cells.test.ts reads its XML).
    expect(wish.Company).toBe(tricky.formula);
    expect(wish.Position).toBe(tricky.equals);
    expect(intern.Notes).toBe(tricky.plusFormula);
    expect(intern.Location).toBe(tricky.minus);
    expect(intern['Resume version']).toBe(tricky.at);
    const description = backend['Job description'] as string;
    expect(description).toHaveLength(excelCellLimit);
    expect(description.endsWith(resources.en.files.exports.truncated)).toBe(true);
    const companies = rowsOf(workbook.getWorksheet('Companies')!);
    expect(companies.map((company) => company.Name)).toContain(tricky.formula);
  });

  it('writes stage, type and source labels in French when asked', async () => {
    const { workbook } = await exportTo('fr.xlsx', { language: 'fr' });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Candidatures', 'Entretiens', 'Entreprises', 'Contacts', 'Historique des étapes']);
    const [backend, intern] = rowsOf(workbook.getWorksheet('Candidatures')!);
    expect(backend['Étape']).toBe('Entretiens');
    expect(backend['Type de contrat']).toBe('CDI');
    expect(backend['Mode de travail']).toBe('Hybride');
    expect(backend['Favori']).toBe(true);
    expect(backend['Période du salaire']).toBe('par an');
    expect(intern['Étape']).toBe('Refusée');
    // A source the user typed is theirs, not translated.
    expect(intern.Source).toBe('Salon étudiant');
    const history = rowsOf(workbook.getWorksheet('Historique des étapes')!).filter((row) => row['Id de la candidature'] === backend.Id);
    expect(history.map((row) => [row.De, row['À']])).toEqual([
      [null, 'Candidature envoyée'],
      ['Candidature envoyée', 'Appel RH'],
      ['Appel RH', 'Entretiens'],
    ]);
    const sheet = workbook.getWorksheet('Candidatures')!;
    const appliedColumn = (sheet.getRow(1).values as string[]).indexOf('Date de candidature');
    expect(sheet.getRow(2).getCell(appliedColumn).numFmt).toBe('dd/mm/yyyy');
    const interviews = rowsOf(workbook.getWorksheet('Entretiens')!);
    expect(interviews.map((row) => row.Type)).toEqual([null, 'Technique', 'RH']);
    expect(interviews[0].Statut).toBe('Annulé');
  });

  it('exports just what a filtered view shows, in every sheet', async () => {
    const { workbook, result } = await exportTo('rejected.xlsx', { filters: { stageCategories: ['rejected'] } });
    expect(result.rows).toBe(1);
    const [intern] = world.live.filter((application) => application.stageCategory === 'rejected');
    expect(rowsOf(workbook.getWorksheet('Applications')!).map((row) => row.Id)).toEqual([intern.id]);
    expect(rowsOf(workbook.getWorksheet('Interviews')!).map((row) => row.Id)).toEqual([world.cancelledInterview.id]);
    expect(rowsOf(workbook.getWorksheet('Companies')!).map((row) => row.Name)).toEqual([tricky.accents]);
    expect(rowsOf(workbook.getWorksheet('Contacts')!)).toEqual([]);
    expect(rowsOf(workbook.getWorksheet('Stage history')!).every((row) => row['Application id'] === intern.id)).toBe(true);
  });

  it('lists every company and contact when the view is not filtered, with the view’s application counts', async () => {
    const { workbook } = await exportTo('unfiltered.xlsx', {});
    const companies = rowsOf(workbook.getWorksheet('Companies')!);
    expect(companies.map((company) => [company.Name, company.Applications])).toEqual(
      expect.arrayContaining([
        ['Acme', 1],
        ['Archived Inc', 0],
      ]),
    );
    expect(companies).toHaveLength(4);
    const contacts = rowsOf(workbook.getWorksheet('Contacts')!);
    expect(contacts.map((contact) => contact.Name)).toEqual(['Hélène Martin', 'Zoé Outsider']);
    expect(contacts[0].Phone).toBe('+33 6 12 34 56 78');
    expect(contacts[0].LinkedIn).toEqual({ text: 'https://www.linkedin.com/in/helene', hyperlink: 'https://www.linkedin.com/in/helene' });
  });

  it('hands the workbook back as base64 when no path is given (browser download)', async () => {
    const result = await app.api.invoke('exports.excel', {});
    if (result.kind !== 'content') throw new Error('expected content');
    expect(result).toMatchObject({ encoding: 'base64', mimeType: expect.stringContaining('spreadsheetml') });
    expect(result.fileName).toMatch(/^candid-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.content, 'base64') as unknown as ArrayBuffer);
    expect(rowsOf(workbook.getWorksheet('Applications')!)).toHaveLength(3);
    expect(fs.readdirSync(app.dir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
