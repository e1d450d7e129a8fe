import { useSyncExternalStore } from 'react';
import type { ApplicationFilters } from '../../../../../src-shared/contract';
import { loadView, viewStorageKey, type ApplicationsView } from './savedView';

export type { ApplicationSort, ApplicationsView } from './savedView';
export { defaultColumns, defaultSort } from './savedView';

let current: ApplicationsView | null = null;
const listeners = new Set<() => void>();

function view(): ApplicationsView {
  current ??= loadView();
  return current;
}

/** Replaces part of the view; remembered across restarts (localStorage of this window). */
export function updateView(change: Partial<ApplicationsView>): void {
  current = { ...view(), ...change };
  try {
    localStorage.setItem(viewStorageKey, JSON.stringify(current));
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
