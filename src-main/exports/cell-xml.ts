import { calendarDateValue } from './wall-clock';
import { isHttpUrl, truncateForExcel, type CellContext } from './cells';
import type { ColumnKind, RawValue } from './table';
import { styleOf } from './xlsx/styles';
import { xmlText } from './xlsx/xml';

/** Days from Excel's day 0 (1899-12-30, in its 1900 date system) to 1970-01-01. */
export const unixEpochSerial = 25_569;
export const dayMs = 86_400_000;
/** The largest time a Date holds, either side of 1970: a date-time beyond it made an invalid Date, and no cell. */
const maxTimeMs = 8.64e15;
/** Distinct calendar dates whose cells a column keeps (a column of dates holds a few thousand days). */
const maxCachedDays = 50_000;

/**
 * One cell of a column as SpreadsheetML, from the value stored (`raw`), in row `rowText`; '' for an empty cell.
 * `row` is the row's number, for the links.
 */
export type CellXml = (raw: RawValue, rowText: string, row: number) => string;

/**
 * What excelCell (cells.ts) and SheetXmlWriter.addRow (workbook.ts) write for a value of a column of `kind`, made in
 * one step: no typed value in between (a Date per date cell, a link object), no switch on the kind and then on the
 * value's type per cell, each cell's fixed text made once per column. The applications sheet and the stage history
 * are 345,000 rows at 100,000 applications: this is the thread's largest share of JavaScript
 * (docs/performance.md). test/exports/cell-xml.test.ts checks that both ways write the same bytes.
 * `link` records a cell's link target (an http(s) text in a url column), which the sheet writes at its end.
 */
export function cellXml(kind: ColumnKind, letter: string, context: CellContext, link: (row: number, target: string) => void): CellXml {
  const style = styleOf(kind) === 0 ? '' : ` s="${styleOf(kind)}"`;
  const open = `<c r="${letter}`;
  const textOpen = `"${style} t="str"><v>`;
  const valueOpen = `"${style}><v>`;
  const close = '</v></c>';
  const text = (value: string, rowText: string) => open + rowText + textOpen + xmlText(value) + close;
  const serial = (wallMs: number, rowText: string) => open + rowText + valueOpen + (unixEpochSerial + wallMs / dayMs) + close;
  switch (kind) {
    case 'integer':
    case 'money':
    case 'number':
    case 'decimal':
    case 'percent':
      return (raw, rowText) => {
        if (raw === null || raw === '') return '';
        if (typeof raw === 'string') return text(raw, rowText);
        return Number.isFinite(raw) ? open + rowText + valueOpen + raw + close : '';
      };
    case 'boolean': {
      const yes = `"${style} t="b"><v>1</v></c>`;
      const no = `"${style} t="b"><v>0</v></c>`;
      return (raw, rowText) => (raw === null || raw === '' ? '' : open + rowText + (raw === 1 || raw === '1' ? yes : no));
    }
    case 'date': {
      // A column's dates repeat (a few thousand days in 100,000 rows): each day is read once.
      const days = new Map<string, number | null>();
      return (raw, rowText) => {
        if (raw === null || raw === '') return '';
        const day = String(raw);
        let ms = days.get(day);
        if (ms === undefined) {
          ms = calendarDateValue(day)?.getTime() ?? null;
          if (days.size < maxCachedDays) days.set(day, ms);
        }
        return ms === null ? text(day, rowText) : serial(ms, rowText);
      };
    }
    case 'dateTime':
      return (raw, rowText) => {
        if (raw === null || raw === '') return '';
        const wall = context.clock.wallMs(raw);
        if (Number.isNaN(wall)) return text(String(raw), rowText);
        return Math.abs(wall) > maxTimeMs ? '' : serial(wall, rowText);
      };
    case 'url':
      return (raw, rowText, row) => {
        if (raw === null || raw === '') return '';
        const value = String(raw);
        if (isHttpUrl(value)) link(row, value);
        return text(value, rowText);
      };
    case 'longText':
      return (raw, rowText) => (raw === null || raw === '' ? '' : text(truncateForExcel(String(raw), context.labels.files.exports.truncated), rowText));
    case 'text':
      return (raw, rowText) => (raw === null || raw === '' ? '' : text(String(raw), rowText));
  }
}
