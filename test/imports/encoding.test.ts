import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkBytes, detectEncoding, textChunks } from '../../src-main/imports/decode';
import { bufferSource, openSource, withSource } from '../../src-main/imports/source';
import { tempDir } from '../support/temp-app';

/** Whether the bytes are UTF-8 as the WHATWG decoder says (what the check must agree with). */
function decoderAccepts(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Bytes of characters (whole, cut or wrong) to put across a chunk's edge. */
const tail = fc.array(
  fc.oneof(
    fc.constantFrom('é', '€', '’', '😀', 'a', '\n').map((text) => [...Buffer.from(text)]),
    fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 4 }),
  ),
  { minLength: 1, maxLength: 8 },
);

const encodingOf = (bytes: Buffer) => detectEncoding(bufferSource(bytes, 'rows.csv')).encoding;

describe('detectEncoding', () => {
  it('tells UTF-8 from Windows-1252 as the decoder does, whatever falls on the edge of a chunk', () => {
    // ASCII up to a chunk's edge, then bytes of characters (whole, cut or wrong) straddling it and the next one.
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

describe('a file on disk, read through one reused buffer', () => {
  const folder = tempDir('candid-encoding-');
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  let files = 0;
  /** The bytes written to a file and opened as an import opens a path (the source that reads into a reused buffer). */
  const onDisk = <T>(bytes: Buffer, fn: (source: ReturnType<typeof openSource>) => T): T => {
    const file = path.join(folder, `rows-${(files += 1)}.csv`);
    fs.writeFileSync(file, bytes);
    return withSource(openSource({ path: file }, 64 * 1024 * 1024), fn);
  };

  it('is told UTF-8 or Windows-1252 and decoded as the whole bytes would be, whatever falls on the edges of its chunks', () => {
    // Characters cut by the first and second chunk edges: a byte carried over from one read must not be the reused
    // buffer's, which the next read overwrites.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), tail, fc.boolean(), (before, parts, secondEdge) => {
        const body = Buffer.from(parts.flat());
        // A whole chunk of other bytes after the cut one: the read after an edge fills the buffer to its end, over
        // whatever of the chunk before was still wanted.
        const padding = Buffer.concat([Buffer.alloc(chunkBytes - before, 'a'), ...(secondEdge ? [Buffer.alloc(chunkBytes, 'b')] : [])]);
        const bytes = Buffer.concat([padding, body, Buffer.alloc(chunkBytes, 'c'), Buffer.from('xyz')]);
        const expected = decoderAccepts(bytes) ? 'utf-8' : 'windows-1252';
        onDisk(bytes, (source) => {
          expect(detectEncoding(source).encoding).toBe(expected);
          const whole = new TextDecoder(expected, { ignoreBOM: true }).decode(bytes);
          const text = [...textChunks(source, expected)].join('');
          // Windows-1252's 0x80-0x9F are mapped by textChunks (Node's decoder reads them as Latin-1 controls).
          if (expected === 'utf-8') expect(text).toBe(whole);
          else expect(text.length).toBe(whole.length);
          expect(text.endsWith('xyz')).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });
});
