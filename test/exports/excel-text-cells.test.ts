import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, tricky } from './support/data';
import { zipEntry } from './support/zip-entry';

/**
 * Issue 18, finding 9: XLSX text cells no longer get a visible `'` prefix, because their cell type already keeps
 * them from being evaluated. What the workbook writer (src-main/exports/workbook.ts, like exceljs 4.4's streaming
 * writer before it) writes for a string is `<c r="A2" t="str"><v>…</v></c>`: a value and no `<f>` element. A
 * spreadsheet evaluates only `<f>` elements, so this reads the sheets' XML: every formula-looking text is there as a value, exactly as typed, and no cell of any
 * sheet has a formula. The CSV export, which has no cell types, keeps its apostrophe (test/exports/csv.test.ts).
 */

let app: TempApp;
beforeAll(async () => ({ app } = await openSeededExportApp()));
afterAll(() => app?.close());

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

async function sheetsXml(channel: 'exports.excel' | 'exports.statisticsWorkbook'): Promise<string[]> {
  const file = path.join(app.dir, `${channel}.xlsx`);
  await app.api.invoke(channel, { path: file });
  const zip = fs.readFileSync(file);
  const sheets: string[] = [];
  for (let index = 1; ; index++) {
    try {
      sheets.push(zipEntry(zip, `xl/worksheets/sheet${index}.xml`));
    } catch {
      return sheets;
    }
  }
}

describe('text cells of the Excel exports', () => {
  it('are string values without an apostrophe, and no cell has a formula', async () => {
    const sheets = await sheetsXml('exports.excel');
    expect(sheets.length).toBeGreaterThan(1);
    const all = sheets.join('\n');
    expect(all).not.toMatch(/<f[ >]/);
    for (const text of [tricky.formula, tricky.equals, tricky.plusFormula, tricky.minus, tricky.at]) {
      const cell = new RegExp(`<c r="[A-Z]+\\d+"( s="\\d+")? t="str"><v>${xmlText(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</v></c>`);
      expect(all, text).toMatch(cell);
      expect(all).not.toContain(`<v>'${xmlText(text)}</v>`);
    }
  });

  it('the statistics workbook has no formula either', async () => {
    const sheets = await sheetsXml('exports.statisticsWorkbook');
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets.join('\n')).not.toMatch(/<f[ >]/);
  });
});
