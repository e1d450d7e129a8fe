// What each board column asks for first, with neither React nor zod: the window's first calls (firstCalls.ts) ask
// for the columns' first pages with these before the bundle is evaluated, and the columns find the answers under
// the very same inputs.
import type { ApplicationFilters, Stage } from '../../../../src-shared/contract';
import { closedStageCategories } from '../../../../src-shared/contract/enums';
import type { ApplicationsView, ApplicationSort } from '../applications/filters/savedView';

/** Cards a column draws with the first paint: what a window shows. */
export const firstRevealed = 8;
/** Cards a column adds when its turn comes: the layout of the cards a frame adds is most of that frame's work while
 * the board fills. With 16 a turn rendered outside a transition, the longest frame of the bench's scroll took 34 to
 * 99 ms of main-thread CPU in nine traces under load (React's render of the batch 32 to 60 ms of it in the worst);
 * with 8 in a transition, 30 to 51 ms, for about a third more CPU over the whole scroll (more frames each lay out
 * a few cards). */
export const revealedPerStep = 8;
/** Cards a column asks for first: the first paint's and the next two batches', so none of them waits for the rest. */
export const firstPageSize = firstRevealed + 2 * revealedPerStep;

/** What a column asks applications.list for: the board's filters with this stage only. */
export function columnInput(stage: Pick<Stage, 'id'>, filters: ApplicationFilters, sort: ApplicationSort, limit: number) {
  const { stageCategories: _categories, stageIds: _stages, ...rest } = filters;
  return { ...rest, stageIds: [stage.id], sort, limit, offset: 0 };
}

/** The stages the board shows a column for: those the filters' stage categories and stages let through. */
export function stagesShown<S extends Pick<Stage, 'id' | 'category'>>(stages: S[], filters: ApplicationFilters): S[] {
  const { stageCategories, stageIds } = filters;
  return stages.filter(
    (stage) => (!stageCategories?.length || stageCategories.includes(stage.category)) && (!stageIds?.length || stageIds.includes(stage.id)),
  );
}

/** Where the board's stages of the last answer are kept (rememberedStages.ts). */
export const rememberedStagesKey = 'candid.board.stages.v1';

const collapsedKey = 'candid.board.collapsed.v1';

/** The folded columns as this device stored them: stage id → folded. */
export function loadCollapsed(): Record<string, boolean> {
  try {
    const saved = JSON.parse(localStorage.getItem(collapsedKey) ?? '{}') as unknown;
    return saved && typeof saved === 'object' ? (saved as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

export function saveCollapsed(state: Record<string, boolean>): void {
  localStorage.setItem(collapsedKey, JSON.stringify(state));
}

/** Whether a column is folded: as stored, else folded for the closed categories (rejected, withdrawn, ghosted). */
export const collapsedIn = (state: Record<string, boolean>, stage: Pick<Stage, 'id' | 'category'>): boolean =>
  state[stage.id] ?? closedStageCategories.includes(stage.category);

/** Each shown column's first page, in board order: a folded column's needs one row (its count). */
export function firstPageInputs(stages: Pick<Stage, 'id' | 'category'>[], view: Pick<ApplicationsView, 'filters' | 'sort'>) {
  const collapsed = loadCollapsed();
  return stagesShown(stages, view.filters).map((stage) => columnInput(stage, view.filters, view.sort, collapsedIn(collapsed, stage) ? 1 : firstPageSize));
}
