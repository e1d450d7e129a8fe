import type { BreakdownDimension, EmploymentType, SalaryPeriod, StageCategory, WorkMode } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import type { CompanyResponseRow, CubeRow, DayCount } from '../aggregates';
import { cubeBreakdownRows, type BreakdownRow } from '../breakdowns';
import { maxCompanies } from '../response-times';
import type { SalaryRow } from '../salaries';
import { filtersBeyondArchived, type StatisticsScope } from '../scope';
import type { SkillRow } from '../skills';
import { type EventSeries, type StatisticsSource } from '../source';
import { noAnswerYet, scopes, type CellKindName, type CellScope } from './cells';

/**
 * The maintained cells hold the whole search: no filter but the archived one, no date range. Null when the scope
 * asks for something else (its statistics are then grouped from the facts).
 */
export function maintainedScope(scope: StatisticsScope): CellScope | null {
  if (scope.from !== undefined || scope.to !== undefined) return null;
  if (filtersBeyondArchived(scope.filters)) return null;
  const { archived } = scope.filters;
  if (archived === 'all') return scopes.all;
  return archived === true ? null : scopes.active;
}

export type Cell = [key: unknown, value: number, count: number];

/**
 * The share of the scope's sent applications whose applied day is within [from, to] (0 when none is sent): how
 * much of the search a range holds, from a thousand cells or so.
 */
export function sentShareWithin(db: Database, scope: CellScope, from = '0000-01-01', to = '9999-12-31'): number {
  const [within, all] = db
    .sql(`SELECT total(count) FILTER (WHERE key BETWEEN ? AND ?), total(count) FROM statistics_cells WHERE kind = 'sent_day' AND scope = ?`)
    .raw()
    .get(from, to, scope) as [number, number];
  return all > 0 ? within / all : 0;
}

/** Every source of the live applications as the month tables store it ('' for none), from the cells of the whole search. */
export function everySource(db: Database): string[] {
  const keys = db.sql(`SELECT key FROM statistics_cells WHERE kind = 'source' AND scope = ${scopes.all}`).pluck().all() as string[];
  return [...new Set(keys.map((key) => (JSON.parse(key) as [string | null])[0] ?? ''))];
}

/** The rows of the statistics of the whole search, read from the cells (cells.ts) instead of grouped. */
export function cellsSource(db: Database, scope: CellScope): StatisticsSource {
  const cells = (kind: CellKindName): Cell[] =>
    db.sql(`SELECT key, value, count FROM statistics_cells WHERE kind = ? AND scope = ?`).raw().all(kind, scope) as Cell[];
  const days = (kind: CellKindName, from = '0000-01-01', to = '9999-12-31'): DayCount[] =>
    (
      db
        .sql(`SELECT key, count FROM statistics_cells WHERE kind = ? AND scope = ? AND key BETWEEN ? AND ? ORDER BY key`)
        .raw()
        .all(kind, scope, from, to) as [string, number][]
    ).map(([day, count]) => ({ day, count }));

  return {
    member: `a.deleted_at IS NULL${scope === scopes.active ? ' AND a.archived = 0' : ''}`,
    cube: () => cubeRows(cells('cube')),
    sentPerDay: () => days('sent_day'),
    answered: () => cells('response_days').map(([key, , count]) => ({ value: key as number, count })),
    companyResponses: () => companyResponses(db, scope),
    breakdownRows: (cube) => breakdownRows(cube, cells),
    eventsPerDay: (from, to) =>
      Object.fromEntries((['responses', 'interviews', 'offers'] as const).map((series) => [series, days(series, from, to)])) as Record<
        EventSeries,
        DayCount[]
      >,
    salaryRows: () => salaryRows(cells('salary'), extremes(db, scope, 'salary_low', 'min'), extremes(db, scope, 'salary_high', 'max')),
    skillRows: () => [
      ...cells('skill_required').map(([skill, , count]): SkillRow => ({ kind: 'required', skill: skill as string, count })),
      ...cells('skill_preferred').map(([skill, , count]): SkillRow => ({ kind: 'preferred', skill: skill as string, count })),
    ],
  };
}

/** The cube's rows from its cells. */
export const cubeRows = (cells: readonly Cell[]): CubeRow[] =>
  cells.map(([key, , count]) => {
    const [stageId, employmentType, workMode, category, reached, level] = JSON.parse(key as string) as [
      string,
      EmploymentType | null,
      WorkMode | null,
      StageCategory,
      number,
      number,
    ];
    return { stageId, employmentType, workMode, category, reached, level, count } satisfies CubeRow;
  });

/** The breakdowns' rows: the cube's dimensions, and the four kinds counted by level. */
export const breakdownRows = (cube: readonly CubeRow[], cells: (kind: CellKindName) => Cell[]): BreakdownRow[] => [
  ...cubeBreakdownRows(cube),
  ...dimensionRows('source', cells('source')),
  ...dimensionRows('resumeVersion', cells('resume_version')),
  ...dimensionRows('location', cells('location')),
  ...dimensionRows('industry', cells('industry')),
];

const dimensionRows = (dimension: BreakdownDimension, rows: readonly Cell[]): BreakdownRow[] =>
  rows.map(([key, level, count]) => ({ dimension, key: (JSON.parse(key as string) as [string | null])[0], level, count }));

/**
 * The answer delays of the companies that can rank among the first `maxCompanies` by answers: every company with
 * at least as many answers as the last of them (ties are broken by the median, which needs their delays).
 */
function companyResponses(db: Database, scope: CellScope): CompanyResponseRow[] {
  const leading = db
    .sql(`SELECT count FROM statistics_cells WHERE kind = 'company_answered' AND scope = ? ORDER BY count DESC LIMIT ?`)
    .pluck()
    .all(scope, maxCompanies) as number[];
  if (leading.length === 0) return [];
  const rows = db
    .sql(
      `SELECT key, value, count FROM statistics_cells WHERE kind = 'company_days' AND scope = ? AND key IN (
         SELECT key FROM statistics_cells WHERE kind = 'company_answered' AND scope = ? AND count >= ?)`,
    )
    .raw()
    .all(scope, scope, leading[leading.length - 1]) as Cell[];
  return rows.map(([company, days, count]) => ({ company: company as number, days: days === noAnswerYet ? null : days, count }));
}

function extremes(db: Database, scope: CellScope, kind: 'salary_low' | 'salary_high', pick: 'min' | 'max'): Map<string, number> {
  const rows = db
    .sql(`SELECT key, ${pick}(value) FROM statistics_cells WHERE kind = ? AND scope = ? GROUP BY key`)
    .raw()
    .all(kind, scope) as [string, number][];
  return new Map(rows);
}

type SalaryGroup = [EmploymentType | null, string | null, SalaryPeriod | null];

/**
 * Salary rows as the facts give them, from the midpoint histogram and each group's extremes: every midpoint row
 * says low = high = midpoint (within the group's range, so harmless to min and max), and one row of count 0 per
 * group carries the lowest and highest amounts (medians and means skip rows that count nothing).
 */
export function salaryRows(midpoints: readonly Cell[], lows: ReadonlyMap<string, number>, highs: ReadonlyMap<string, number>): SalaryRow[] {
  const groups = new Map<string, SalaryGroup>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = JSON.parse(key) as SalaryGroup));
    return group;
  };
  const row = (key: string, midpoint: number, low: number, high: number, count: number): SalaryRow => {
    const [employmentType, currency, period] = groupOf(key);
    return { employmentType, currency, period, midpoint, low, high, count };
  };
  const rows = midpoints.map(([key, midpoint, count]) => row(key as string, midpoint, midpoint, midpoint, count));
  for (const [key, low] of lows) rows.push(row(key, low, low, highs.get(key) ?? low, 0));
  return rows;
}
