import { Inflate } from 'fflate';
import { AppError } from '../../src-shared/errors';
import { importError } from './errors';
import type { ByteSource } from './source';

/**
 * The parts of a zip file (an XLSX workbook), read from its central directory, and each part inflated a chunk at a
 * time with its uncompressed size bounded: a part whose directory entry announces more than its limit is refused
 * before a byte of it is inflated, and one that inflates to more than it announced (a lying bomb) is stopped there.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const endOfDirectory = 0x06054b50;
const zip64EndLocator = 0x07064b50;
const zip64End = 0x06064b50;
const directoryHeader = 0x02014b50;
const localHeader = 0x04034b50;
/** The directory of a workbook is a few kilobytes; a larger one is not a workbook we read. */
const maxDirectoryBytes = 16 * 1024 * 1024;
/** Compressed bytes read at a time: at most ~1000 times this comes out of one read, even from a bomb. */
const readBytes = 16 * 1024;

export function corruptWorkbook(fileName: string, cause: string) {
  return importError('VALIDATION', 'corrupt_xlsx', `${fileName} is not a readable Excel workbook (damaged or truncated)`, { fileName, cause });
}

function partTooLarge(fileName: string, part: string, limit: number, bytes: number | null) {
  return importError('TOO_LARGE', 'part_too_large', `${part} of ${fileName} is larger than ${limit} bytes once uncompressed`, {
    fileName,
    part,
    limit,
    ...(bytes === null ? {} : { bytes }),
  });
}

/** A 64-bit little-endian size as a number (exact below 2^53, which is far above any limit here). */
function readUint64(buffer: Buffer, offset: number): number {
  return buffer.readUInt32LE(offset) + buffer.readUInt32LE(offset + 4) * 0x1_0000_0000;
}

function findEnd(source: ByteSource): { offset: number; buffer: Buffer } {
  // The record is 22 bytes plus a comment of up to 65,535.
  const tailLength = Math.min(source.size, 22 + 65_535);
  const tail = source.read(source.size - tailLength, tailLength);
  for (let index = tail.length - 22; index >= 0; index -= 1) {
    if (tail.readUInt32LE(index) === endOfDirectory) return { offset: source.size - tailLength + index, buffer: tail.subarray(index) };
  }
  throw corruptWorkbook(source.fileName, 'no zip directory');
}

/** The entries of the central directory, with ZIP64 sizes and offsets where the 32-bit fields are saturated. */
export function readDirectory(source: ByteSource, maxEntries: number): ZipEntry[] {
  const end = findEnd(source);
  let entries = end.buffer.readUInt16LE(10);
  let size = end.buffer.readUInt32LE(12);
  let offset = end.buffer.readUInt32LE(16);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = source.read(end.offset - 20, 20);
    if (locator.length === 20 && locator.readUInt32LE(0) === zip64EndLocator) {
      const record = source.read(readUint64(locator, 8), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== zip64End) throw corruptWorkbook(source.fileName, 'bad ZIP64 directory');
      entries = readUint64(record, 32);
      size = readUint64(record, 40);
      offset = readUint64(record, 48);
    }
  }
  if (entries > maxEntries) {
    throw importError('TOO_LARGE', 'too_many_parts', `${source.fileName} has ${entries} parts; a workbook with at most ${maxEntries} can be read`, {
      fileName: source.fileName,
      parts: entries,
      limit: maxEntries,
    });
  }
  if (size > maxDirectoryBytes || offset + size > source.size) throw corruptWorkbook(source.fileName, 'zip directory out of bounds');
  const directory = source.read(offset, size);
  const result: ZipEntry[] = [];
  let position = 0;
  for (let index = 0; index < entries; index += 1) {
    if (position + 46 > directory.length || directory.readUInt32LE(position) !== directoryHeader) {
      throw corruptWorkbook(source.fileName, 'damaged zip directory');
    }
    const nameLength = directory.readUInt16LE(position + 28);
    const extraLength = directory.readUInt16LE(position + 30);
    const commentLength = directory.readUInt16LE(position + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', position + 46, position + 46 + nameLength),
      flags: directory.readUInt16LE(position + 8),
      method: directory.readUInt16LE(position + 10),
      compressedSize: directory.readUInt32LE(position + 20),
      uncompressedSize: directory.readUInt32LE(position + 24),
      localHeaderOffset: directory.readUInt32LE(position + 42),
    };
    // ZIP64 extra field: the saturated values, in this order.
    const extra = directory.subarray(position + 46 + nameLength, position + 46 + nameLength + extraLength);
    for (let at = 0; at + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(at);
      const length = extra.readUInt16LE(at + 2);
      if (id === 0x0001) {
        let field = at + 4;
        const take = () => {
          const value = field + 8 <= at + 4 + length ? readUint64(extra, field) : null;
          field += 8;
          return value;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take() ?? entry.uncompressedSize;
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = take() ?? entry.compressedSize;
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take() ?? entry.localHeaderOffset;
      }
      at += 4 + length;
    }
    result.push(entry);
    position += 46 + nameLength + extraLength + commentLength;
  }
  return result;
}

/**
 * The uncompressed bytes of one part, a chunk at a time. `limit` bounds them: checked against the size the
 * directory announces before inflating, and against what actually comes out while inflating.
 */
export function* inflateEntry(source: ByteSource, entry: ZipEntry, limit: number): Generator<Uint8Array> {
  const { fileName } = source;
  if (entry.flags & 0x1) throw corruptWorkbook(fileName, `${entry.name} is encrypted`);
  if (entry.uncompressedSize > limit) throw partTooLarge(fileName, entry.name, limit, entry.uncompressedSize);
  const header = source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== localHeader) throw corruptWorkbook(fileName, `no local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const end = start + entry.compressedSize;
  if (end > source.size) throw corruptWorkbook(fileName, `${entry.name} is truncated`);
  // What a part may really inflate to: what it announced (a mismatch is damage or a bomb), never above the limit.
  const allowed = Math.min(limit, entry.uncompressedSize);

  if (entry.method === 0) {
    if (entry.compressedSize > allowed) throw partTooLarge(fileName, entry.name, limit, entry.compressedSize);
    for (let position = start; position < end; position += readBytes) yield source.read(position, Math.min(readBytes, end - position));
    return;
  }
  if (entry.method !== 8) throw corruptWorkbook(fileName, `${entry.name} uses compression method ${entry.method}`);

  let produced = 0;
  let pending: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    // More than announced is a bomb (or damage): refused as too large, whatever comes next.
    if (produced > allowed) throw partTooLarge(fileName, entry.name, allowed, null);
    pending.push(chunk);
  });
  try {
    for (let position = start; position < end; position += readBytes) {
      const last = position + readBytes >= end;
      inflater.push(source.read(position, Math.min(readBytes, end - position)), last);
      const ready = pending;
      pending = [];
      yield* ready;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw corruptWorkbook(fileName, `${entry.name}: ${error instanceof Error ? error.message.slice(0, 120) : String(error)}`);
  }
}
