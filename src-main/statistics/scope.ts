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
