import { expect } from 'vitest';
import type { ApplicationFilters } from '../../../src-shared/contract';
import type { Database } from '../../../src-main/db/connection';
import { skillMonthsFilter } from '../../../src-main/statistics/maintained/skill-months-read';
import { scopeOf } from '../../../src-main/statistics/scope';
import { loadSkillRows, loadSkillRowsFromLists, type SkillRow } from '../../../src-main/statistics/skills';

export type SkillScope = ApplicationFilters & { from?: string; to?: string };

const sorted = (rows: SkillRow[]) => [...rows].sort((a, b) => a.kind.localeCompare(b.kind) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));

/** The maintained skill months give, for this scope, exactly the counts read from every kept application's lists. */
export function expectSkillMonthsMatchLists(db: Database, options: SkillScope): void {
  const scope = scopeOf({ ...options, today: '2025-03-12' });
  // The comparison is only worth something if the scope is one the months answer.
  expect(skillMonthsFilter(scope.filters), JSON.stringify(options)).not.toBeNull();
  expect(sorted(loadSkillRows(db, scope)), JSON.stringify(options)).toEqual(sorted(loadSkillRowsFromLists(db, scope)));
}

/** A few scopes of every shape the months answer: ranges across months and within one, sources, archived flags. */
export const skillScopes: SkillScope[] = [
  {},
  { archived: 'all' },
  { archived: true },
  { from: '2025-01-15', to: '2025-03-12' },
  { from: '2025-02-01', to: '2025-02-28', archived: 'all' },
  { from: '2024-12-31', to: '2025-01-01', archived: true },
  { sources: ['linkedin'] },
  { sources: ['apec', 'indeed', 'LinkedIn'], archived: 'all', from: '2025-01-20' },
  { to: '2025-02-10', sources: ['referral'] },
];
