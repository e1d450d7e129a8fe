import { useSyncExternalStore } from 'react';
import type { ApplicationFilters, ApplicationSortColumn } from '../../../../../src-shared/contract';

export interface ApplicationSort {
  column: ApplicationSortColumn;
  direction: 'asc' | 'desc';
  /** The custom field of a `custom` sort. */
  fieldId?: string;
}

/** What the applications table and the board show: one filter set shared by both, plus the table's sort and columns. */
export interface ApplicationsView {
  filters: ApplicationFilters;
  sort: ApplicationSort;
  columns: string[];
}

export const defaultSort: ApplicationSort = { column: 'appliedOn', direction: 'desc' };
export const defaultColumns = ['company', 'position', 'stage', 'appliedOn', 'workMode', 'location', 'source', 'salary', 'tags'];

const storageKey = 'candid.applications.view.v1';

function load(): ApplicationsView {
  const fallback: ApplicationsView = { filters: {}, sort: defaultSort, columns: defaultColumns };
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<ApplicationsView> | null;
    if (!saved || typeof saved !== 'object') return fallback;
    return {
      filters: saved.filters && typeof saved.filters === 'object' ? saved.filters : {},
      sort: saved.sort?.column ? saved.sort : defaultSort,
      columns: Array.isArray(saved.columns) && saved.columns.length > 0 ? saved.columns : defaultColumns,
    };
  } catch {
    return fallback;
  }
}

let current: ApplicationsView | null = null;
const listeners = new Set<() => void>();

function view(): ApplicationsView {
  current ??= load();
  return current;
}

/** Replaces part of the view; remembered across restarts (localStorage of this window). */
export function updateView(change: Partial<ApplicationsView>): void {
  current = { ...view(), ...change };
  try {
    localStorage.setItem(storageKey, JSON.stringify(current));
  } catch {
    // Storage full or disabled: the view still works for this session.
  }
  for (const listener of listeners) listener();
}

export function setFilters(filters: ApplicationFilters): void {
  updateView({ filters: withoutEmpty(filters) });
}

/** The view right now, outside React: the board asks for its columns' first cards with it before the first render. */
export function currentView(): ApplicationsView {
  return view();
}

/** The filters of the applications screens right now: the shell passes them to exports. */
export function currentFilters(): ApplicationFilters {
  return view().filters;
}

export function useApplicationsView(): ApplicationsView {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    view,
  );
}

/** Drops unset filters (undefined, '', empty lists) so inputs stay minimal and "no filter" is `{}`. */
export function withoutEmpty(filters: ApplicationFilters): ApplicationFilters {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    result[key] = value;
  }
  return result as ApplicationFilters;
}

/** How many filters are set (the text search counts as one). */
export function activeFilterCount(filters: ApplicationFilters): number {
  return Object.keys(withoutEmpty(filters)).length;
}
