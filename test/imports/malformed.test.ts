import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importLimits, type ImportSource } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, upload } from './support/files';

let app: TempApp;
let before: string;
beforeEach(async () => {
  app = await openTempApp();
  // Some data already there: a refused import must leave it exactly as it was.
  await app.api.invoke('applications.create', { companyName: 'Existing', position: 'Developer', appliedOn: '2024-01-10' });
  before = fingerprint(app);
});
afterEach(() => app.close());

async function expectRefused(source: ImportSource, expected: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  await expect(app.api.invoke('imports.preview', { source, ...extra })).rejects.toMatchObject(expected);
  await expect(app.api.invoke('imports.run', { source, ...extra })).rejects.toMatchObject(expected);
  expect(fingerprint(app)).toBe(before);
}

function writeTemp(name: string, content: Buffer | string): string {
  const file = path.join(app.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('malformed files: a clear error, and the database unchanged', () => {
  it('a 0-byte file', async () => {
    await expectRefused(upload('', 'empty.csv'), { code: 'VALIDATION', details: { reason: 'empty_file', fileName: 'empty.csv' } });
    await expectRefused({ path: writeTemp('empty.csv', '') }, { code: 'VALIDATION', details: { reason: 'empty_file' } });
  });

  it('a file above the limit, refused before it is read', async () => {
    // A sparse 200 MB file: its size is on disk, its bytes were never written (nor will they be read).
    const file = path.join(app.dir, 'huge.csv');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 200 * 1024 * 1024);
    await expectRefused({ path: file }, { code: 'TOO_LARGE', details: { reason: 'file_too_large', bytes: 200 * 1024 * 1024, limit: importLimits.maxFileBytes } });
  });

  it('uploaded content above the limit, refused before it is decoded', async () => {
    const content = 'A'.repeat(Math.ceil((importLimits.maxFileBytes + 3) / 3) * 4);
    await expectRefused({ content, fileName: 'big.csv' }, { code: 'TOO_LARGE', details: { reason: 'file_too_large', limit: importLimits.maxFileBytes } });
  });

  it('binary junk', async () => {
    const junk = crypto.randomBytes(4096);
    junk[0] = 0x00;
    await expectRefused(upload(junk, 'data.csv'), { code: 'VALIDATION', details: { reason: 'binary_file' } });
    await expectRefused(upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]), 'cv.pdf'), { details: { reason: 'binary_file', kind: 'PDF' } });
  });

  it('a truncated XLSX, and junk named .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Candidatures');
    sheet.addRow(['Company', 'Position']);
    for (let index = 0; index < 200; index += 1) sheet.addRow([`Company ${index}`, 'Developer']);
    const full = Buffer.from(await workbook.xlsx.writeBuffer());
    await expectRefused(upload(full.subarray(0, Math.floor(full.length / 2)), 'cut.xlsx'), { code: 'VALIDATION', details: { reason: 'corrupt_xlsx' } });
    await expectRefused(upload('Company,Position\nA,B\n', 'renamed.xlsx'), { details: { reason: 'corrupt_xlsx' } });
  });

  it('an old .xls or an OpenDocument spreadsheet, with a hint to save as .xlsx', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...crypto.randomBytes(512)]);
    await expectRefused(upload(xls, 'old.xls'), { details: { reason: 'legacy_xls' } });
    const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
    await expectRefused(upload(ods, 'libre.ods'), { details: { reason: 'ods_unsupported' } });
  });

  it('wrong columns: nothing maps to company or position', async () => {
    const csv = 'Name,Age,City\nAlice,31,Paris\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'people.csv') });
    expect(preview.problems).toMatchObject([
      { row: null, field: 'company', code: 'unmapped_required', severity: 'error' },
      { row: null, field: 'position', code: 'unmapped_required', severity: 'error' },
    ]);
    await expect(app.api.invoke('imports.run', { source: upload(csv, 'people.csv') })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'unmapped_required', fields: ['company', 'position'] },
    });
    expect(fingerprint(app)).toBe(before);
  });

  it('a bad date costs no row: it is a warning, and the date stays empty', async () => {
    const csv = 'Company,Position,Applied\nAcme,Developer,2024-03-12\nGlobex,Tester,32/13/2024\n';
    const result = await app.api.invoke('imports.run', { source: upload(csv, 'dates.csv') });
    expect(result).toMatchObject({ created: 2, skippedInvalid: 0 });
    expect(result.summary!.warnings).toMatchObject([{ code: 'bad_date', count: 1, items: [{ row: 3, column: 2, value: '32/13/2024' }] }]);
  });

  it('a header and no rows, invalid JSON, JSON that is not a list of applications', async () => {
    await expectRefused(upload('Company,Position\n', 'header-only.csv'), { details: { reason: 'no_rows' } });
    await expectRefused(upload('[{"entreprise": "A", ', 'cut.json'), { details: { reason: 'bad_json' } });
    await expectRefused(upload('{"hello": "world"}', 'object.json'), { details: { reason: 'json_shape' } });
    await expectRefused(upload('[1, 2, 3]', 'numbers.json'), { details: { reason: 'json_shape' } });
  });

  it('a quote that never closes', async () => {
    const csv = 'Company,Position,Notes\nAcme,Developer,"starts here\nGlobex,Tester,fine\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'quote.csv') });
    expect(preview.problems).toMatchObject([{ row: 2, code: 'malformed_row', severity: 'error' }]);
    await expect(app.api.invoke('imports.run', { source: upload(csv, 'quote.csv') })).rejects.toMatchObject({ details: { reason: 'rows_invalid' } });
    expect(fingerprint(app)).toBe(before);
  });

  it('a path that is not a file, or not there', async () => {
    await expectRefused({ path: app.dir }, { code: 'VALIDATION', details: { reason: 'not_a_file' } });
    await expectRefused({ path: path.join(app.dir, 'nope.csv') }, { code: 'NOT_FOUND', details: { reason: 'file_not_found' } });
    await expectRefused({ path: 'relative/file.csv' }, { code: 'VALIDATION', details: { reason: 'relative_path' } });
  });
});
