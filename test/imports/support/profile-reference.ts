/**
 * The plan's column profiler as it was before session 20 (every cell asked every question, its key folded up to
 * three times), kept to check that the one that remembers each text's features (src-main/imports/profile.ts) gives
 * exactly the same profiles (test/imports/profile-reference.test.ts). Its yes/no and rating readers are kept too,
 * before their shortcut for texts with many ASCII letters, and its two date questions, asked of `parseDate` (an
 * exact reading is a date in either order, a slash date one in either order, any other text a problem).
 */
import { valueMappedFields, type ValueMappedField } from '../../../src-shared/contract';
import { parseCard } from '../../../src-main/imports/cards';
import { parseDate } from '../../../src-main/imports/dates';
import { valueKey } from '../../../src-main/imports/keys';
import { isPhoneNumber, type ColumnProfile, type Recognises } from '../../../src-main/imports/profile';
import { parseSalary } from '../../../src-main/imports/salary';
import { cellText, isLinkCell, isMoneyCell, shorten, type Cell } from '../../../src-main/imports/table';
import { isPlaceholder } from '../../../src-main/imports/values';

function looksLikeDate(cell: Cell): boolean {
  const dayFirst = parseDate(cell, 'dmy');
  const monthFirst = parseDate(cell, 'mdy');
  return (dayFirst !== null && 'date' in dayFirst) || (monthFirst !== null && 'date' in monthFirst);
}

function holdsDateWithText(cell: Cell): boolean {
  const reading = parseDate(cell, 'dmy');
  return reading !== null && 'problem' in reading && reading.problem !== 'bad_date';
}

const booleanWords: [boolean, string[]][] = [
  [true, ['true', 'yes', 'y', 'x', '1', 'oui', 'o', 'vrai', 'ok', 'done', 'checked', 'favori', 'favorite', 'favourite', '★', '⭐', '✓', '✔', '☑', '✅', '*']],
  [false, ['false', 'no', 'n', '0', 'non', 'faux', 'unchecked', '-', '☐', '❌', '✗', '✘']],
];
const booleanByWord = new Map(booleanWords.flatMap(([value, list]) => list.map((word) => [word, value] as const)));

export function referenceParseBoolean(text: string): boolean | undefined {
  const raw = text.trim().toLowerCase();
  if (raw === '') return false;
  return booleanByWord.get(raw) ?? booleanByWord.get(valueKey(raw));
}

const emailPattern = /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i;
const emailInside = /<?\b[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}\b>?/i;
const urlPattern = /^(https?:\/\/|www\.)\S+$/i;
const namePattern = /^\p{Lu}[\p{L}'’-]+(?:\s+(?:de |van |von |le |la |du )?\p{Lu}[\p{L}'’.-]*){1,3}$/u;

const ratingWords = new Map(
  (
    [
      [1, ['Low', 'Very low', 'Basse', 'Bas', 'Faible']],
      [3, ['Medium', 'Med', 'Normal', 'Moyenne', 'Moyen', 'Normale']],
      [5, ['High', 'Very high', 'Top', 'Haute', 'Haut', 'Élevée', 'Forte', 'Urgent', 'Urgente']],
    ] as const
  ).flatMap(([rating, words]) => words.map((word) => [valueKey(word), rating] as const)),
);

export function referenceParseRating(text: string): number | null {
  const value = text.trim();
  const word = ratingWords.get(valueKey(value));
  if (word !== undefined) return word;
  const stars = /^[★⭐*]{1,5}$/u.exec(value);
  if (stars) return [...value].length;
  const number = /^([1-5])(?:\s*\/\s*5)?$/.exec(value);
  return number ? Number(number[1]) : null;
}

export class ReferenceColumnProfiler {
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
    const boolean = typeof cell === 'boolean' ? cell : referenceParseBoolean(text);
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
    if (referenceParseRating(text) !== null) profile.ratings += 1;
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
