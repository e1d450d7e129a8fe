import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinList } from '../../src-main/exports/json-list';

/** The straightforward join the export used before its plain-list shortcut: the reference. */
function parsedJoin(json: string | null): string | null {
  if (!json || json === '[]') return null;
  try {
    const values: unknown = JSON.parse(json);
    return Array.isArray(values) && values.length > 0 ? values.map(String).join(', ') : null;
  } catch {
    return json;
  }
}

describe('a stored list joined for its cell', () => {
  it('joins lists of any strings as JSON.parse reads them', () => {
    // Strings with quotes, backslashes, control characters, commas and the separator itself.
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\\', '\n', '\u0001', '😀', '","', 'x') as fc.Arbitrary<string> });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (values) => {
        const json = JSON.stringify(values);
        expect(joinList(json)).toBe(parsedJoin(json));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives text that is no plain list of strings as JSON.parse would', () => {
    for (const json of [null, '', '[]', '[""]', '["a"]', '["a","b"]', '[1,"a"]', '["a", "b"]', '["a",null]', '{"a":1}', 'not json', '["a"', '["a\tb"]', '["a\\"b"]', '[["a"]]', '"a"'])
      expect(joinList(json)).toBe(parsedJoin(json));
  });
});
