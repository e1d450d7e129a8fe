import { importError } from './errors';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const emptyZipMagic = [0x50, 0x4b, 0x05, 0x06];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Signatures of common non-text files, so that a PDF or a picture picked by mistake gets a clear error. */
const binaryMagics: { name: string; bytes: number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'SQLite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Decides between a workbook and text by the bytes (not the name), refusing what we cannot read. */
export function sniffContainer(bytes: Uint8Array, fileName: string): 'xlsx' | 'text' {
  const extension = extensionOf(fileName);
  if (startsWith(bytes, zipMagic) || startsWith(bytes, emptyZipMagic)) {
    // An OpenDocument file stores its type uncompressed right after the first local header.
    const head = Buffer.from(bytes.subarray(0, 120)).toString('latin1');
    if (head.includes('application/vnd.oasis.opendocument')) {
      throw importError('VALIDATION', 'ods_unsupported', `${fileName} is an OpenDocument spreadsheet; save it as .xlsx or .csv`, { fileName });
    }
    return 'xlsx';
  }
  if (startsWith(bytes, oleMagic)) {
    throw importError('VALIDATION', 'legacy_xls', `${fileName} is an old Excel 97-2003 workbook; save it as .xlsx or .csv`, { fileName });
  }
  if (extension === 'xlsx' || extension === 'xlsm') {
    throw importError('VALIDATION', 'corrupt_xlsx', `${fileName} is not a readable Excel workbook`, { fileName });
  }
  const known = binaryMagics.find((magic) => startsWith(bytes, magic.bytes));
  if (known) {
    throw importError('VALIDATION', 'binary_file', `${fileName} is a ${known.name} file, not a spreadsheet`, { fileName, kind: known.name });
  }
  return 'text';
}

/** Text decoded from binary junk is full of control characters; real CSV or JSON has next to none. */
export function assertLooksLikeText(text: string, fileName: string): void {
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control += 1;
  }
  if (sample.includes('\u0000') || control > Math.max(2, sample.length * 0.01)) {
    throw importError('VALIDATION', 'binary_file', `${fileName} does not contain text: it is not a CSV or JSON file`, { fileName });
  }
}

/** JSON when the text opens an array or an object; everything else is read as delimited text. */
export function textFormat(text: string): 'json' | 'csv' {
  const first = text.trimStart()[0];
  return first === '[' || first === '{' ? 'json' : 'csv';
}
