import type { SalaryPeriod } from '../../src-shared/contract';
import type { Cell } from './table';
import { cellText } from './table';

export interface ParsedSalary {
  min: number;
  max: number;
  currency: string | null;
  period: SalaryPeriod | null;
}

const currencySymbols: [RegExp, string][] = [
  [/€|\beur(os?)?\b/i, 'EUR'],
  [/£|\bgbp\b/i, 'GBP'],
  [/\bchf\b/i, 'CHF'],
  [/\bcad\b|c\$/i, 'CAD'],
  [/\$|\busd\b/i, 'USD'],
  [/\b(jpy|yen)\b|¥/i, 'JPY'],
];

/** Whole words (letters may not touch them on either side; "/mois" after "€" still counts). */
const words = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');

const periods: [RegExp, SalaryPeriod][] = [
  [words(String.raw`per hour|hourly|an hour|de l'?heure|par heure|horaire|/ ?h|/ ?hour|/ ?heure`), 'hour'],
  [words(String.raw`per day|daily|a day|par jour|journalier|tjm|/ ?j|/ ?jour|/ ?day`), 'day'],
  [words(String.raw`per month|monthly|a month|par mois|mensuel|mensuelle|/ ?mois|/ ?m|/ ?month`), 'month'],
  [words(String.raw`per year|yearly|annual|annually|a year|par an|annuel|annuelle|/ ?an|/ ?yr|/ ?year|p\.?a\.?|brut annuel`), 'year'],
];

/** "45 000", "45.000", "45,000" and "45k" are forty-five thousand; "3,5k" is 3 500; "2 800,50" is 2 800.5. */
function amountOf(digits: string, thousands: boolean): number | null {
  const compact = digits.replace(/[\s\u00a0\u202f]/g, '');
  let value: number;
  // A separator followed by exactly three digits groups thousands; otherwise it is the decimal mark.
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact) && !thousands) value = Number(compact.replace(/[.,]/g, ''));
  else {
    const lastSeparator = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
    const normalised =
      lastSeparator < 0 ? compact : compact.slice(0, lastSeparator).replace(/[.,]/g, '') + '.' + compact.slice(lastSeparator + 1);
    value = Number(normalised);
  }
  if (!Number.isFinite(value)) return null;
  return thousands ? value * 1000 : value;
}

/**
 * Reads a salary as people write it: a number, "45k", "40-45k€", "40 000 – 45 000 € brut annuel", "3000€/mois",
 * "$120,000". Returns null when there is no amount. Amounts are rounded to whole units.
 */
export function parseSalary(cell: Cell): ParsedSalary | null {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) && cell >= 0 ? { min: Math.round(cell), max: Math.round(cell), currency: null, period: null } : null;
  }
  const text = cellText(cell);
  if (!text) return null;
  const found = [...text.matchAll(/(\d[\d\s\u00a0\u202f.,]*\d|\d)(?:\s*([kK])(?!\p{L}))?/gu)];
  const amounts: { value: number; thousands: boolean }[] = [];
  for (const match of found.slice(0, 2)) {
    const value = amountOf(match[1].trim(), match[2] !== undefined);
    if (value === null) return null;
    amounts.push({ value, thousands: match[2] !== undefined });
  }
  if (amounts.length === 0) return null;
  // "40-45k": the k of the second amount applies to the first.
  if (amounts.length === 2 && amounts[1].thousands && !amounts[0].thousands && amounts[0].value < 1000) amounts[0].value *= 1000;
  const values = amounts.map((amount) => Math.round(amount.value));
  const currency = currencySymbols.find(([pattern]) => pattern.test(text))?.[1] ?? text.match(/\b[A-Z]{3}\b/)?.[0] ?? null;
  const period = periods.find(([pattern]) => pattern.test(text))?.[1] ?? null;
  return { min: Math.min(...values), max: Math.max(...values), currency, period };
}
