import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { listAll, upload } from './support/files';

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

/** A workbook as people keep them: a notes sheet first, real date cells, a hyperlink, a formula, rich text. */
async function trackerWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').getCell('A1').value = null;
  const sheet = workbook.addWorksheet('Candidatures');
  sheet.addRow(['Entreprise', 'Poste', 'Date de candidature', 'Statut', 'Lien', 'Salaire', 'Favori']);
  sheet.addRow([
    'Airbus',
    { richText: [{ text: 'Ingénieur ' }, { font: { bold: true }, text: 'logiciel' }] },
    new Date(Date.UTC(2024, 2, 12)),
    'Entretien',
    { text: 'Voir l’offre', hyperlink: 'https://careers.airbus.com/job/42' },
    { formula: '40000+5000', result: 45000 },
    'oui',
  ]);
  sheet.addRow(['Thales', 'Développeur C++', 45366, 'Refusé', null, '40-45k€', null]);
  sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
  const other = workbook.addWorksheet('2023');
  other.addRow(['Company', 'Position']);
  other.addRow(['Old Corp', 'Intern']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('reads the first sheet with data: date cells, serials, hyperlinks, formulas and rich text', async () => {
    const source = upload(await trackerWorkbook(), 'suivi.xlsx');
    const preview = await app.api.invoke('imports.preview', { source });
    expect(preview.format).toBe('xlsx');
    expect(preview.settings).toMatchObject({ sheet: 'Candidatures', sheets: ['Notes', 'Candidatures', '2023'] });
    expect(preview.mapping).toEqual(['company', 'position', 'appliedOn', 'stage', 'postingUrl', 'salary', 'favorite']);
    expect(preview.rows.map((row) => row.row)).toEqual([2, 3]);
    expect(preview.problems).toEqual([]);

    await app.api.invoke('imports.run', { source });
    const [airbus, thales] = await listAll(app);
    expect(airbus).toMatchObject({
      companyName: 'Airbus',
      position: 'Ingénieur logiciel',
      appliedOn: '2024-03-12',
      stageCategory: 'interviewing',
      postingUrl: 'https://careers.airbus.com/job/42',
      salaryMin: 45000,
      favorite: true,
    });
    expect(thales).toMatchObject({ appliedOn: '2024-03-15', stageCategory: 'rejected', salaryMin: 40000, salaryMax: 45000, salaryCurrency: 'EUR', favorite: false });
  });

  it('reads another sheet when the user chooses it', async () => {
    const source = upload(await trackerWorkbook(), 'suivi.xlsx');
    const preview = await app.api.invoke('imports.preview', { source, settings: { sheet: '2023' } });
    expect(preview.rows).toEqual([{ row: 2, cells: ['Old Corp', 'Intern'] }]);
    await expect(app.api.invoke('imports.preview', { source, settings: { sheet: 'Nope' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'sheet_not_found', sheet: 'Nope' },
    });
  });
});
