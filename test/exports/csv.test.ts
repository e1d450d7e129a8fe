import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRecord } from '../../src-main/exports/csv';
import { neutraliseFormula } from '../../src-main/exports/formula';
import type { TempApp } from '../support/temp-app';
import { openSeededExportApp, tricky, type ExportWorld } from './support/data';

let app: TempApp;
let world: ExportWorld;
beforeAll(async () => ({ app, world } = await openSeededExportApp()));
afterAll(() => app?.close());

function parse(text: string, delimiter: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter, newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  // The file ends with CRLF: Papa reports the empty line after it.
  return parsed.data.filter((row) => !(row.length === 1 && row[0] === ''));
}

describe('CSV quoting (RFC 4180)', () => {
  it('round-trips any text through a standard parser, for both delimiters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'é', ',', ';', '"', '\n', '\r', ' ', '🚀') }), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';' as const), (values, delimiter) => {
        // A lone empty field is an empty line to a parser: the export never writes one (it has 32 columns).
        fc.pre(!(values.length === 1 && values[0] === ''));
        const line = csvRecord(values, delimiter);
        expect(line.endsWith('\r\n')).toBe(true);
        expect(parse(line, delimiter)).toEqual([values]);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes only the fields that need it and doubles their quotes', () => {
    expect(csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', 'semi;colon'], ',')).toBe('plain,"a,b","say ""hi""","two\nlines",semi;colon\r\n');
    expect(csvRecord(['a,b', 'semi;colon'], ';')).toBe('a,b;"semi;colon"\r\n');
  });
});

describe('formula neutralisation', () => {
  it('prefixes with an apostrophe every text a spreadsheet would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    for (const safe of ['1+1', 'a=b', ' =1', '', 'Zoé']) expect(neutraliseFormula(safe)).toBe(safe);
  });
});

describe('the CSV export', () => {
  it('writes the filtered applications with labels, ISO dates and neutralised formulas', async () => {
    const file = path.join(app.dir, 'applications.csv');
    const result = await app.api.invoke('exports.csv', { path: file, language: 'fr', timeZone: 'UTC' });
    expect(result).toMatchObject({ kind: 'file', rows: 3 });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parse(text, ',');
    expect(header.slice(0, 3)).toEqual(['Entreprise', 'Poste', 'Étape']);
    const record = (row: string[]) => Object.fromEntries(header.map((name, index) => [name, row[index]]));
    const [backend, intern, wish] = rows.map(record);
    expect([backend.Id, intern.Id, wish.Id]).toEqual(world.live.map((application) => application.id));
    expect(backend['Date de candidature']).toBe('2025-03-01');
    expect(backend['Étape depuis']).toBe('2025-03-10 14:00');
    expect(backend['Salaire min']).toBe('45000');
    expect(backend.Favori).toBe('Oui');
    expect(backend['Type de contrat']).toBe('CDI');
    expect(backend['Lien de l’annonce']).toBe('https://jobs.example/acme/42?ref=a,b;c');
    expect(backend.Notes).toBe(tricky.multiline);
    expect(backend['Description de l’offre']).toBe(tricky.long);
    expect(intern.Poste).toBe(tricky.quotes);
    expect(intern.Notes).toBe(`'${tricky.plusFormula}`);
    expect(wish.Entreprise).toBe(`'${tricky.formula}`);
    expect(wish['Date de candidature']).toBe('');
  });

  it('writes a byte order mark and semicolons for French Excel when asked', async () => {
    const file = path.join(app.dir, 'excel-fr.csv');
    await app.api.invoke('exports.csv', { path: file, delimiter: ';', bom: true, filters: { stageCategories: ['interviewing'] } });
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1), ';');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Company');
    expect(rows[1][rows[0].indexOf('Posting URL')]).toBe('https://jobs.example/acme/42?ref=a,b;c');
    expect(rows[1][rows[0].indexOf('Notes')]).toBe(tricky.multiline);
  });

  it('returns the text when no path is given', async () => {
    const result = await app.api.invoke('exports.csv', { filters: { favorite: true } });
    if (result.kind !== 'content') throw new Error('expected content');
    expect(result).toMatchObject({ encoding: 'utf8', rows: 1, mimeType: 'text/csv; charset=utf-8' });
    expect(parse(result.content, ',')).toHaveLength(2);
  });
});
