import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBytes, detectEncoding } from '../../src-main/imports/decode';
import { bufferSource } from '../../src-main/imports/source';

/** Whether the bytes are UTF-8 as the WHATWG decoder says (what the check must agree with). */
function decoderAccepts(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const encodingOf = (bytes: Buffer) => detectEncoding(bufferSource(bytes, 'rows.csv')).encoding;

describe('detectEncoding', () => {
  it('tells UTF-8 from Windows-1252 as the decoder does, whatever falls on the edge of a chunk', () => {
    // ASCII up to a chunk's edge, then bytes of characters (whole, cut or wrong) straddling it and the next one.
    const tail = fc.array(
      fc.oneof(
        fc.constantFrom('é', '€', '’', '😀', 'a', '\n').map((text) => [...Buffer.from(text)]),
        fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), tail, fc.boolean(), (before, parts, secondEdge) => {
        const body = Buffer.from(parts.flat());
        const padding = Buffer.alloc(chunkBytes - before + (secondEdge ? chunkBytes : 0), 'a');
        const bytes = Buffer.concat([padding, body, Buffer.from('x')]);
        expect(encodingOf(bytes)).toBe(decoderAccepts(bytes) ? 'utf-8' : 'windows-1252');
      }),
      { numRuns: 300 },
    );
  });

  it('reads a character cut by the chunk edge as UTF-8, and a stray byte there as Windows-1252', () => {
    const cut = Buffer.concat([Buffer.alloc(chunkBytes - 1, 'a'), Buffer.from('€ ok')]);
    expect(encodingOf(cut)).toBe('utf-8');
    const stray = Buffer.concat([Buffer.alloc(chunkBytes - 1, 'a'), Buffer.from([0xe9, 0x20])]);
    expect(encodingOf(stray)).toBe('windows-1252');
    const unfinished = Buffer.concat([Buffer.alloc(10, 'a'), Buffer.from([0xe2, 0x82])]);
    expect(encodingOf(unfinished)).toBe('windows-1252');
  });
});
