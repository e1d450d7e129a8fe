import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp;
beforeAll(async () => (app = await openTempApp()));
afterAll(() => app?.close());

/** Each application's Tags cell, by its id, as the Excel export wrote it. */
async function excelTags(): Promise<Record<string, unknown>> {
  const file = path.join(app.dir, `tags-${Date.now()}.xlsx`);
  await app.api.invoke('exports.excel', { path: file, language: 'en' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('Applications')!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
  const tags: Record<string, unknown> = {};
  sheet.eachRow((row, number) => {
    if (number > 1) tags[String(row.getCell(headers.indexOf('Id')).value)] = row.getCell(headers.indexOf('Tags')).value;
  });
  return tags;
}

/** The same from the CSV export. */
async function csvTags(): Promise<Record<string, string>> {
  const result = await app.api.invoke('exports.csv', { language: 'en' });
  if (result.kind !== 'content') throw new Error('expected content');
  const [header, ...rows] = Papa.parse<string[]>(result.content.trimEnd(), { newline: '\r\n' }).data;
  return Object.fromEntries(rows.map((row) => [row[header.indexOf('Id')], row[header.indexOf('Tags')]]));
}

describe("the exports' Tags column (read in one pass before the rows)", () => {
  it("lists each application's live tags in name order, and nothing for an untagged one", async () => {
    const create = (position: string, tags?: string[]) => app.api.invoke('applications.create', { companyName: 'Acme', position, tags });
    const sorted = await create('Sorted', ['zeta', 'Alpha', 'été', 'mid']);
    const unlinked = await create('Unlinked', ['zeta', 'mid']);
    const deleted = await create('Deleted tag', ['gone', 'kept']);
    const untagged = await create('Untagged');

    // A link removed, a tag deleted, a tag renamed: none of it may show.
    await app.api.invoke('applications.update', { id: unlinked.id, patch: { tags: ['zeta'] } });
    const tags = await app.api.invoke('tags.list', undefined);
    const idOf = (name: string) => tags.find((tag) => tag.name === name)!.id;
    await app.api.invoke('tags.delete', { id: idOf('gone') });
    await app.api.invoke('tags.update', { id: idOf('kept'), patch: { name: 'Aardvark' } });

    const expected = { [sorted.id]: 'Alpha, été, mid, zeta', [unlinked.id]: 'zeta', [deleted.id]: 'Aardvark' };
    const excel = await excelTags();
    expect(excel).toMatchObject(expected);
    expect(excel[untagged.id]).toBeNull();
    const csv = await csvTags();
    expect(csv).toMatchObject(expected);
    expect(csv[untagged.id]).toBe('');
  });
});
