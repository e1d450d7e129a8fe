import type { Database } from '../../db/connection';
import type { CompanyResponseRow, DayCount } from '../aggregates';
import type { StatisticsScope } from '../scope';
import { loadSkillRows } from '../skills';
import { once, type EventSeries, type StatisticsSource } from '../source';
import { maxCompanies } from '../response-times';
import { cellsOfFact, noAnswerYet, scopes, storedKey, type CellKindName, type CellScope } from './cells';
import { factRowColumns, type FactRow } from './facts';
import { breakdownRows, cellsSource, cubeRows, salaryRows, type Cell } from './read';
import type { SkillMonthsFilter } from './skill-months-read';
import { rangePlan } from './month-ranges';

/** Kinds counted by the application's applied day within the range, summed whole (the answers per company aside). */
const rangedKinds: readonly CellKindName[] = [
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
];
const isRanged: ReadonlySet<CellKindName> = new Set<CellKindName>([...rangedKinds, 'company_days']);
/** Kinds read over every month whatever the range (applications sent per day, the timeline's events). */
const rangeFreeKinds: readonly CellKindName[] = ['sent_day', 'responses', 'interviews', 'offers'];

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Counts summed by kind, key and value; `cells` gives them as the cells' reader does, in key then value order. */
class Sums {
  private readonly byKind = new Map<CellKindName, Map<unknown, Map<number, number>>>();

  add(kind: CellKindName, key: unknown, value: number, count: number): void {
    let byKey = this.byKind.get(kind);
    if (!byKey) this.byKind.set(kind, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) byKey.set(key, (byValue = new Map()));
    byValue.set(value, (byValue.get(value) ?? 0) + count);
  }

  /** A copy, to add more to. */
  copy(): Sums {
    const copy = new Sums();
    for (const [kind, byKey] of this.byKind) copy.byKind.set(kind, new Map([...byKey].map(([key, byValue]) => [key, new Map(byValue)])));
    return copy;
  }

  /** A copy of one kind's sums, for these keys only. */
  only(kind: CellKindName, keys: ReadonlySet<unknown>): Sums {
    const only = new Sums();
    for (const [key, byValue] of this.byKind.get(kind) ?? []) {
      if (keys.has(key)) for (const [value, count] of byValue) only.add(kind, key, value, count);
    }
    return only;
  }

  cells = (kind: CellKindName): Cell[] => {
    const cells: Cell[] = [];
    for (const [key, byValue] of this.byKind.get(kind) ?? []) {
      for (const [value, count] of byValue) if (count !== 0) cells.push([key, value, count]);
    }
    return cells.sort((a, b) => compareValues(a[0], b[0]) || a[1] - b[1]);
  };
}

/** SQLite's order of a typeless column: numbers before text. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}

/**
 * The rows of a dashboard whose filters are the archived flag and sources, over any range, from the cells kept per
 * month and source (month-cells.ts): the range's months summed, the days of its first and last month counted from
 * their facts by the same code that keeps the counts (`cellsOfFact`, `rangePlan`); applications sent per day and
 * the timeline's events ignore the range and sum every month. The skills come from the skill months.
 */
export function monthCellsSource(db: Database, scope: StatisticsScope, filter: SkillMonthsFilter): StatisticsSource {
  const flags = filter.archived;
  const wholeSearch = wholeSearchScope(filter);
  // Every source of the search when none is asked for: each month's rows of a source and kind are then found by a
  // seek in the table's key, and the kinds not asked for are not read.
  const sources = filter.sources ?? allSources(db);
  const bySource = filter.sources ? ` AND source IN (${placeholders(filter.sources)})` : '';

  /** The months present for these flags within [first, last], found by one seek each. */
  const monthsWithin = (first: string, last: string): string[] =>
    db
      .sql(
        `WITH RECURSIVE months(month) AS (
           SELECT min(month) FROM main.statistics_month_cells WHERE archived IN (${placeholders(flags)}) AND month >= ?
           UNION ALL
           SELECT (SELECT min(month) FROM main.statistics_month_cells WHERE archived IN (${placeholders(flags)}) AND month > months.month)
           FROM months WHERE months.month IS NOT NULL AND months.month < ?
         ) SELECT month FROM months WHERE month IS NOT NULL AND month <= ?`,
      )
      .pluck()
      .all(...flags, first, ...flags, last, last) as string[];

  /** Sums of these kinds (of these keys, when given) over the months [first, last]. */
  const sumMonths = (sums: Sums, kinds: readonly CellKindName[], [first, last]: readonly [string, string], keys?: readonly unknown[]) => {
    const rows = db
      .sql(
        `SELECT kind, key, value, sum(count) FROM main.statistics_month_cells
         WHERE archived IN (${placeholders(flags)}) AND month IN (SELECT value FROM json_each(?)) AND source IN (SELECT value FROM json_each(?))
           AND kind IN (${placeholders(kinds)})${keys ? ' AND key IN (SELECT value FROM json_each(?))' : ''}
         GROUP BY kind, key, value`,
      )
      .raw()
      .all(...flags, JSON.stringify(monthsWithin(first, last)), JSON.stringify(sources), ...kinds, ...(keys ? [JSON.stringify(keys)] : [])) as [
      CellKindName,
      unknown,
      number,
      number,
    ][];
    for (const [kind, key, value, count] of rows) sums.add(kind, key, value, count);
  };

  const plan = rangePlan(scope.from, scope.to, (days) =>
    db.sql(`SELECT count(*) FROM main.statistics_facts WHERE applied_day BETWEEN ? AND ?`).pluck().get(...days) as number,
  );
  const whole = plan.months;
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
  const ranged = once(() => {
    const sums = edgeSums().copy();
    if (whole) sumMonths(sums, rangedKinds, whole);
    return sums.cells;
  });

  const rangeFree = once(() => {
    const sums = new Sums();
    sumMonths(sums, rangeFreeKinds, ['0000-00', '9999-99']);
    return sums.cells;
  });
  const days = (kind: CellKindName, from = '0000-01-01', to = '9999-12-31'): DayCount[] =>
    rangeFree()(kind)
      .filter(([day]) => (day as string) >= from && (day as string) <= to)
      .map(([day, , count]) => ({ day: day as string, count }));

  /**
   * The answer delays of the companies that can rank among the first `maxCompanies` by answers (as the cells'
   * reader does, read.ts): the answers per company first, then the delays of those companies alone.
   */
  const companyResponses = (): CompanyResponseRow[] => {
    const answered = ranged()('company_answered');
    if (answered.length === 0) return [];
    const counts = answered.map(([, , count]) => count).sort((a, b) => b - a);
    const least = counts[Math.min(maxCompanies, counts.length) - 1];
    const leading = answered.filter(([, , count]) => count >= least).map(([company]) => company);
    const sums = edgeSums().only('company_days', new Set(leading));
    if (whole) sumMonths(sums, ['company_days'], whole, leading);
    return sums.cells('company_days').map(([company, days, count]) => ({ company: company as number, days: days === noAnswerYet ? null : days, count }));
  };

  const cells = wholeSearch === null ? null : cellsSource(db, wholeSearch);
  return {
    member: cells?.member ?? memberOf(filter),
    cube: () => cubeRows(ranged()('cube')),
    sentPerDay: cells?.sentPerDay ?? (() => days('sent_day')),
    answered: () => ranged()('response_days').map(([key, , count]) => ({ value: key as number, count })),
    companyResponses,
    breakdownRows: (cube) => breakdownRows(cube, ranged()),
    eventsPerDay:
      cells?.eventsPerDay ??
      ((from, to) =>
        Object.fromEntries((['responses', 'interviews', 'offers'] as const).map((series) => [series, days(series, from, to)])) as Record<
          EventSeries,
          DayCount[]
        >),
    salaryRows: () => {
      const extremes = (kind: 'salary_low' | 'salary_high', pick: (a: number, b: number) => number) => {
        const byKey = new Map<string, number>();
        for (const [key, value] of ranged()(kind)) byKey.set(key as string, byKey.has(key as string) ? pick(byKey.get(key as string)!, value) : value);
        return byKey;
      };
      return salaryRows(ranged()('salary'), extremes('salary_low', Math.min), extremes('salary_high', Math.max));
    },
    skillRows: () => loadSkillRows(db, scope),
  };
}

/** Every source of the live applications as the months store it ('' for none), from the cells of the whole search. */
function allSources(db: Database): string[] {
  const keys = db.sql(`SELECT key FROM statistics_cells WHERE kind = 'source' AND scope = ${scopes.all}`).pluck().all() as string[];
  return [...new Set(keys.map((key) => (JSON.parse(key) as [string | null])[0] ?? ''))];
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
