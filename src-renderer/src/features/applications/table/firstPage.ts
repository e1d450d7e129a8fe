// The table's pages as the list channel is asked for them, with neither React nor zod: the window's first calls
// (firstCalls.ts) ask for the first page with them before the bundle is evaluated, and the table's own query
// (usePagedApplications.ts) is keyed by the same input.
import type { ApplicationsView } from '../filters/savedView';

/** Rows per page of the table. */
export const pageSize = 100;

/** A view's filters and sort, as the table asks for its rows. */
export type TableBase = ApplicationsView['filters'] & { sort: ApplicationsView['sort'] };

export function tableBase(view: Pick<ApplicationsView, 'filters' | 'sort'>): TableBase {
  return { ...view.filters, sort: view.sort };
}

/** Page `page` of the table's rows: the query's key, and its call's input without a cursor. */
export function pageInput<Base extends object>(base: Base, page: number): Base & { limit: number; offset: number } {
  return { ...base, limit: pageSize, offset: page * pageSize };
}
