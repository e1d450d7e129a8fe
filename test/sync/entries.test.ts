import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryParser, wireEntrySchema } from '../../src-main/sync/entries';
import { SyncFailure } from '../../src-main/sync/failure';
import { openTempApp, type TempApp } from '../support/temp-app';

// The parser of pulled and bootstrapped entries checks them by hand (zod's cost per value was too high for a
// 100,000-application join): it must accept exactly what the reference schema accepts, columns checked besides.

let app: TempApp;
let parser: EntryParser;
beforeAll(async () => {
  app = await openTempApp();
  parser = new EntryParser(app.context.changes);
});
afterAll(() => app.close());

const clock = fc.oneof(
  fc.constant('0001733000000000-000000-laptop'.slice(1)),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^[0-9a-z-]{0,70}$/)).map(([n, node]) => `${String(n).padStart(15, '0')}-000001-${node}`),
  fc.string(),
);
const table = fc.constantFrom('applications', 'companies', 'tags', 'meta', 'constructor', '__proto__');
const column = fc.constantFrom('position', 'notes', 'name', 'company_id', 'seq', 'nope', '__proto__', 'hasOwnProperty');
const rowId = fc.oneof(fc.uuid(), fc.constant(crypto.randomUUID().toUpperCase()), fc.string());
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant('x'.repeat(5_000_001)),
);
const fields = fc.dictionary(column, value, { maxKeys: 4 });
const entry = fc.oneof(
  fc.tuple(clock, table, rowId, column, value),
  fc.tuple(clock, table, rowId, fc.constant('*'), fc.oneof(fields, value)),
  fc.array(fc.string(), { maxLength: 6 }),
  fc.anything(),
);

function parserAccepts(raw: unknown): boolean {
  try {
    parser.parse([raw], 'batch');
    return true;
  } catch (error) {
    if (!(error instanceof SyncFailure) || error.problem !== 'tampered') throw error;
    return false;
  }
}

/** The reference: the schema, and the table and columns of this database's schema. */
function referenceAccepts(raw: unknown): boolean {
  const parsed = wireEntrySchema.safeParse(raw);
  if (!parsed.success) return false;
  const [, tableName, , columnName, fieldValue] = parsed.data;
  const known = ['applications', 'companies', 'tags'].includes(tableName);
  if (!known) return false;
  const columns = new Set(Object.keys(app.context.changes.columnDefaults(tableName as 'applications')));
  if (columnName === '*') {
    if (typeof fieldValue !== 'object' || fieldValue === null) return false;
    // The keys as they came: the schema's parse leaves out a `__proto__` key, which the parser refuses.
    return Object.keys((raw as unknown[])[4] as object).every((name) => columns.has(name));
  }
  return (fieldValue === null || typeof fieldValue !== 'object') && columns.has(columnName);
}

describe('EntryParser', () => {
  it('accepts exactly the entries the reference schema accepts, with known tables and columns', () => {
    fc.assert(
      fc.property(entry, (raw) => {
        expect(parserAccepts(raw)).toBe(referenceAccepts(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives a creation's fields both as JSON text and parsed, the same", () => {
    const id = crypto.randomUUID();
    const [change] = parser.parse([['000000000000001-000000-laptop', 'tags', id, '*', { name: 'Remote' }]], 'batch');
    expect(change).toEqual({ hlc: '000000000000001-000000-laptop', table: 'tags', rowId: id, column: '*', value: '{"name":"Remote"}', fields: { name: 'Remote' } });
  });
});
