import {
  importLimits,
  type DetectedImportSettings,
  type ImportProblem,
  type ImportSettings,
} from '../../src-shared/contract';
import { parseCsv } from './csv';
import { parseDate } from './dates';
import { decodeText } from './decode';
import { importError } from './errors';
import { looksLikeHeaderRow } from './headers';
import { readJson } from './json';
import { assertLooksLikeText, sniffContainer, textFormat } from './sniff';
import type { LoadedFile } from './source';
import { cellText, isEmptyRow, isLinkCell, toTable, type Cell, type GridRow, type Table } from './table';
import { readWorkbook } from './xlsx';

export interface ParsedTable {
  kind: 'table';
  format: 'csv' | 'xlsx' | 'json';
  fileName: string;
  bytes: number;
  table: Table;
  detected: DetectedImportSettings;
  /** Problems of the file itself, found while reading it (an unclosed quote). */
  problems: ImportProblem[];
}

export interface ParsedBackup {
  kind: 'backup';
  fileName: string;
  bytes: number;
  value: Record<string, unknown>;
  detected: DetectedImportSettings;
}

const noDetection: DetectedImportSettings = {
  encoding: null,
  bom: false,
  delimiter: null,
  quoted: false,
  hasHeader: true,
  sheet: null,
  sheets: [],
  dateOrders: {},
};

/** A first row of data rather than names: it holds dates, numbers or links and names no known field. */
function detectHeader(grid: readonly GridRow[]): boolean {
  const first = grid.find((row) => !isEmptyRow(row.cells));
  if (!first) return true;
  if (looksLikeHeaderRow(first.cells.map(cellText))) return true;
  const dataLike = (cell: Cell) =>
    typeof cell === 'number' || cell instanceof Date || isLinkCell(cell) || /^https?:\/\//i.test(cellText(cell)) || parseDate(cell, 'dmy') !== null;
  return !first.cells.some(dataLike);
}

function withTable(
  base: Omit<ParsedTable, 'table' | 'detected' | 'kind'>,
  grid: GridRow[],
  settings: ImportSettings,
  detected: Omit<DetectedImportSettings, 'hasHeader' | 'dateOrders'>,
  headers?: string[],
): ParsedTable {
  const hasHeader = headers ? true : (settings.hasHeader ?? detectHeader(grid));
  const table = headers
    ? { headers, rows: grid.filter((row) => !isEmptyRow(row.cells)) }
    : toTable(grid, hasHeader);
  if (table.headers.length > importLimits.maxColumns) {
    throw importError('VALIDATION', 'too_many_columns', `${base.fileName} has ${table.headers.length} columns; at most ${importLimits.maxColumns} can be read`, {
      fileName: base.fileName,
      columns: table.headers.length,
      limit: importLimits.maxColumns,
    });
  }
  if (table.rows.length === 0) {
    throw importError('VALIDATION', 'no_rows', `${base.fileName} has no rows to import`, { fileName: base.fileName });
  }
  // Date orders are detected later, for the columns mapped to dates only (reading every cell as a date is not free).
  return { kind: 'table', ...base, table, detected: { ...detected, hasHeader, dateOrders: {} } };
}

/**
 * Reads a picked file into a table (or a Candid backup), detecting the format by its bytes, then the encoding,
 * delimiter, header row and date orders; `settings` overrides any of them.
 */
export async function parseFile(
  file: LoadedFile,
  settings: ImportSettings,
  isBackup: (value: Record<string, unknown>) => boolean,
): Promise<ParsedTable | ParsedBackup> {
  const { bytes, fileName } = file;
  const base = { fileName, bytes: bytes.length, problems: [] as ImportProblem[] };
  if (sniffContainer(bytes, fileName) === 'xlsx') {
    const workbook = await readWorkbook(bytes, fileName);
    const withData = workbook.sheets.find((name) => workbook.grid(name).some((row) => !isEmptyRow(row.cells)));
    const sheet = settings.sheet ?? withData;
    if (!sheet) throw importError('VALIDATION', 'empty_workbook', `${fileName} has no sheet with data`, { fileName });
    return withTable({ ...base, format: 'xlsx' }, workbook.grid(sheet), settings, {
      ...noDetection,
      sheet,
      sheets: workbook.sheets,
    });
  }

  const decoded = decodeText(bytes, settings.encoding);
  assertLooksLikeText(decoded.text, fileName);
  const textDetection = { ...noDetection, encoding: decoded.encoding, bom: decoded.bom };
  if (textFormat(decoded.text) === 'json') {
    const json = readJson(decoded.text, fileName, isBackup);
    if (json.kind === 'object') return { kind: 'backup', fileName, bytes: bytes.length, value: json.value, detected: textDetection };
    return withTable({ ...base, format: 'json' }, json.grid, settings, textDetection, json.headers);
  }

  const csv = parseCsv(decoded.text, settings.delimiter);
  const parsed = withTable({ ...base, format: 'csv' }, csv.grid, settings, { ...textDetection, delimiter: csv.delimiter, quoted: csv.quoted });
  for (const row of csv.unclosedQuoteRows) {
    parsed.problems.push({
      row,
      column: null,
      field: null,
      code: 'malformed_row',
      severity: 'error',
      value: null,
      message: `A quote opened on row ${row} is never closed: the rest of the file would be read as one value`,
    });
  }
  return parsed;
}
