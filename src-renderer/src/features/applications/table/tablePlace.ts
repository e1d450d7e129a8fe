import { pageSize } from './firstPage';

/** Height of a row of the table, in pixels (the header row has the same). */
export const rowHeight = 40;

/** Where the table was scrolled to, and its active cell. */
export interface TablePlace {
  top: number;
  active: number;
  col: number;
}

/**
 * The place of each view (its filters and sort) this session: leaving for an application's page and coming back
 * finds the table where it was, not at its first row. In memory only: a new window starts at the top.
 */
const places = new Map<string, TablePlace>();
const viewsKept = 20;

export function rememberPlace(viewKey: string, place: TablePlace): void {
  places.delete(viewKey);
  places.set(viewKey, place);
  if (places.size > viewsKept) places.delete(places.keys().next().value as string);
}

export function placeOf(viewKey: string): TablePlace | undefined {
  return places.get(viewKey);
}

/** The rows whose pages to ask for before the table has measured itself: those around a remembered place. */
export function rowsAround(place: TablePlace | undefined): { start: number; end: number } {
  const first = Math.floor((place?.top ?? 0) / rowHeight);
  const start = Math.floor(Math.max(first - 12, 0) / pageSize) * pageSize;
  const end = (Math.floor((first + 50) / pageSize) + 1) * pageSize - 1;
  return { start, end };
}
