import type { ColumnDates, DateOrder } from '../../src-shared/contract';
import { isPlausibleDay } from '../../src-shared/contract/dates';
import { nameKey } from '../../src-shared/text';
import { cellText, isLinkCell, isMoneyCell, type Cell } from './table';

/**
 * Dates as people type them in spreadsheets: ISO (2024-03-12, with a time or not), slashes (12/03/2024 or
 * 03/12/2024 — which one is decided per column by looking at all its values), month names in English or French
 * (12 mars 2024, March 12, 2024 2:30 PM), Excel serial numbers (45363) and real date cells of a workbook.
 * Everything becomes YYYY-MM-DD. A cell is read as a date only when it holds one date and nothing else but a time:
 * "12/03/2024 relancé", "mars 2024" or "12/03 → 20/03/2024" are reported, never guessed into one date.
 */

const monthNames: [string, number][] = [
  ['janvier', 1], ['janv', 1], ['january', 1], ['jan', 1],
  ['fevrier', 2], ['fevr', 2], ['fev', 2], ['february', 2], ['feb', 2],
  ['mars', 3], ['march', 3], ['mar', 3],
  ['avril', 4], ['avr', 4], ['april', 4], ['apr', 4],
  ['mai', 5], ['may', 5],
  ['juin', 6], ['june', 6], ['jun', 6],
  ['juillet', 7], ['juil', 7], ['july', 7], ['jul', 7],
  ['aout', 8], ['august', 8], ['aug', 8],
  ['septembre', 9], ['september', 9], ['sept', 9], ['sep', 9],
  ['octobre', 10], ['october', 10], ['oct', 10],
  ['novembre', 11], ['november', 11], ['nov', 11],
  ['decembre', 12], ['december', 12], ['dec', 12],
];
const monthByName = new Map(monthNames);
/** Words that may stand around a date without changing it (weekdays, articles, the parts of a time). */
const fillers = new Set([
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'lun', 'mer', 'jeu', 'ven', 'sam', 'dim',
  'le', 'the', 'of', 'de', 'du', 'a', 'at', 'am', 'pm', 'utc', 'gmt', 'h',
]);

/**
 * Serial numbers of 1950-01-01 and 2100-01-01 in Excel's 1900 date system: outside, a number is not a date (a
 * looser span than the plausible one, so that a date cell still reads as a date, then is judged by the bound).
 */
const serialRange = { min: 18_264, max: 73_051 };
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** YYYY-MM-DD when the date exists (no 31 February), else null. Any year of four digits. */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * Whether a date is plausible in a job search: the app's one bound (src-shared/contract/dates.ts), so that an
 * imported date is one the form would take too. A date outside it (31/12/9999) is reported, never stored: such a
 * date once made the dashboard build a series thousands of years long.
 */
export function isPlausibleDate(date: string): boolean {
  return isPlausibleDay(date);
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  // Two-digit years: 00–69 are this century, 70–99 the last (as spreadsheets read them).
  return year < 70 ? 2000 + year : 1900 + year;
}

/** A time of day, with seconds, fraction and zone, as it may follow a date. */
const time = String.raw`\d{1,2}(?:[:h]\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:am|pm|AM|PM)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?`;
const isoPattern = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${time})?$`);
const isoSlashPattern = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ,]+${time})?$`);
const slashPattern = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+${time})?$`);
const serialPattern = /^\d{5}(?:\.\d+)?$/;
/** Anything that looks like a date inside a text, to tell "a date with words" and "two dates" from "no date". */
const embedded = new RegExp(
  [
    String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b`,
    String.raw`\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{1,2}(?:er|st|nd|rd|th)?\s+(?:${monthNames.map(([name]) => name).join('|')})\.?\s+\d{4}\b`,
    String.raw`\b(?:${monthNames.map(([name]) => name).join('|')})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'gi',
);

function fromSerial(serial: number): string | null {
  if (serial < serialRange.min || serial >= serialRange.max) return null;
  return new Date(excelEpochMs + Math.floor(serial) * dayMs).toISOString().slice(0, 10);
}

function fromMonthName(text: string): string | null {
  const tokens = nameKey(text)
    .replace(/(\d)(er|st|nd|rd|th)\b/g, '$1')
    // Times ("2:30", "14h30", "14:30:00") are dropped: a date with a time is still that date.
    .replace(/\b\d{1,2}[:h]\d{2}(?::\d{2})?\b/g, ' ')
    .split(/[\s,.\-/]+/)
    .filter((token) => token && !fillers.has(token));
  let month: number | undefined;
  const numbers: string[] = [];
  for (const token of tokens) {
    if (/^\d+$/.test(token)) numbers.push(token);
    else if (monthByName.has(token) && month === undefined) month = monthByName.get(token);
    else return null;
  }
  if (month === undefined || numbers.length !== 2) return null;
  const yearIndex = numbers.findIndex((token) => token.length === 4);
  if (yearIndex < 0) return null;
  const day = Number(numbers[1 - yearIndex]);
  return calendarDay(Number(numbers[yearIndex]), month, day);
}

/** Why a non-empty cell is not one date. */
export type DateProblem = 'bad_date' | 'date_with_text' | 'two_dates';

type Reading =
  | { kind: 'exact'; date: string }
  | { kind: 'slash'; first: number; second: number; year: number }
  | { kind: 'none'; problem: DateProblem }
  | { kind: 'empty' };

/** Why a text that is not a date is not one: it holds two dates, a date and words, or no date at all. */
function problemOf(text: string): DateProblem {
  const found = text.match(embedded)?.length ?? 0;
  return found >= 2 ? 'two_dates' : found === 1 ? 'date_with_text' : 'bad_date';
}

/**
 * The readings of short texts already read. A file repeats its dates (1,097 distinct days in the bench's 100,000
 * rows), and each cell is read by the plan's pass and again by the check (twice there when a column's order comes
 * from the whole file); a reading is a pure function of the text. Bounded, as values.ts's placeholders: it lives as
 * long as the process (the import's check thread, or main's for a preview).
 */
const readTexts = new Map<string, Readonly<Reading>>();
const readTextsLimit = 20_000;
const readTextLength = 40;

/** How a cell reads as a date, before the column's day/month order is known. Readings are shared: never changed. */
function read(cell: Cell): Readonly<Reading> {
  if (typeof cell !== 'string' || cell.length > readTextLength) return readCell(cell);
  let reading = readTexts.get(cell);
  if (reading === undefined) {
    reading = readCell(cell);
    if (readTexts.size < readTextsLimit) readTexts.set(cell, reading);
  }
  return reading;
}

function readCell(cell: Cell): Reading {
  if (cell === null || typeof cell === 'boolean') return cell === null ? { kind: 'empty' } : { kind: 'none', problem: 'bad_date' };
  if (cell instanceof Date) {
    // Workbook dates are wall-clock dates stored as UTC midnight.
    return Number.isNaN(cell.getTime()) ? { kind: 'none', problem: 'bad_date' } : { kind: 'exact', date: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number' || isMoneyCell(cell)) {
    const date = fromSerial(typeof cell === 'number' ? cell : cell.amount);
    return date ? { kind: 'exact', date } : { kind: 'none', problem: 'bad_date' };
  }
  const text = isLinkCell(cell) ? cell.text.trim() : cellText(cell);
  if (text === '') return { kind: 'empty' };
  const iso = isoPattern.exec(text) ?? isoSlashPattern.exec(text);
  if (iso) {
    const date = calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { kind: 'exact', date } : { kind: 'none', problem: 'bad_date' };
  }
  const slash = slashPattern.exec(text);
  if (slash) return { kind: 'slash', first: Number(slash[1]), second: Number(slash[2]), year: fullYear(slash[3]) };
  if (serialPattern.test(text)) {
    const date = fromSerial(Number(text));
    return date ? { kind: 'exact', date } : { kind: 'none', problem: 'bad_date' };
  }
  const named = fromMonthName(text);
  return named ? { kind: 'exact', date: named } : { kind: 'none', problem: problemOf(text) };
}

export type DateResult = { date: string } | { problem: DateProblem } | null;

/**
 * The date a cell holds, reading slash dates in `order`; null for an empty cell; a problem when it is not exactly
 * one real date. The date is not checked for plausibility here (see `isPlausibleDate`).
 */
export function parseDate(cell: Cell, order: DateOrder): DateResult {
  const reading = read(cell);
  switch (reading.kind) {
    case 'empty':
      return null;
    case 'exact':
      return { date: reading.date };
    case 'none':
      return { problem: reading.problem };
    case 'slash': {
      const [day, month] = order === 'dmy' ? [reading.first, reading.second] : [reading.second, reading.first];
      const date = calendarDay(reading.year, month, day);
      return date ? { date } : { problem: 'bad_date' };
    }
  }
}

/** Whether a cell reads as a slash date (12/03/2024): which part is the day, its column's order says. */
export function readsAsSlashDate(cell: Cell): boolean {
  return read(cell).kind === 'slash';
}

/** Whether a cell reads as one date in some order (for guessing what a column holds). */
export function looksLikeDate(cell: Cell): boolean {
  return dateLook(cell) === 'date';
}

/**
 * How a cell reads for guessing what a column holds: one date in some order, a date among words or two dates, or
 * neither; from one reading (a text over 40 characters is read anew each time it is asked: `read`).
 */
export function dateLook(cell: Cell): 'date' | 'date_with_text' | null {
  const reading = read(cell);
  if (reading.kind === 'exact') return 'date';
  if (reading.kind === 'slash') {
    return calendarDay(reading.year, reading.second, reading.first) !== null || calendarDay(reading.year, reading.first, reading.second) !== null ? 'date' : null;
  }
  return reading.kind === 'none' && reading.problem !== 'bad_date' ? 'date_with_text' : null;
}

/** Counts the day/month evidence of a column's values, a value at a time (the order is decided at the end). */
export class DateOrderEvidence {
  private values = 0;
  private dates = 0;
  private slashes = 0;
  private dayFirstOnly = 0;
  private monthFirstOnly = 0;

  add(cell: Cell): void {
    const reading = read(cell);
    if (reading.kind === 'empty') return;
    this.values += 1;
    if (reading.kind === 'exact') {
      this.dates += 1;
      return;
    }
    if (reading.kind === 'none') return;
    this.slashes += 1;
    const dayFirst = calendarDay(reading.year, reading.second, reading.first) !== null;
    const monthFirst = calendarDay(reading.year, reading.first, reading.second) !== null;
    if (dayFirst || monthFirst) this.dates += 1;
    if (dayFirst && !monthFirst) this.dayFirstOnly += 1;
    if (monthFirst && !dayFirst) this.monthFirstOnly += 1;
  }

  /** How many more of its dates can only be month-first than only day-first. */
  monthFirstLean(): number {
    return this.monthFirstOnly - this.dayFirstOnly;
  }

  /**
   * A slash date with a first part above 12 can only be day-first, one with a second part above 12 only
   * month-first. When nothing decides, the order is a guess (`fallback`) flagged `ambiguous` so the wizard asks.
   */
  result(fallback: DateOrder = 'dmy'): ColumnDates {
    const { values, dates, slashes, dayFirstOnly, monthFirstOnly } = this;
    if (slashes === 0) return { order: null, ambiguous: false, mixed: false, dates, values };
    const mixed = dayFirstOnly > 0 && monthFirstOnly > 0;
    const order: DateOrder = dayFirstOnly === monthFirstOnly ? fallback : dayFirstOnly > monthFirstOnly ? 'dmy' : 'mdy';
    return { order, ambiguous: dayFirstOnly === 0 && monthFirstOnly === 0, mixed, dates, values };
  }
}

/** The evidence of a whole column at once. */
/**
 * The order a file's other date columns point to, for a column where nothing decides: a US sheet whose applied
 * dates are all 3/4/2024-like but whose response dates say 3/14/2024 is month-first throughout. Day-first when
 * the file does not tell.
 */
export function fileDateOrder(columns: Iterable<DateOrderEvidence>): DateOrder {
  let lean = 0;
  for (const column of columns) lean += column.monthFirstLean();
  return lean > 0 ? 'mdy' : 'dmy';
}

export function detectColumnDates(cells: Iterable<Cell>, fallback: DateOrder = 'dmy'): ColumnDates {
  const evidence = new DateOrderEvidence();
  for (const cell of cells) evidence.add(cell);
  return evidence.result(fallback);
}
