import type { QueryClient } from '@tanstack/react-query';
import { prefetchChannel } from '../../../api/hooks';
import { currentView } from '../filters/viewStore';
import { pageInput, tableBase } from './firstPage';

/**
 * When the window opens on the applications table, asks for its first page before React draws anything, with the
 * view this device remembers: the call goes out with the stages' and the profile's, instead of after the first
 * render (about 60 ms later at 100,000 applications). The input is the table's own first page (pageInput), so the
 * table finds its answer in the cache or on its way; the window's first calls (firstCalls.ts) sent the same one
 * before the bundle was evaluated, and this takes it. Resolves when it is answered (or failed).
 */
export function prefetchTableFirstPage(client: QueryClient): Promise<void>[] {
  if (window.location.hash.split('?')[0] !== '#/applications') return [];
  return [prefetchChannel(client, 'applications.list', pageInput(tableBase(currentView()), 0))];
}
