import {
  createApplicationInput,
  customFieldLimits,
  email as emailSchema,
  responseStageCategories,
  type DateOrder,
  type CustomFieldTarget,
  type ImportField,
  type ImportProblem,
  type ImportProblemCode,
  type ImportTarget,
  type ParsedInput,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import { z } from 'zod';
import type { FieldShape } from '../custom-fields/values';
import { cardParts, parseCard } from './cards';
import { choiceOf, parseNumberText } from './custom-fields';
import { isPlausibleDate, parseDate } from './dates';
import { isPhoneNumber, parseRating } from './profile';
import type { ValueResolver } from './resolve';
import { currencyOfText, parseSalary, periodOfText, type ParsedSalary } from './salary';
import { cellLink, cellText, shorten, type Cell, type GridRow } from './table';
import { archivedWords, isPlaceholder, parseBoolean } from './values';

export type CreateInput = ParsedInput<'applications.create'>;

let compiledCreateInput: typeof createApplicationInput | undefined;

/**
 * applications.create's schema as zod compiles it into one function (`z.compile`): a row it accepts is parsed
 * without zod's per-field payloads and issue arrays, the most of the check thread's garbage (0.75 of its 2 GB at
 * 100,000 rows; 1.2 s of CPU against 0.36 s for the bench's rows). A row it would refuse goes through zod's own
 * parser, which reports the same issues; what it accepts is what the schema outputs
 * (test/imports/compiled-input.test.ts). Compiled when a first row is checked (10 to 30 ms), not by every process
 * that loads this file.
 */
export function createInputSchema(): typeof createApplicationInput {
  return (compiledCreateInput ??= z.compile(createApplicationInput));
}

/** Everything a row needs to become an application, decided once per file. */
export interface RowPlan {
  headers: readonly string[];
  columnsOf: ReadonlyMap<ImportTarget, readonly number[]>;
  /** The custom fields the mapping names, by target. */
  customFields: ReadonlyMap<CustomFieldTarget, FieldShape>;
  /** Columns whose values go to the notes as "Header: value" (unmapped ones, when asked). */
  extraNoteColumns: readonly number[];
  dateOrder(column: number): DateOrder;
  values: ValueResolver;
  /** The value key, remembered: a file repeats the same values thousands of times. */
  keyOf(text: string): string;
  defaultCurrency: string;
  /** The stage of each step or card column (null: not known). */
  columnStages: ReadonlyMap<number, { id: string; category: StageCategory } | null>;
  /** Board files: which side of "A — B" cards is the company. */
  cardOrder: 'company-first' | 'position-first';
}

/** One stage the application went through, with the day the file gives for it (null: the file does not say). */
export interface HistoryStep {
  stageId: string;
  category: StageCategory;
  on: string | null;
}

export interface ContactDraft {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
}

export interface ConvertedRow {
  row: number;
  /** On a board, the column of the card (each card is an application); null for a row. */
  column: number | null;
  /** The validated input of applications.create; null when the row cannot be imported (its errors say why). */
  input: CreateInput | null;
  /** The stages it went through, in order: the first is where it starts, the last where it stands. */
  history: HistoryStep[];
  contact: ContactDraft | null;
  /** The values of the custom fields, checked by their kind (a choice as its option's id). */
  customValues: { fieldId: string; value: string | number }[];
  problems: ImportProblem[];
  /** What duplicates are judged on (present when company and position are). */
  identity: { companyName: string; position: string; postingUrl: string | null } | null;
}

/** Contract field of applications.create -> the import field it comes from, to place zod's issues on columns. */
const fieldOfInput: Record<string, ImportField> = {
  companyName: 'company',
  position: 'position',
  appliedOn: 'appliedOn',
  deadline: 'deadline',
  stageId: 'stage',
  employmentType: 'employmentType',
  workMode: 'workMode',
  schedule: 'schedule',
  location: 'location',
  source: 'source',
  postingUrl: 'postingUrl',
  notes: 'notes',
  description: 'description',
  salaryMin: 'salary',
  salaryMax: 'salary',
  salaryCurrency: 'salary',
  salaryPeriod: 'salary',
  tags: 'tags',
  requiredSkills: 'requiredSkills',
  preferredSkills: 'preferredSkills',
  experienceYears: 'experienceYears',
  resumeVersion: 'resumeVersion',
  favorite: 'favorite',
  archived: 'archived',
  priority: 'priority',
  excitement: 'excitement',
};

/** The longest text each text field takes (as applications.create): longer text is cut, the whole kept in notes. */
const textLimits = { companyName: 200, position: 200, location: 200, source: 80, description: 200_000, resumeVersion: 120 } as const;
/** As applications.create takes them: at most 50 tags of at most 60 characters, 100 skills of at most 80. */
const tagLimits = { length: 60, count: 50 } as const;
const skillLimits = { length: 80, count: 100 } as const;
/** The most years of experience a posting asks (as applications.create). */
const experienceLimit = 60;
const notesLimit = 200_000;
const errorCodes: ReadonlySet<ImportProblemCode> = new Set(['missing_required', 'malformed_row', 'unmapped_required']);

const problemMessages: Record<ImportProblemCode, string> = {
  missing_required: 'is required',
  bad_date: 'is not a date: kept in the notes',
  date_with_text: 'holds a date among other words: kept in the notes',
  two_dates: 'holds two dates: kept in the notes',
  implausible_date: 'is not a plausible date: kept in the notes',
  unknown_value: 'is not a known value: kept in the notes until you choose what it means',
  too_long: 'is too long: cut, the whole text kept in the notes',
  cut: 'was cut at the longest text a cell may hold',
  bad_url: 'is not a web address: kept in the notes',
  bad_number: 'is not a number',
  bad_boolean: 'is not yes or no: kept in the notes',
  bad_salary: 'is not an amount: kept in the notes',
  bad_email: 'is not an e-mail address: kept in the notes',
  not_a_number: 'is not a number: kept in the notes',
  unknown_choice: 'is none of the choices: kept in the notes',
  response_before_applied: 'is before the application date: kept in the notes',
  invalid: 'is not valid: kept in the notes',
  unmapped_required: 'no column is mapped to this field',
  malformed_row: 'cannot be read',
};

/** A web address typed without its scheme ("www.site.com/job") gets https://. */
function normaliseLink(text: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return /^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(text) ? `https://${text}` : text;
}

function isHttpUrl(text: string): boolean {
  if (text.length > 2048) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item && !isPlaceholder(item));
}

const splitTags = (text: string) => splitList(text, /[,;|\n]/);
/** Skills pasted from a posting are often bulleted ("Python • SQL"). */
const splitSkills = (text: string) => splitList(text, /[,;|\n•·]/);

type WordListField = 'tags' | 'requiredSkills' | 'preferredSkills';
const wordLists: Record<WordListField, { split: (text: string) => string[]; limits: { length: number; count: number } }> = {
  tags: { split: splitTags, limits: tagLimits },
  requiredSkills: { split: splitSkills, limits: skillLimits },
  preferredSkills: { split: splitSkills, limits: skillLimits },
};

/** A list's words: the same word once whatever its case, those within the limits kept, the others joined to report. */
function wordListOf(field: WordListField, words: readonly string[]): { kept: readonly string[]; dropped: string } {
  const { limits } = wordLists[field];
  const unique = [...new Map(words.map((word) => [word.toLocaleLowerCase(), word])).values()];
  const kept = unique.filter((word) => word.length <= limits.length).slice(0, limits.count);
  return { kept, dropped: unique.filter((word) => !kept.includes(word)).join(', ') };
}

/**
 * The lists of the texts of one column already told, by field: a column of tags repeats a few thousand texts over
 * 100,000 rows (2,626 in the bench's file), each split, folded and checked again before. Bounded like values.ts's
 * placeholders (it lives as long as the process); the lists are shared, so the conversion copies them.
 */
const toldWordLists = new Map<WordListField, Map<string, { kept: readonly string[]; dropped: string }>>();
const toldWordListsLimit = 10_000;
const toldWordListLength = 200;

function toldWordList(field: WordListField, text: string): { kept: readonly string[]; dropped: string } {
  if (text.length > toldWordListLength) return wordListOf(field, wordLists[field].split(text));
  let told = toldWordLists.get(field);
  if (told === undefined) toldWordLists.set(field, (told = new Map()));
  let list = told.get(text);
  if (list === undefined) {
    list = wordListOf(field, wordLists[field].split(text));
    if (told.size < toldWordListsLimit) told.set(text, list);
  }
  return list;
}

/** What one stage column of a row says. */
interface Status {
  stageId: string;
  key: string;
  column: number;
}

/** How far along the way to a job a category is; outcomes that close an application have no rank. */
const pipelineRank: Partial<Record<StageCategory, number>> = { wishlist: 0, applied: 1, screening: 2, interviewing: 3, offer: 4, accepted: 5 };
const closingCategories: readonly StageCategory[] = ['rejected', 'withdrawn', 'ghosted', 'accepted'];

/** "Jane Doe <jane@acme.com>" or "jane@acme.com (Jane Doe)": the name and the address apart. */
function splitNameAndEmail(text: string): { name: string; email: string | null } {
  const angle = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>(.*)$/.exec(text);
  if (angle) return { name: `${angle[1]} ${angle[3]}`.replace(/[()"]/g, '').trim(), email: angle[2] };
  const bare = /([^\s<>()"',;]+@[^\s<>()"',;]+\.[a-z]{2,})/i.exec(text);
  if (bare) return { name: text.replace(bare[1], '').replace(/[()<>"]/g, '').trim(), email: bare[1] };
  return { name: text, email: null };
}

/** The conversion of one row: reads each mapped field into `input`, noting problems by row and column. */
class RowConversion {
  readonly input: Record<string, unknown> = {};
  readonly problems: ImportProblem[] = [];
  private readonly noteLines: string[] = [];

  constructor(
    private readonly source: GridRow,
    private readonly plan: RowPlan,
    private readonly cardColumn: number | null = null,
  ) {}

  cell(column: number): Cell {
    return this.source.cells[column] ?? null;
  }

  column(field: ImportTarget): number | undefined {
    return this.plan.columnsOf.get(field)?.[0];
  }

  /** The text of a field's column; placeholders (N/A, -, TBD) read as empty. */
  text(field: ImportField): string {
    const column = this.column(field);
    return column === undefined ? '' : this.textAt(column);
  }

  textAt(column: number): string {
    const text = cellText(this.cell(column));
    return isPlaceholder(text) ? '' : text;
  }

  header(column: number): string {
    return this.plan.headers[column] || `#${column + 1}`;
  }

  report(field: ImportTarget | null, column: number | null, code: ImportProblemCode, value: string | null, params?: Record<string, string | number>): void {
    this.problems.push({
      row: this.source.row,
      column: column ?? this.cardColumn,
      field,
      code,
      severity: errorCodes.has(code) ? 'error' : 'warning',
      value: value === null ? null : shorten(value, 120),
      message: `${(field && this.plan.customFields.get(field as CustomFieldTarget)?.name) ?? field ?? 'row'} ${problemMessages[code]}`,
      ...(params ? { params } : {}),
    });
  }

  /** What could not be placed in its field goes to the notes, under its column's name: nothing is lost. */
  keepInNotes(column: number, text: string): void {
    this.noteLines.push(`${this.header(column)}: ${text}`);
  }

  /** A problem with a cell whose text is kept in the notes. */
  keep(field: ImportTarget, column: number, code: ImportProblemCode, text: string, params?: Record<string, string | number>): void {
    this.report(field, column, code, text, params);
    this.keepInNotes(column, text);
  }

  /** Text for a field of applications.create, cut at its limit (the whole kept in the notes). */
  setText(key: keyof typeof textLimits, field: ImportField, column: number | null, text: string): void {
    const max = textLimits[key];
    if (text.length > max) {
      this.input[key] = text.slice(0, max).trim();
      this.report(field, column, 'too_long', text, { max });
      if (column !== null) this.keepInNotes(column, text);
      else this.noteLines.push(text);
    } else this.input[key] = text;
  }

  required(field: 'company' | 'position', key: 'companyName' | 'position'): string {
    const text = this.text(field);
    if (text) this.setText(key, field, this.column(field) ?? null, text);
    else this.report(field, this.column(field) ?? null, 'missing_required', null);
    return text;
  }

  /** A date of a column: one plausible date, else null with the cell reported and kept. */
  dateAt(field: ImportTarget, column: number): string | null {
    const cell = this.cell(column);
    const text = cellText(cell);
    if (text === '' || isPlaceholder(text)) return null;
    const result = parseDate(cell, this.plan.dateOrder(column));
    if (result === null) return null;
    if ('problem' in result) {
      this.keep(field, column, result.problem, text);
      return null;
    }
    if (!isPlausibleDate(result.date)) {
      this.keep(field, column, 'implausible_date', text);
      return null;
    }
    return result.date;
  }

  date(field: 'appliedOn' | 'responseOn' | 'deadline'): string | null {
    const column = this.column(field);
    return column === undefined ? null : this.dateAt(field, column);
  }

  /** The value of a value-mapped column; an unknown one is reported and kept in the notes. */
  value(field: ValueMappedField): { target: string | null; key: string } {
    const column = this.column(field);
    return column === undefined ? { target: null, key: '' } : this.valueAt(field, column);
  }

  /** The status each stage column gives (a status, an outcome beside it), in column order; empty ones left out. */
  statuses(): Status[] {
    return (this.plan.columnsOf.get('stage') ?? []).flatMap((column) => {
      const { target, key } = this.valueAt('stage', column);
      return target === null ? [] : [{ stageId: target, key, column }];
    });
  }

  private valueAt(field: ValueMappedField, column: number): { target: string | null; key: string } {
    const raw = this.textAt(column);
    const key = this.plan.keyOf(raw);
    const { target } = this.plan.values.resolve(field, key, raw);
    if (target === undefined) {
      this.keep(field, column, 'unknown_value', raw);
      return { target: null, key };
    }
    return { target, key };
  }

  link(): void {
    const column = this.column('postingUrl');
    if (column === undefined) return;
    const text = this.textAt(column);
    if (!text) return;
    const link = normaliseLink(cellLink(this.cell(column)));
    if (isHttpUrl(link)) this.input.postingUrl = link;
    else this.keep('postingUrl', column, 'bad_url', link);
  }

  private salaryOf(field: 'salary' | 'salaryMin' | 'salaryMax'): ParsedSalary | null {
    const column = this.column(field);
    if (column === undefined) return null;
    const cell = this.cell(column);
    const text = this.textAt(column);
    if (!text) return null;
    const salary = parseSalary(cell);
    if (!salary) this.keep(field, column, 'bad_salary', text);
    return salary;
  }

  /** One salary column ("40-45k€"), or separate minimum and maximum columns, or both. */
  salary(): void {
    const range = this.salaryOf('salary');
    const low = this.salaryOf('salaryMin');
    const high = this.salaryOf('salaryMax');
    const min = low?.min ?? range?.min ?? high?.min;
    const max = high?.max ?? range?.max ?? low?.max;
    if (min === undefined || max === undefined) return;
    this.input.salaryMin = Math.min(min, max);
    this.input.salaryMax = Math.max(min, max);
    const currency = range?.currency ?? low?.currency ?? high?.currency;
    this.input.salaryCurrency = currency ?? this.salaryWord('salaryCurrency', (text) => currencyOfText(text.toUpperCase()), 'not a currency') ?? this.plan.defaultCurrency;
    const period = range?.period ?? low?.period ?? high?.period ?? this.salaryWord('salaryPeriod', periodOfText, 'not a period');
    if (period) this.input.salaryPeriod = period;
  }

  /** A currency or period column beside the amounts ("EUR", "per year"): what the amounts' own text does not say. */
  private salaryWord<T>(field: 'salaryCurrency' | 'salaryPeriod', read: (text: string) => T | null, reason: string): T | null {
    const column = this.column(field);
    if (column === undefined) return null;
    const text = this.textAt(column);
    if (!text) return null;
    const value = read(text);
    if (value === null) this.keep(field, column, 'invalid', text, { reason });
    return value;
  }

  /** A rating from 1 to 5 (priority, excitement); anything else is kept in the notes. */
  rating(field: 'priority' | 'excitement'): void {
    const column = this.column(field);
    if (column === undefined) return;
    const text = this.textAt(column);
    if (!text) return;
    const rating = parseRating(text);
    if (rating === null) this.keep(field, column, 'bad_number', text);
    else this.input[field] = rating;
  }

  /** A yes/no column (favourite, archived): yes sets the field; anything but yes or no is kept in the notes. */
  yesNo(field: 'favorite' | 'archived'): void {
    const column = this.column(field);
    if (column === undefined) return;
    const cell = this.cell(column);
    const value = typeof cell === 'boolean' ? cell : parseBoolean(this.textAt(column));
    if (value === undefined) this.keep(field, column, 'bad_boolean', cellText(cell));
    else if (value) this.input[field] = true;
  }

  /**
   * A list of words (tags, skills) from one column or several: split, the same word once whatever its case, each
   * at most `limits.length` characters and `limits.count` of them; one too long is kept in the notes.
   */
  wordList(field: WordListField): void {
    const columns = this.plan.columnsOf.get(field);
    if (columns === undefined || columns.length === 0) return;
    const { kept, dropped } = columns.length === 1 ? toldWordList(field, this.textAt(columns[0]!)) : wordListOf(field, columns.flatMap((column) => wordLists[field].split(this.textAt(column))));
    if (kept.length > 0) this.input[field] = [...kept];
    if (dropped !== '') this.keep(field, columns[0]!, 'too_long', dropped, { max: wordLists[field].limits.length });
  }

  /** "3", "3 years", "3+ ans", "3-5 years" (the least the posting asks); anything else is kept in the notes. */
  experience(): void {
    const column = this.column('experienceYears');
    if (column === undefined) return;
    const cell = this.cell(column);
    const text = this.textAt(column);
    if (!text) return;
    const years = typeof cell === 'number' ? cell : Number(/^\D{0,12}?(\d{1,2})(?!\d)/.exec(text)?.[1] ?? Number.NaN);
    if (Number.isInteger(years) && years >= 0 && years <= experienceLimit) this.input.experienceYears = years;
    else this.keep('experienceYears', column, 'not_a_number', text);
  }

  contact(companyName: string): ContactDraft | null {
    const at = (field: ImportField) => (this.column(field) === undefined ? '' : this.text(field));
    let name = at('contactName');
    let email = at('contactEmail');
    if (name) {
      const split = splitNameAndEmail(name);
      name = split.name;
      email ||= split.email ?? '';
    }
    if (email) {
      const split = splitNameAndEmail(email);
      email = split.email ?? email;
      name ||= split.name;
    }
    const role = at('contactRole');
    let phone = at('contactPhone');
    let linkedinUrl = at('contactLinkedin');
    // A "Contact info" column holds an address or a phone number, whichever the person had.
    if (email && !phone && isPhoneNumber(email)) {
      phone = email;
      email = '';
    }
    if (email && !emailSchema.safeParse(email).success) {
      this.keep('contactEmail', this.column('contactEmail') ?? this.column('contactName')!, 'bad_email', email);
      email = '';
    }
    if (linkedinUrl) {
      const link = normaliseLink(cellLink(this.cell(this.column('contactLinkedin')!)));
      if (isHttpUrl(link)) linkedinUrl = link;
      else {
        this.keep('contactLinkedin', this.column('contactLinkedin')!, 'bad_url', linkedinUrl);
        linkedinUrl = '';
      }
    }
    if (!name && !email && !phone && !linkedinUrl) return null;
    // A contact needs a name: the address, else the company's contact.
    const contactName = (name || email || `${companyName} (${phone || linkedinUrl})`).slice(0, 200);
    return { name: contactName, role: role ? role.slice(0, 200) : null, email: email || null, phone: phone ? phone.slice(0, 50) : null, linkedinUrl: linkedinUrl || null };
  }

  /**
   * The custom fields' values, each read by its field's kind: text (cut at its limit, the whole kept in the notes), a
   * number, a plausible date, one of a choice's options (case and accents ignored). Anything else is a warning and
   * its cell kept in the notes, as for the application's own fields.
   */
  customValues(): { fieldId: string; value: string | number }[] {
    const values: { fieldId: string; value: string | number }[] = [];
    for (const [target, field] of this.plan.customFields) {
      const column = this.column(target);
      if (column === undefined) continue;
      const value = this.customValueAt(target, field, column);
      if (value !== null) values.push({ fieldId: field.id, value });
    }
    return values;
  }

  private customValueAt(target: CustomFieldTarget, field: FieldShape, column: number): string | number | null {
    const cell = this.cell(column);
    const text = this.textAt(column);
    if (!text) return null;
    switch (field.kind) {
      case 'text':
        if (text.length > customFieldLimits.text) {
          this.keep(target, column, 'too_long', text, { max: customFieldLimits.text });
          return text.slice(0, customFieldLimits.text).trim();
        }
        return text;
      case 'number': {
        const value = typeof cell === 'number' ? cell : parseNumberText(text);
        if (value === null || !Number.isFinite(value) || Math.abs(value) > customFieldLimits.number) this.keep(target, column, 'not_a_number', text);
        else return value;
        return null;
      }
      case 'date':
        return this.dateAt(target, column);
      case 'choice': {
        const choice = choiceOf(field, text);
        if (choice === null) this.keep(target, column, 'unknown_choice', text, { choices: field.choices.map((option) => option.label).join(', ') });
        return choice;
      }
    }
  }

  /** Several notes columns are told apart by their headers; a single one is taken as it is. Then what was kept aside. */
  notes(): void {
    const noteColumns = this.plan.columnsOf.get('notes') ?? [];
    const lines: string[] = [];
    for (const column of noteColumns) {
      const text = cellText(this.cell(column));
      if (text) lines.push(noteColumns.length > 1 ? `${this.header(column)}: ${text}` : text);
    }
    for (const column of this.plan.extraNoteColumns) {
      const text = cellText(this.cell(column));
      if (text) lines.push(`${this.header(column)}: ${text}`);
    }
    let notes = [...lines, ...this.noteLines].join('\n');
    if (notes.length > notesLimit) {
      this.report('notes', noteColumns[0] ?? null, 'too_long', notes, { max: notesLimit });
      notes = notes.slice(0, notesLimit);
    }
    if (notes) this.input.notes = notes;
  }

  /** Cells the reader cut at the cell limit. */
  reportCuts(): void {
    for (const column of this.source.cut ?? []) {
      const field = [...this.plan.columnsOf.entries()].find(([, columns]) => columns.includes(column))?.[0] ?? null;
      this.report(field, column, 'cut', cellText(this.cell(column)));
    }
  }

  /**
   * The same schema as applications.create. A field it still refuses is left empty and its text kept in the notes
   * (a warning): only a missing company or position costs the row.
   */
  validate(): CreateInput | null {
    if (this.problems.some((problem) => problem.severity === 'error')) return null;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const parsed = createInputSchema().safeParse(this.input);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = fieldOfInput[key] ?? null;
        if (key === 'companyName' || key === 'position' || !(key in this.input)) return null;
        const column = field ? (this.column(field) ?? null) : null;
        const value = this.input[key];
        this.report(field, column, 'invalid', typeof value === 'string' ? value : JSON.stringify(value), { reason: issue.message });
        if (typeof value === 'string' || typeof value === 'number') this.noteLines.push(`${column === null ? key : this.header(column)}: ${value}`);
        delete this.input[key];
        if (key === 'salaryMin' || key === 'salaryMax') {
          delete this.input.salaryMin;
          delete this.input.salaryMax;
          delete this.input.salaryCurrency;
          delete this.input.salaryPeriod;
        }
      }
      delete this.input.notes;
      this.notes();
    }
    return null;
  }
}

/**
 * The stages an application went through, from what the row says: its applied date, its steps (columns of dates or
 * marks), its status, its response date. It starts on the wishlist when it has no status, no applied date and no
 * step; else in the first "applied" stage (or the one the status names) on the applied date. Steps follow in the
 * order of their dates (undated ones where their column stands). The status ends it when it says more than the
 * steps (an outcome, or a later stage), at the response date when there is one. A step is never placed before the
 * one it follows: a date that would be is reported and kept in the notes.
 */
function buildHistory(
  conversion: RowConversion,
  plan: RowPlan,
  applied: { on: string | null; written: boolean },
  status: string | null,
  responseOn: string | null,
  passed: readonly Status[] = [],
): HistoryStep[] {
  const appliedOn = applied.on;
  const { values } = plan;
  const stageOf = (id: string): HistoryStep => ({ stageId: id, category: values.categoryOf(id) ?? 'applied', on: null });
  const steps: (HistoryStep & { column: number; order: string })[] = [];
  let lastDate = '';
  for (const column of plan.columnsOf.get('stageStep') ?? []) {
    const stage = plan.columnStages.get(column);
    const cell = conversion.cell(column);
    const text = conversion.textAt(column);
    if (!stage || !text) continue;
    // A mark (x, ✓, yes) says the step was reached, on a day the file does not give; "no" that it was not.
    const mark = typeof cell === 'boolean' ? cell : parseBoolean(text);
    if (mark === false) continue;
    // Anything else was reached too: on its date, or on a day unknown when the cell is not one date (reported).
    const on = mark === true ? null : conversion.dateAt('stageStep', column);
    if (on) lastDate = on;
    steps.push({ stageId: stage.id, category: stage.category, on, column, order: on ?? lastDate });
  }
  // Steps another stage column names ("Interview" beside the outcome "Rejected"): reached, on a day not given.
  for (const step of passed) steps.push({ ...stageOf(step.stageId), column: step.column, order: lastDate });
  steps.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));

  const statusStep = status ? stageOf(status) : null;
  const start: HistoryStep =
    statusStep && (statusStep.category === 'wishlist' || statusStep.category === 'applied')
      ? { ...statusStep, on: statusStep.category === 'applied' ? appliedOn : null }
      : // Nothing says it was sent (no status, an empty applied date, no step), or it was given up before it was:
        // it starts on the wishlist. An applied date that is written but unreadable still says it was sent.
        !applied.written && steps.length === 0 && (!statusStep || statusStep.category === 'withdrawn')
        ? { ...stageOf(values.stageOfCategory('wishlist') ?? values.stageOfCategory('applied')!), on: null }
        : { ...stageOf(values.stageOfCategory('applied')!), on: appliedOn };
  const history: HistoryStep[] = [start];
  let previous = start.on ?? '';
  for (const step of steps) {
    let on = step.on;
    if (on !== null && previous !== '' && on < previous) {
      conversion.keep('stageStep', step.column, 'response_before_applied', on, { appliedOn: previous });
      on = null;
    }
    // Two steps of one stage in a row (a challenge and a phone screen are both screening) are one stay in it.
    if (step.stageId !== history[history.length - 1].stageId) history.push({ stageId: step.stageId, category: step.category, on });
    if (on) previous = on;
  }
  const last = history[history.length - 1];
  if (statusStep && statusStep.category !== 'wishlist' && statusStep.category !== 'applied' && statusStep.stageId !== last.stageId) {
    const furtherOn = (pipelineRank[statusStep.category] ?? -1) > (pipelineRank[last.category] ?? -1);
    if (furtherOn || closingCategories.includes(statusStep.category)) {
      let on = responseOn;
      if (on !== null && previous !== '' && on < previous) {
        conversion.keep('responseOn', conversion.column('responseOn')!, 'response_before_applied', on, { appliedOn: previous });
        on = null;
      }
      history.push({ ...statusStep, on });
    }
  }
  return history;
}

/**
 * Of the statuses a row's stage columns give (a status, and an outcome beside it), the one that says where it
 * stands: an outcome that closes it, else the furthest step, else the rightmost. The steps of the pipeline the
 * others name were passed on the way.
 */
function whereItStands(statuses: readonly Status[], plan: RowPlan): { status: string | null; passed: Status[] } {
  if (statuses.length <= 1) return { status: statuses[0]?.stageId ?? null, passed: [] };
  const weight = (status: Status) => {
    const category = plan.values.categoryOf(status.stageId) ?? 'applied';
    return closingCategories.includes(category) ? 10 : (pipelineRank[category] ?? -1);
  };
  const ranked = [...statuses].sort((a, b) => weight(a) - weight(b) || a.column - b.column);
  const final = ranked[ranked.length - 1];
  const passed = ranked.slice(0, -1).filter((status) => {
    const rank = weight(status);
    return rank > (pipelineRank.applied ?? 1) && rank < weight(final) && status.stageId !== final.stageId;
  });
  return { status: final.stageId, passed };
}

/** The history's first response, when the file dates it: an undated move is no answer on any day. */
export function firstResponseOn(history: readonly HistoryStep[]): string | null {
  return history.find((step) => step.on !== null && responseStageCategories.includes(step.category))?.on ?? null;
}

/** Reads one row into the input of applications.create, checked by the same schema; problems name row and column. */
function convertApplication(source: GridRow, plan: RowPlan): ConvertedRow {
  const row = new RowConversion(source, plan);
  const { input } = row;
  const companyName = row.required('company', 'companyName');
  row.required('position', 'position');

  const appliedOn = row.date('appliedOn');
  const responseOn = row.date('responseOn');
  const deadline = row.date('deadline');
  if (appliedOn) input.appliedOn = appliedOn;
  if (deadline) input.deadline = deadline;

  const statuses = row.statuses();
  if (statuses.some((status) => archivedWords.has(status.key))) input.archived = true;
  const { status, passed } = whereItStands(statuses, plan);
  for (const field of ['employmentType', 'workMode', 'schedule', 'source'] as const) {
    const { target, key } = row.value(field);
    if (target !== null) input[field] = target;
    const neighbour = plan.values.neighbour(field, key);
    if (neighbour && input[neighbour.field] === undefined && !plan.columnsOf.has(neighbour.field)) input[neighbour.field] = neighbour.target;
  }
  const location = row.text('location');
  if (location) row.setText('location', 'location', row.column('location')!, location);
  const sourceName = input.source as string | undefined;
  if (sourceName && sourceName.length > textLimits.source) row.setText('source', 'source', row.column('source')!, sourceName);
  const description = row.text('description');
  if (description) row.setText('description', 'description', row.column('description')!, description);
  row.link();
  row.salary();
  row.yesNo('favorite');
  row.rating('priority');
  row.rating('excitement');
  row.wordList('tags');
  row.wordList('requiredSkills');
  row.wordList('preferredSkills');
  row.experience();
  const resumeVersion = row.text('resumeVersion');
  if (resumeVersion) row.setText('resumeVersion', 'resumeVersion', row.column('resumeVersion')!, resumeVersion);
  // A stage word such as "Archived" archives too (above).
  row.yesNo('archived');
  const contact = companyName ? row.contact(companyName) : null;
  const appliedColumn = row.column('appliedOn');
  const history = buildHistory(row, plan, { on: appliedOn, written: appliedColumn !== undefined && row.textAt(appliedColumn) !== '' }, status, responseOn, passed);
  const firstResponse = firstResponseOn(history);
  if (firstResponse) input.firstResponseOn = firstResponse;
  const customValues = row.customValues();
  row.reportCuts();
  row.notes();

  const validated = row.validate();
  return {
    row: source.row,
    column: null,
    input: validated,
    history,
    contact: validated ? contact : null,
    customValues: validated ? customValues : [],
    problems: row.problems,
    identity: validated ? { companyName: validated.companyName!, position: validated.position, postingUrl: validated.postingUrl ?? null } : null,
  };
}

/** A board's cards: each non-empty cell of a card column is one application in that column's stage. */
function convertCards(source: GridRow, plan: RowPlan): ConvertedRow[] {
  const result: ConvertedRow[] = [];
  for (const column of plan.columnsOf.get('stageCards') ?? []) {
    const text = cellText(source.cells[column] ?? null);
    if (!text || isPlaceholder(text)) continue;
    const conversion = new RowConversion(source, plan, column);
    const card = parseCard(text);
    const stage = plan.columnStages.get(column);
    const parts = card ? cardParts(card, plan.cardOrder) : { company: text, position: '' };
    if (!parts.position) conversion.report('position', column, 'missing_required', text);
    else {
      conversion.setText('companyName', 'company', column, parts.company);
      conversion.setText('position', 'position', column, parts.position);
    }
    const values = plan.values;
    const wishlist = values.stageOfCategory('wishlist');
    const applied = values.stageOfCategory('applied')!;
    const history: HistoryStep[] = [];
    if (stage) {
      if (stage.category === 'wishlist' || stage.category === 'applied') history.push({ stageId: stage.id, category: stage.category, on: null });
      else history.push({ stageId: applied, category: 'applied', on: null }, { stageId: stage.id, category: stage.category, on: null });
    } else history.push(wishlist ? { stageId: wishlist, category: 'wishlist', on: null } : { stageId: applied, category: 'applied', on: null });
    conversion.notes();
    const validated = conversion.validate();
    result.push({
      row: source.row,
      column,
      input: validated,
      history,
      contact: null,
      customValues: [],
      problems: conversion.problems,
      identity: validated ? { companyName: validated.companyName!, position: validated.position, postingUrl: null } : null,
    });
  }
  return result;
}

/** The applications of one row of the file: one, or one per card on a board. */
export function convertRow(source: GridRow, plan: RowPlan): ConvertedRow[] {
  if (plan.columnsOf.has('stageCards')) return convertCards(source, plan);
  return [convertApplication(source, plan)];
}

