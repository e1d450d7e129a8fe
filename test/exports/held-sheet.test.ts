import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { PassThrough, type Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeldSheetParts } from '../../src-main/exports/held-sheet';
import { ZipWriter } from '../../src-main/exports/xlsx/zip';
import { zipEntry } from './support/zip-entry';

/**
 * A held part is read back into a few buffers used again once a file output has written them (held-sheet.ts,
 * ZipWriter.relay). Text that barely deflates makes a part of many read-back buffers; a large entry ended just
 * before it keeps the archive holding the part's first chunks while that entry is still being deflated. A buffer
 * written over too early would show as wrong bytes in the part, or a wrong CRC-32.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-held-sheet-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** About `bytes` of text zlib cannot shrink much: a part of many 256 KB reads back. */
const randomText = (bytes: number) => crypto.randomBytes((bytes * 3) / 4).toString('base64');

async function archiveWith(out: Writable, read: () => Promise<Buffer>, before: string, held: string): Promise<Buffer> {
  const parts = new HeldSheetParts();
  try {
    const part = parts.entry('held.xml');
    part.write(held);
    part.end();
    const zip = new ZipWriter(out);
    const first = zip.entry('first.xml');
    first.write(before);
    first.end();
    await parts.place(zip);
    zip.file('last.xml', '<last/>');
    await zip.commit();
    return await read();
  } finally {
    parts.discard();
  }
}

describe('a held part placed in the archive', () => {
  const before = randomText(4 * 1024 * 1024);
  const held = randomText(6 * 1024 * 1024);

  const check = (archive: Buffer) => {
    expect(zipEntry(archive, 'first.xml')).toBe(before);
    expect(zipEntry(archive, 'held.xml')).toBe(held);
    expect(zipEntry(archive, 'last.xml')).toBe('<last/>');
    const record = archive.lastIndexOf(Buffer.from('held.xml')) - 46;
    expect(archive.readUInt32LE(record)).toBe(0x02014b50);
    expect(archive.readUInt32LE(record + 16)).toBe(zlib.crc32(held));
  };

  it('is whole in a file, its read-back buffers used again once written', async () => {
    const file = path.join(dir, 'out.zip');
    const out = fs.createWriteStream(file);
    expect(new ZipWriter(new PassThrough()).releasesWrittenChunks).toBe(false);
    check(await archiveWith(out, async () => (await finished(out), fs.readFileSync(file)), before, held));
  });

  it('is whole in an output that keeps the chunks it is given (new buffers each time)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    check(await archiveWith(out, async () => (await finished(out), Buffer.concat(chunks)), before, held));
  });
});
