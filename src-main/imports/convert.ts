import {
  createApplicationInput,
  type DateOrder,
  type ImportField,
  type ImportProblem,
  type ImportProblemCode,
  type ParsedInput,
  type StageCategory,
  type ValueMappedField,
} from '../../src-shared/contract';
import { parseDate } from './dates';
import type { ValueResolver } from './resolve';
import { parseSalary } from './salary';
import { cellLink, cellText, type Cell, type GridRow } from './table';
import { parseBoolean } from './values';

export type CreateInput = ParsedInput<'applications.create'>;

/** Everything a row needs to become an application, decided once per file. */
export interface RowPlan {
  headers: readonly string[];
  columnsOf: ReadonlyMap<ImportField, readonly number[]>;
  /** Columns whose values go to the notes as "Header: value" (unmapped ones, when asked). */
  extraNoteColumns: readonly number[];
  dateOrder(column: number): DateOrder;
  values: ValueResolver;
  /** `matchKey`, remembered: a file repeats the same values thousands of times. */
  keyOf(text: string): string;
  defaultCurrency: string;
}

export interface ConvertedRow {
  row: number;
  /** The validated input of applications.create; null when the row has errors. */
  input: CreateInput | null;
  /** Where the application goes after its first stage (an event at the response date); null: it stays there. */
  stageId: string | null;
  stageCategory: StageCategory | null;
  /** When the company answered (the date of the event that moves it to `stageId`). */
  responseOn: string | null;
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
  favorite: 'favorite',
};

const problemMessages: Record<ImportProblemCode, string> = {
  missing_required: 'is required',
  bad_date: 'is not a date',
  unknown_value: 'is not a known value: choose what it means',
  too_long: 'is too long',
  bad_url: 'is not a web address: kept in the notes',
  bad_number: 'is not a number',
  bad_boolean: 'is not yes or no',
  bad_salary: 'is not an amount: kept in the notes',
  response_before_applied: 'is before the application date',
  invalid: 'is not valid',
  unmapped_required: 'no column is mapped to this field',
  malformed_row: 'cannot be read',
};

function shorten(value: string): string {
  return value.length > 120 ? `${value.slice(0, 117)}…` : value;
}

/** A web address typed without its scheme ("www.site.com/job") gets https://. */
function normaliseLink(text: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  return /^(www\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(text) ? `https://${text}` : text;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function splitTags(text: string): string[] {
  return text
    .split(/[,;|\n]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** The conversion of one row: reads each mapped field into `input`, noting problems by row and column. */
class RowConversion {
  readonly input: Record<string, unknown> = {};
  readonly problems: ImportProblem[] = [];
  /** Fields already reported with an error, so zod's less precise issue about them is not added. */
  private readonly flagged = new Set<ImportField>();
  private readonly noteLines: string[] = [];

  constructor(
    private readonly source: GridRow,
    private readonly plan: RowPlan,
  ) {}

  cell(column: number): Cell {
    return this.source.cells[column] ?? null;
  }

  column(field: ImportField): number | undefined {
    return this.plan.columnsOf.get(field)?.[0];
  }

  text(field: ImportField): string {
    const column = this.column(field);
    return column === undefined ? '' : cellText(this.cell(column));
  }

  report(field: ImportField | null, column: number | null, code: ImportProblemCode, value: string | null, params?: Record<string, string | number>): void {
    const severity = code === 'bad_url' || code === 'bad_salary' ? 'warning' : 'error';
    if (field && severity === 'error') this.flagged.add(field);
    this.problems.push({
      row: this.source.row,
      column,
      field,
      code,
      severity,
      value: value === null ? null : shorten(value),
      message: `${field ?? 'row'} ${problemMessages[code]}`,
      ...(params ? { params } : {}),
    });
  }

  /** What could not be placed in its field goes to the notes, under its column's name: nothing is lost. */
  keepInNotes(column: number, text: string): void {
    this.noteLines.push(`${this.plan.headers[column] || `#${column + 1}`}: ${text}`);
  }

  required(field: 'company' | 'position', key: 'companyName' | 'position'): string {
    const text = this.text(field);
    if (text) this.input[key] = text;
    else this.report(field, this.column(field) ?? null, 'missing_required', null);
    return text;
  }

  date(field: 'appliedOn' | 'responseOn' | 'deadline'): string | null {
    const column = this.column(field);
    if (column === undefined) return null;
    const cell = this.cell(column);
    const text = cellText(cell);
    if (text === '') return null;
    const date = parseDate(cell, this.plan.dateOrder(column));
    if (date === null) this.report(field, column, 'bad_date', text);
    return date;
  }

  value(field: ValueMappedField): string | null {
    const column = this.column(field);
    if (column === undefined) return null;
    const raw = cellText(this.cell(column));
    const { target } = this.plan.values.resolve(field, this.plan.keyOf(raw), raw);
    if (target === undefined) this.report(field, column, 'unknown_value', raw);
    return target ?? null;
  }

  link(): void {
    const column = this.column('postingUrl');
    if (column === undefined) return;
    const link = normaliseLink(cellLink(this.cell(column)));
    if (link && isHttpUrl(link)) this.input.postingUrl = link;
    else if (link) {
      this.report('postingUrl', column, 'bad_url', link);
      this.keepInNotes(column, link);
    }
  }

  salary(): void {
    const column = this.column('salary');
    if (column === undefined) return;
    const cell = this.cell(column);
    const salary = parseSalary(cell);
    if (salary) {
      this.input.salaryMin = salary.min;
      this.input.salaryMax = salary.max;
      this.input.salaryCurrency = salary.currency ?? this.plan.defaultCurrency;
      if (salary.period) this.input.salaryPeriod = salary.period;
    } else if (cellText(cell)) {
      this.report('salary', column, 'bad_salary', cellText(cell));
      this.keepInNotes(column, cellText(cell));
    }
  }

  favorite(): void {
    const column = this.column('favorite');
    if (column === undefined) return;
    const cell = this.cell(column);
    const favorite = typeof cell === 'boolean' ? cell : parseBoolean(cellText(cell));
    if (favorite === undefined) this.report('favorite', column, 'bad_boolean', cellText(cell));
    else if (favorite) this.input.favorite = true;
  }

  tags(): void {
    const tags = (this.plan.columnsOf.get('tags') ?? []).flatMap((column) => splitTags(cellText(this.cell(column))));
    if (tags.length > 0) this.input.tags = [...new Map(tags.map((tag) => [tag.toLocaleLowerCase(), tag])).values()];
  }

  /** Several notes columns are told apart by their headers; a single one is taken as it is. Then what was kept aside. */
  notes(): void {
    const noteColumns = this.plan.columnsOf.get('notes') ?? [];
    const lines: string[] = [];
    for (const column of noteColumns) {
      const text = cellText(this.cell(column));
      if (text) lines.push(noteColumns.length > 1 ? `${this.plan.headers[column] || `#${column + 1}`}: ${text}` : text);
    }
    for (const column of this.plan.extraNoteColumns) {
      const text = cellText(this.cell(column));
      if (text) this.keepInNotes(column, text);
    }
    const notes = [...lines, ...this.noteLines].join('\n');
    if (notes) this.input.notes = notes;
  }

  /** The same schema as applications.create; its issues are placed on the columns they come from. */
  validate(): CreateInput | null {
    const parsed = createApplicationInput.safeParse(this.input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfInput[String(issue.path[0])] ?? null;
        if (field && this.flagged.has(field)) continue;
        const column = field ? (this.column(field) ?? null) : null;
        const value = column === null ? null : cellText(this.cell(column));
        if (issue.code === 'too_big' && 'maximum' in issue) this.report(field, column, 'too_long', value, { max: Number(issue.maximum) });
        else this.report(field, column, 'invalid', value, { reason: issue.message });
      }
    }
    const hasErrors = this.problems.some((problem) => problem.severity === 'error');
    return parsed.success && !hasErrors ? parsed.data : null;
  }
}

/** Reads one row into the input of applications.create, checked by the same zod schema; problems name row and column. */
export function convertRow(source: GridRow, plan: RowPlan): ConvertedRow {
  const row = new RowConversion(source, plan);
  const { input } = row;
  const companyName = row.required('company', 'companyName');
  const position = row.required('position', 'position');

  const appliedOn = row.date('appliedOn');
  const responseOn = row.date('responseOn');
  const deadline = row.date('deadline');
  if (appliedOn) input.appliedOn = appliedOn;
  if (deadline) input.deadline = deadline;
  if (appliedOn && responseOn && responseOn < appliedOn) {
    row.report('responseOn', row.column('responseOn')!, 'response_before_applied', responseOn, { appliedOn });
  }

  let stageId = row.value('stage');
  // An application created on the wishlist, or straight into another "applied" stage, needs no second event.
  const category = stageId ? plan.values.categoryOf(stageId) : undefined;
  if (stageId && (category === 'wishlist' || category === 'applied')) {
    input.stageId = stageId;
    stageId = null;
  }
  for (const field of ['employmentType', 'workMode', 'schedule', 'source'] as const) {
    const value = row.value(field);
    if (value !== null) input[field] = value;
  }
  for (const field of ['location', 'description'] as const) {
    const text = row.text(field);
    if (text) input[field] = text;
  }
  row.link();
  row.salary();
  row.favorite();
  row.tags();
  row.notes();

  return {
    row: source.row,
    input: row.validate(),
    stageId,
    stageCategory: stageId ? (plan.values.categoryOf(stageId) ?? null) : null,
    responseOn,
    problems: row.problems,
    identity: companyName && position ? { companyName, position, postingUrl: (input.postingUrl as string | undefined) ?? null } : null,
  };
}
