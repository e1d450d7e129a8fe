import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLimits } from '../../src-shared/contract';
import { CsvTokenizer } from '../../src-main/imports/csv';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, listAll, upload } from './support/files';
import { sheetEnd, sheetStart, stringsEnd, stringsStart, writeWorkbook, writeZip } from './support/zip-writer';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

function tokenize(text: string, chunk = 3) {
  const records: { row: number; cells: string[]; unclosedQuote: boolean }[] = [];
  const tokenizer = new CsvTokenizer(',', 20, 5, (record) => records.push({ row: record.row, cells: record.cells, unclosedQuote: record.unclosedQuote }));
  for (let index = 0; index < text.length; index += chunk) tokenizer.push(text.slice(index, index + chunk));
  tokenizer.end();
  return records;
}

describe('CSV read a chunk at a time', () => {
  it('gives the same records whatever the chunks: quotes, doubled quotes, CRLF split across chunks, empty lines', () => {
    const text = 'a,"b,""c""",d\r\n\r\n"multi\r\nline",x\r\nlast,row';
    const expected = [
      { row: 1, cells: ['a', 'b,"c"', 'd'], unclosedQuote: false },
      { row: 2, cells: [''], unclosedQuote: false },
      { row: 3, cells: ['multi\nline', 'x'], unclosedQuote: false },
      { row: 4, cells: ['last', 'row'], unclosedQuote: false },
    ];
    for (const chunk of [1, 2, 3, 7, 1000]) expect(tokenize(text, chunk), `chunks of ${chunk}`).toEqual(expected);
  });

  it('cuts a value at the cell limit and keeps no more than the column limit', () => {
    const records: { cells: string[]; cut: number[] | null; tooWide: boolean }[] = [];
    const tokenizer = new CsvTokenizer(',', 10, 3, (record) => records.push(record));
    tokenizer.push(`${'x'.repeat(50)},b,c,,\n1,2,3,4\n`);
    tokenizer.end();
    expect(records).toMatchObject([
      { cells: ['x'.repeat(10), 'b', 'c'], cut: [0], tooWide: false },
      { cells: ['1', '2', '3'], cut: null, tooWide: true },
    ]);
  });
});

describe('bounds while reading', () => {
  it('refuses a NUL byte anywhere in a CSV, not only in its first 64 KiB', async () => {
    const before = fingerprint(app);
    const rows = ['Company,Position'];
    for (let index = 0; index < 5000; index += 1) rows.push(`Company ${index},Developer`);
    const text = `${rows.join('\n')}\nAcme,Dev\u0000eloper\n`;
    expect(text.indexOf('\u0000')).toBeGreaterThan(65_536);
    for (const channel of ['imports.preview', 'imports.run'] as const) {
      await expect(app.api.invoke(channel, { source: upload(text, 'nul.csv') })).rejects.toMatchObject({ code: 'VALIDATION', details: { reason: 'binary_file' } });
    }
    expect(fingerprint(app)).toBe(before);
  });

  it('never echoes a huge cell in full in the preview, and cuts it at the cell limit with a warning', { timeout: 120_000 }, async () => {
    const huge = 'y'.repeat(5 * 1024 * 1024);
    const csv = `Company,Position,Notes\nAcme,Developer,${huge}\n`;
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'huge.csv') });
    expect(preview.rows[0].cells[2].length).toBeLessThanOrEqual(importLimits.previewCellChars);
    expect(preview.columns[2].samples[0].length).toBeLessThanOrEqual(80);
    expect(preview.problems).toMatchObject([{ row: 2, column: 2, code: 'cut', severity: 'warning' }]);
    expect(preview.problems[0].value!.length).toBeLessThanOrEqual(120);
    // A 5 MB cell makes a preview of a few kilobytes.
    expect(JSON.stringify(preview).length).toBeLessThan(20_000);
    await app.api.invoke('imports.run', { source: upload(csv, 'huge.csv') });
    const [row] = await listAll(app);
    expect((await app.api.invoke('applications.get', { id: row.id })).notes).toHaveLength(importLimits.maxCellChars);
  });

  it('refuses a row wider than the column limit', async () => {
    const header = Array.from({ length: importLimits.maxColumns + 1 }, (_, index) => `c${index}`).join(',');
    await expect(app.api.invoke('imports.preview', { source: upload(`${header}\n${header}\n`, 'wide.csv') })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'too_many_columns', limit: importLimits.maxColumns },
    });
  });
});

describe('the header row', () => {
  it('skips title and blank rows above it and says which row it took', async () => {
    const csv = 'Mes candidatures 2024,,,\n,,,\nMise à jour le 12/03/2024,,,\nEntreprise,Poste,Date de candidature,Statut\nAirbus,Ingénieur,12/03/2024,Refusé\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'titre.csv') });
    expect(preview.settings).toMatchObject({ hasHeader: true, headerRow: 4 });
    expect(preview.settings.headerCandidates.map((candidate) => candidate.row)).toEqual([1, 3, 4, 5]);
    expect(preview.mapping).toEqual(['company', 'position', 'appliedOn', 'stage']);
    expect(preview.rows.map((row) => row.row)).toEqual([5]);
  });

  it('finds none in a file of data, and takes the row the user chooses', async () => {
    const data = 'Acme,Developer,2024-03-12\nGlobex,Tester,2024-03-13\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(data, 'data.csv') });
    expect(preview.settings).toMatchObject({ hasHeader: false, headerRow: null });
    expect(preview.rowCount).toBe(2);
    const chosen = await app.api.invoke('imports.preview', { source: upload(data, 'data.csv'), settings: { headerRow: 1 } });
    expect(chosen.settings.headerRow).toBe(1);
    expect(chosen.columns.map((column) => column.header)).toEqual(['Acme', 'Developer', '2024-03-12']);
    const none = await app.api.invoke('imports.preview', { source: upload('Company,Position\nA,B\n', 'h.csv'), settings: { hasHeader: false } });
    expect(none.settings.headerRow).toBeNull();
    expect(none.rowCount).toBe(2);
  });

  it('reads the group label above merged headers ("Contact" over its name and e-mail)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Suivi');
    sheet.addRow(['Candidature', null, 'Contact', null]);
    sheet.mergeCells('A1:B1');
    sheet.mergeCells('C1:D1');
    sheet.addRow(['Entreprise', 'Poste', 'Nom', 'E-mail']);
    sheet.addRow(['Airbus', 'Ingénieur', 'Marie Curie', 'marie@airbus.com']);
    const preview = await app.api.invoke('imports.preview', { source: upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'groupes.xlsx') });
    expect(preview.settings.headerRow).toBe(2);
    expect(preview.columns.map((column) => column.header)).toEqual(['Candidature Entreprise', 'Candidature Poste', 'Contact Nom', 'Contact E-mail']);
    expect(preview.mapping).toEqual(['company', 'position', 'contactName', 'contactEmail']);
  });

  it('chooses the sheet that looks like a tracker, not the first one with data', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRows([['Things to remember'], ['Call the bank'], ['Update the CV']]);
    const tracker = workbook.addWorksheet('Suivi');
    tracker.addRows([
      ['Entreprise', 'Poste', 'Statut'],
      ['Airbus', 'Ingénieur', 'Entretien'],
    ]);
    const preview = await app.api.invoke('imports.preview', { source: upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'classeur.xlsx') });
    expect(preview.settings).toMatchObject({ sheet: 'Suivi', sheets: ['Notes', 'Suivi'] });
  });
});

describe('workbooks read as a stream', () => {
  it('reads the currency of a number format, 1904 dates, inline strings, rich and phonetic shared strings, and links', async () => {
    const file = path.join(app.dir, 'made.xlsx');
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0 [$€-40C]"/><numFmt numFmtId="165" formatCode="&quot;£&quot;#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    writeZip(file, [
      { name: '[Content_Types].xml', chunks: () => ['<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'] },
      { name: '_rels/.rels', chunks: () => ['<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'] },
      { name: 'xl/workbook.xml', chunks: () => ['<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Jobs" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'] },
      { name: 'xl/_rels/workbook.xml.rels', chunks: () => ['<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'] },
      { name: 'xl/styles.xml', chunks: () => [styles] },
      { name: 'xl/sharedStrings.xml', chunks: () => [stringsStart, '<si><t>Company</t></si><si><t>Position</t></si><si><r><t xml:space="preserve">Caf</t></r><r><rPr><b/></rPr><t>é &amp; Co</t></r><rPh><t>カフェ</t></rPh></si>', stringsEnd] },
      { name: 'xl/worksheets/_rels/sheet1.xml.rels', chunks: () => ['<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdL" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/jobs?id=1&amp;ref=x" TargetMode="External"/></Relationships>'] },
      {
        name: 'xl/worksheets/sheet1.xml',
        // Cut in small pieces, so that tags and entities straddle the chunks the reader gets. 43901 in the 1904 date
        // system (Mac workbooks) is 45363 in the 1900 one: 12 March 2024.
        chunks: function* () {
          const xml = `${sheetStart}<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Salary</t></is></c><c r="D1" t="inlineStr"><is><t>Pay</t></is></c><c r="E1" t="inlineStr"><is><t>Applied</t></is></c><c r="F1" t="inlineStr"><is><t>Link</t></is></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>Chef &lt;cuisine&gt;</t></is></c><c r="C2" s="1"><v>42000</v></c><c r="D2" s="1"><v>45000.5</v></c><c r="E2" s="3"><v>43901</v></c><c r="F2" t="str"><f>HYPERLINK("x")</f><v>Voir</v></c></row>${sheetEnd.replace('</worksheet>', '<hyperlinks><hyperlink ref="F2" r:id="rIdL" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></hyperlinks></worksheet>')}`;
          for (let index = 0; index < xml.length; index += 7) yield xml.slice(index, index + 7);
        },
      },
    ]);
    const preview = await app.api.invoke('imports.preview', { source: { path: file } });
    expect(preview.rows).toEqual([{ row: 2, cells: ['Café & Co', 'Chef <cuisine>', '42000', '45000.5', '2024-03-12', 'Voir'] }]);
    await app.api.invoke('imports.run', { source: { path: file }, mapping: ['company', 'position', 'salaryMin', 'salaryMax', 'appliedOn', 'postingUrl'] });
    const [row] = await listAll(app);
    expect(row).toMatchObject({ companyName: 'Café & Co', position: 'Chef <cuisine>', salaryMin: 42000, salaryMax: 45001, salaryCurrency: 'EUR', appliedOn: '2024-03-12', postingUrl: 'https://example.com/jobs?id=1&ref=x' });
  });

  it('refuses a part whose directory entry announces more than its limit, before inflating it', async () => {
    const file = path.join(app.dir, 'announced.xlsx');
    writeWorkbook(file, () => [`${sheetStart}${sheetEnd}`], () => [stringsStart, stringsEnd], { sharedStrings: importLimits.maxSharedStringsBytes + 1 });
    await expect(app.api.invoke('imports.preview', { source: { path: file } })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      details: { reason: 'part_too_large', part: 'xl/sharedStrings.xml', limit: importLimits.maxSharedStringsBytes },
    });
  });

  it('stops a part that inflates to more than it announced (a lying bomb) as soon as it does', async () => {
    const file = path.join(app.dir, 'lying.xlsx');
    writeWorkbook(
      file,
      () => [`${sheetStart}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${sheetEnd}`],
      function* () {
        yield stringsStart;
        for (let index = 0; index < 50; index += 1) yield `<si><t>${'a'.repeat(1_000_000)}</t></si>`;
        yield stringsEnd;
      },
      { sharedStrings: 2000 },
    );
    expect(fs.statSync(file).size).toBeLessThan(200_000);
    await expect(app.api.invoke('imports.preview', { source: { path: file } })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      details: { reason: 'part_too_large', part: 'xl/sharedStrings.xml' },
    });
  });
});

describe('XML entities', () => {
  it('are never expanded beyond XML’s own: a "billion laughs" sheet reads as its literal text', async () => {
    const file = path.join(app.dir, 'laughs.xlsx');
    const doctype = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>';
    writeWorkbook(
      file,
      () => [sheetStart.replace('<worksheet', `${doctype}<worksheet`), '<row r="1"><c t="inlineStr"><is><t>Company</t></is></c><c t="inlineStr"><is><t>Position</t></is></c></row>', '<row r="2"><c t="inlineStr"><is><t>&lol2;</t></is></c><c t="inlineStr"><is><t>Dev &amp; Ops</t></is></c></row>', sheetEnd],
      () => [stringsStart, stringsEnd],
    );
    const preview = await app.api.invoke('imports.preview', { source: { path: file } });
    expect(preview.rows).toEqual([{ row: 2, cells: ['&lol2;', 'Dev & Ops'] }]);
  });
});

describe('number formats', () => {
  it('tell dates and currencies from plain numbers', async () => {
    const { currencyOfFormat, isDateFormat } = await import('../../src-main/imports/number-formats');
    expect([14, 22, 45].map((id) => isDateFormat(id, undefined))).toEqual([true, true, true]);
    expect([0, 3, 10].map((id) => isDateFormat(id, undefined))).toEqual([false, false, false]);
    expect(isDateFormat(164, 'dd/mm/yyyy')).toBe(true);
    expect(isDateFormat(165, '[$-409]mmmm d, yyyy;@')).toBe(true);
    expect(isDateFormat(166, '#,##0.00 [$€-40C]')).toBe(false);
    expect(isDateFormat(167, '0.00%')).toBe(false);
    expect(currencyOfFormat('#,##0 [$€-40C]')).toBe('EUR');
    expect(currencyOfFormat('"£"#,##0.00')).toBe('GBP');
    expect(currencyOfFormat('[$$-409]#,##0.00')).toBe('USD');
    expect(currencyOfFormat('[$$-1009]#,##0.00')).toBe('CAD');
    expect(currencyOfFormat('[$CHF] #,##0')).toBe('CHF');
    expect(currencyOfFormat('#,##0.00')).toBeNull();
  });
});
