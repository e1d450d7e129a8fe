import type { ColumnDates, DateOrder } from '../../src-shared/contract';
import { nameKey } from '../../src-shared/text';
import { cellText, isLinkCell, type Cell } from './table';

/**
 * Dates as people type them in spreadsheets: ISO (2024-03-12), slashes (12/03/2024 or 03/12/2024 — which one is
 * decided per column by looking at all its values), month names in English or French (12 mars 2024, March 12,
 * 2024), Excel serial numbers (45363) and real date cells of a workbook. Everything becomes YYYY-MM-DD.
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
const weekdays = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'lun', 'mer', 'jeu', 'ven', 'sam', 'dim', 'le', 'the', 'of', 'de', 'du']);

/** Serial numbers of 1970-01-01 and 2100-01-01 in Excel's 1900 date system: outside, a number is not a date. */
const serialRange = { min: 25_569, max: 73_051 };
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** YYYY-MM-DD when the date exists (no 31 February), else null. */
export function calendarDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  // Two-digit years: 00–69 are this century, 70–99 the last (as spreadsheets read them).
  return year < 70 ? 2000 + year : 1900 + year;
}

const isoPattern = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;
const slashPattern = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,].*)?$/;
const serialPattern = /^\d{5}(?:\.\d+)?$/;

function fromSerial(serial: number): string | null {
  if (serial < serialRange.min || serial >= serialRange.max) return null;
  return new Date(excelEpochMs + Math.floor(serial) * dayMs).toISOString().slice(0, 10);
}

function fromMonthName(text: string): string | null {
  const tokens = nameKey(text)
    .replace(/(\d)(er|st|nd|rd|th)\b/g, '$1')
    .split(/[\s,.\-/]+/)
    .filter((token) => token && !weekdays.has(token));
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

type Reading =
  | { kind: 'exact'; date: string | null }
  | { kind: 'slash'; first: number; second: number; year: number }
  | { kind: 'none' };

/** How a cell reads as a date, before the column's day/month order is known. */
function read(cell: Cell): Reading {
  if (cell === null || typeof cell === 'boolean' || isLinkCell(cell)) return { kind: 'none' };
  if (cell instanceof Date) {
    // Workbook dates are wall-clock dates stored as UTC midnight.
    return { kind: 'exact', date: Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') return { kind: 'exact', date: fromSerial(cell) };
  const text = cellText(cell);
  if (text === '') return { kind: 'none' };
  const iso = isoPattern.exec(text);
  if (iso) return { kind: 'exact', date: calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) };
  const slash = slashPattern.exec(text);
  if (slash) return { kind: 'slash', first: Number(slash[1]), second: Number(slash[2]), year: fullYear(slash[3]) };
  if (serialPattern.test(text)) return { kind: 'exact', date: fromSerial(Number(text)) };
  return { kind: 'exact', date: fromMonthName(text) };
}

/** The date a cell holds, reading slash dates in `order`; null when it is not a (real) date. Empty cells give null. */
export function parseDate(cell: Cell, order: DateOrder): string | null {
  const reading = read(cell);
  if (reading.kind === 'exact') return reading.date;
  if (reading.kind === 'slash') {
    const [day, month] = order === 'dmy' ? [reading.first, reading.second] : [reading.second, reading.first];
    return calendarDay(reading.year, month, day);
  }
  return null;
}

/**
 * Looks at every value of a column: a slash date with a first part above 12 can only be day-first, one with a
 * second part above 12 only month-first. When nothing decides, the order is a guess (day-first, as in French)
 * flagged `ambiguous` so the wizard asks.
 */
export function detectColumnDates(cells: Iterable<Cell>, fallback: DateOrder = 'dmy'): ColumnDates {
  let values = 0;
  let dates = 0;
  let slashes = 0;
  let dayFirstOnly = 0;
  let monthFirstOnly = 0;
  for (const cell of cells) {
    const reading = read(cell);
    if (reading.kind === 'none') continue;
    values += 1;
    if (reading.kind === 'exact') {
      if (reading.date) dates += 1;
      continue;
    }
    slashes += 1;
    const dayFirst = calendarDay(reading.year, reading.second, reading.first) !== null;
    const monthFirst = calendarDay(reading.year, reading.first, reading.second) !== null;
    if (dayFirst || monthFirst) dates += 1;
    if (dayFirst && !monthFirst) dayFirstOnly += 1;
    if (monthFirst && !dayFirst) monthFirstOnly += 1;
  }
  if (slashes === 0) return { order: null, ambiguous: false, mixed: false, dates, values };
  const mixed = dayFirstOnly > 0 && monthFirstOnly > 0;
  const order: DateOrder = dayFirstOnly === monthFirstOnly ? fallback : dayFirstOnly > monthFirstOnly ? 'dmy' : 'mdy';
  return { order, ambiguous: dayFirstOnly === 0 && monthFirstOnly === 0, mixed, dates, values };
}
