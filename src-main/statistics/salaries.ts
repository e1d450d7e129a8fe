import type { EmploymentType, SalaryPeriod, SalaryStatistic, StatisticsSalaries } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { compareNullsLast } from './compare';
import { factsTable } from './facts';
import { summarize } from './numbers';

export interface SalaryRow {
  employmentType: EmploymentType | null;
  currency: string | null;
  period: SalaryPeriod | null;
  /** (min + max) / 2, or the one amount given. */
  midpoint: number;
  low: number;
  high: number;
  count: number;
}

/** Applications in the range with an amount, by group and midpoint (a histogram: medians need the distribution). */
export function loadSalaryRows(db: Database): SalaryRow[] {
  return db
    .sql(
      `SELECT employment_type AS employmentType, salary_currency AS currency, salary_period AS period,
         (coalesce(salary_min, salary_max) + coalesce(salary_max, salary_min)) / 2.0 AS midpoint,
         min(coalesce(salary_min, salary_max)) AS low, max(coalesce(salary_max, salary_min)) AS high, count(*) AS count
       FROM ${factsTable} WHERE in_range AND (salary_min IS NOT NULL OR salary_max IS NOT NULL)
       GROUP BY employmentType, currency, period, midpoint`,
    )
    .all() as SalaryRow[];
}

export function buildSalaries(rows: readonly SalaryRow[]): StatisticsSalaries {
  type Group = { key: Pick<SalaryStatistic, 'employmentType' | 'currency' | 'period'>; rows: SalaryRow[] };
  const groups = new Map<string, Group>();
  let withoutCurrency = 0;
  // The rows come grouped (by key from the cells, by GROUP BY from the facts): a row of the last row's group is
  // added without building its id (thousands of rows for the whole search).
  let last: Group | undefined;
  for (const row of rows) {
    if (row.currency === null) {
      withoutCurrency += row.count;
      continue;
    }
    let group = last;
    if (group?.key.employmentType !== row.employmentType || group.key.currency !== row.currency || group.key.period !== row.period) {
      const id = JSON.stringify([row.employmentType, row.currency, row.period]);
      group = groups.get(id) ?? { key: { employmentType: row.employmentType, currency: row.currency, period: row.period }, rows: [] };
      groups.set(id, group);
    }
    group.rows.push(row);
    last = group;
  }
  const statistics: SalaryStatistic[] = [...groups.values()].map(({ key, rows: groupRows }) => {
    const summary = summarize(groupRows.map((row) => ({ value: row.midpoint, count: row.count })));
    return {
      ...key,
      count: summary.count,
      min: groupRows.reduce((low, row) => Math.min(low, row.low), Infinity),
      max: groupRows.reduce((high, row) => Math.max(high, row.high), -Infinity),
      mean: summary.mean,
      median: summary.median,
    };
  });
  statistics.sort(
    (a, b) =>
      b.count - a.count ||
      compareNullsLast(a.employmentType, b.employmentType) ||
      a.currency.localeCompare(b.currency) ||
      compareNullsLast(a.period, b.period),
  );
  return { groups: statistics, withoutCurrency };
}
