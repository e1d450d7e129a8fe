import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * A minimal zip writer for tests: hostile workbooks (bombs, parts that lie about their size) are built part by
 * part, each part streamed from a generator of text and deflated as it comes, so a test can make a workbook whose
 * sheet inflates to hundreds of megabytes without holding it.
 */

export interface ZipPart {
  name: string;
  /** The part's text, a chunk at a time. */
  chunks: () => Iterable<string>;
  /** A size to announce in the directory instead of the real one (a lying bomb). */
  announcedSize?: number;
}

function header(signature: number, fields: [number, 2 | 4][]): Buffer {
  const buffer = Buffer.alloc(4 + fields.reduce((sum, [, size]) => sum + size, 0));
  buffer.writeUInt32LE(signature, 0);
  let offset = 4;
  for (const [value, size] of fields) {
    if (size === 2) buffer.writeUInt16LE(value, offset);
    else buffer.writeUInt32LE(value >>> 0, offset);
    offset += size;
  }
  return buffer;
}

/** Writes the parts as a zip file at `file` (deflated). */
export function writeZip(file: string, parts: readonly ZipPart[]): void {
  const fd = fs.openSync(file, 'w');
  let offset = 0;
  const write = (buffer: Buffer) => {
    fs.writeSync(fd, buffer);
    offset += buffer.length;
  };
  const directory: Buffer[] = [];
  try {
    for (const part of parts) {
      const name = Buffer.from(part.name, 'utf8');
      const localOffset = offset;
      // Sizes and CRC follow the data (flag bit 3): the part is deflated while it is written.
      write(header(0x04034b50, [[20, 2], [0x0808, 2], [8, 2], [0, 2], [0x21, 2], [0, 4], [0, 4], [0, 4], [name.length, 2], [0, 2]]));
      write(name);
      let crc = 0;
      let size = 0;
      let compressed = 0;
      // Each chunk deflated natively on its own, ending on a byte boundary (a sync flush) and the last one
      // finishing the stream: independent blocks of one valid deflate stream, as parallel zippers write them.
      const deflate = (bytes: Buffer, last: boolean) => {
        const output = zlib.deflateRawSync(bytes, { level: 6, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
        compressed += output.length;
        write(output);
      };
      let batch: Buffer[] = [];
      let batched = 0;
      for (const text of part.chunks()) {
        const bytes = Buffer.from(text, 'utf8');
        crc = zlib.crc32(bytes, crc);
        size += bytes.length;
        batch.push(bytes);
        batched += bytes.length;
        // Blocks of a few megabytes: large enough to compress well, small enough to stay small in memory.
        if (batched >= 4 * 1024 * 1024) {
          deflate(Buffer.concat(batch), false);
          batch = [];
          batched = 0;
        }
      }
      deflate(Buffer.concat(batch), true);
      const announced = part.announcedSize ?? size;
      write(header(0x08074b50, [[crc, 4], [compressed, 4], [announced, 4]]));
      directory.push(
        header(0x02014b50, [[20, 2], [20, 2], [0x0808, 2], [8, 2], [0, 2], [0x21, 2], [crc, 4], [compressed, 4], [announced, 4], [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [localOffset, 4]]),
        name,
      );
    }
    const directoryOffset = offset;
    const directoryBytes = Buffer.concat(directory);
    write(directoryBytes);
    write(header(0x06054b50, [[0, 2], [0, 2], [parts.length, 2], [parts.length, 2], [directoryBytes.length, 4], [directoryOffset, 4], [0, 2]]));
  } finally {
    fs.closeSync(fd);
  }
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** A one-sheet workbook whose sheet and shared strings come from generators (each a stream of XML text). */
export function writeWorkbook(file: string, sheet: () => Iterable<string>, sharedStrings: () => Iterable<string>, announced: { sheet?: number; sharedStrings?: number } = {}): void {
  writeZip(file, [
    { name: '[Content_Types].xml', chunks: () => [contentTypes] },
    { name: '_rels/.rels', chunks: () => [packageRels] },
    { name: 'xl/workbook.xml', chunks: () => [workbook] },
    { name: 'xl/_rels/workbook.xml.rels', chunks: () => [workbookRels] },
    { name: 'xl/sharedStrings.xml', chunks: sharedStrings, announcedSize: announced.sharedStrings },
    { name: 'xl/worksheets/sheet1.xml', chunks: sheet, announcedSize: announced.sheet },
  ]);
}

export const sheetStart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const sheetEnd = `</sheetData></worksheet>`;
export const stringsStart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
export const stringsEnd = `</sst>`;
