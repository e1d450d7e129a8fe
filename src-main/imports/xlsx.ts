import { importLimits } from '../../src-shared/contract';
import { importError } from './errors';
import { currencyOfFormat, isDateFormat } from './number-formats';
import type { ByteSource } from './source';
import type { Cell, GridRow } from './table';
import { parseXml, XmlPart } from './xml';
import { corruptWorkbook, inflateEntry, readDirectory, type ZipEntry } from './zip';

/**
 * An XLSX workbook read as a stream: its directory, workbook and styles at once (small parts), its shared strings
 * when first needed, and the rows of a sheet one at a time, never the whole sheet. Every part's uncompressed size,
 * the cells and the rows are bounded (importLimits); above them the file is refused with TOO_LARGE.
 */

export interface SheetEntry {
  name: string;
  part: string;
  /** `hidden` sheets are listed; `veryHidden` ones (only reachable by macros) are not. */
  hidden: boolean;
}

interface Styles {
  /** By cell style index (`s`): whether its number format is a date, and the currency it shows. */
  date: boolean[];
  currency: (string | null)[];
}

interface SheetExtras {
  /** "B3" -> where its hyperlink points. */
  links: Map<string, string>;
  /** Merged ranges, as [first row, first column, last row, last column] (0-based columns, file rows). */
  merges: [number, number, number, number][];
}

const relationshipTypes = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
};

const excelEpoch1900 = Date.UTC(1899, 11, 30);
const excelEpoch1904 = Date.UTC(1904, 0, 1);
const dayMs = 86_400_000;

/** "AB12" -> 27 (0-based column), or -1. */
export function columnIndex(reference: string): number {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return index === 0 ? -1 : column - 1;
}

function rowOf(reference: string): number {
  return Number(/\d+$/.exec(reference)?.[0] ?? NaN);
}

/** A relationship target resolved against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function attribute(attributes: Record<string, string>, local: string): string | undefined {
  if (attributes[local] !== undefined) return attributes[local];
  for (const [name, value] of Object.entries(attributes)) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}

function tooMany(fileName: string, what: 'rows' | 'cells', limit: number) {
  return importError('TOO_LARGE', what === 'rows' ? 'too_many_rows' : 'too_many_cells', `${fileName} has more than ${limit} ${what}; split it to import it`, {
    fileName,
    limit,
  });
}

export class XlsxReader {
  readonly sheets: SheetEntry[] = [];
  private readonly entries = new Map<string, ZipEntry>();
  private readonly relsOfPart = new Map<string, Map<string, { type: string; target: string; external: boolean }>>();
  private date1904 = false;
  private styles: Styles = { date: [], currency: [] };
  private sharedStringsPart: string | null = null;
  private sharedStrings: string[] | null = null;
  private readonly extras = new Map<string, SheetExtras>();

  constructor(private readonly source: ByteSource) {
    for (const entry of readDirectory(source, importLimits.maxZipEntries)) this.entries.set(entry.name, entry);
    const workbook = [...this.relationships('').values()].find((rel) => rel.type.endsWith(relationshipTypes.officeDocument))?.target ?? 'xl/workbook.xml';
    if (!this.entries.has(workbook)) throw corruptWorkbook(source.fileName, 'no workbook part');
    const workbookRels = this.relationships(workbook);
    this.readWorkbook(workbook, workbookRels);
    for (const rel of workbookRels.values()) {
      if (rel.type.endsWith(relationshipTypes.sharedStrings)) this.sharedStringsPart = rel.target;
      if (rel.type.endsWith(relationshipTypes.styles)) this.readStyles(rel.target);
    }
  }

  private get fileName(): string {
    return this.source.fileName;
  }

  private chunks(part: string, limit: number): Iterable<Uint8Array> {
    const entry = this.entries.get(part);
    if (!entry) throw corruptWorkbook(this.fileName, `no part ${part}`);
    return inflateEntry(this.source, entry, limit);
  }

  /** The relationships of a part ('' for the package): id -> type and resolved target. */
  private relationships(part: string) {
    let rels = this.relsOfPart.get(part);
    if (rels) return rels;
    rels = new Map();
    const path = part === '' ? '_rels/.rels' : relsPath(part);
    if (this.entries.has(path)) {
      const found = rels;
      parseXml(this.chunks(path, importLimits.maxOtherPartBytes), this.fileName, path, {
        open: (name, attributes) => {
          if (name !== 'Relationship') return;
          const external = attributes.TargetMode === 'External';
          const target = attributes.Target ?? '';
          found.set(attributes.Id ?? '', { type: attributes.Type ?? '', target: external ? target : resolveTarget(part, target), external });
        },
      });
    }
    this.relsOfPart.set(part, rels);
    return rels;
  }

  private readWorkbook(part: string, rels: Map<string, { type: string; target: string }>): void {
    parseXml(this.chunks(part, importLimits.maxOtherPartBytes), this.fileName, part, {
      open: (name, attributes) => {
        if (name === 'workbookPr') this.date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
        if (name !== 'sheet') return;
        const rel = rels.get(attribute(attributes, 'id') ?? '');
        if (!rel || !rel.type.endsWith(relationshipTypes.worksheet) || !this.entries.has(rel.target)) return;
        if (attributes.state === 'veryHidden') return;
        this.sheets.push({ name: attributes.name ?? rel.target, part: rel.target, hidden: attributes.state === 'hidden' });
      },
    });
  }

  private readStyles(part: string): void {
    if (!this.entries.has(part)) return;
    const formats = new Map<number, string>();
    let inCellXfs = false;
    const date: boolean[] = [];
    const currency: (string | null)[] = [];
    parseXml(this.chunks(part, importLimits.maxOtherPartBytes), this.fileName, part, {
      open: (name, attributes) => {
        if (name === 'numFmt') formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attributes.numFmtId ?? 0);
          const code = formats.get(id);
          date.push(isDateFormat(id, code));
          currency.push(currencyOfFormat(code));
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
    this.styles = { date, currency };
  }

  private strings(): string[] {
    if (this.sharedStrings) return this.sharedStrings;
    const strings: string[] = [];
    if (this.sharedStringsPart && this.entries.has(this.sharedStringsPart)) {
      let current: string[] | null = null;
      let inText = false;
      let phonetic = 0;
      parseXml(this.chunks(this.sharedStringsPart, importLimits.maxSharedStringsBytes), this.fileName, this.sharedStringsPart, {
        open: (name) => {
          if (name === 'si') current = [];
          else if (name === 'rPh') phonetic += 1;
          else if (name === 't' && phonetic === 0) inText = true;
        },
        text: (text) => {
          if (inText && current) current.push(text);
        },
        close: (name) => {
          if (name === 't') inText = false;
          else if (name === 'rPh') phonetic -= 1;
          else if (name === 'si') {
            strings.push(current ? current.join('') : '');
            current = null;
          }
        },
      }, 'fast');
    }
    this.sharedStrings = strings;
    return strings;
  }

  /** Hyperlinks and merged ranges: written after the rows in a sheet's XML, so read by a pass of their own. */
  private sheetExtras(sheet: SheetEntry): SheetExtras {
    const cached = this.extras.get(sheet.part);
    if (cached) return cached;
    const rels = this.relationships(sheet.part);
    const extras: SheetExtras = { links: new Map(), merges: [] };
    // One quick pass over the sheet's text before its rows are read: it counts the cells (so that a sheet of
    // millions of them is refused in the time it takes to inflate it, not to parse it) and keeps what follows
    // the rows (merged ranges, links).
    const decoder = new TextDecoder('utf-8');
    let tail = '';
    let carry = '';
    let found = false;
    let cells = 0;
    for (const chunk of this.chunks(sheet.part, importLimits.maxSheetPartBytes)) {
      const decoded = decoder.decode(chunk, { stream: true });
      if (!found) {
        const scan = carry + decoded;
        for (let at = scan.indexOf('<c'); at >= 0; at = scan.indexOf('<c', at + 2)) {
          const next = scan.charCodeAt(at + 2);
          if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) cells += 1;
        }
        if (cells > importLimits.maxCells) throw tooMany(this.fileName, 'cells', importLimits.maxCells);
        carry = scan.slice(-2);
      }
      const text = tail + decoded;
      if (!found) {
        const end = /<\/(?:\w+:)?sheetData>/.exec(text);
        if (end) {
          found = true;
          tail = text.slice(end.index);
        } else tail = text.slice(-32);
      } else tail = text;
      // What follows the rows is a few elements; a file that puts megabytes there is not a workbook we read.
      if (tail.length > importLimits.maxOtherPartBytes) throw corruptWorkbook(this.fileName, `${sheet.part}: too much after the rows`);
    }
    if (found) {
      const attributesOf = (element: string) => Object.fromEntries([...element.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((match) => [match[1], match[2] ?? match[3]]));
      for (const [element] of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
        const [from, to] = (attributesOf(element).ref ?? '').split(':');
        if (from && to) extras.merges.push([rowOf(from), columnIndex(from), rowOf(to), columnIndex(to)]);
      }
      for (const [element] of tail.matchAll(/<(?:\w+:)?hyperlink\b[^>]*>/g)) {
        const attributes = attributesOf(element);
        const rel = rels.get(attribute(attributes, 'id') ?? '');
        if (!rel || !rel.external || !attributes.ref) continue;
        const target = rel.target.replace(/&amp;/g, '&');
        const [from, to] = attributes.ref.split(':');
        if (!to) extras.links.set(from.toUpperCase(), target);
        else {
          // A link over a range links each of its cells (bounded: a huge range is not a list of links).
          const [top, left, bottom, right] = [rowOf(from), columnIndex(from), rowOf(to), columnIndex(to)];
          if ((bottom - top + 1) * (right - left + 1) > 10_000) continue;
          for (let row = top; row <= bottom; row += 1) for (let column = left; column <= right; column += 1) extras.links.set(`${columnName(column)}${row}`, target);
        }
      }
    }
    this.extras.set(sheet.part, extras);
    return extras;
  }

  merges(sheetName: string): SheetExtras['merges'] {
    return this.sheetExtras(this.sheet(sheetName)).merges;
  }

  sheet(name: string): SheetEntry {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw importError('VALIDATION', 'sheet_not_found', `${this.fileName} has no sheet named ${name}`, { fileName: this.fileName, sheet: name });
    return sheet;
  }

  private number(text: string, style: number): Cell {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) return text === '' ? null : text;
    if (this.styles.date[style]) {
      const epoch = this.date1904 ? excelEpoch1904 : excelEpoch1900;
      const date = new Date(epoch + Math.round(value * dayMs));
      return Number.isNaN(date.getTime()) ? value : date;
    }
    const currency = this.styles.currency[style];
    return currency ? { amount: value, currency } : value;
  }

  /**
   * The non-empty rows of a sheet, in order, one at a time; stop early by leaving the loop. Bounds: rows and cells
   * counted as they come, columns past the limit with a value, and the sheet part's uncompressed size.
   */
  *rows(sheetName: string): Generator<GridRow & { tooWide?: boolean }> {
    const sheet = this.sheet(sheetName);
    const links = this.sheetExtras(sheet).links;
    const strings = this.strings();
    const ready: (GridRow & { tooWide?: boolean })[] = [];
    let rowNumber = 0;
    let cells: Cell[] = [];
    let tooWide = false;
    let nextColumn = 0;
    let cellCount = 0;
    let rowCount = 0;
    // The cell being read.
    let column = 0;
    let reference = '';
    let type = 'n';
    let style = 0;
    let value: string[] = [];
    let inline: string[] = [];
    let capture: 'v' | 't' | null = null;
    let inInline = false;
    let phonetic = 0;
    let done = false;

    const finishCell = () => {
      const text = value.join('');
      let cell: Cell;
      switch (type) {
        case 's':
          cell = strings[Number(text)] ?? '';
          break;
        case 'inlineStr':
          cell = inline.join('');
          break;
        case 'str':
        case 'e':
          cell = text;
          break;
        case 'b':
          cell = text === '' ? null : text === '1' || text === 'true';
          break;
        case 'd': {
          const date = new Date(text);
          cell = Number.isNaN(date.getTime()) ? text : date;
          break;
        }
        default:
          cell = this.number(text, style);
      }
      const link = links.size > 0 ? links.get(reference || `${columnName(column)}${rowNumber}`) : undefined;
      if (link !== undefined) cell = { text: typeof cell === 'string' ? cell : cell === null ? '' : String(cell), link };
      if (cell !== null && cell !== '') {
        if (column >= importLimits.maxColumns) tooWide = true;
        else cells[column] = cell;
      }
    };

    const xml = new XmlPart(this.fileName, sheet.part, {
      open: (name, attributes) => {
        if (done) return;
        switch (name) {
          case 'row':
            rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
            cells = [];
            tooWide = false;
            nextColumn = 0;
            break;
          case 'c': {
            cellCount += 1;
            if (cellCount > importLimits.maxCells) throw tooMany(this.fileName, 'cells', importLimits.maxCells);
            reference = attributes.r ?? '';
            column = reference ? columnIndex(reference) : nextColumn;
            if (column < 0) column = nextColumn;
            type = attributes.t ?? 'n';
            style = Number(attributes.s ?? 0);
            value = [];
            inline = [];
            break;
          }
          case 'v':
            capture = 'v';
            break;
          case 'is':
            inInline = true;
            break;
          case 'rPh':
            phonetic += 1;
            break;
          case 't':
            if (inInline && phonetic === 0) capture = 't';
            break;
        }
      },
      text: (text) => {
        if (capture === 'v') value.push(text);
        else if (capture === 't') inline.push(text);
      },
      close: (name) => {
        if (done) return;
        switch (name) {
          case 'v':
          case 't':
            capture = null;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic -= 1;
            break;
          case 'c':
            finishCell();
            nextColumn = column + 1;
            break;
          case 'row':
            if (cells.length > 0 || tooWide) {
              rowCount += 1;
              if (rowCount > importLimits.maxRows) throw tooMany(this.fileName, 'rows', importLimits.maxRows);
              for (let index = 0; index < cells.length; index += 1) if (cells[index] === undefined) cells[index] = null;
              ready.push({ row: rowNumber, cells, ...(tooWide ? { tooWide } : {}) });
            }
            break;
          case 'sheetData':
            done = true;
            break;
        }
      },
    }, 'fast');
    for (const chunk of this.chunks(sheet.part, importLimits.maxSheetPartBytes)) {
      xml.write(chunk);
      if (ready.length > 0) {
        const batch = ready.splice(0, ready.length);
        yield* batch;
      }
      if (done) return;
    }
    xml.close();
    yield* ready;
  }
}

/** 27 -> "AB". */
export function columnName(index: number): string {
  let name = '';
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26)) name = String.fromCharCode(65 + ((value - 1) % 26)) + name;
  return name;
}
