import type { Writable } from 'node:stream';
import type { ExportLanguage } from '../../src-shared/contract';
import { excelCell, type CellContext, type ExcelValue } from './cells';
import { cellXml, dayMs, unixEpochSerial } from './cell-xml';
import type { ExportReader } from './reader';
import type { ExportLabels } from './labels';
import { batchSize, headerOf, type ColumnKind, type ColumnSpec, type TableSpec } from './table';
import { packageParts } from './xlsx/parts';
import { headerStyle, styleOf, stylesXml } from './xlsx/styles';
import { columnLetters, xmlDeclaration, xmlText } from './xlsx/xml';
import { ZipWriter, type ZipEntry } from './xlsx/zip';

const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/**
 * Rows' XML gathered, as UTF-8, before it is handed to zlib. zlib deflates one piece of a part at a time on the pool
 * and takes the next only once the export's thread has run its callback, which it does between two batches of rows:
 * with pieces of 256 KB (a batch of the applications is about 0.9 MB of XML at 100,000 applications) zlib deflated one
 * per batch while the rows were written and the thread waited at the batch's end for the rest (1.3 to 1.8 s of the walk
 * under load). A piece of 1 MB (about 4 ms of deflating) is a batch's worth, deflated while the next batch is written.
 */
const chunkBytes = 1024 * 1024;
/** The most bytes UTF-8 takes for one UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const maxBytesPerUnit = 3;
/** Links written between two waits for zlib, at a sheet's end (each a few dozen bytes of XML). */
const linksPerWait = 5_000;

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
  width: number;
}

export interface SheetWriter {
  /** Adds one data row, each cell with its column's style; null and undefined leave a cell empty. */
  addRow(values: readonly ExcelValue[]): void;
  /** Waits until zlib and the output have taken in what was written, so rows never pile up in memory. */
  drained(): Promise<void>;
  /** Sets the filter over every row and ends the sheet (then its links' targets), waiting for zlib as it goes. */
  finish(): Promise<void>;
}

/**
 * A workbook streamed into `out` as SpreadsheetML written here, zipped by fflate with Node's zlib deflating
 * (src-main/exports/xlsx/). It is the workbook exceljs 4.4's streaming writer made (same parts, cells, styles,
 * frozen header, filter and links; test/exports/excel-writer.test.ts compares the two cell by cell), at a fraction
 * of its CPU: exceljs built an object per row and per cell, and a style hash per cell.
 */
export class WorkbookWriter {
  private readonly zip: ZipWriter;
  private readonly sheetNames: string[] = [];

  constructor(
    out: Writable,
    private readonly language: ExportLanguage,
    private readonly now = new Date(),
  ) {
    this.zip = new ZipWriter(out);
  }

  /**
   * Starts a sheet with a styled, frozen header row; the previous sheet must be finished. `links`: where its links'
   * part is written as the rows go (SheetXmlWriter), rather than at its end.
   */
  addSheet(name: string, columns: readonly SheetColumn[], links?: SheetZip): SheetWriter {
    this.sheetNames.push(name);
    return new SheetXmlWriter(this.zip, this.sheetNames.length, columns, links);
  }

  /**
   * Places a sheet prepared in another thread (sheet-thread.ts) as the next one: `prepared` is given the sheet's
   * number and adds its parts.
   */
  async addPreparedSheet(name: string, prepared: (number: number, zip: ZipWriter) => Promise<void>): Promise<void> {
    this.sheetNames.push(name);
    await prepared(this.sheetNames.length, this.zip);
  }

  /**
   * Adds the parts of a sheet that comes later in the workbook (written with its number: SheetXmlWriter's), now: the
   * archive's files may come in any order. The sheet is named at its turn (nameSheetPlacedAhead).
   */
  async addPartsAhead(place: (zip: ZipWriter) => Promise<void>): Promise<void> {
    await place(this.zip);
  }

  /** Names the next sheet, whose parts were added ahead as sheet `number` (which it must be). */
  nameSheetPlacedAhead(name: string, number: number): void {
    this.sheetNames.push(name);
    if (this.sheetNames.length !== number) throw new Error(`The sheet ${name} was placed as sheet ${number}, but comes as sheet ${this.sheetNames.length}.`);
  }

  /** Writes the workbook's other parts and ends the output. */
  async commit(): Promise<void> {
    const parts = packageParts(this.sheetNames, this.now);
    parts['xl/styles.xml'] = stylesXml(this.language);
    for (const [name, text] of Object.entries(parts)) this.zip.file(name, text);
    await this.zip.commit();
  }
}

export function createWorkbookWriter(out: Writable, language: ExportLanguage): WorkbookWriter {
  return new WorkbookWriter(out, language);
}

/** What a sheet is written into: the workbook's archive, or a deflated part of its own in another thread. */
export type SheetZip = Pick<ZipWriter, 'entry' | 'room' | 'file'>;

/** Where a sheet's part is in the package. */
export const sheetPartName = (number: number) => `xl/worksheets/sheet${number}.xml`;

export class SheetXmlWriter implements SheetWriter {
  /** The sheet's part, then its relationships' part (the links' targets). */
  private entry: ZipEntry;
  private readonly letters: string[];
  private readonly styles: string[];
  /**
   * Cells with a link (row × columns + column) and where each points: written after the rows, where the schema
   * places them. Two flat arrays rather than an object and a cell name per link: about 60,000 links at 100,000
   * applications, held until the sheet ends. With a `links` zip, the targets are not held: each goes into the links'
   * part, begun there with the first link, as its row is written.
   */
  private readonly linkCells: number[] = [];
  private readonly linkTargets: string[] = [];
  private linksEntry: ZipEntry | undefined;
  /** Relationships of the rows written since the last wait for zlib, for linksEntry. */
  private pendingLinks = '';
  /**
   * Each row's XML is encoded into this buffer as it is written, rather than appended to a string encoded at the
   * flush: a string built by appending is a rope of thousands of small pieces, and flattening it before encoding
   * was most of the 4 s Buffer.from took at 100,000 applications (docs/performance.md).
   */
  private chunk: Buffer = Buffer.allocUnsafeSlow(chunkBytes);
  private used = 0;
  /**
   * Buffers zlib has deflated, written over again: a new one per flush left hundreds of MB of dead buffers to the
   * garbage collector, which frees memory outside the heap only when it runs.
   */
  private readonly spare: Buffer[] = [];
  private row = 1;

  /**
   * `links`: where the sheet's relationships part (its links' targets) is written as the rows go, a part held for its
   * turn (held-sheet.ts), instead of into `zip` from targets held until the sheet ends: the applications sheet's
   * about 60,000 posting addresses were about 5 MB of the export's live heap at 100,000 applications.
   */
  constructor(
    private readonly zip: SheetZip,
    private readonly number: number,
    private readonly columns: readonly SheetColumn[],
    private readonly links?: SheetZip,
  ) {
    this.entry = zip.entry(sheetPartName(number));
    this.letters = columns.map((_, index) => columnLetters(index + 1));
    this.styles = columns.map((column) => {
      const style = styleOf(column.kind);
      return style === 0 ? '' : ` s="${style}"`;
    });
    const widths = columns.map((column, index) => {
      const width = Math.max(column.width, Math.min(40, column.header.length + 3));
      return `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`;
    });
    const header = columns.map((column, index) => `<c r="${this.letters[index]}1" s="${headerStyle}" t="str"><v>${xmlText(column.header)}</v></c>`);
    this.append(
      xmlDeclaration +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationships}">` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      (widths.length > 0 ? `<cols>${widths.join('')}</cols>` : '') +
      `<sheetData><row r="1" ht="20" customHeight="1">${header.join('')}</row>`,
    );
  }

  addRow(values: readonly ExcelValue[]): void {
    const row = ++this.row;
    let xml = `<row r="${row}">`;
    for (let index = 0; index < values.length; index += 1) {
      const value = values[index];
      if (value === null || value === undefined) continue;
      const start = `<c r="${this.letters[index]}${row}"${this.styles[index]}`;
      switch (typeof value) {
        case 'string':
          xml += `${start} t="str"><v>${xmlText(value)}</v></c>`;
          break;
        case 'number':
          xml += Number.isFinite(value) ? `${start}><v>${value}</v></c>` : '';
          break;
        case 'boolean':
          xml += `${start} t="b"><v>${value ? 1 : 0}</v></c>`;
          break;
        default:
          if (value instanceof Date) {
            const time = value.getTime();
            if (!Number.isNaN(time)) xml += `${start}><v>${unixEpochSerial + time / dayMs}</v></c>`;
          } else {
            xml += `${start} t="str"><v>${xmlText(value.text)}</v></c>`;
            this.addLink(row * this.columns.length + index, value.hyperlink);
          }
      }
    }
    this.append(`${xml}</row>`);
  }

  /**
   * A writer of `columns`' rows (this sheet's columns) into this sheet, each cell made from its stored value at once
   * (cell-xml.ts): the same XML as addRow given excelCell's values, for less.
   */
  rowWriter<Row>(columns: readonly ColumnSpec<Row>[], context: CellContext): (row: Row) => void {
    const count = this.columns.length;
    if (columns.length !== count) throw new Error(`A sheet of ${count} columns was given rows of ${columns.length}.`);
    const cells = columns.map((column, index) =>
      cellXml(column.kind, this.letters[index], context, (row, target) => this.addLink(row * count + index, target)),
    );
    const getters = columns.map((column) => column.get);
    const { labels } = context;
    return (values) => {
      const row = ++this.row;
      const rowText = `${row}`;
      let xml = `<row r="${rowText}">`;
      for (let index = 0; index < count; index += 1) xml += cells[index](getters[index](values, labels), rowText, row);
      this.append(`${xml}</row>`);
    };
  }

  /** Records a cell's link: its target goes into the links' part now when there is one apart, else at the end. */
  private addLink(cell: number, target: string): void {
    this.linkCells.push(cell);
    if (!this.links) {
      this.linkTargets.push(target);
      return;
    }
    if (!this.linksEntry) {
      this.linksEntry = this.links.entry(this.linksPartName());
      this.pendingLinks = relationshipsOpen;
    }
    this.pendingLinks += relationshipXml(this.linkCells.length, target);
  }

  private linksPartName(): string {
    return `xl/worksheets/_rels/sheet${this.number}.xml.rels`;
  }

  /** Encodes `xml` into the current chunk, handing the chunk to zlib first when it might not hold it. */
  private append(xml: string): void {
    if (this.used + xml.length * maxBytesPerUnit > this.chunk.length) {
      this.flush();
      if (xml.length * maxBytesPerUnit > this.chunk.length) {
        this.entry.write(xml);
        return;
      }
    }
    this.used += this.chunk.write(xml, this.used, 'utf8');
  }

  private flush(): void {
    if (this.used === 0) return;
    // zlib keeps the bytes until it has deflated them: the next rows go into another buffer meanwhile.
    const written = this.chunk;
    this.entry.write(written.subarray(0, this.used), () => this.spare.push(written));
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafeSlow(chunkBytes);
    this.used = 0;
  }

  async drained(): Promise<void> {
    this.flush();
    await this.zip.room(this.entry);
    if (this.linksEntry && this.pendingLinks) {
      this.linksEntry.write(this.pendingLinks);
      this.pendingLinks = '';
      await this.links!.room(this.linksEntry);
    }
  }

  /**
   * The links are written piece by piece with waits for zlib, in the sheet and then in its relationships' part:
   * joined into two strings at once (with an array of 100,000 relationship strings) they added about 50 MB to the
   * export's peak RSS at 100,000 applications (docs/performance.md).
   */
  async finish(): Promise<void> {
    const last = `${columnLetters(Math.max(1, this.columns.length))}${this.row}`;
    this.append(`</sheetData><autoFilter ref="A1:${last}"/>`);
    const links = this.linkCells.length;
    if (links > 0) {
      this.append('<hyperlinks>');
      for (let index = 0; index < links; index += 1) {
        const cell = this.linkCells[index];
        const row = Math.floor(cell / this.columns.length);
        this.append(`<hyperlink ref="${this.letters[cell - row * this.columns.length]}${row}" r:id="rId${index + 1}"/>`);
        if ((index + 1) % linksPerWait === 0) await this.drained();
      }
      this.append('</hyperlinks>');
    }
    this.append('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    this.flush();
    this.entry.end();
    if (links === 0) return;
    if (this.linksEntry) {
      this.linksEntry.write(`${this.pendingLinks}</Relationships>`);
      this.pendingLinks = '';
      this.linksEntry.end();
      return;
    }
    this.entry = this.zip.entry(this.linksPartName());
    this.append(relationshipsOpen);
    for (let index = 0; index < links; index += 1) {
      this.append(relationshipXml(index + 1, this.linkTargets[index]));
      if ((index + 1) % linksPerWait === 0) await this.drained();
    }
    this.append('</Relationships>');
    this.flush();
    this.entry.end();
  }
}

const relationshipsOpen = `${xmlDeclaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;

/** The relationship of a sheet's `number`th link (from 1), to `target`. */
const relationshipXml = (number: number, target: string) =>
  `<Relationship Id="rId${number}" Type="${relationships}/hyperlink" Target="${xmlText(target)}" TargetMode="External"/>`;

/** A table's columns as a sheet's: their headers in the export's language. */
export function sheetColumns<Row>(columns: readonly ColumnSpec<Row>[], labels: ExportLabels): SheetColumn[] {
  return columns.map((column) => ({ header: headerOf(column, labels), kind: column.kind, width: column.width }));
}

/** Writes rows of a table into `sheet`, each turned into its cells by the table's columns. */
export function tableRowWriter<Row>(sheet: SheetWriter, columns: readonly ColumnSpec<Row>[], context: CellContext): (row: Row) => void {
  if (sheet instanceof SheetXmlWriter) return sheet.rowWriter(columns, context);
  const { labels } = context;
  // One array for every row: the writer turns it into XML at once.
  const values: ExcelValue[] = new Array<ExcelValue>(columns.length);
  return (row) => {
    for (let index = 0; index < columns.length; index += 1) values[index] = excelCell(columns[index].kind, columns[index].get(row, labels), context);
    sheet.addRow(values);
  };
}

/**
 * Streams one table into a new sheet, batch by batch; returns its number of data rows. `afterBatch` is given each
 * batch once its rows are written, before the wait for zlib (history-walk.ts writes another sheet's rows there).
 */
export async function writeTableSheet<Row>(
  reader: ExportReader,
  workbook: Pick<WorkbookWriter, 'addSheet'>,
  table: TableSpec<Row>,
  context: CellContext,
  afterBatch?: (batch: Row[]) => Promise<void>,
  size = batchSize,
): Promise<number> {
  const sheet = workbook.addSheet(context.labels.sheet(table.sheet), sheetColumns(table.columns, context.labels));
  const write = tableRowWriter(sheet, table.columns, context);
  let count = 0;
  const { keep } = table;
  for await (const batch of reader.batches<Row>(table.select, size)) {
    for (const row of batch) {
      if (keep && !keep(row)) continue;
      write(row);
      count += 1;
    }
    await afterBatch?.(batch);
    await sheet.drained();
  }
  await sheet.finish();
  return count;
}
