import { isUtf8 } from 'node:buffer';
import type { ImportEncoding } from '../../src-shared/contract';
import type { ByteSource } from './source';

export interface DecodedText {
  text: string;
  encoding: ImportEncoding;
  bom: boolean;
}

const boms: { encoding: ImportEncoding; bytes: number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Bytes decoded at a time: large enough to be fast, small enough that a file is never held whole. */
export const chunkBytes = 1024 * 1024;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * UTF-16 without a byte order mark (some "Unicode text" exports): mostly-ASCII text has a zero in every other
 * byte. Returns which half holds the zeros, if the sample is clearly like that.
 */
function utf16WithoutBom(bytes: Uint8Array): ImportEncoding | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZeros += 1;
    if (bytes[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Where a chunk's last whole character ends: before a multi-byte character the chunk cuts short (it goes on in
 * the next chunk). Bytes that cannot begin a character are left for the check to refuse.
 */
function wholeCharactersEnd(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/**
 * Valid UTF-8 from start to end, checked a chunk at a time (a character may straddle two chunks) by Node's
 * validator: decoding the whole file into text only to check it cost a second of CPU at 100,000 rows.
 */
function isValidUtf8(source: ByteSource): boolean {
  let carried: Uint8Array = new Uint8Array(0);
  const scratch = Buffer.allocUnsafe(Math.min(chunkBytes, source.size));
  for (let position = 0; position < source.size; position += chunkBytes) {
    const read = source.read(position, chunkBytes, scratch);
    const bytes = carried.length === 0 ? read : Buffer.concat([carried, read]);
    const end = position + chunkBytes >= source.size ? bytes.length : wholeCharactersEnd(bytes);
    if (!isUtf8(bytes.subarray(0, end))) return false;
    // A copy (a Buffer's slice is a view): the next read goes into the same buffer.
    carried = Buffer.from(bytes.subarray(end));
  }
  return carried.length === 0;
}

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F, where French text keeps € ’ œ … – “ ”. Node's TextDecoder
 * ('windows-1252') decodes that range as Latin-1 control characters, so it is mapped here.
 */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixWindows1252(latin1: string): string {
  return latin1.replace(/[\u0080-\u009f]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80]);
}

export function detectEncoding(source: ByteSource): { encoding: ImportEncoding; bom: boolean } {
  const head = source.read(0, 4096);
  for (const bom of boms) if (startsWith(head, bom.bytes)) return { encoding: bom.encoding, bom: true };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: false };
  // Valid UTF-8 is almost never Windows-1252 text by accident (accents are two bytes with a fixed pattern).
  return { encoding: isValidUtf8(source) ? 'utf-8' : 'windows-1252', bom: false };
}

/** How many bytes of byte order mark `encoding` skips at the start of this source. */
function bomLength(source: ByteSource, encoding: ImportEncoding): number {
  const bom = boms.find((candidate) => candidate.encoding === encoding);
  return bom && startsWith(source.read(0, bom.bytes.length), bom.bytes) ? bom.bytes.length : 0;
}

/**
 * Bytes decoded into one string: under V8's large-object size (128 KB) even as two-byte text, so that each string is
 * made in the young generation, whose pages are used again. A megabyte at a time made strings of 1-2 MB, each in
 * fresh pages (a page fault per 4 KB: 28,600 in the check thread's two passes over the bench's 25 MB file).
 */
const decodeBytes = 32 * 1024;

/**
 * The text of the source, decoded a piece of at most `decodeBytes` at a time (the CSV reader hands each piece to its
 * tokenizer whole); a byte order mark of the encoding is dropped.
 */
export function* textChunks(source: ByteSource, encoding: ImportEncoding): Generator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  // The decoder keeps what it needs of a piece (a character cut at its end): one buffer serves every read.
  const scratch = Buffer.allocUnsafe(Math.min(chunkBytes, source.size));
  for (let position = bomLength(source, encoding); position < source.size; position += chunkBytes) {
    const bytes = source.read(position, chunkBytes, scratch);
    for (let at = 0; at < bytes.length; at += decodeBytes) {
      const text = decoder.decode(bytes.subarray(at, at + decodeBytes), { stream: true });
      if (text) yield encoding === 'windows-1252' ? fixWindows1252(text) : text;
    }
  }
  const rest = decoder.decode();
  if (rest) yield encoding === 'windows-1252' ? fixWindows1252(rest) : rest;
}

/** The first `bytes` bytes of the source as text (for sniffing the format and the delimiter). */
export function headText(source: ByteSource, encoding: ImportEncoding, bytes = 65_536): string {
  const head: ByteSource = { fileName: source.fileName, size: Math.min(source.size, bytes), read: (position, length, into) => source.read(position, Math.max(0, Math.min(length, bytes - position)), into), close: () => {} };
  let text = '';
  for (const chunk of textChunks(head, encoding)) text += chunk;
  return text;
}

/** The whole source as text (JSON, which is parsed whole). */
export function decodeAll(source: ByteSource, chosen?: ImportEncoding): DecodedText {
  const detected = detectEncoding(source);
  const encoding = chosen ?? detected.encoding;
  const parts: string[] = [];
  for (const chunk of textChunks(source, encoding)) parts.push(chunk);
  return { text: parts.join(''), encoding, bom: bomLength(source, encoding) > 0 };
}
