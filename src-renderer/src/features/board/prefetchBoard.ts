import type { QueryClient } from '@tanstack/react-query';
import { prefetchChannel } from '../../api/hooks';
import { currentView } from '../applications/filters/viewStore';
import { firstPageInputs } from './columnPages';
import { rememberedStages } from './rememberedStages';

/**
 * When the window opens on the board, asks for each column's first cards before React draws anything, with the
 * stages, filters and folded columns this device remembers: the columns' calls then go out with the stages' and
 * the profile's, and the server answers them while the bundle draws the shell, instead of after the first render.
 * The inputs are the columns' own (`columnInput`), so the columns find their answers in the cache or on their way;
 * the window's first calls (firstCalls.ts) sent the same ones before the bundle was evaluated, and these take them.
 * Resolves when each is answered (or failed): main.tsx may wait a moment for them before the first render.
 */
export function prefetchBoardColumns(client: QueryClient): Promise<void>[] {
  if (window.location.hash.split('?')[0] !== '#/board') return [];
  const stages = rememberedStages();
  if (!stages) return [];
  return firstPageInputs(stages, currentView()).map((input) => prefetchChannel(client, 'applications.list', input));
}
