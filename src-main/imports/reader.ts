import { importLimits, type CsvDelimiter, type ImportEncoding, type ImportSettings } from '../../src-shared/contract';
import { CsvTokenizer, detectDelimiter, hasQuotes } from './csv';
import { decodeAll, detectEncoding, headText, textChunks } from './decode';
import { importError } from './errors';
import { trackerScore } from './header-row';
import { readJson } from './json';
import { assertLooksLikeText, sniffContainer, textFormat } from './sniff';
import type { ByteSource } from './source';
import { isEmptyRow, type GridRow } from './table';
import { XlsxReader } from './xlsx';

/**
 * A picked file opened for reading: its format and what was detected of it, and its rows, read again from the
 * file each time they are asked for (a first pass analyses, a second checks every row, a third writes), one at a
 * time. Nothing here holds the file: memory does not grow with its size. Every bound of `importLimits` is checked
 * as rows come, with a TOO_LARGE error naming what was too large.
 */

export interface ReadRow extends GridRow {
  /** A quote opened in this CSV record and never closed: the rest of the file was read into it. */
  unclosedQuote?: boolean;
}

export interface FileFacts {
  encoding: ImportEncoding | null;
  bom: boolean;
  delimiter: CsvDelimiter | null;
  quoted: boolean;
  sheet: string | null;
  sheets: string[];
}

export interface TableFile {
  kind: 'table';
  format: 'csv' | 'xlsx' | 'json';
  fileName: string;
  bytes: number;
  facts: FileFacts;
  /** Column names the format gives (JSON keys): there is no header row to look for. */
  fixedHeaders: string[] | null;
  /** The non-empty rows, in order. */
  rows(): Iterable<ReadRow>;
  /** Merged ranges of the sheet (workbooks), as [first row, first column, last row, last column]. */
  merges(): [number, number, number, number][];
}

export interface BackupFile {
  kind: 'backup';
  fileName: string;
  bytes: number;
  value: Record<string, unknown>;
  facts: FileFacts;
}

const noFacts: FileFacts = { encoding: null, bom: false, delimiter: null, quoted: false, sheet: null, sheets: [] };
/** Rows of each sheet looked at to tell which one is the tracker. */
const sheetSampleRows = 40;

function tooMany(fileName: string, what: 'rows' | 'cells', limit: number) {
  return importError('TOO_LARGE', what === 'rows' ? 'too_many_rows' : 'too_many_cells', `${fileName} has more than ${limit} ${what}; split it to import it`, {
    fileName,
    limit,
  });
}

export function tooManyColumns(fileName: string) {
  return importError('VALIDATION', 'too_many_columns', `${fileName} has more than ${importLimits.maxColumns} columns; at most ${importLimits.maxColumns} can be read`, {
    fileName,
    limit: importLimits.maxColumns,
  });
}

/** Counts rows and cells as they come, refusing the file past the limits. */
class Bounds {
  private rows = 0;
  private cells = 0;
  constructor(private readonly fileName: string) {}

  cellsRead(count: number): void {
    this.cells += count;
    if (this.cells > importLimits.maxCells) throw tooMany(this.fileName, 'cells', importLimits.maxCells);
  }

  rowRead(): void {
    this.rows += 1;
    if (this.rows > importLimits.maxRows) throw tooMany(this.fileName, 'rows', importLimits.maxRows);
  }
}

function* csvRows(source: ByteSource, encoding: ImportEncoding, delimiter: CsvDelimiter): Generator<ReadRow> {
  const bounds = new Bounds(source.fileName);
  const ready: ReadRow[] = [];
  const tokenizer = new CsvTokenizer(delimiter, importLimits.maxCellChars, importLimits.maxColumns, (record) => {
    bounds.cellsRead(record.cells.length);
    if (record.tooWide) throw tooManyColumns(source.fileName);
    if (!record.unclosedQuote && isEmptyRow(record.cells)) return;
    bounds.rowRead();
    ready.push({ row: record.row, cells: record.cells, cut: record.cut, ...(record.unclosedQuote ? { unclosedQuote: true } : {}) });
  });
  for (const text of textChunks(source, encoding)) {
    // A NUL is never in a spreadsheet's text: wherever it is, the file is binary (or not in this encoding).
    if (text.includes('\u0000')) {
      throw importError('VALIDATION', 'binary_file', `${source.fileName} does not contain text: it is not a CSV or JSON file`, { fileName: source.fileName });
    }
    // A piece of at most 32 KB of the file (textChunks): records come out a few at a time.
    tokenizer.push(text);
    if (ready.length > 0) yield* ready.splice(0, ready.length);
  }
  tokenizer.end();
  yield* ready;
}

function* xlsxRows(reader: XlsxReader, sheet: string): Generator<ReadRow> {
  for (const row of reader.rows(sheet)) {
    if ((row as { tooWide?: boolean }).tooWide) throw tooManyColumns(reader.sheet(sheet).name);
    yield row;
  }
}

/** The sheet that looks most like a tracker (named fields in its header, then rows); the first on a tie. */
function trackerSheet(reader: XlsxReader): string | null {
  let best: { name: string; score: number } | null = null;
  for (const sheet of reader.sheets) {
    if (sheet.hidden) continue;
    const sample: GridRow[] = [];
    for (const row of reader.rows(sheet.name)) {
      sample.push(row);
      if (sample.length >= sheetSampleRows) break;
    }
    if (sample.length === 0) continue;
    const score = trackerScore(sample);
    if (!best || score > best.score) best = { name: sheet.name, score };
  }
  return best?.name ?? reader.sheets.find((sheet) => !sheet.hidden)?.name ?? null;
}

/**
 * Opens a picked file: a workbook by its bytes (zip), else text (JSON when it opens with [ or {, else CSV) in the
 * detected or chosen encoding. `settings` overrides any detection. The source stays open as long as the caller
 * reads rows; the caller closes it.
 */
export function openTableFile(source: ByteSource, settings: ImportSettings, isBackup: (value: Record<string, unknown>) => boolean): TableFile | BackupFile {
  const { fileName } = source;
  const base = { fileName, bytes: source.size };
  if (sniffContainer(source.read(0, 512), fileName) === 'xlsx') {
    const reader = new XlsxReader(source);
    const sheet = settings.sheet ?? trackerSheet(reader);
    if (!sheet) throw importError('VALIDATION', 'empty_workbook', `${fileName} has no sheet with data`, { fileName });
    reader.sheet(sheet);
    return {
      kind: 'table',
      format: 'xlsx',
      ...base,
      facts: { ...noFacts, sheet, sheets: reader.sheets.map((entry) => entry.name) },
      fixedHeaders: null,
      rows: () => xlsxRows(reader, sheet),
      merges: () => reader.merges(sheet),
    };
  }

  const detected = detectEncoding(source);
  const encoding = settings.encoding ?? detected.encoding;
  const head = headText(source, encoding);
  assertLooksLikeText(head, fileName);
  if (textFormat(head) === 'json') {
    const decoded = decodeAll(source, encoding);
    const facts = { ...noFacts, encoding, bom: decoded.bom };
    const json = readJson(decoded.text, fileName, isBackup);
    if (json.kind === 'object') return { kind: 'backup', ...base, value: json.value, facts };
    return { kind: 'table', format: 'json', ...base, facts, fixedHeaders: json.headers, rows: () => json.grid, merges: () => [] };
  }

  const text = head.replace(/\r\n?/g, '\n');
  const delimiter = settings.delimiter ?? detectDelimiter(text);
  return {
    kind: 'table',
    format: 'csv',
    ...base,
    facts: { ...noFacts, encoding, bom: encoding === detected.encoding && detected.bom, delimiter, quoted: hasQuotes(text, delimiter) },
    fixedHeaders: null,
    rows: () => csvRows(source, encoding, delimiter),
    merges: () => [],
  };
}
