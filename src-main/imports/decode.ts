import type { ImportEncoding } from '../../src-shared/contract';

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

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F, where French text keeps € ’ œ … – “ ”. Node's TextDecoder
 * ('windows-1252') decodes that range as Latin-1 control characters, so it is mapped here.
 */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('windows-1252').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (char) => windows1252High[char.charCodeAt(0) - 0x80]);
}

export function detectEncoding(bytes: Uint8Array): { encoding: ImportEncoding; bom: boolean } {
  for (const bom of boms) if (startsWith(bytes, bom.bytes)) return { encoding: bom.encoding, bom: true };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false };
  // Valid UTF-8 is almost never Windows-1252 text by accident (accents are two bytes with a fixed pattern).
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', bom: false };
}

/** Decodes with the given encoding, or the detected one; a byte order mark is dropped. */
export function decodeText(bytes: Uint8Array, chosen?: ImportEncoding): DecodedText {
  const detected = detectEncoding(bytes);
  const encoding = chosen ?? detected.encoding;
  const bom = boms.find((candidate) => candidate.encoding === encoding && startsWith(bytes, candidate.bytes));
  const body = bom ? bytes.subarray(bom.bytes.length) : bytes;
  const text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding).decode(body);
  return { text, encoding, bom: bom !== undefined };
}
