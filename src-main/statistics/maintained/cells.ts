import { levels } from '../categories';
import type { FactRow } from './facts';
import type { CountTable } from './count-upsert';

/**
 * Counts of live applications kept up to date by the write path, from which the dashboard of the whole search
 * (no filter, no date range: what opens by default) is read in a few milliseconds instead of grouping 100,000
 * rows on every look. A cell is (kind, scope, key, value) -> count:
 * - kind: which statistic it feeds (`cellKindNames`);
 * - scope: 0 for the active applications (the list's default), 1 for all of them, archived included;
 * - key: the dimensions of the kind (one value, or a JSON array of several); typeless, so a number stays a number;
 * - value: a numeric dimension (a level, an amount, days), 0 when the kind has none.
 * Each write takes the old facts of the applications it touched out and puts their new ones in (refresh.ts);
 * cells that fall to zero are removed. What each kind holds is said once, in `cellsOfFact`.
 * Keyed with the scope last (migration 0250): a write moves a count in both scopes, and side by side they share a
 * page, which halves the cells' pages a creation writes; a reader of one scope skips the other's rows of its kind.
 */
export const cellsTableDefinition = `CREATE TABLE statistics_cells (
  kind TEXT NOT NULL,
  scope INTEGER NOT NULL,
  key NOT NULL,
  value NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (kind, key, value, scope)
) WITHOUT ROWID`;

export const scopes = { active: 0, all: 1 } as const;
export type CellScope = (typeof scopes)[keyof typeof scopes];

export const cellKindNames = [
  'cube',
  'sent_day',
  'response_days',
  'company_answered',
  'company_days',
  'source',
  'resume_version',
  'location',
  'industry',
  'responses',
  'interviews',
  'offers',
  'salary',
  'salary_low',
  'salary_high',
  'skill_required',
  'skill_preferred',
] as const;
export type CellKindName = (typeof cellKindNames)[number];

/** What company_days stores for a sent application with no answer yet: days are never negative. */
export const noAnswerYet = -1;

const dayMs = 86_400_000;
/** Day numbers of the few hundred distinct dates of a search, parsed once each. */
const dayNumbers = new Map<string, number>();
function dayNumber(day: string): number {
  let number = dayNumbers.get(day);
  if (number === undefined) {
    number = Date.parse(day.slice(0, 10)) / dayMs;
    if (dayNumbers.size > 100_000) dayNumbers.clear();
    dayNumbers.set(day, number);
  }
  return number;
}

/**
 * Days from applying to the first answer, as the facts' SQL computes them (aggregates.ts): whole days, and days
 * before the applied date (a typo in one of the dates) count as 0. Null when a date cannot be read.
 */
export function answerDays(appliedDay: string, responseDay: string): number | null {
  const days = Math.trunc(dayNumber(responseDay) - dayNumber(appliedDay));
  return Number.isNaN(days) ? null : Math.max(0, days);
}

/**
 * The text items of a JSON skill list, as SQLite's json_each with `type = 'text'` gives them (skills.ts): the
 * strings of an array, of an object's values, or the string itself; nothing from damaged JSON.
 */
export function skillsOf(list: string | null): string[] {
  if (list === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(list);
  } catch {
    return [];
  }
  if (typeof parsed === 'string') return [parsed];
  if (parsed === null || typeof parsed !== 'object') return [];
  return Object.values(parsed).filter((item): item is string => typeof item === 'string');
}

type CellKey = string | number;
type Emit = (kind: CellKindName, key: CellKey | null, value: number) => void;

/** Kinds whose key is one nullable text, stored as a JSON array of it (a primary key cannot hold null). */
const nullableKeyKinds: ReadonlySet<CellKindName> = new Set(['source', 'resume_version', 'location', 'industry']);
export const storedKey = (kind: CellKindName, key: CellKey | null): CellKey => (nullableKeyKinds.has(kind) ? JSON.stringify([key]) : (key as CellKey));

/**
 * The cells one application counts in (its scope aside): the one place that says what each kind holds. `withSkills`
 * false leaves out the skill kinds, for the month cells, which do not hold them (their lists parsed for nothing were
 * a third of the month cells' work in the Undo of a "select all").
 */
export function cellsOfFact(row: FactRow, emit: Emit, withSkills = true): void {
  const [, , company, stageId, category, employmentType, workMode, source, location, industry, resumeVersion, salaryMin, salaryMax,
    salaryCurrency, salaryPeriod, appliedDay, reached, responseDay, interviewDay, offerDay, level, requiredSkills, preferredSkills] = row;
  emit('cube', JSON.stringify([stageId, employmentType, workMode, category, reached, level]), 0);
  emit('source', source, level);
  emit('resume_version', resumeVersion, level);
  emit('location', location, level);
  emit('industry', industry, level);
  if (level >= levels.sent) {
    emit('sent_day', appliedDay, 0);
    const days = responseDay === null ? null : answerDays(appliedDay, responseDay);
    if (responseDay !== null) emit('responses', responseDay, 0);
    if (days !== null) {
      emit('response_days', days, 0);
      emit('company_answered', company, 0);
    }
    emit('company_days', company, days ?? noAnswerYet);
    if (interviewDay !== null) emit('interviews', interviewDay, 0);
    if (offerDay !== null) emit('offers', offerDay, 0);
  }
  const low = salaryMin ?? salaryMax;
  const high = salaryMax ?? salaryMin;
  if (low !== null && high !== null) {
    const group = JSON.stringify([employmentType, salaryCurrency, salaryPeriod]);
    emit('salary', group, (low + high) / 2);
    emit('salary_low', group, low);
    emit('salary_high', group, high);
  }
  if (!withSkills) return;
  for (const skill of skillsOf(requiredSkills)) emit('skill_required', skill, 0);
  for (const skill of skillsOf(preferredSkills)) emit('skill_preferred', skill, 0);
}

/** Change of a cell's count among the active applications and among the archived ones. */
interface Change {
  active: number;
  archived: number;
}

/**
 * Changes to the cells, summed before they are written: an edit takes an application out of its old cells and into
 * its new ones, and the cells it stays in cancel out and are not written at all. Nested maps (kind, key, value)
 * rather than one map of joined strings: an import sums millions of these.
 */
export class CellDeltas {
  private readonly byKind = new Map<CellKindName, Map<CellKey | null, Map<number, Change>>>();

  /** What the row being emitted changes among the active applications and among the archived ones. */
  private activeStep = 0;
  private archivedStep = 0;
  private readonly emit: Emit = (kind, key, value) => {
    let byKey = this.byKind.get(kind);
    if (!byKey) this.byKind.set(kind, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) byKey.set(key, (byValue = new Map()));
    let change = byValue.get(value);
    if (!change) byValue.set(value, (change = { active: 0, archived: 0 }));
    change.active += this.activeStep;
    change.archived += this.archivedStep;
  };

  /** The row comes in (1) or goes out (-1), where its archived flag says it counts. */
  add(row: FactRow, sign: 1 | -1): void {
    const archived = row[1] !== 0;
    this.activeStep = archived ? 0 : sign;
    this.archivedStep = archived ? sign : 0;
    cellsOfFact(row, this.emit);
  }

  /**
   * The row, as it is but for its archived flag, is archived (or brought back): it leaves the active scope (or
   * enters it) and stays in "all". One pass over its cells instead of a -1 and a +1 (an archive moves 73,000).
   */
  move(row: FactRow, toArchived: boolean): void {
    this.activeStep = toArchived ? -1 : 1;
    this.archivedStep = -this.activeStep;
    cellsOfFact(row, this.emit);
  }

  /** Each non-zero change, per scope: "active" counts the active applications, "all" every one. */
  *changes(): Generator<[kind: CellKindName, scope: CellScope, key: CellKey, value: number, change: number]> {
    for (const [kind, byKey] of this.byKind) {
      for (const [emitted, byValue] of byKey) {
        const key = storedKey(kind, emitted);
        for (const [value, { active, archived }] of byValue) {
          if (active !== 0) yield [kind, scopes.active, key, value, active];
          if (active + archived !== 0) yield [kind, scopes.all, key, value, active + archived];
        }
      }
    }
  }
}

/** The cells as a table of counts (count-upsert.ts): a change lists kind, scope, key, value, then the change. */
export const cellsTable: CountTable = {
  name: 'statistics_cells',
  columns: ['kind', 'scope', 'key', 'value'],
  conflict: ['kind', 'key', 'value', 'scope'],
};
