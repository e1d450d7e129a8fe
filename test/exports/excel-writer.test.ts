import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelCellLimit } from '../../src-main/exports/cells';
import { writeApplicationsWorkbook, type ExportExcelOptions } from '../../src-main/exports/excel';
import { createWorkbookWriter } from '../../src-main/exports/workbook';
import { xmlText } from '../../src-main/exports/xlsx/xml';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, type ExportWorld } from './support/data';
import { writeReferenceWorkbook } from './support/exceljs-workbook';
import { zipEntry } from './support/zip-entry';

/**
 * The Excel export writes its workbook's XML itself (src-main/exports/workbook.ts) instead of through exceljs's
 * streaming writer. On a seeded database (a generated job search, and the exports' tricky world), the workbook it
 * writes reads back, through exceljs's reader, exactly as the one exceljs wrote: every sheet, column width, frozen
 * header, filter, and every cell's value, type, number format and font.
 */

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => {
  ({ app, world } = await openSeededExportApp());
  seedDatabase(app.context, generateDataset({ count: 150, seed: 'excel-writer', today: '2025-06-01' }));
});
afterAll(() => app?.close());

/** Characters XML has entities for, text beyond the Basic Multilingual Plane, and control characters. */
const special = `Tom & Jerry <b>"quoted"</b> it's 🚀 ok\ttab\u0001\u0008\u000B\u000C\u001F\u007F end`;

async function writeWith(name: string, write: (out: fs.WriteStream) => Promise<unknown>): Promise<ExcelJS.Workbook> {
  const file = path.join(app.dir, name);
  const out = fs.createWriteStream(file);
  const closed = new Promise<void>((resolve, reject) => out.on('close', () => resolve()).on('error', reject));
  await write(out);
  await closed;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

const ours = (name: string, options: ExportExcelOptions) => writeWith(name, (out) => writeApplicationsWorkbook(app.context, out, options));
const reference = (name: string, options: ExportExcelOptions) => writeWith(name, (out) => writeReferenceWorkbook(app.context, out, options));

/** What a reader sees of a cell: its value and how it is shown. */
function cellView(cell: ExcelJS.Cell) {
  return {
    value: cell.value,
    type: cell.type,
    numFmt: cell.numFmt,
    bold: cell.font?.bold,
    underline: cell.font?.underline,
    color: cell.font?.color,
    fill: cell.fill,
    alignment: cell.alignment,
  };
}

function compareSheets(actual: ExcelJS.Worksheet, expected: ExcelJS.Worksheet): number {
  expect(actual.name).toBe(expected.name);
  expect(actual.views).toEqual(expected.views);
  expect(actual.autoFilter).toEqual(expected.autoFilter);
  expect(actual.rowCount).toBe(expected.rowCount);
  expect(actual.columnCount).toBe(expected.columnCount);
  for (let column = 1; column <= expected.columnCount; column += 1) {
    // exceljs left out a column of width 9, which it took for the default: Excel then showed its own default (8.43).
    expect(actual.getColumn(column).width, `width of column ${column}`).toBe(expected.getColumn(column).width ?? 9);
  }
  expect(actual.getRow(1).height).toBe(expected.getRow(1).height);
  let cells = 0;
  for (let row = 1; row <= expected.rowCount; row += 1) {
    for (let column = 1; column <= expected.columnCount; column += 1) {
      const where = `${expected.name}!${expected.getRow(row).getCell(column).address}`;
      expect(cellView(actual.getRow(row).getCell(column)), where).toEqual(cellView(expected.getRow(row).getCell(column)));
      cells += 1;
    }
  }
  return cells;
}

describe('the Excel export’s own workbook writer', () => {
  it('writes every sheet and cell exactly as exceljs did, on a seeded database', async () => {
    const target = world.live[0].id;
    app.context.changes.write((write) => write.update('applications', target, { notes: special, location: '😀 Zürich & <Genève>' }));
    // The small data would keep every sheet in one thread: the first pass makes the second thread write the sheets after the applications.
    const cases = [
      { language: 'en', timeZone: 'Europe/Paris', filters: { archived: 'all' }, sheetThread: true },
      { language: 'en', timeZone: 'Europe/Paris', filters: { archived: 'all' }, sheetThread: false },
      { language: 'fr', timeZone: 'America/New_York' },
    ] as const;
    for (const [index, options] of cases.entries()) {
      const [actual, expected] = await Promise.all([ours(`ours-${index}.xlsx`, options), reference(`exceljs-${index}.xlsx`, options)]);
      expect(actual.worksheets.map((sheet) => sheet.name)).toEqual(expected.worksheets.map((sheet) => sheet.name));
      let cells = 0;
      for (const [index, sheet] of expected.worksheets.entries()) cells += compareSheets(actual.worksheets[index], sheet);
      expect(cells).toBeGreaterThan(150 * 30);
    }
  });

  it('writes each type of cell: dates, numbers, money, booleans, links, empty cells, special and long text', async () => {
    const workbook = await ours('types.xlsx', { language: 'en', timeZone: 'UTC' });
    const sheet = workbook.getWorksheet('Applications')!;
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const columnOf = (header: string) => headers.indexOf(header);
    const rowOf = (id: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(columnOf('Id')).value === id) found = row;
      });
      return found!;
    };
    const row = rowOf(world.live[0].id);
    // The notes lose only the characters XML cannot hold (tab, and the emoji's surrogate pair, stay).
    expect(row.getCell(columnOf('Notes')).value).toBe(`Tom & Jerry <b>"quoted"</b> it's 🚀 ok\ttab end`);
    expect(row.getCell(columnOf('Location')).value).toBe('😀 Zürich & <Genève>');
    expect(row.getCell(columnOf('Applied on')).value).toEqual(new Date('2025-03-01T00:00:00.000Z'));
    expect(row.getCell(columnOf('Applied on')).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(columnOf('Stage since')).value).toEqual(new Date('2025-03-10T14:00:00.000Z'));
    expect(row.getCell(columnOf('Stage since')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(row.getCell(columnOf('Salary min')).value).toBe(45_000);
    expect(row.getCell(columnOf('Salary min')).numFmt).toBe('#,##0');
    expect(row.getCell(columnOf('Priority')).value).toBe(5);
    expect(row.getCell(columnOf('Favourite')).value).toBe(true);
    expect(row.getCell(columnOf('Archived')).value).toBe(false);
    expect(row.getCell(columnOf('Posting URL')).value).toEqual({ text: world.live[0].postingUrl, hyperlink: world.live[0].postingUrl });
    expect(row.getCell(columnOf('Posting URL')).font?.underline).toBe(true);
    const description = row.getCell(columnOf('Job description')).value as string;
    expect(description).toHaveLength(excelCellLimit);
    // The wish list application has no date of application: an empty cell, not an empty string.
    const wish = rowOf(world.live[2].id);
    expect(wish.getCell(columnOf('Applied on')).value).toBeNull();
    expect(wish.getCell(columnOf('Applied on')).type).toBe(ExcelJS.ValueType.Null);
  });

  it('leaves out unpaired surrogates and the non-characters U+FFFE and U+FFFF, which XML cannot hold', () => {
    expect(xmlText('a\uD83Db\uDE00c\uFFFEd\uFFFFe')).toBe('abcde');
    expect(xmlText('🚀 & 😀')).toBe('🚀 &amp; 😀');
    expect(xmlText(`<'">`)).toBe('&lt;&apos;&quot;&gt;');
    expect(xmlText('plain text, nothing to do')).toBe('plain text, nothing to do');
  });

  it('keeps every character across the buffers the rows are encoded into, and rows longer than a buffer', async () => {
    // Rows are encoded as UTF-8 into buffers of 1 MB handed to zlib as they fill (workbook.ts): thousands of rows
    // of two- to four-byte characters (about 3.6 MB) cross several of their ends, and a row of 400,000 three-byte
    // characters is longer than one buffer. The buffers are used again once zlib has deflated them.
    const rowText = (row: number) => `${row} é€ 😀 ${'€'.repeat(row % 397)} & <${'x'.repeat(row % 31)}>`;
    const long = `${'Zürich 🚀 '.repeat(2_000)}${'€'.repeat(400_000)}end`;
    const rows = 6_000;
    const workbook = await writeWith('chunks.xlsx', async (out) => {
      const writer = createWorkbookWriter(out, 'en');
      const sheet = writer.addSheet('Chunks', [
        { header: 'Text', kind: 'text', width: 20 },
        { header: 'Long', kind: 'longText', width: 20 },
      ]);
      for (let row = 1; row <= rows; row += 1) {
        sheet.addRow([rowText(row), row === rows / 2 ? long : null]);
        // Several buffers written between two waits: each is written over again only once zlib has deflated it.
        if (row % 3_000 === 0) await sheet.drained();
      }
      await sheet.finish();
      await writer.commit();
    });
    const sheet = workbook.getWorksheet('Chunks')!;
    expect(sheet.rowCount).toBe(rows + 1);
    for (let row = 1; row <= rows; row += 1) expect(sheet.getRow(row + 1).getCell(1).value, `row ${row}`).toBe(rowText(row));
    expect(sheet.getRow(rows / 2 + 1).getCell(2).value).toBe(long);
  });

  it('writes every link of a sheet, and its target, across the waits for zlib at the end of the sheet', async () => {
    // The links are written after the rows, 5,000 between two waits (workbook.ts): 12,001 cross two of them.
    const rows = 12_001;
    const target = (row: number) => `https://jobs.example/${row}?a=1&b=${'é'.repeat(row % 5)}`;
    const workbook = await writeWith('links.xlsx', async (out) => {
      const writer = createWorkbookWriter(out, 'en');
      const sheet = writer.addSheet('Links', [
        { header: 'Text', kind: 'text', width: 20 },
        { header: 'Link', kind: 'url', width: 20 },
      ]);
      for (let row = 1; row <= rows; row += 1) sheet.addRow([`row ${row}`, { text: `link ${row}`, hyperlink: target(row) }]);
      await sheet.finish();
      await writer.commit();
    });
    const sheet = workbook.getWorksheet('Links')!;
    for (const row of [1, 4_999, 5_000, 5_001, 10_001, rows]) {
      expect(sheet.getRow(row + 1).getCell(2).value, `row ${row}`).toEqual({ text: `link ${row}`, hyperlink: target(row) });
    }
    let links = 0;
    sheet.eachRow((row) => (links += row.getCell(2).hyperlink ? 1 : 0));
    expect(links).toBe(rows);
  });

  it('writes the workbook as valid XML parts, with the sheet list and links the package needs', async () => {
    const file = path.join(app.dir, 'parts.xlsx');
    const out = fs.createWriteStream(file);
    const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
    await writeApplicationsWorkbook(app.context, out, { language: 'fr' });
    await closed;
    const zip = fs.readFileSync(file);
    expect(zipEntry(zip, 'xl/workbook.xml')).toContain('<sheet name="Historique des étapes" sheetId="5" r:id="rId7"/>');
    expect(zipEntry(zip, '[Content_Types].xml')).toContain('/xl/worksheets/sheet5.xml');
    expect(zipEntry(zip, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain(`Target="${xmlText(world.live[0].postingUrl!)}" TargetMode="External"`);
    expect(zipEntry(zip, 'xl/styles.xml')).toContain('formatCode="dd/mm/yyyy"');
  });
});
