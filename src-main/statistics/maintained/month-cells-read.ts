import type { Database } from '../../db/connection';
import type { CompanyResponseRow, DayCount } from '../aggregates';
import type { StatisticsScope } from '../scope';
import { loadSkillRows } from '../skills';
import { once, type EventSeries, type StatisticsSource } from '../source';
import { maxCompanies } from '../response-times';
import { cellsOfFact, noAnswerYet, scopes, storedKey, type CellKindName, type CellScope } from './cells';
import { factRowColumns, type FactRow } from './facts';
import { breakdownRows, cellsSource, cubeRows, everySource, salaryRows, type Cell } from './read';
import type { SkillMonthsFilter } from './skill-months-read';
import { monthsPresent, placeholders, rangePlan } from './month-ranges';
import { flagsCountSql } from './side-moves';

/** Kinds counted by the application's applied day within the range (the others ignore the range). */
const isRanged: ReadonlySet<CellKindName> = new Set<CellKindName>([
  'cube',
  'response_days',
  'source',
  'resume_version',
  'location',
  'industry',
  'salary',
  'salary_low',
  'salary_high',
  'company_answered',
  'company_days',
]);

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Counts summed by kind, key and value: the days of the edge months, counted from their facts (a few hundred). */
class Sums {
  private readonly byKind = new Map<CellKindName, Map<unknown, Map<number, number>>>();

  add(kind: CellKindName, key: unknown, value: number, count: number): void {
    let byKey = this.byKind.get(kind);
    if (!byKey) this.byKind.set(kind, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) byKey.set(key, (byValue = new Map()));
    byValue.set(value, (byValue.get(value) ?? 0) + count);
  }

  /** One kind's sums (key -> value -> count, zeros included), if any. */
  of(kind: CellKindName): Changes | undefined {
    return this.byKind.get(kind);
  }
}

type Changes = ReadonlyMap<unknown, ReadonlyMap<number, number>>;

/** SQLite's order of a typeless column: numbers before text. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}

/**
 * The months' sums of a kind (in the table's order already, or nearly: the sort then costs a pass) with the edge
 * days' counts added, as the cells' reader gives them: key then value order, no zero.
 */
export function withChanges(months: readonly Cell[], changes: Changes | undefined): Cell[] {
  const cells: Cell[] = [];
  const pending = changes && new Map([...changes].map(([key, byValue]) => [key, new Map(byValue)]));
  for (const cell of months) {
    const [key, value, count] = cell;
    const byValue = pending?.get(key);
    const change = byValue?.get(value);
    if (change === undefined) {
      // Most cells are the months' alone: kept as read.
      if (count !== 0) cells.push(cell);
      continue;
    }
    byValue!.delete(value);
    if (count + change !== 0) cells.push([key, value, count + change]);
  }
  for (const [key, byValue] of pending ?? []) {
    for (const [value, change] of byValue) if (change !== 0) cells.push([key, value, change]);
  }
  return cells.sort((a, b) => compareValues(a[0], b[0]) || a[1] - b[1]);
}

/**
 * The lowest (or highest) value of each key with a count, from the extremes of the months (`months`) and the edge
 * days' counts (`changes`). A day taken away that holds a key's extreme may leave none there: that key's values
 * are then summed whole (`valuesOf`), so the result is always that of the summed counts.
 */
export function extremesWithChanges(
  months: ReadonlyMap<unknown, number>,
  changes: Changes | undefined,
  pick: 'min' | 'max',
  valuesOf: (key: unknown) => Cell[],
): Map<unknown, number> {
  const better = pick === 'min' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const extremes = new Map(months);
  for (const [key, byValue] of changes ?? []) {
    const extreme = extremes.get(key);
    const shaken = [...byValue].some(([value, change]) => change < 0 && (extreme === undefined || !better(extreme, value)));
    if (shaken) {
      extremes.delete(key);
      for (const [, value, count] of withChanges(valuesOf(key), new Map([[key, byValue]]))) {
        const current = extremes.get(key);
        if (count !== 0 && (current === undefined || better(value, current))) extremes.set(key, value);
      }
      continue;
    }
    for (const [value, change] of byValue) {
      const current = extremes.get(key);
      if (change > 0 && (current === undefined || better(value, current))) extremes.set(key, value);
    }
  }
  return extremes;
}

/**
 * The rows of a dashboard whose filters are the archived flag and sources, over any range, from the cells kept per
 * month and source (month-cells.ts): the range's months summed, the days of its first and last month counted from
 * their facts by the same code that keeps the counts (`cellsOfFact`, `rangePlan`); applications sent per day and
 * the timeline's events ignore the range and sum every month. The skills come from the skill months.
 * Each kind is summed by a statement of its own: SQLite groups by sorting, and ten sorts of one kind's rows cost
 * about a third less than one of all of them (six months at 100,000: 52,000 rows). The salaries' lowest and highest
 * amounts are the extremes of each month and source (found in the table's order, without a sort), not every amount.
 */
export function monthCellsSource(db: Database, scope: StatisticsScope, filter: SkillMonthsFilter): StatisticsSource {
  const flags = filter.archived;
  const wholeSearch = wholeSearchScope(filter);
  // Every source of the search when none is asked for: each month's rows of a source and kind are then found by a
  // seek in the table's key, and the kinds not asked for are not read.
  const sources = JSON.stringify(filter.sources ?? everySource(db));
  const bySource = filter.sources ? ` AND source IN (${placeholders(filter.sources)})` : '';

  const monthsWithin = (bounds: readonly [string, string]) => monthsPresent(db, 'main.statistics_month_cells', null, bounds);
  // The flags' count of each row (a row may count only the other flag: then it is skipped).
  const count = flagsCountSql(flags);
  const rowsOf = `FROM main.statistics_month_cells
    WHERE month IN (SELECT value FROM json_each(?)) AND source IN (SELECT value FROM json_each(?)) AND kind = ? AND ${count} <> 0`;

  /** One kind's counts (of these keys, when given) summed over these months, in key then value order. */
  const sumMonths = (kind: CellKindName, months: string, keys?: readonly unknown[]): Cell[] =>
    db
      .sql(`SELECT key, value, sum(${count}) ${rowsOf}${keys ? ' AND key IN (SELECT value FROM json_each(?))' : ''} GROUP BY key, value`)
      .raw()
      .all(months, sources, kind, ...(keys ? [JSON.stringify(keys)] : [])) as Cell[];

  /** One kind's lowest (or highest) value per key over these months: the extremes of each month and source's rows. */
  const extremeOfMonths = (kind: CellKindName, months: string, pick: 'min' | 'max'): Map<unknown, number> =>
    new Map(
      db
        .sql(`SELECT key, ${pick}(extreme) FROM (SELECT key, ${pick}(value) AS extreme ${rowsOf} GROUP BY month, source, key) GROUP BY key`)
        .raw()
        .all(months, sources, kind) as [unknown, number][],
    );

  const plan = rangePlan(scope.from, scope.to, (days) =>
    db.sql(`SELECT count(*) FROM main.statistics_facts WHERE applied_day BETWEEN ? AND ?`).pluck().get(...days) as number,
  );
  const whole = once(() => (plan.months ? monthsWithin(plan.months) : null));
  /** The range's days counted from their facts (every ranged kind, the answers per company included). */
  const edgeSums = once(() => {
    const sums = new Sums();
    const edgeFacts = db.sql(
      `SELECT ${factRowColumns} FROM main.statistics_facts WHERE applied_day BETWEEN ? AND ? AND archived IN (${placeholders(flags)})${bySource}`,
    );
    let sign = 0;
    const emit = (kind: CellKindName, key: string | number | null, value: number) => {
      if (isRanged.has(kind)) sums.add(kind, storedKey(kind, key), value, sign);
    };
    for (const { days, sign: step } of plan.facts) {
      sign = step;
      for (const row of edgeFacts.raw().iterate(...days, ...flags, ...(filter.sources ?? [])) as Iterable<FactRow>) {
        // Their skills are the skill months' (skills.ts): not parsed here.
        row[21] = null;
        row[22] = null;
        cellsOfFact(row, emit);
      }
    }
    return sums;
  });
  const rangedCells = new Map<CellKindName, Cell[]>();
  const ranged = (kind: CellKindName): Cell[] => {
    let cells = rangedCells.get(kind);
    if (!cells) {
      const months = whole();
      rangedCells.set(kind, (cells = withChanges(months ? sumMonths(kind, months) : [], edgeSums().of(kind))));
    }
    return cells;
  };
  const extremes = (kind: 'salary_low' | 'salary_high', pick: 'min' | 'max'): Map<string, number> => {
    const months = whole();
    return extremesWithChanges(months ? extremeOfMonths(kind, months, pick) : new Map(), edgeSums().of(kind), pick, (key) =>
      months ? sumMonths(kind, months, [key]) : [],
    ) as Map<string, number>;
  };

  const everyMonth = once(() => monthsWithin(['0000-00', '9999-99']));
  const rangeFree = new Map<CellKindName, Cell[]>();
  const days = (kind: CellKindName, from = '0000-01-01', to = '9999-12-31'): DayCount[] => {
    let cells = rangeFree.get(kind);
    if (!cells) rangeFree.set(kind, (cells = withChanges(sumMonths(kind, everyMonth()), undefined)));
    return cells.filter(([day]) => (day as string) >= from && (day as string) <= to).map(([day, , count]) => ({ day: day as string, count }));
  };

  /**
   * The answer delays of the companies that can rank among the first `maxCompanies` by answers (as the cells'
   * reader does, read.ts): the answers per company first, then the delays of those companies alone.
   */
  const companyResponses = (): CompanyResponseRow[] => {
    const answered = ranged('company_answered');
    if (answered.length === 0) return [];
    const counts = answered.map(([, , count]) => count).sort((a, b) => b - a);
    const least = counts[Math.min(maxCompanies, counts.length) - 1];
    const leading = answered.filter(([, , count]) => count >= least).map(([company]) => company);
    const leadingSet = new Set(leading);
    const changes = new Map([...(edgeSums().of('company_days') ?? [])].filter(([company]) => leadingSet.has(company)));
    const months = whole();
    return withChanges(months ? sumMonths('company_days', months, leading) : [], changes).map(([company, days, count]) => ({
      company: company as number,
      days: days === noAnswerYet ? null : days,
      count,
    }));
  };

  const cells = wholeSearch === null ? null : cellsSource(db, wholeSearch);
  return {
    member: cells?.member ?? memberOf(filter),
    cube: () => cubeRows(ranged('cube')),
    sentPerDay: cells?.sentPerDay ?? (() => days('sent_day')),
    answered: () => ranged('response_days').map(([key, , count]) => ({ value: key as number, count })),
    companyResponses,
    breakdownRows: (cube) => breakdownRows(cube, ranged),
    eventsPerDay:
      cells?.eventsPerDay ??
      ((from, to) =>
        Object.fromEntries((['responses', 'interviews', 'offers'] as const).map((series) => [series, days(series, from, to)])) as Record<
          EventSeries,
          DayCount[]
        >),
    salaryRows: () => salaryRows(ranged('salary'), extremes('salary_low', 'min'), extremes('salary_high', 'max')),
    skillRows: () => loadSkillRows(db, scope),
  };
}

/** The cells' scope that holds the same applications when no source is asked for (the range aside). */
function wholeSearchScope(filter: SkillMonthsFilter): CellScope | null {
  if (filter.sources !== null) return null;
  if (filter.archived.length === 2) return scopes.all;
  return filter.archived[0] === 0 ? scopes.active : null;
}

/** The applications of these flags and sources, as a condition on `applications a` (a membership is plain SQL). */
function memberOf(filter: SkillMonthsFilter): string {
  const flags = filter.archived.length === 2 ? '' : ` AND a.archived = ${filter.archived[0]}`;
  const sources = filter.sources ? ` AND a.source IN (${filter.sources.map(quoted).join(', ')})` : '';
  return `a.deleted_at IS NULL${flags}${sources}`;
}
