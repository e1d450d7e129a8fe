import { valueMappedFields, type ValueMappedField } from '../../src-shared/contract';
import { parseCard } from './cards';
import { dateLook } from './dates';
import { hasMoreAsciiLettersThan, valueKey } from './keys';
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

/** A text with more ASCII letters and digits than the longest level's key ("very high") is no rating ("4/5": 2). */
const longestRating = Math.max(2, ...[...ratingWords.keys()].map((key) => key.length));

/** A rating from 1 to 5: "4", "4/5", "★★★★", "High"; null when the text is none. */
export function parseRating(text: string): number | null {
  const value = text.trim();
  if (hasMoreAsciiLettersThan(value, longestRating)) return null;
  const word = ratingWords.get(valueKey(value));
  if (word !== undefined) return word;
  const stars = /^[★⭐*]{1,5}$/u.exec(value);
  if (stars) return [...value].length;
  const number = /^([1-5])(?:\s*\/\s*5)?$/.exec(value);
  return number ? Number(number[1]) : null;
}

export type Recognises = (field: ValueMappedField, key: string) => boolean;

/** The counts of a profile that a value adds one to when it has that feature. */
type Feature = 'numbers' | 'serials' | 'dates' | 'datesWithText' | 'booleans' | 'marks' | 'links' | 'profiles' | 'emails' | 'phones' | 'money' | 'longTexts' | 'lists' | 'names' | 'cards' | 'ratings';

/** What one value adds to its column's profile: its text, its features, the vocabularies that recognise it. */
interface ValueFeatures {
  text: string;
  features: Feature[];
  vocabularies: ValueMappedField[];
}

/** A column's profile asks a value of every feature and every vocabulary: a pure function of the cell. */
function featuresOf(cell: Cell, text: string, recognises: Recognises): ValueFeatures {
  const features: Feature[] = [];
  const link = isLinkCell(cell) ? cell.link : text;
  if (typeof cell === 'number' || /^-?\d+(?:[.,]\d+)?$/.test(text)) {
    features.push('numbers');
    if (typeof cell !== 'number' || (cell >= 18_264 && cell < 73_051)) {
      if (/^\d{5}(?:\.\d+)?$/.test(text)) features.push('serials');
    }
  } else if (cell instanceof Date) features.push('dates');
  else {
    const look = dateLook(cell);
    // Only a text is asked whether it is a date: a link or an amount is one only as a date with words.
    if (look === 'date' && typeof cell === 'string') features.push('dates');
    else if (look === 'date_with_text') features.push('datesWithText');
  }
  const boolean = typeof cell === 'boolean' ? cell : parseBoolean(text);
  if (boolean !== undefined && !/^\d+$/.test(text)) features.push('booleans');
  else if (text === '1' || text === '0') features.push('booleans');
  if (boolean === true) features.push('marks');
  if (urlPattern.test(link)) {
    features.push('links');
    if (/linkedin\.com\/in\//i.test(link)) features.push('profiles');
  }
  if (emailPattern.test(text) || (emailInside.test(text) && text.length < 120)) features.push('emails');
  if (isPhoneNumber(text)) features.push('phones');
  if (isMoneyCell(cell) || (/[€$£¥]|\b(?:eur|usd|gbp|chf|k)\b|\d\s*k\b/i.test(text) && parseSalary(cell) !== null)) features.push('money');
  if (text.length >= 60) features.push('longTexts');
  if (/[,;|]/.test(text) && text.split(/[,;|]/).every((part) => part.trim().length > 0 && part.trim().length <= 30)) features.push('lists');
  if (namePattern.test(text) && text.length <= 40) features.push('names');
  if (parseCard(text) !== null) features.push('cards');
  if (parseRating(text) !== null) features.push('ratings');
  // Yes/no values are said by several vocabularies ("No" is a rejection, and on-site work): they tell nothing.
  if (boolean !== undefined) return { text, features, vocabularies: [] };
  const key = valueKey(text);
  return { text, features, vocabularies: valueMappedFields.filter((field) => recognises(field, key)) };
}

/** Texts whose features a profiler remembers: a column repeats its values (4,995 distinct in the bench's 22,000 cells). */
const rememberedTexts = 5000;

export class ColumnProfiler {
  private readonly profile: ColumnProfile;
  private readonly seen = new Set<string>();
  /** Each text cell's features, null for an empty cell or a placeholder. */
  private readonly told = new Map<string, ValueFeatures | null>();
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

  private featuresOf(cell: Cell): ValueFeatures | null {
    if (typeof cell !== 'string') {
      const text = cellText(cell);
      return text === '' || isPlaceholder(text) ? null : featuresOf(cell, text, this.recognises);
    }
    let told = this.told.get(cell);
    if (told === undefined) {
      const text = cellText(cell);
      told = text === '' || isPlaceholder(text) ? null : featuresOf(cell, text, this.recognises);
      if (this.told.size < rememberedTexts) this.told.set(cell, told);
    }
    return told;
  }

  add(cell: Cell): void {
    const told = this.featuresOf(cell);
    if (told === null) return;
    const { text, features, vocabularies } = told;
    const profile = this.profile;
    profile.values += 1;
    this.totalLength += text.length;
    if (!this.seen.has(text)) {
      if (this.seen.size < 5000) this.seen.add(text);
      if (profile.examples.length < 5) profile.examples.push(shorten(text, 60));
    }
    for (const feature of features) profile[feature] += 1;
    for (const field of vocabularies) {
      profile.vocabulary[field] += 1;
      const examples = profile.vocabularyExamples[field];
      if (examples.length < 3 && !examples.includes(text)) examples.push(shorten(text, 40));
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
