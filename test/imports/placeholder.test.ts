import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueKey } from '../../src-main/imports/keys';
import { isPlaceholder } from '../../src-main/imports/values';

/**
 * isPlaceholder tells most cells apart without folding them (a text with more ASCII letters and digits than the
 * longest placeholder is none): its answer must be the one the folded key gives.
 */
const byKey = (text: string) => {
  const key = valueKey(text);
  return key === '' ? text.trim() !== '' : isPlaceholder(key);
};

describe('isPlaceholder', () => {
  it('recognises placeholders however they are written, and nothing longer', () => {
    for (const text of ['N/A', ' n.a. ', 'Non communiqué', 'NON-COMMUNIQUE', 'à préciser', 'not   specified', '—', '?', '…']) expect(isPlaceholder(text), text).toBe(true);
    for (const text of ['Software engineer', 'Non communiqué, voir annonce', 'ACME', 'N/A2', 'https://example.com/n/a']) expect(isPlaceholder(text), text).toBe(false);
  });

  it('answers as the folded key does, for any text', () => {
    const piece = fc.oneof(fc.constantFrom('n/a', 'N.A.', 'non communiqué', 'Not applicable', 'aucune idée', 'TBD', 'à définir', ' ', '-', '!!', 'é', 'ﬁ', 'x'), fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(isPlaceholder(text)).toBe(byKey(text));
      }),
      { numRuns: 3000 },
    );
  });
});
