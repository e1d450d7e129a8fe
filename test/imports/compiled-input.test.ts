import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApplicationInput } from '../../src-shared/contract';
import { createInputSchema } from '../../src-main/imports/convert';

const compiled = createInputSchema();

/**
 * The import checks each row with applications.create's schema compiled by zod (convert.ts `createInputSchema`):
 * it must accept, refuse and output exactly what the schema itself does, key order, -0 and issues included.
 */

const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
/** For each key, values the schema accepts, transforms or refuses (one at a time, and mixed below). */
const candidates: Record<string, unknown[]> = {
  companyId: [undefined, uuid, uuid.toUpperCase(), 'not-a-uuid', null, 7],
  companyName: [undefined, 'Acme', '  Acme  ', '', '   ', 'x'.repeat(200), 'x'.repeat(201), null, 3],
  position: ['Engineer', ' Engineer ', '', '\t', 'é'.repeat(200), 'y'.repeat(201), undefined, null, ['x']],
  employmentType: [undefined, null, 'full_time', 'fulltime', 'contract', ''],
  schedule: [undefined, null, 'part_time', 'full_time', 'nope'],
  workMode: [undefined, null, 'remote', 'hybrid', 'REMOTE'],
  location: [undefined, null, '', '  ', ' Paris ', 'l'.repeat(201), 4],
  source: [undefined, null, 'LinkedIn', ' ', 's'.repeat(81)],
  appliedOn: [undefined, null, '2024-03-12', '2024-02-30', '2024-02-29', '2023-02-29', '0001-01-01', '9999-12-31', '2024-3-12', '12/03/2024', ''],
  postingUrl: [undefined, null, '', ' https://example.com/a b ', 'https://EXAMPLE.com', 'http://x', 'ftp://x.org', 'example.com', 'https://' + 'a'.repeat(2050), 'https://exa mple.com'],
  description: [undefined, null, '', 'text', ' d '.repeat(10)],
  salaryMin: [undefined, null, 0, -0, 50_000, 1.5, -1, 100_000_001, Number.NaN, Number.POSITIVE_INFINITY, '5'],
  salaryMax: [undefined, null, 0, 40_000, 60_000, 100_000_000, 2.25],
  salaryCurrency: [undefined, null, 'EUR', ' eur ', 'EURO', 'E1R', ''],
  salaryPeriod: [undefined, null, 'year', 'month', 'annual'],
  requiredSkills: [undefined, [], ['Go', 'go', ' GO '], [''], ['  '], ['k'.repeat(81)], Array.from({ length: 101 }, (_, index) => `s${index}`), 'Go', null],
  preferredSkills: [undefined, ['Rust'], ['Rust', 'rust'], [3]],
  experienceYears: [undefined, null, 0, 60, 61, 2.5, -0],
  resumeVersion: [undefined, null, 'v2', 'r'.repeat(121)],
  notes: [undefined, null, '', 'a note', 'n'.repeat(200_001)],
  tags: [undefined, [], ['a', ' b '], [''], ['t'.repeat(61)], Array.from({ length: 51 }, (_, index) => `t${index}`), ['a', 'a']],
  favorite: [undefined, true, false, 'true', null],
  priority: [undefined, null, 1, 5, 0, 6, 2.5],
  excitement: [undefined, null, 3, -0],
  deadline: [undefined, null, '2025-01-31', '2025-01-32'],
  archived: [undefined, false, true, 0],
  firstResponseOn: [undefined, null, '2024-04-01', 'soon'],
  stageId: [undefined, uuid, 'stage'],
  stageAt: [undefined, '2024-03-12T10:00:00.000Z', '2024-03-12', 'later'],
  contactIds: [undefined, [], [uuid], ['x'], Array.from({ length: 201 }, () => uuid)],
  capturedPosting: [undefined, { text: 'body', url: 'https://x.org/p', capturedAt: '2024-03-12T10:00:00.000Z' }, { text: null, capturedAt: '2024-03-12T10:00:00.000Z' }, { capturedAt: 'x' }, { text: 'a', capturedAt: '2024-03-12T10:00:00.000Z', extra: 1 }],
  unknownKey: [undefined, undefined, 'x'],
};

/** A small seeded generator: the same inputs on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function inputOf(choose: (key: string, values: unknown[]) => unknown): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(candidates)) {
    const value = choose(key, values);
    // Undefined both ways: a key set to undefined and a key missing are told apart by the schema's output.
    if (value !== undefined || key === 'location') input[key] = value;
  }
  return input;
}

/** What a parse says, comparable: the output with its keys in order, or the issues without their schema. */
function outcome(result: ReturnType<typeof createApplicationInput.safeParse>) {
  if (result.success) return { data: result.data, keys: JSON.stringify(Object.keys(result.data)) };
  return { issues: result.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
}

function expectSame(input: Record<string, unknown>): boolean {
  const expected = outcome(createApplicationInput.safeParse(structuredClone(input)));
  const actual = outcome(compiled.safeParse(structuredClone(input)));
  if (!isDeepStrictEqual(actual, expected)) expect({ input, actual }).toEqual({ input, actual: expected });
  return 'data' in expected;
}

describe("the import's compiled applications.create schema", () => {
  it('is compiled (not the runtime parser handed back)', () => {
    expect(compiled).not.toBe(createApplicationInput);
  });

  it('accepts, outputs and refuses as the schema does, one field changed at a time', () => {
    const base = { companyName: 'Acme', position: 'Engineer' };
    let accepted = 0;
    let refused = 0;
    for (const [key, values] of Object.entries(candidates)) {
      for (const value of values) {
        const same = expectSame({ ...base, [key]: value });
        if (same) accepted += 1;
        else refused += 1;
      }
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(60);
  });

  it('keeps -0 where the schema keeps it', () => {
    const parsed = compiled.safeParse({ companyName: 'Acme', position: 'Engineer', salaryMin: -0 });
    expect(parsed.success && Object.is(parsed.data.salaryMin, -0)).toBe(true);
  });

  it('builds a new output, never the input or its arrays', () => {
    const input = { companyName: 'Acme', position: 'Engineer', tags: ['a'], requiredSkills: ['Go'] };
    const parsed = compiled.safeParse(input);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data).not.toBe(input);
    expect(parsed.data.tags).not.toBe(input.tags);
  });

  it('agrees on 5,000 inputs mixing every field', () => {
    const next = random(18);
    let accepted = 0;
    for (let index = 0; index < 5000; index += 1) {
      // Mostly one of each key's first two values (valid ones), so that many inputs pass and their outputs are compared.
      const input = inputOf((_key, values) => values[Math.floor(next() * (next() < 0.97 ? 2 : values.length))]);
      if (expectSame(input)) accepted += 1;
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});
