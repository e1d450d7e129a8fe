import type { ExportLanguage } from '../../src-shared/contract';
import { exportLabels, type ExportLabels } from './labels';
import { neutraliseFormula } from './formula';
import type { ColumnKind, RawValue } from './table';
import { calendarDateValue, WallClock } from './wall-clock';

/** What turning stored values into cells needs besides the value. */
export interface CellContext {
  labels: ExportLabels;
  clock: WallClock;
}

export function cellContext(language: ExportLanguage, timeZone?: string): CellContext {
  return { labels: exportLabels(language), clock: new WallClock(timeZone) };
}

/** Excel refuses cells longer than this. */
export const excelCellLimit = 32_767;

export const isHttpUrl = (text: string) => /^https?:\/\/\S+$/i.test(text);

export function truncateForExcel(text: string, suffix: string): string {
  return text.length <= excelCellLimit ? text : text.slice(0, excelCellLimit - suffix.length) + suffix;
}

/** A cell's value as the workbook writer takes it (exceljs's shapes): a link is its text and its target. */
export type ExcelValue = string | number | boolean | Date | { text: string; hyperlink: string } | null | undefined;

/**
 * A typed Excel cell: numbers stay numbers, dates become Excel dates, links become hyperlinks, and text is a string
 * cell. Text is written as it is, with no apostrophe: the workbook writer (workbook.ts) writes a string as
 * `<c t="str"><v>…</v></c>`, a value with no `<f>` element, and a spreadsheet only ever evaluates an `<f>`, so
 * `=HYPERLINK(…)` shows as that text and never runs (test/exports/excel-text-cells.test.ts reads the XML).
 * CSV has no cell types: there the apostrophe stays (csvText).
 */
export function excelCell(kind: ColumnKind, raw: RawValue, context: CellContext): ExcelValue {
  if (raw === null || raw === '') return null;
  switch (kind) {
    case 'integer':
    case 'money':
    case 'number':
    case 'decimal':
    case 'percent':
      return raw;
    case 'boolean':
      return raw === 1 || raw === '1';
    case 'date':
      return calendarDateValue(String(raw)) ?? String(raw);
    case 'dateTime':
      return context.clock.toWallDate(raw) ?? String(raw);
    case 'url': {
      const text = String(raw);
      return isHttpUrl(text) ? { text, hyperlink: text } : text;
    }
    case 'longText':
      return truncateForExcel(String(raw), context.labels.files.exports.truncated);
    case 'text':
      return String(raw);
  }
}

/** The same value as CSV text: ISO dates, local date-times, plain numbers, Yes/No in the user's language. */
export function csvText(kind: ColumnKind, raw: RawValue, context: CellContext): string {
  if (raw === null) return '';
  switch (kind) {
    case 'integer':
    case 'money':
    case 'number':
    case 'decimal':
    case 'percent':
      return typeof raw === 'number' ? String(raw) : neutraliseFormula(raw);
    case 'boolean':
      return context.labels.yesNo(raw === 1 || raw === '1');
    case 'dateTime':
      return context.clock.toWallText(raw) ?? neutraliseFormula(String(raw));
    case 'date':
    case 'url':
    case 'longText':
    case 'text':
      return neutraliseFormula(String(raw));
  }
}
