import { valueMappedFields, type ValueMappedField } from '../../src-shared/contract';
import { parseCard } from './cards';
import { holdsDateWithText, looksLikeDate } from './dates';
import { valueKey } from './keys';
import { parseSalary } from './salary';
import { cellText, isLinkCell, isMoneyCell, shorten, type Cell } from './table';
import { isPlaceholder, parseBoolean } from './values';

/**
 * What a column's values look like, from a sample of its rows: how many are dates, yes/no, marks, links, e-mail
 * addresses, phone numbers, amounts, long texts, lists, people's names, board cards, or words of a known vocabulary.
 * The mapping is proposed from this and the header together (propose.ts).
 */
export interface ColumnProfile {
  /** Non-empty values, placeholders (N/A, -) not counted. */
  values: number;
  distinct: number;
  examples: string[];
  dates: number;
  /** Plain numbers that could be spreadsheet date serials (45363): dates only if the header says so. */
  serials: number;
  datesWithText: number;
  booleans: number;
  /** Values that say "done" (x, ✓, yes, true). */
  marks: number;
  links: number;
  /** Links to people's LinkedIn profiles (linkedin.com/in/…), not postings. */
  profiles: number;
  emails: number;
  phones: number;
  money: number;
  numbers: number;
  longTexts: number;
  lists: number;
  names: number;
  cards: number;
  /** Ratings from 1 to 5 (a number, stars, "4/5"). */
  ratings: number;
  averageLength: number;
  /** Values each vocabulary recognises. */
  vocabulary: Record<ValueMappedField, number>;
  /** A few values each vocabulary recognises, to explain a proposal. */
  vocabularyExamples: Record<ValueMappedField, string[]>;
}

const emailPattern = /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i;
const emailInside = /<?\b[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}\b>?/i;
const phonePattern = /^\+?[\d\s().-]{7,20}$/;

/** Whether a cell is a phone number: digits, spaces and ( ) . - only, eight digits at least. */
export function isPhoneNumber(text: string): boolean {
  return phonePattern.test(text) && (text.match(/\d/g)?.length ?? 0) >= 8;
}
const urlPattern = /^(https?:\/\/|www\.)\S+$/i;
const namePattern = /^\p{Lu}[\p{L}'’-]+(?:\s+(?:de |van |von |le |la |du )?\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Levels people write instead of a number (Notion's and Airtable's Low / Medium / High), spread over 1 to 5. */
const ratingWords = new Map(
  (
    [
      [1, ['Low', 'Very low', 'Basse', 'Bas', 'Faible']],
      [3, ['Medium', 'Med', 'Normal', 'Moyenne', 'Moyen', 'Normale']],
      [5, ['High', 'Very high', 'Top', 'Haute', 'Haut', 'Élevée', 'Forte', 'Urgent', 'Urgente']],
    ] as const
  ).flatMap(([rating, words]) => words.map((word) => [valueKey(word), rating] as const)),
);

/** A rating from 1 to 5: "4", "4/5", "★★★★", "High"; null when the text is none. */
export function parseRating(text: string): number | null {
  const value = text.trim();
  const word = ratingWords.get(valueKey(value));
  if (word !== undefined) return word;
  const stars = /^[★⭐*]{1,5}$/u.exec(value);
  if (stars) return [...value].length;
  const number = /^([1-5])(?:\s*\/\s*5)?$/.exec(value);
  return number ? Number(number[1]) : null;
}

export type Recognises = (field: ValueMappedField, key: string) => boolean;

export class ColumnProfiler {
  private readonly profile: ColumnProfile;
  private readonly seen = new Set<string>();
  private totalLength = 0;

  constructor(private readonly recognises: Recognises) {
    const zero = () => Object.fromEntries(valueMappedFields.map((field) => [field, 0])) as Record<ValueMappedField, number>;
    this.profile = {
      values: 0, distinct: 0, examples: [], dates: 0, serials: 0, datesWithText: 0, booleans: 0, marks: 0, links: 0, profiles: 0,
      emails: 0, phones: 0, money: 0, numbers: 0, longTexts: 0, lists: 0, names: 0, cards: 0, ratings: 0, averageLength: 0,
      vocabulary: zero(),
      vocabularyExamples: Object.fromEntries(valueMappedFields.map((field) => [field, []])) as unknown as Record<ValueMappedField, string[]>,
    };
  }

  add(cell: Cell): void {
    const text = cellText(cell);
    if (text === '' || isPlaceholder(text)) return;
    const profile = this.profile;
    profile.values += 1;
    this.totalLength += text.length;
    if (!this.seen.has(text)) {
      if (this.seen.size < 5000) this.seen.add(text);
      if (profile.examples.length < 5) profile.examples.push(shorten(text, 60));
    }
    const link = isLinkCell(cell) ? cell.link : text;
    if (typeof cell === 'number' || /^-?\d+(?:[.,]\d+)?$/.test(text)) {
      profile.numbers += 1;
      if (typeof cell !== 'number' || (cell >= 18_264 && cell < 73_051)) {
        if (/^\d{5}(?:\.\d+)?$/.test(text)) profile.serials += 1;
      }
    } else if (cell instanceof Date || (typeof cell === 'string' && looksLikeDate(cell))) profile.dates += 1;
    else if (holdsDateWithText(cell)) profile.datesWithText += 1;
    const boolean = typeof cell === 'boolean' ? cell : parseBoolean(text);
    if (boolean !== undefined && !/^\d+$/.test(text)) profile.booleans += 1;
    else if (text === '1' || text === '0') profile.booleans += 1;
    if (boolean === true) profile.marks += 1;
    if (urlPattern.test(link)) {
      profile.links += 1;
      if (/linkedin\.com\/in\//i.test(link)) profile.profiles += 1;
    }
    if (emailPattern.test(text) || (emailInside.test(text) && text.length < 120)) profile.emails += 1;
    if (isPhoneNumber(text)) profile.phones += 1;
    if (isMoneyCell(cell) || (/[€$£¥]|\b(?:eur|usd|gbp|chf|k)\b|\d\s*k\b/i.test(text) && parseSalary(cell) !== null)) profile.money += 1;
    if (text.length >= 60) profile.longTexts += 1;
    if (/[,;|]/.test(text) && text.split(/[,;|]/).every((part) => part.trim().length > 0 && part.trim().length <= 30)) profile.lists += 1;
    if (namePattern.test(text) && text.length <= 40) profile.names += 1;
    if (parseCard(text) !== null) profile.cards += 1;
    if (parseRating(text) !== null) profile.ratings += 1;
    // Yes/no values are said by several vocabularies ("No" is a rejection, and on-site work): they tell nothing.
    if (boolean !== undefined) return;
    const key = valueKey(text);
    for (const field of valueMappedFields) {
      if (this.recognises(field, key)) {
        profile.vocabulary[field] += 1;
        const examples = profile.vocabularyExamples[field];
        if (examples.length < 3 && !examples.includes(text)) examples.push(shorten(text, 40));
      }
    }
  }

  result(): ColumnProfile {
    return { ...this.profile, distinct: this.seen.size, averageLength: this.profile.values ? this.totalLength / this.profile.values : 0 };
  }
}

/** The share of a profile's values that have a feature (0 when the column is empty). */
export function share(profile: ColumnProfile, count: number): number {
  return profile.values === 0 ? 0 : count / profile.values;
}
