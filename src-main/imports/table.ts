/**
 * What every reader (CSV, XLSX, JSON) turns a file into: rows of cells with the row number the user sees.
 */

/** A hyperlink cell of a workbook: the text shown and where it points. */
export interface LinkCell {
  text: string;
  link: string;
}
/** A number a workbook formats as money: its number format names the currency. */
export interface MoneyCell {
  amount: number;
  currency: string;
}
export type Cell = string | number | boolean | Date | LinkCell | MoneyCell | null;

export interface GridRow {
  /** Row as the user sees it: spreadsheet line, CSV record, or item number of a JSON array. */
  row: number;
  cells: Cell[];
  /** Columns whose text was longer than the cell limit and was cut. */
  cut?: number[] | null;
}

export function isLinkCell(cell: Cell): cell is LinkCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'link' in cell;
}

export function isMoneyCell(cell: Cell): cell is MoneyCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && 'currency' in cell;
}

/** The text of a cell as the user would read it. Dates read as YYYY-MM-DD (they are calendar dates). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (isMoneyCell(cell)) return String(cell.amount);
  return cell.text.trim();
}

/** For a link field: where a hyperlink cell points, else its text. */
export function cellLink(cell: Cell): string {
  return isLinkCell(cell) && cell.link ? cell.link.trim() : cellText(cell);
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cellText(cell) === '');
}

/** Text shortened for showing (previews, problem lists): a huge cell is never echoed whole. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
