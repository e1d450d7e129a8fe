import type { QueryClient } from '@tanstack/react-query';
import { prefetchChannel } from '../../api/hooks';
import { currentView } from '../applications/filters/viewStore';
import { columnInput } from './BoardColumn';
import { rememberedCollapsed } from './collapsed';
import { rememberedStages, stagesShown } from './rememberedStages';
import { firstPageSize } from './useRevealedCount';

/**
 * When the window opens on the board, asks for each column's first cards before React draws anything, with the
 * stages, filters and folded columns this device remembers: the columns' calls then go out with the stages' and
 * the profile's, and the server answers them while the bundle draws the shell, instead of after the first render.
 * The keys are the columns' own (`columnInput`), so the columns find their answers in the cache or on their way.
 */
export function prefetchBoardColumns(client: QueryClient): void {
  if (window.location.hash.split('?')[0] !== '#/board') return;
  const stages = rememberedStages();
  if (!stages) return;
  const { filters, sort } = currentView();
  const collapsed = rememberedCollapsed();
  for (const stage of stagesShown(stages, filters)) {
    prefetchChannel(client, 'applications.list', columnInput(stage, filters, sort, collapsed(stage) ? 1 : firstPageSize));
  }
}
