import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samePosition } from '../../src-main/applications/positions';
import { findImportDuplicates } from '../../src-main/imports/duplicates';
import { openTempApp, type TempApp } from '../support/temp-app';
import { upload } from './support/files';

describe('the same position', () => {
  it.each([
    ['Data engineer', 'Engineer, data'],
    ['Front-end developer', 'Frontend developer'],
    ['Développeur Java H/F', 'DEVELOPPEUR JAVA (F/H)'],
    ['Software Developper', 'Software Developer'],
    ['Product manager', 'Product manger'],
    ['Sr. Backend Engineer', 'Senior backend engineer'],
    ['Java Dev', 'Java Developer'],
    ['Analyste de données', 'Analyste données'],
  ])('%s = %s', (a, b) => {
    expect(samePosition(a, b)).toBe(true);
    expect(samePosition(b, a)).toBe(true);
  });

  it.each([
    ['Data engineer', 'Senior data engineer'],
    ['Software engineer', 'Software engineer intern'],
    ['Engineering manager', 'Engineer'],
    ['Développeur Java', 'Développeur Python'],
    ['QA engineer', 'QE engineer'],
    ['Software engineer II', 'Software engineer III'],
    ['Backend developer', 'Backend developer — payments'],
    ['Lead designer', 'Designer'],
  ])('%s ≠ %s', (a, b) => {
    expect(samePosition(a, b)).toBe(false);
    expect(samePosition(b, a)).toBe(false);
  });
});

describe('duplicates of an import', () => {
  let app: TempApp;
  beforeEach(async () => {
    app = await openTempApp();
  });
  afterEach(() => app.close());

  it('finds the saved applications of a company named first after a thousand others, and only of live ones', async () => {
    await app.api.invoke('applications.create', { companyName: 'Société Early', position: 'Data engineer' });
    await app.api.invoke('applications.create', { companyName: 'Société Late', position: 'Data engineer' });
    const gone = await app.api.invoke('applications.create', { companyName: 'Société Gone', position: 'Data engineer' });
    await app.api.invoke('applications.delete', { id: gone.id });
    const rows = [
      { row: 2, companyName: 'SOCIETE EARLY', position: 'Engineer, data', postingUrl: null },
      ...Array.from({ length: 1500 }, (_, index) => ({ row: index + 3, companyName: `Company ${index}`, position: 'Data engineer', postingUrl: null })),
      { row: 1503, companyName: 'societe late', position: 'Data  Engineer', postingUrl: null },
      { row: 1504, companyName: 'Société Gone', position: 'Data engineer', postingUrl: null },
      { row: 1505, companyName: 'Société Early', position: 'Data engineer', postingUrl: null },
    ];
    const duplicates = findImportDuplicates(app.context.db, rows);
    expect(duplicates.map(({ row, reason, existing }) => ({ row, reason, kind: existing.kind, companyName: existing.kind === 'database' ? existing.companyName : null }))).toEqual([
      { row: 2, reason: 'similar_position', kind: 'database', companyName: 'Société Early' },
      { row: 1503, reason: 'similar_position', kind: 'database', companyName: 'Société Late' },
      { row: 1505, reason: 'similar_position', kind: 'database', companyName: 'Société Early' },
    ]);
  });

  it('checks one company with 6,000 distinct titles near-linearly, with the right answer and no internal error', async () => {
    // Titles that share words but differ by a word each (never a typo apart), then a few true repeats.
    const areas = ['payments', 'search', 'ads', 'maps', 'mail', 'cloud', 'photos', 'drive', 'play', 'android'];
    const titles = Array.from({ length: 6000 }, (_, index) => `Engineer ${areas[index % 10]} team${Math.floor(index / 10)}`);
    const rows = titles.map((position, index) => ({ row: index + 2, companyName: 'Google', position, postingUrl: null }));
    rows.push({ row: 6002, companyName: 'GOOGLE', position: 'engineer, PAYMENTS team0', postingUrl: null });
    rows.push({ row: 6003, companyName: 'Google', position: 'Engineer payment team0', postingUrl: null });
    rows.push({ row: 6004, companyName: 'Google', position: 'Senior engineer payments team0', postingUrl: null });
    const duplicates = findImportDuplicates(app.context.db, rows);
    expect(duplicates).toEqual([
      { row: 6002, reason: 'similar_position', existing: { kind: 'file', row: 2 } },
      { row: 6003, reason: 'similar_position', existing: { kind: 'file', row: 2 } },
    ]);
  });

  it('goes through the whole import with that company, and flags only the same positions', async () => {
    await app.api.invoke('applications.create', { companyName: 'Google', position: 'Engineer maps team3' });
    const lines = ['Company,Position'];
    for (let index = 0; index < 6000; index += 1) lines.push(`Google,Engineer ${['payments', 'search', 'ads'][index % 3]} team${index}`);
    lines.push('Google,Engineer maps team3', 'Google,Senior engineer maps team3');
    const preview = await app.api.invoke('imports.preview', { source: upload(lines.join('\n'), 'google.csv') });
    expect(preview.duplicateCount).toBe(1);
    expect(preview.duplicates).toMatchObject([{ row: 6002, reason: 'similar_position', existing: { kind: 'database', position: 'Engineer maps team3' } }]);
  });
});
