import type { ApplicationFilters } from '../../src-shared/contract';
import { localToday } from './days';

/** What one computation is about: the list's filters, the range on the applied date, and today. */
export interface StatisticsScope {
  filters: ApplicationFilters;
  from?: string;
  to?: string;
  today: string;
}

export function scopeOf(input: ApplicationFilters & { from?: string; to?: string; today?: string; granularity?: unknown }): StatisticsScope {
  const { from, to, today, ...rest } = input;
  const filters: ApplicationFilters & { granularity?: unknown } = { ...rest };
  delete filters.granularity;
  return { filters, from, to, today: today ?? localToday() };
}

/**
 * When the scope filters on nothing but the archived flag (a date range alone, what the dashboard's range picker
 * gives), the condition on the maintained facts (`f`) that selects its applications: the facts hold every live
 * application with its archived flag, so they need not be found through the applications' index. Null otherwise.
 */
export function archivedOnlyFactsCondition(filters: ApplicationFilters): string | null {
  if (filtersBeyondArchived(filters)) return null;
  if (filters.archived === 'all') return 'true';
  return filters.archived === true ? 'f.archived = 1' : 'f.archived = 0';
}

/** The list filters the maintained facts can answer on their own, and the facts' column each compares. */
const factColumnFilters = {
  sources: 'f.source',
  stageIds: 'f.stage_id',
  stageCategories: 'f.category',
  employmentTypes: 'f.employment_type',
  workModes: 'f.work_mode',
} as const satisfies Partial<Record<keyof ApplicationFilters, string>>;

/**
 * When the filters are the archived flag and lists of values of columns the facts hold (sources, stages,
 * categories, employment types, work modes), the WHERE on the maintained facts (`f`) that keeps the applications
 * the list's WHERE keeps (applications/filters.ts); null otherwise.
 */
export function factColumnsWhere(filters: ApplicationFilters): { clauses: string[]; params: string[] } | null {
  if (filtersBeyond(filters, ['archived', ...(Object.keys(factColumnFilters) as (keyof typeof factColumnFilters)[])])) return null;
  const clauses = [archivedOnlyFactsCondition({ archived: filters.archived }) ?? 'true'];
  const params: string[] = [];
  for (const [name, column] of Object.entries(factColumnFilters) as [keyof typeof factColumnFilters, string][]) {
    const values = filters[name] as readonly string[] | undefined;
    if (!values || values.length === 0) continue;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  }
  return { clauses, params };
}

/** Whether the filters keep applications by anything but their archived flag. */
export function filtersBeyondArchived(filters: ApplicationFilters): boolean {
  return filtersBeyond(filters, ['archived']);
}

/** Whether the filters keep applications by anything but the `allowed` ones. */
export function filtersBeyond(filters: ApplicationFilters, allowed: readonly (keyof ApplicationFilters)[]): boolean {
  return Object.entries(filters).some(
    ([name, value]) => !allowed.includes(name as keyof ApplicationFilters) && value !== undefined && !(Array.isArray(value) && value.length === 0),
  );
}
