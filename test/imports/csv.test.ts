import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload, windows1252 } from './support/files';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

const header = 'Company,Position,Applied,Status,Notes';

describe('CSV import', () => {
  it('reads quotes, doubled quotes, delimiters and line breaks inside quoted values', async () => {
    const csv = [
      header,
      '"Acme, Inc.",Developer,2024-03-12,Applied,"She said ""call me back""\non Monday"',
      'Globex,"Data engineer, senior",2024-03-13,Interview,plain',
    ].join('\r\n');
    const source = upload(csv, 'tracker.csv');
    const preview = await app.api.invoke('imports.preview', { source });
    expect(preview.settings).toMatchObject({ delimiter: ',', quoted: true, encoding: 'utf-8', bom: false, hasHeader: true });
    expect(preview.rowCount).toBe(2);
    expect(preview.problems).toEqual([]);

    await app.api.invoke('imports.run', { source });
    const [acme, globex] = await listAll(app);
    expect(acme).toMatchObject({ companyName: 'Acme, Inc.', position: 'Developer', appliedOn: '2024-03-12' });
    expect(globex).toMatchObject({ companyName: 'Globex', position: 'Data engineer, senior', stageCategory: 'interviewing' });
    const detail = await app.api.invoke('applications.get', { id: acme.id });
    expect(detail.notes).toBe('She said "call me back"\non Monday');
  });

  it('reads a UTF-8 file with a byte order mark and semicolons (Excel in French)', async () => {
    const csv = '\ufeffEntreprise;Poste;Date de candidature;Statut\r\nSociété Générale;Développeur;12/03/2024;Refusé\r\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'suivi.csv') });
    expect(preview.settings).toMatchObject({ delimiter: ';', encoding: 'utf-8', bom: true });
    // The byte order mark is not part of the first header.
    expect(preview.columns[0].header).toBe('Entreprise');
    expect(preview.mapping).toEqual(['company', 'position', 'appliedOn', 'stage']);

    await app.api.invoke('imports.run', { source: upload(csv, 'suivi.csv') });
    expect(await listAll(app)).toMatchObject([{ companyName: 'Société Générale', position: 'Développeur', appliedOn: '2024-03-12', stageCategory: 'rejected' }]);
  });

  it('reads Windows-1252 accents, including the characters Latin-1 lacks (€ ’ œ)', async () => {
    const text = 'Entreprise;Poste;Salaire;Commentaire\r\nL’Oréal;Chargée de clientèle;35 000 €;Cœur de métier… à suivre\r\n';
    const bytes = windows1252(text);
    const preview = await app.api.invoke('imports.preview', { source: upload(bytes, 'export.csv') });
    expect(preview.settings.encoding).toBe('windows-1252');
    expect(preview.rows[0].cells).toEqual(['L’Oréal', 'Chargée de clientèle', '35 000 €', 'Cœur de métier… à suivre']);

    await app.api.invoke('imports.run', { source: upload(bytes, 'export.csv') });
    const [row] = await listAll(app);
    expect(row).toMatchObject({ companyName: 'L’Oréal', position: 'Chargée de clientèle', salaryMin: 35000, salaryMax: 35000, salaryCurrency: 'EUR' });
    expect((await app.api.invoke('applications.get', { id: row.id })).notes).toBe('Cœur de métier… à suivre');
  });

  it('detects tab and pipe delimiters, and lets the user override the detection', async () => {
    const tab = 'Company\tPosition\nAcme\tDeveloper, backend\n';
    expect((await app.api.invoke('imports.preview', { source: upload(tab, 'a.tsv') })).settings.delimiter).toBe('\t');
    const pipe = 'Company|Position\nAcme|Developer\nGlobex|Tester\n';
    const detected = await app.api.invoke('imports.preview', { source: upload(pipe, 'a.txt') });
    expect(detected.settings.delimiter).toBe('|');
    expect(detected.rows.map((row) => row.cells)).toEqual([['Acme', 'Developer'], ['Globex', 'Tester']]);
    const forced = await app.api.invoke('imports.preview', { source: upload(pipe, 'a.txt'), settings: { delimiter: ',' } });
    expect(forced.columns.map((column) => column.header)).toEqual(['Company|Position']);
  });

  it('reads UTF-16 text with a byte order mark ("Unicode text" from Excel)', async () => {
    const text = 'Company\tPosition\r\nZoé SAS\tDéveloppeuse\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const preview = await app.api.invoke('imports.preview', { source: upload(bytes, 'unicode.txt') });
    expect(preview.settings).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t' });
    expect(preview.rows[0].cells).toEqual(['Zoé SAS', 'Développeuse']);
  });

  it('imports a French tracker from its path (what the desktop dialog gives)', async () => {
    const file = path.resolve(import.meta.dirname, '../fixtures/imports/suivi-candidatures-fr.csv');
    const result = await app.api.invoke('imports.run', { source: { path: file } });
    expect(result).toMatchObject({ format: 'csv', created: 4, companiesCreated: 4 });
    const rows = await listAll(app);
    expect(rows.map((row) => [row.companyName, row.stageCategory, row.employmentType, row.source])).toEqual([
      ['Airbus', 'interviewing', 'apprenticeship', 'company_site'],
      ['Decathlon', 'applied', 'internship', 'indeed'],
      ['L’Oréal', 'ghosted', 'fixed_term', 'welcome_to_the_jungle'],
      ['Société Générale', 'rejected', 'permanent', 'linkedin'],
    ]);
    const airbus = await app.api.invoke('applications.get', { id: rows[0].id });
    expect(airbus).toMatchObject({ postingUrl: 'https://www.airbus.com/careers/42', notes: 'Premier entretien RH\npuis test technique' });
  });

  it('numbers rows as the spreadsheet shows them and skips empty lines', async () => {
    const csv = 'Company,Position\n\nAcme,\n,,\nGlobex,Tester\n';
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'gaps.csv') });
    expect(preview.rows.map((row) => row.row)).toEqual([3, 5]);
    expect(preview.problems).toMatchObject([{ row: 3, column: 1, field: 'position', code: 'missing_required', severity: 'error' }]);
  });
});
