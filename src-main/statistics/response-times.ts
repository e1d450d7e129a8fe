import type { CompanyResponseTime, ResponseTimeBucket, StatisticsResponseTimes } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { CompanyResponseRow } from './aggregates';
import { summarize, type Occurrences } from './numbers';

/** Bucket bounds in days (inclusive): same or next day, within 3 days, a week, two weeks, a month, two, more. */
export const responseTimeBounds: readonly [number, number | null][] = [
  [0, 1],
  [2, 3],
  [4, 7],
  [8, 14],
  [15, 30],
  [31, 60],
  [61, null],
];

export const maxCompanies = 15;

export function buildDistribution(histogram: readonly Occurrences[]): ResponseTimeBucket[] {
  return responseTimeBounds.map(([minDays, maxDays]) => ({
    minDays,
    maxDays,
    count: histogram
      .filter((entry) => entry.value >= minDays && (maxDays === null || entry.value <= maxDays))
      .reduce((sum, entry) => sum + entry.count, 0),
  }));
}

/** Id and name of companies by rowid. */
export function companiesByKey(db: Database, keys: readonly number[]): Map<number, { id: string; name: string }> {
  if (keys.length === 0) return new Map();
  const rows = db
    .sql(`SELECT rowid AS key, id, name FROM companies WHERE rowid IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(keys)) as { key: number; id: string; name: string }[];
  return new Map(rows.map((row) => [row.key, { id: row.id, name: row.name }]));
}

type CompanyLookup = (keys: number[]) => Map<number, { id: string; name: string }>;

/** The answered part of per-company rows: days to the first answer and how many applications took them. */
export function answeredHistogram(rows: readonly CompanyResponseRow[]): Occurrences[] {
  return rows.filter((row) => row.days !== null).map((row) => ({ value: row.days as number, count: row.count }));
}

/**
 * `answered`: every answer's delay; `rows`: the delays per company, of every company or at least of every one that
 * can rank among the first `maxCompanies` (the maintained counts read only those).
 */
export function buildResponseTimes(answered: readonly Occurrences[], rows: readonly CompanyResponseRow[], lookup: CompanyLookup): StatisticsResponseTimes {
  const byCompany = new Map<number, { applications: number; histogram: Occurrences[] }>();
  for (const row of rows) {
    const company = byCompany.get(row.company) ?? { applications: 0, histogram: [] };
    company.applications += row.count;
    if (row.days !== null) company.histogram.push({ value: row.days, count: row.count });
    byCompany.set(row.company, company);
  }
  // Most answers first, the faster first among equals; ids (the last tie-break) are read for the contenders only.
  const ranked = [...byCompany]
    .map(([key, company]) => ({ key, applications: company.applications, ...summarize(company.histogram) }))
    .filter((company) => company.count > 0)
    .sort((a, b) => b.count - a.count || a.median - b.median);
  const last = ranked[Math.min(maxCompanies, ranked.length) - 1];
  const contenders = last ? ranked.filter((company) => company.count > last.count || (company.count === last.count && company.median <= last.median)) : [];
  const known = lookup(contenders.map((company) => company.key));
  const companies: CompanyResponseTime[] = contenders
    .map(({ key, ...company }) => ({ ...company, companyId: known.get(key)?.id ?? '', companyName: known.get(key)?.name ?? '' }))
    .sort((a, b) => b.count - a.count || a.median - b.median || a.companyId.localeCompare(b.companyId))
    .slice(0, maxCompanies);
  return { summary: summarize(answered), distribution: buildDistribution(answered), companies };
}
