import { looksLikeDate } from './dates';
import { knownHeaderCount } from './headers';
import { cellText, isLinkCell, shorten, type Cell, type GridRow } from './table';

/**
 * Where the column names are. A sheet made by hand often starts with a title ("Mes candidatures 2024", merged
 * across the columns), a blank line or a note, then the header row; an export starts with it; some files have none.
 * The header is the row among the first ones that names the most known fields; when no row names one, the first
 * row that is wide and reads like names rather than data; else there is none and every row is data.
 */

/** Rows looked at: a header further down than this is not one a person would expect to be found. */
export const headerSearchRows = 30;

export interface HeaderRow {
  /** The header's row number in the file; null when the file has no header row. */
  row: number | null;
  headers: string[];
}

function nonEmpty(cells: readonly Cell[]): number {
  return cells.filter((cell) => cellText(cell) !== '').length;
}

/** Dates, numbers and links are data; names are words. */
function isDataLike(cell: Cell): boolean {
  if (cell === null) return false;
  if (typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date || isLinkCell(cell)) return true;
  const text = cellText(cell);
  return /^https?:\/\//i.test(text) || /@/.test(text) || /^[\d\s.,€$£%+-]+$/.test(text) || looksLikeDate(cell);
}

function readsLikeNames(row: GridRow): boolean {
  const texts = row.cells.map(cellText).filter(Boolean);
  if (texts.length < 2) return false;
  const distinct = new Set(texts.map((text) => text.toLowerCase())).size;
  return distinct === texts.length && row.cells.every((cell) => !isDataLike(cell)) && texts.every((text) => text.length <= 60);
}

/**
 * Labels of a row of groups above the header (a merged "Contact" over Name, E-mail and Phone), by column: each
 * label covers its merged range, so "Contact" + "E-mail" reads as the contact's e-mail.
 */
function groupLabels(above: GridRow | undefined, header: GridRow, merges: readonly [number, number, number, number][]): Map<number, string> {
  const labels = new Map<number, string>();
  // Groups sit right above the names; a merge across (nearly) the whole table is its title, not a group.
  if (!above || above.row !== header.row - 1) return labels;
  const width = header.cells.length;
  for (const [top, left, bottom, right] of merges) {
    if (above.row < top || above.row > bottom || (right - left + 1) * 5 >= width * 4) continue;
    const label = cellText(above.cells[left] ?? null);
    if (label) for (let column = left; column <= right; column += 1) labels.set(column, label);
  }
  return labels;
}

/**
 * Finds the header among the first rows (`rows`: the first non-empty rows of the file). `chosen` is the user's
 * choice: a row number, or null for "no header".
 */
export function findHeaderRow(rows: readonly GridRow[], merges: readonly [number, number, number, number][] = [], chosen?: number | null): HeaderRow {
  const candidates = rows.slice(0, headerSearchRows);
  let index: number;
  if (chosen === null) index = -1;
  else if (chosen !== undefined) index = candidates.findIndex((row) => row.row === chosen);
  else index = detect(candidates);
  if (index < 0) return { row: null, headers: [] };
  const header = candidates[index];
  const width = header.cells.length;
  const groups = groupLabels(candidates[index - 1], header, merges);
  const headers = Array.from({ length: width }, (_, column) => {
    const name = cellText(header.cells[column] ?? null);
    const group = groups.get(column);
    return group && name && group !== name ? `${group} ${name}` : name;
  });
  return { row: header.row, headers };
}

function detect(rows: readonly GridRow[]): number {
  if (rows.length === 0) return -1;
  // The widest of the first rows: a title or a note is narrower than the table under it.
  const widths = rows.map((row) => nonEmpty(row.cells));
  const tableWidth = Math.max(...widths);
  let best = -1;
  let bestKnown = 0;
  rows.forEach((row, index) => {
    const known = knownHeaderCount(row.cells.map(cellText));
    // A header names at least two fields (or the only one of a narrow file), and is not mostly data.
    const enough = known >= Math.min(2, tableWidth);
    const dataCells = row.cells.filter(isDataLike).length;
    if (enough && known > bestKnown && dataCells < known) {
      best = index;
      bestKnown = known;
    }
  });
  if (best >= 0) return best;
  // No known names: skip the title rows (one cell in a wider table), then the first row that reads like names.
  const first = rows.findIndex((_, index) => widths[index] >= Math.min(2, tableWidth) && (tableWidth < 3 || widths[index] * 2 > tableWidth));
  if (first < 0) return -1;
  return readsLikeNames(rows[first]) && rows.length > first + 1 ? first : -1;
}

/** The first rows, shortened, to let the user choose the header row. */
export function headerCandidates(rows: readonly GridRow[]): { row: number; cells: string[] }[] {
  return rows.slice(0, 10).map((row) => ({ row: row.row, cells: row.cells.slice(0, 8).map((cell) => shorten(cellText(cell), 40)) }));
}

/** How much a sheet looks like a job tracker: the known fields its header names, then its rows. */
export function trackerScore(rows: readonly GridRow[]): number {
  const header = findHeaderRow(rows);
  const known = header.row === null ? 0 : knownHeaderCount(header.headers);
  const dataRows = header.row === null ? rows.length : rows.filter((row) => row.row > header.row!).length;
  return known * 1000 + Math.min(dataRows, 999);
}
