import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionKeys } from '../../src-main/applications/positions';
import { findImportDuplicates, type DuplicateCandidate } from '../../src-main/imports/duplicates';
import { typoKeysOfExact } from '../../src-main/imports/title-keys';
import { openTempApp, type TempApp } from '../support/temp-app';
import { referenceImportDuplicates } from './support/duplicates-reference';

/**
 * The compact duplicate finder (numbers instead of strings and objects, typo keys shared by the companies) against
 * the straightforward one it replaced (support/duplicates-reference.ts): the same duplicates, for the same reasons,
 * naming the same earlier row or saved application, on files full of near misses.
 */

const companies = ['Acme', 'ACME', 'acme ', 'Société Générale', 'Societe Generale', 'SOCIÉTÉ  GÉNÉRALE', 'Maison Azur', 'maison azur', 'Data Corp', 'Blé'];
const words = ['data', 'engineer', 'developer', 'développeur', 'ingénieur', 'données', 'product', 'manager', 'front', 'end', 'frontend', 'backend', 'analyst', 'analyste', 'designer', 'software', 'java', 'team'];
const others = ['senior', 'Sr.', 'junior', 'lead', 'intern', 'II', 'dev', 'eng', 'mgr', 'H/F', '(F/H)', 'de', 'the', '—', 'team 1', 'team 11', 'QA', 'QE'];
const urls = ['https://jobs.example.com/1/100', 'https://JOBS.example.com/1/100/', 'https://jobs.example.com/1/100?utm_source=x', 'https://jobs.example.com/1/100#apply', 'https://jobs.example.com/2/200', 'https://other.example.org/a?id=3', 'not a url', ' not a url '];

/** One letter left out, doubled, changed or two swapped: the typos a title may have. */
function typo(word: string, kind: number, at: number): string {
  if (word.length < 2) return word;
  const i = at % word.length;
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 2) return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
  const j = Math.min(i + 1, word.length - 1);
  return word.slice(0, i) + word[j] + word[i] + word.slice(j + 1);
}

const title = fc
  .tuple(
    fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom(...others), { nil: undefined }),
    fc.option(fc.tuple(fc.nat(2), fc.nat(3), fc.nat(20)), { nil: undefined }),
    fc.constantFrom('lower', 'upper', 'title', 'as is', 'joined'),
  )
  .map(([picked, other, mistake, style]) => {
    const parts = [...picked];
    if (mistake) parts[mistake[0] % parts.length] = typo(parts[mistake[0] % parts.length]!, mistake[1], mistake[2]);
    if (other) parts.splice(parts.length % 2, 0, other);
    const text = style === 'joined' ? parts.join('-') : parts.join(' ');
    if (style === 'lower') return text.toLowerCase();
    if (style === 'upper') return text.toUpperCase();
    if (style === 'title') return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
    return text;
  });

const row = fc.record({
  companyName: fc.constantFrom(...companies),
  position: title,
  postingUrl: fc.option(fc.constantFrom(...urls), { nil: null, freq: 3 }),
});

describe('the compact duplicate finder', () => {
  let app: TempApp;
  beforeAll(async () => {
    app = await openTempApp();
    // Saved applications the file's rows can repeat: by URL, by position (with the same near misses), one deleted.
    const saved = [
      { companyName: 'Acme', position: 'Data engineer', postingUrl: 'https://jobs.example.com/1/100' },
      { companyName: 'acme', position: 'Senior data engineer' },
      { companyName: 'Société Générale', position: 'Développeur Java H/F' },
      { companyName: 'Maison Azur', position: 'Product manger', postingUrl: 'https://other.example.org/a?id=3&utm_medium=mail' },
      { companyName: 'Data Corp', position: 'Front-end developer' },
      { companyName: 'Blé', position: 'Analyste données' },
    ];
    for (const application of saved) await app.api.invoke('applications.create', application);
    const deleted = await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend engineer', postingUrl: 'https://jobs.example.com/2/200' });
    await app.api.invoke('applications.delete', { id: deleted.id });
  });
  afterAll(() => app.close());

  it('finds the same duplicates as the straightforward finder, naming the same row or application', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 150 }), (rows) => {
        const candidates: DuplicateCandidate[] = rows.map((candidate, index) => ({ row: index + 2, ...candidate }));
        expect(findImportDuplicates(app.context.db, candidates)).toEqual(referenceImportDuplicates(app.context.db, candidates));
      }),
      { numRuns: 150 },
    );
  });

  it('names the first title a typo key leads to, and finds a typo of a company’s first and only title', () => {
    const rows: [string, string][] = [
      ['Acme', 'Product manager'],
      ['Acme', 'Product manger'],
      // "product manger" is a typo key of both titles above: the first is named.
      ['acme', 'Product mangerr'],
      // The first title of a company, never looked up by its typo keys before; then a typo of it.
      ['Solo', 'Pastry designer'],
      ['SOLO', 'Pastry desiner'],
      ['Solo', 'Pastry chef'],
      ['Other', 'Pastry desiner'],
    ];
    const candidates = rows.map(([companyName, position], index) => ({ row: index + 2, companyName, position, postingUrl: null }));
    const duplicates = findImportDuplicates(app.context.db, candidates);
    expect(duplicates).toEqual(referenceImportDuplicates(app.context.db, candidates));
    expect(duplicates).toEqual([
      { row: 3, reason: 'similar_position', existing: { kind: 'file', row: 2 } },
      { row: 4, reason: 'similar_position', existing: { kind: 'file', row: 2 } },
      { row: 6, reason: 'similar_position', existing: { kind: 'file', row: 5 } },
    ]);
  });

  it('finds the same as it past a company’s 10,000th title, where typo keys stop counting', () => {
    const candidates: DuplicateCandidate[] = [];
    const add = (companyName: string, position: string) => candidates.push({ row: candidates.length + 2, companyName, position, postingUrl: null });
    // Typos of titles before and after the 10,000th (found before only); the same titles in a small company.
    const areas = ['payments', 'search', 'maps'];
    const typos = ['paymants', 'serch', 'mapps'];
    for (let index = 0; index < 10_050; index += 1) add('Big', `Engineer ${areas[index % 3]} team${index}`);
    const checked = [5, 9_999, 10_000, 10_001, 10_040];
    for (const index of checked) {
      add('BIG', `Engineer ${typos[index % 3]} team${index}`);
      add('Small', `Engineer ${areas[index % 3]} team${index}`);
      add('small', `engineer ${typos[index % 3]} TEAM${index}`);
    }
    const duplicates = findImportDuplicates(app.context.db, candidates);
    expect(duplicates).toEqual(referenceImportDuplicates(app.context.db, candidates));
    const typoRows = checked.map((_, at) => 10_052 + 3 * at);
    expect(duplicates.filter((duplicate) => typoRows.includes(duplicate.row)).map((duplicate) => duplicate.existing)).toEqual([
      { kind: 'file', row: 7 },
      { kind: 'file', row: 10_001 },
    ]);
    expect(duplicates.filter((duplicate) => typoRows.includes(duplicate.row - 2))).toHaveLength(checked.length);
  });
});

describe('typo keys made from an exact key', () => {
  it('are the typo keys positionKeys gives the title, in the same order', () => {
    fc.assert(
      fc.property(fc.oneof(title, fc.string({ unit: fc.constantFrom('a', 'é', 'E', 'r', 'n', ' ', '-', '1', 'ß', 'ǅ', 'Ⅳ', 'sr', 'de') })), (text) => {
        const keys = positionKeys(text);
        expect(typoKeysOfExact(keys.exact)).toEqual(keys.typo);
      }),
      { numRuns: 2000 },
    );
  });
});
