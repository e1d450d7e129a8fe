import { useCallback, useMemo, useState } from 'react';
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApplicationPage, ApplicationSummary, ListApplicationsInput } from '../../../../../src-shared/contract';
import { invoke } from '../../../api/client';
import { pageInput, pageSize } from './firstPage';

/** The largest page the list channel serves; used when every id of a selection must be known. */
const idPageSize = 1000;

type BaseInput = Omit<NonNullable<ListApplicationsInput>, 'limit' | 'offset' | 'after'>;

const pageKey = (base: BaseInput, page: number) => ['applications.list', pageInput(base, page)] as const;

/**
 * The cursor that page `page` can start after: the previous page's `nextCursor`, when that page is loaded and
 * up to date. A page after a cursor is an index range, as cheap at row 90,000 as at row 100; by offset main first
 * steps over every row before it. A page the scrollbar jumped to (its previous one not loaded) goes by offset, and
 * so do pages refreshed after a change: their previous page is being refreshed too, and a cursor from its old
 * rows could skip or repeat a row at the boundary.
 */
function cursorBefore(client: QueryClient, base: BaseInput, page: number): string | undefined {
  if (page === 0) return undefined;
  const previous = client.getQueryState<ApplicationPage>(pageKey(base, page - 1));
  if (!previous?.data || previous.isInvalidated || previous.fetchStatus !== 'idle') return undefined;
  return previous.data.nextCursor ?? undefined;
}

/** The page indexes covering rows [start, end]. */
export function pagesFor(start: number, end: number): number[] {
  if (end < start) return [];
  const pages: number[] = [];
  for (let page = Math.floor(start / pageSize); page <= Math.floor(end / pageSize); page += 1) pages.push(page);
  return pages;
}

/**
 * The rows of applications.list for the visible range only, one query per page of 100 keyed by its place in the
 * list: scrolling through 100,000 rows fetches what comes into view (each page after the previous one's cursor when
 * it can, see cursorBefore), and a `changed` event refreshes just the visible pages.
 */
export function usePagedApplications(base: BaseInput, visible: { start: number; end: number }) {
  const client = useQueryClient();
  const baseKey = JSON.stringify(base);
  const pages = pagesFor(visible.start, visible.end);
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: pageKey(base, page),
      // The offset stays: main uses it when there is no cursor, or when the sort cannot have one (a custom field).
      queryFn: () => invoke('applications.list', { ...pageInput(base, page), after: cursorBefore(client, base, page) }),
    })),
  });

  // The total survives a change of filters until the new one arrives, so the list does not flash empty.
  const [lastTotal, setLastTotal] = useState<{ key: string; total: number } | null>(null);
  const loaded = results.find((result) => result.data)?.data as ApplicationPage | undefined;
  if (loaded && (lastTotal?.key !== baseKey || lastTotal.total !== loaded.total)) setLastTotal({ key: baseKey, total: loaded.total });
  const total = loaded?.total ?? lastTotal?.total ?? 0;
  const settled = Boolean(loaded) || lastTotal?.key === baseKey;
  const error = results.find((result) => result.error)?.error ?? null;

  const dataVersion = results.map((result, index) => `${pages[index]}:${result.dataUpdatedAt}`).join(',');
  const rowAt = useMemo(() => {
    const loadedPages = new Map<number, ApplicationSummary[]>();
    results.forEach((result, index) => {
      if (result.data) loadedPages.set(pages[index], result.data.items);
    });
    return (index: number): ApplicationSummary | undefined => {
      const page = Math.floor(index / pageSize);
      // A row outside the visible pages (the keyboard-active one) may still be in the cache.
      const items = loadedPages.get(page) ?? client.getQueryData<ApplicationPage>(pageKey(base, page))?.items;
      return items?.[index - page * pageSize];
    };
    // dataVersion says when `results` hold other rows (other pages, or fresher data).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, baseKey, dataVersion]);

  /** Ids of rows [start, end]: the first page by offset, each next one after the cursor of the one before. */
  const idsBetween = useCallback(
    async (start: number, end: number): Promise<string[]> => {
      const ids: string[] = [];
      let after: string | undefined;
      for (let offset = start; offset <= end; offset += idPageSize) {
        const limit = Math.min(idPageSize, end - offset + 1);
        const page = await invoke('applications.list', { ...base, limit, offset, after });
        ids.push(...page.items.map((item) => item.id));
        if (page.items.length < limit) break;
        // None when the sort has no cursor (a custom field): the next page goes by its offset.
        after = page.nextCursor ?? undefined;
      }
      return ids;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [baseKey],
  );

  const allIds = useCallback(() => idsBetween(0, Math.max(total - 1, 0)), [idsBetween, total]);

  const refreshing = results.some((result) => result.isFetching);
  return { total, settled, refreshing, rowAt, idsBetween, allIds, error, isLoading: !settled && results.some((result) => result.isPending) };
}
