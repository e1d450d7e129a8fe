import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ApplicationSummary } from '../../../../../src-shared/contract';
import type { CellContext, Column } from './columns';
import { columnWidthLimits, setColumnWidth, useColumnWidths } from './columnWidths';
import { textMeasurer } from './measure';

/** Rows measured to fit the columns: the first page is what the user sees first. */
const sampledRows = 100;
/** A cell's horizontal padding (var(--space-3) on each side) and a pixel of rounding. */
const cellPadding = 26;
/** A header's padding (the right one leaves room for the resize handle), its sort button's and its chevron. */
const headerChrome = 52;

type MeasureContext = Omit<CellContext, 'active' | 'editingStage'>;

/**
 * The width of each shown column: the user's (remembered per column), else one fitted to its header and the
 * content of the first rows (measured once per language, so the columns do not jump while scrolling), else the
 * column's default. While a handle is dragged, `live` holds the width under the pointer until it is let go.
 */
export function useColumnSizing(
  columns: Column[],
  rowAt: (index: number) => ApplicationSummary | undefined,
  total: number,
  context: MeasureContext,
  gridRef: RefObject<HTMLElement | null>,
  headerLabel: (column: Column) => string,
) {
  const stored = useColumnWidths();
  const language = context.format.date('2020-01-01');
  const [fitted, setFitted] = useState<{ language: string; widths: Record<string, number> }>({ language, widths: {} });
  const [live, setLive] = useState<{ id: string; width: number } | null>(null);

  useLayoutEffect(() => {
    const known = fitted.language === language ? fitted.widths : {};
    const missing = columns.filter((column) => known[column.id] === undefined);
    const grid = gridRef.current;
    // Measured once the first rows are there (an empty list shows no table).
    if (missing.length === 0 || !grid || total === 0 || !rowAt(0)) return;
    const rows: ApplicationSummary[] = [];
    for (let index = 0; index < Math.min(total, sampledRows); index += 1) {
      const row = rowAt(index);
      if (row) rows.push(row);
    }
    const cellWidth = textMeasurer(grid);
    const header = grid.querySelector('.table-header .header-label');
    const headerText = header ? textMeasurer(header) : (text: string) => cellWidth(text, 600);
    const headerWidth = (text: string) => headerText(text);
    const widths: Record<string, number> = { ...known };
    for (const column of missing) {
      let longest = 0;
      if (column.measure) for (const row of rows) longest = Math.max(longest, column.measure(row, { ...context, active: false, editingStage: false }, cellWidth));
      // The header always fits whole; the content up to the column's upper bound (its full text is in a tooltip).
      const header = headerWidth(headerLabel(column)) + headerChrome;
      const content = column.measure ? longest + cellPadding : column.width;
      widths[column.id] = Math.ceil(Math.max(header, Math.min(column.maxWidth, Math.max(column.minWidth, content))));
    }
    setFitted({ language, widths });
  }, [columns, rowAt, total, context, gridRef, headerLabel, fitted, language]);

  const widthOf = (column: Column): number =>
    live?.id === column.id ? live.width : (stored[column.id] ?? (fitted.language === language ? fitted.widths[column.id] : undefined) ?? column.width);
  const widths = columns.map(widthOf);

  return {
    widths,
    // The two fixed columns (selection, favourite), then each column, then the rest of the row's width. A string:
    // the memoized rows compare it by value.
    template: ['40px', '36px', ...widths.map((width) => `${width}px`), 'minmax(0, 1fr)'].join(' '),
    totalWidth: 76 + widths.reduce((sum, width) => sum + width, 0),
    /** While dragging: shows `width` without remembering it. */
    preview: (column: Column, width: number) => setLive({ id: column.id, width: clampWidth(column, width) }),
    /** Remembers the width (end of a drag, a key press). */
    commit: (column: Column, width: number) => {
      setLive(null);
      setColumnWidth(column.id, clampWidth(column, width));
    },
    /** Forgets the user's width: the column fits its content again. */
    fit: (column: Column) => {
      setLive(null);
      setColumnWidth(column.id, null);
    },
  };
}

const clampWidth = (column: Column, width: number) => Math.round(Math.min(columnWidthLimits.max, Math.max(Math.min(column.minWidth, 72), width)));
