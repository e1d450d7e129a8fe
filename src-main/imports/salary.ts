import type { SalaryPeriod } from '../../src-shared/contract';
import { cellText, isMoneyCell, type Cell } from './table';

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
  [/\bcad\b|c\$|ca\$/i, 'CAD'],
  [/\baud\b|a\$|au\$/i, 'AUD'],
  [/\$|\busd\b/i, 'USD'],
  [/\b(jpy|yen)\b|¥/i, 'JPY'],
  [/₹|\binr\b/i, 'INR'],
];
/** ISO 4217 codes written in words ("55000 SEK"); any other three capitals (TJM, CDI) are not a currency. */
const isoCodes = new Set(['CNY', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'BRL', 'MXN', 'ZAR', 'SGD', 'HKD', 'NZD', 'ILS', 'AED', 'MAD', 'TND', 'XOF', 'XAF', 'TRY', 'KRW']);

/** A period word standing alone (letters may not touch it), or after a slash whatever precedes it ("brut/an"). */
function period(words: string, slashed: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${words})(?!\\p{L})|/\\s?(?:${slashed})(?!\\p{L})`, 'iu');
}

const periods: [RegExp, SalaryPeriod][] = [
  [period(String.raw`per hour|hourly|an hour|per hr|de l'?heure|par heure|horaire|taux horaire`, 'h|hr|hrs|hour|heure'), 'hour'],
  [period(String.raw`per day|daily|a day|par jour|journalier|tjm`, 'j|jr|jour|d|day'), 'day'],
  [period(String.raw`per month|monthly|a month|par mois|mensuel|mensuelle`, 'm|mo|mth|month|mois'), 'month'],
  [period(String.raw`per year|yearly|annual|annually|a year|per annum|p\.?a\.?|par an|annuel|annuelle|brut annuel`, 'an|y|yr|year|annum'), 'year'],
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

export function currencyOfText(text: string): string | null {
  const symbol = currencySymbols.find(([pattern]) => pattern.test(text))?.[1];
  if (symbol) return symbol;
  return text.match(/\b[A-Z]{3}\b/g)?.find((code) => isoCodes.has(code)) ?? null;
}

export function periodOfText(text: string): SalaryPeriod | null {
  return periods.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/**
 * Reads a salary as people write it: a number, "45k", "40-45k€", "40 000 – 45 000 € brut annuel", "3000€/mois",
 * "$120,000", "$50/hr"; a workbook amount keeps the currency of its number format. Returns null when there is no
 * amount. Amounts are rounded to whole units.
 */
export function parseSalary(cell: Cell): ParsedSalary | null {
  if (typeof cell === 'number' || isMoneyCell(cell)) {
    const amount = typeof cell === 'number' ? cell : cell.amount;
    const currency = typeof cell === 'number' ? null : cell.currency;
    return Number.isFinite(amount) && amount >= 0 ? { min: Math.round(amount), max: Math.round(amount), currency, period: null } : null;
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
  return { min: Math.min(...values), max: Math.max(...values), currency: currencyOfText(text), period: periodOfText(text) };
}
