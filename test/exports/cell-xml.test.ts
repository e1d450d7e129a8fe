import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellContext, csvText, excelCell } from '../../src-main/exports/cells';
import type { ColumnKind, ColumnSpec, RawValue } from '../../src-main/exports/table';
import { parseInstant } from '../../src-main/exports/wall-clock';
import { SheetXmlWriter, sheetColumns, type SheetZip } from '../../src-main/exports/workbook';

/**
 * The workbook's table sheets write each cell straight from its stored value (src-main/exports/cell-xml.ts,
 * SheetXmlWriter.rowWriter), not through excelCell's typed value and addRow. Both must write the same bytes: the
 * same rows of the same columns, written both ways into sheets of their own, give the same sheet and the same links'
 * part, for every kind of column and the values that take another path (empty text, numbers stored as text,
 * unreadable and out-of-range dates, a day that does not exist, text Excel cannot hold whole, characters XML
 * forbids, links and not-links). Instants are read field by field in the form the app stores them, by Date.parse
 * otherwise: both give the same milliseconds.
 */

const kinds: ColumnKind[] = ['text', 'longText', 'integer', 'money', 'number', 'decimal', 'percent', 'date', 'dateTime', 'boolean', 'url'];

/** Values of every type a column may be given, across kinds (a text column may hold a number, and so on). */
const values: RawValue[] = [
  null,
  '',
  'plain',
  'A & B <c> "d" \'e\'',
  'emoji 😀 and an unpaired \uD800 half, \u0001 control, \u000B tab-ish',
  'x'.repeat(40_000),
  0,
  -1,
  42,
  1234.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1,
  '1',
  '0',
  '12',
  '2025-03-30',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '0050-01-01',
  '2025-3-30',
  '2025-03-30T00:59:00.000Z',
  '2025-03-30T01:00:00.000Z',
  '2025-10-26T01:30:00Z',
  '2024-02-31T10:00:00.000Z',
  '2024-01-01T24:00:00.000Z',
  '2024-01-01T23:60:00.000Z',
  '0999-12-31T23:59:59.999Z',
  '2025-03-30T01:00:00+02:00',
  '2025-03-30 01:00',
  // The earliest instant a Date holds.
  '-271821-04-20T00:00:00.000Z',
  'not a date',
  'https://example.com/job?id=1&x=<2>',
  'http://example.com',
  'https://has a space',
  'ftp://example.com',
  'HTTPS://EXAMPLE.COM/UPPER',
];

function capture(): { zip: SheetZip; parts: Map<string, string> } {
  const parts = new Map<string, string>();
  const zip: SheetZip = {
    entry: (name) => ({
      write: (data, deflated) => {
        parts.set(name, (parts.get(name) ?? '') + (typeof data === 'string' ? data : Buffer.from(data).toString('utf8')));
        deflated?.();
      },
      room: () => Promise.resolve(),
      end: () => undefined,
    }),
    room: () => Promise.resolve(),
    file: () => undefined,
  };
  return { zip, parts };
}

/** The sheet's parts written by each way, one row per value in each column. */
async function bothWays(columns: ColumnSpec<RawValue[]>[], rows: RawValue[][], timeZone: string) {
  const context = cellContext('fr', timeZone);
  const fast = capture();
  const typed = capture();
  const fastSheet = new SheetXmlWriter(fast.zip, 1, sheetColumns(columns, context.labels));
  const typedSheet = new SheetXmlWriter(typed.zip, 1, sheetColumns(columns, context.labels));
  const write = fastSheet.rowWriter(columns, context);
  for (const row of rows) {
    write(row);
    typedSheet.addRow(columns.map((column) => excelCell(column.kind, column.get(row, context.labels), context)));
  }
  await fastSheet.finish();
  await typedSheet.finish();
  return { fast: fast.parts, typed: typed.parts };
}

const columnsOf = (list: ColumnKind[]): ColumnSpec<RawValue[]>[] => list.map((kind, index) => ({ key: null, header: `${kind} ${index}`, kind, width: 10, get: (row) => row[index] }));

describe('cells written from their stored values', () => {
  it('are the bytes excelCell and addRow write, for every kind and value, links included', async () => {
    const columns = columnsOf(kinds);
    const rows = values.map((value) => kinds.map(() => value));
    for (const zone of ['Europe/Paris', 'America/New_York', 'Pacific/Chatham', 'UTC']) {
      const { fast, typed } = await bothWays(columns, rows, zone);
      expect([...fast.keys()]).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/_rels/sheet1.xml.rels']);
      expect(fast).toEqual(typed);
    }
  });

  it("write the same links' part as the rows go, into a part of its own, as at the sheet's end", async () => {
    const columns = columnsOf(kinds);
    const context = cellContext('en', 'UTC');
    const atEnd = capture();
    const asTheyGo = capture();
    const held = capture();
    const endSheet = new SheetXmlWriter(atEnd.zip, 1, sheetColumns(columns, context.labels));
    const goingSheet = new SheetXmlWriter(asTheyGo.zip, 1, sheetColumns(columns, context.labels), held.zip);
    const writeAtEnd = endSheet.rowWriter(columns, context);
    const writeAsTheyGo = goingSheet.rowWriter(columns, context);
    for (let batch = 0; batch < 3; batch += 1) {
      for (const value of values) {
        writeAtEnd(kinds.map(() => value));
        writeAsTheyGo(kinds.map(() => value));
        // The typed way records its links the same way.
        goingSheet.addRow(kinds.map((kind) => excelCell(kind, value, context)));
        endSheet.addRow(kinds.map((kind) => excelCell(kind, value, context)));
      }
      await goingSheet.drained();
    }
    await endSheet.finish();
    await goingSheet.finish();
    const links = 'xl/worksheets/_rels/sheet1.xml.rels';
    expect([...asTheyGo.parts.keys()]).toEqual(['xl/worksheets/sheet1.xml']);
    expect([...held.parts.keys()]).toEqual([links]);
    expect(asTheyGo.parts.get('xl/worksheets/sheet1.xml')).toBe(atEnd.parts.get('xl/worksheets/sheet1.xml'));
    expect(held.parts.get(links)).toBe(atEnd.parts.get(links));
    // Three linked values in the url column, two rows each, three batches.
    expect(held.parts.get(links)).toContain('Id="rId18"');
    expect(held.parts.get(links)).not.toContain('Id="rId19"');
  });

  it('are the same bytes for any row of any values', async () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.double(),
      fc.integer(),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc.webUrl(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 6 }), fc.array(fc.array(value, { minLength: 6, maxLength: 6 }), { maxLength: 8 }), async (list, rows) => {
        const { fast, typed } = await bothWays(columnsOf(list), rows, 'America/New_York');
        expect(fast).toEqual(typed);
      }),
      { numRuns: 300 },
    );
  });

  it('write a date-time given as its milliseconds (held-histories.ts) as the same cell as its stored text', async () => {
    const columns = columnsOf(['dateTime']);
    // Not the last days a Date holds: their wall-clock time, a zone's offset further, is beyond it (toWallText throws
    // there, for the stored text as for the number).
    const instant = fc.oneof(
      fc.date({ noInvalidDate: true, min: new Date(-8.6e15), max: new Date(8.6e15) }).map((date) => date.getTime()),
      fc.constantFrom(0, 1_743_296_400_000, 1_761_442_200_000),
    );
    for (const zone of ['Europe/Paris', 'Pacific/Chatham']) {
      const context = cellContext('en', zone);
      await fc.assert(
        fc.asyncProperty(fc.array(instant, { minLength: 1, maxLength: 5 }), async (times) => {
          const asNumbers = await bothWays(columns, times.map((ms) => [ms]), zone);
          const asText = await bothWays(columns, times.map((ms) => [new Date(ms).toISOString()]), zone);
          expect(asNumbers.fast).toEqual(asText.fast);
          expect(asNumbers.typed).toEqual(asText.fast);
          for (const ms of times) expect(csvText('dateTime', ms, context)).toBe(csvText('dateTime', new Date(ms).toISOString(), context));
        }),
        { numRuns: 200 },
      );
    }
    // What no text reads into stays text, as unreadable text does.
    const outside = await bothWays(columns, [[8.64e15 + 1], [Number.POSITIVE_INFINITY], [Number.NaN], [1234.5]], 'UTC');
    expect(outside.fast).toEqual(outside.typed);
    for (const text of ['8640000000000001', 'Infinity', 'NaN', '1234.5']) expect(outside.fast.get('xl/worksheets/sheet1.xml')).toContain(`t="str"><v>${text}</v>`);
  });

  it('read instants as Date.parse does', () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: length, maxLength: length });
    const stored = fc
      .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), fc.option(digits(3)))
      .map(([year, month, day, hour, minute, second, ms]) => `${year}-${month}-${day}T${hour}:${minute}:${second}${ms === null ? '' : `.${ms}`}Z`);
    const near = fc.date({ noInvalidDate: true, min: new Date(-1e14), max: new Date(1e14) }).map((date) => date.toISOString());
    fc.assert(
      fc.property(fc.oneof(stored, near, fc.string({ maxLength: 24 })), (text) => {
        expect(Object.is(parseInstant(text), Date.parse(text)), text).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});
