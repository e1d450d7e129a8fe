// The view as this window stored it, read without React: the window's first calls (firstCalls.ts) ask for the
// board's columns with it before the bundle is evaluated, and the view store (viewStore.ts) starts from it.
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

export const viewStorageKey = 'candid.applications.view.v1';

/** The stored view, or the default one when nothing (or something unreadable) is stored. */
export function loadView(): ApplicationsView {
  const fallback: ApplicationsView = { filters: {}, sort: defaultSort, columns: defaultColumns };
  try {
    const saved = JSON.parse(localStorage.getItem(viewStorageKey) ?? 'null') as Partial<ApplicationsView> | null;
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
