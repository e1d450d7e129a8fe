import { expect } from 'vitest';
import type { ApplicationFilters } from '../../../src-shared/contract';
import type { Database } from '../../../src-main/db/connection';
import { computeDashboard } from '../../../src-main/statistics/compute';
import { sourceFromFacts } from '../../../src-main/statistics/facts-source';
import { skillMonthsFilter } from '../../../src-main/statistics/maintained/skill-months-read';

export type MonthScope = ApplicationFilters & { from?: string; to?: string };

/** The maintained month cells, in key order. */
export const monthCellRows = (db: Database): unknown[] =>
  db.sql(`SELECT * FROM statistics_month_cells ORDER BY month, source, kind, key, value`).all();

/** The maintained skill months, in key order. */
export const skillMonthRows = (db: Database): unknown[] => db.sql(`SELECT * FROM statistics_skill_months ORDER BY month, source, kind, skill`).all();

/**
 * The dashboard of a scope the month cells answer (sources, a range, the archived flag) equals, figure for figure,
 * the one grouped from the facts as before them (`sourceFromFacts`).
 */
export function expectMonthCellsMatchFacts(db: Database, scope: MonthScope, today: string): void {
  const { from, to, ...filters } = scope;
  expect(skillMonthsFilter(filters), JSON.stringify(scope)).not.toBeNull();
  const options = { ...scope, today };
  const fromMonths = computeDashboard(db, options);
  const fromFacts = computeDashboard(db, options, sourceFromFacts);
  // Upcoming interviews are read from now: the two calls may straddle an instant.
  const steady = (dashboard: typeof fromMonths) => ({ ...dashboard, overview: { ...dashboard.overview, upcomingInterviews: null } });
  expect(steady(fromMonths), JSON.stringify({ from, to, ...filters })).toEqual(steady(fromFacts));
}

/** Scopes of every shape the months answer, around `today` (2025-03-12 in the scenario). */
export const monthScopes: MonthScope[] = [
  { sources: ['linkedin'] },
  { sources: ['apec', 'indeed', 'LinkedIn'], archived: 'all' },
  { archived: true },
  { from: '2025-01-15', to: '2025-03-12' },
  { from: '2025-02-01', to: '2025-02-28', archived: 'all' },
  { from: '2024-12-31', to: '2025-01-01', archived: true },
  { from: '2025-03-02', to: '2025-03-10' },
  { sources: ['referral', 'linkedin'], from: '2025-01-20' },
  { to: '2025-02-10', sources: ['referral'] },
  { from: '2025-02-20', to: '2025-03-05', archived: 'all', sources: ['linkedin', 'indeed'] },
];
