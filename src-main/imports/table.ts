/**
 * What every reader (CSV, XLSX, JSON) turns a file into: a grid of cells with the row number the user sees,
 * then a table of headers and data rows.
 */

/** A hyperlink cell of a workbook: the text shown and where it points. */
export interface LinkCell {
  text: string;
  link: string;
}
export type Cell = string | number | boolean | Date | LinkCell | null;

export interface GridRow {
  /** Row as the user sees it: spreadsheet line, CSV record, or item number of a JSON array. */
  row: number;
  cells: Cell[];
}

export interface Table {
  headers: string[];
  rows: GridRow[];
}

export function isLinkCell(cell: Cell): cell is LinkCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

/** The text of a cell as the user would read it. Dates read as YYYY-MM-DD (they are calendar dates). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cell.text.trim();
}

/** For a link field: where a hyperlink cell points, else its text. */
export function cellLink(cell: Cell): string {
  return isLinkCell(cell) && cell.link ? cell.link.trim() : cellText(cell);
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
}

/**
 * Splits the grid into headers and rows: empty rows are dropped (they keep their numbers for the others), the
 * width is the widest row, and columns that have neither a header nor a value anywhere are dropped.
 */
export function toTable(grid: readonly GridRow[], hasHeader: boolean): Table {
  const rows = grid.filter((row) => !isEmptyRow(row.cells));
  const width = rows.reduce((max, row) => Math.max(max, row.cells.length), 0);
  const headerRow = hasHeader ? rows.shift() : undefined;
  const used: number[] = [];
  for (let column = 0; column < width; column += 1) {
    const named = headerRow !== undefined && cellText(headerRow.cells[column] ?? null) !== '';
    if (named || rows.some((row) => cellText(row.cells[column] ?? null) !== '')) used.push(column);
  }
  return {
    headers: used.map((column) => (headerRow ? cellText(headerRow.cells[column] ?? null) : '')),
    rows: rows.map((row) => ({ row: row.row, cells: used.map((column) => row.cells[column] ?? null) })),
  };
}
