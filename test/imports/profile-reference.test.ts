import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSource } from '../../src-shared/contract';
import { ColumnProfiler, parseRating, type ColumnProfile } from '../../src-main/imports/profile';
import { openImportFile } from '../../src-main/imports/read';
import { ValueResolver } from '../../src-main/imports/resolve';
import type { Cell } from '../../src-main/imports/table';
import { parseBoolean } from '../../src-main/imports/values';
import { openTempApp, type TempApp } from '../support/temp-app';
import * as corpus from './support/corpus';
import { upload } from './support/files';
import { ReferenceColumnProfiler, referenceParseBoolean, referenceParseRating } from './support/profile-reference';
import { syntheticCsv } from './support/synthetic';

/**
 * The plan's column profiler remembers each text's features and reads a long text's date once, and its yes/no and
 * rating readers tell texts with many ASCII letters apart without folding them: every profile (counts, examples,
 * each vocabulary's count and examples, in order) must be the one the profiler before them gives
 * (support/profile-reference.ts), on the corpus's files, a file like the bench's, and generated columns. The
 * mapping is proposed from the headers and these profiles alone (propose.ts), so it is the same too.
 */

let app: TempApp;
let resolver: ValueResolver;
beforeAll(async () => {
  app = await openTempApp();
  resolver = new ValueResolver(app.context.db, {});
});
afterAll(() => app.close());

function profilesBothWays(columns: Cell[][]): { profiles: ColumnProfile[]; reference: ColumnProfile[] } {
  const recognises = (field: Parameters<ValueResolver['recognises']>[0], key: string) => resolver.recognises(field, key);
  const profiles = columns.map((cells) => {
    const profiler = new ColumnProfiler(recognises);
    for (const cell of cells) profiler.add(cell);
    return profiler.result();
  });
  const reference = columns.map((cells) => {
    const profiler = new ReferenceColumnProfiler(recognises);
    for (const cell of cells) profiler.add(cell);
    return profiler.result();
  });
  return { profiles, reference };
}

/** Every row of a file (header rows too: any cell may be profiled), as columns. */
function columnsOf(source: ImportSource): Cell[][] {
  const opened = openImportFile(source, {});
  try {
    if (opened.file.kind !== 'table') throw new Error('not a table');
    const columns: Cell[][] = [];
    for (const row of opened.file.rows()) row.cells.forEach((cell, column) => (columns[column] ??= []).push(cell));
    return columns;
  } finally {
    opened.close();
  }
}

describe('the column profiler', () => {
  it("profiles the corpus's files and a file like the bench's as before", async () => {
    const sources: [string, ImportSource][] = [
      ['JobTracker JSON', corpus.jobTrackerJson()],
      ['JobTracker CSV', corpus.jobTrackerCsv()],
      ['JobSync', corpus.jobSyncCsv()],
      ['Reactive Resume', corpus.reactiveResumeCsv()],
      ['Huntr board', corpus.huntrBoardCsv()],
      ['Huntr', corpus.huntrCsv()],
      ['Teal', corpus.tealCsv()],
      ['Notion', corpus.notionCsv()],
      ['Airtable', corpus.airtableCsv()],
      ['Simplify', corpus.simplifyCsv()],
      ['internship steps', await corpus.internshipSteps()],
      ['hand-made workbook', await corpus.handMadeWorkbook()],
      ['synthetic', upload(syntheticCsv(3000), 'synthetic.csv')],
    ];
    for (const [name, source] of sources) {
      const columns = columnsOf(source);
      expect(columns.length, name).toBeGreaterThan(2);
      const { profiles, reference } = profilesBothWays(columns);
      expect(profiles, name).toEqual(reference);
    }
  });

  it('profiles repeated values, non-text cells and edge values as before', () => {
    const longStage = 'Rejected after the final interview with the whole engineering team';
    const column: Cell[] = [
      ...['Yes', ' yes ', 'NO', 'x', '✓', '1', '0', '2', '4/5', '★★★', 'Very high', 'ÉLEVÉE', 'n/a', 'N/A', '-', '', '  ', '?'],
      ...['2024-03-12', '12/03/2024', '31/02/2024', '12/03/2024 relancé', 'March 12, 2024 2:30 PM', 'le 3 mars 2024', '45363', '45363.5'],
      ...['Entretien', 'Pas de réponse', 'LinkedIn', 'via LinkedIn', 'CDI', 'Remote', 'Full time', 'Welcome to the Jungle'],
      ...['https://www.linkedin.com/in/jane', 'www.example.com/jobs/1', 'jane@example.com', 'Jane <jane@example.com>', '+33 6 12 34 56 78', '45 k€', '$120k', 'EUR 50000'],
      ...['Python, SQL, Docker', 'a; b; c', 'Jean de La Fontaine', 'Marie Curie', '[Applied] Acme — Engineer', longStage, longStage, longStage, longStage],
      ...[45363, 12, 0, 1, 18264.5, -3, true, false, new Date(Date.UTC(2024, 2, 12)), new Date(Number.NaN), null],
      ...[{ text: 'Posting', link: 'https://acme.example/jobs/1' }, { text: '12/03/2024', link: '' }, { text: 'Email', link: 'mailto:a@b.co' }, { amount: 45363, currency: 'EUR' }, { amount: 52000, currency: 'GBP' }],
    ];
    const { profiles, reference } = profilesBothWays([column, [...column].reverse(), column.filter((cell) => typeof cell === 'string'), [longStage, longStage, longStage, longStage]]);
    expect(profiles).toEqual(reference);
    // The long value is recognised by the stage vocabulary, and its shortened example is listed each time it comes.
    expect(reference[3]!.vocabularyExamples.stage).toEqual(Array(3).fill(`${longStage.slice(0, 39)}…`));
  });

  it('profiles generated columns as before, values repeated or not', () => {
    const piece = fc.oneof(
      fc.constantFrom('Yes', 'oui', 'NON', 'x', '✔', '1', '0', '3/5', '★★', 'High', 'Basse', 'N/A', 'TBD', '—', ' ', ',', ';', '/', '-', '12', '2024', '45363'),
      fc.constantFrom('Entretien', 'refusé', 'LinkedIn', 'via', 'Indeed', 'CDD', 'hybride', 'Temps plein', 'interview', 'offer', 'no answer', 'k€', '$', '@', '.com', 'https://', 'www.'),
      fc.constantFrom('é', 'É', 'İ', 'K', 'ﬁ', 'Ｙｅｓ', 'ß', 'Σ', '\u0301', '\u00a0', '½', '①', 'ǅ'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
    const cell = fc.oneof({ weight: 8, arbitrary: text }, fc.integer({ min: -10, max: 80_000 }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(), { maxLength: 60 }), (pool, picks) => {
        // Picked from a small pool, so that most values come again.
        const column = picks.map((pick) => pool[pick % pool.length]!);
        const { profiles, reference } = profilesBothWays([column]);
        expect(profiles).toEqual(reference);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("the yes/no and rating readers' shortcut", () => {
  it('reads any text as before', () => {
    const piece = fc.oneof(
      fc.constantFrom('yes', 'Favourite', 'UNCHECKED', 'very high', 'Élevée', 'x', '✓', '*', '★', '4', '/5', ' ', '.', '-', 'é', 'ﬁ', 'Ｋ', 'K', 'İ', '\u0301'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(parseBoolean(text)).toBe(referenceParseBoolean(text));
        expect(parseRating(text)).toBe(referenceParseRating(text));
      }),
      { numRuns: 5000 },
    );
    for (const text of ['favourite', ' Favourite!!', 'f-a-v-o-u-r-i-t-e', 'very-high', 'VERY   HIGH', 'unchecked.', 'favourites', '★★★★★', '5 / 5', '6/5']) {
      expect(parseBoolean(text), text).toBe(referenceParseBoolean(text));
      expect(parseRating(text), text).toBe(referenceParseRating(text));
    }
  });
});
