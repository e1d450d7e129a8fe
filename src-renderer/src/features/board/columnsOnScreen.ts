import type { Stage } from '../../../../src-shared/contract';
import { rememberedSidebar } from '../../shell/remembered';

/** The board's measures in board.css and the shell's in layout.css (the page's padding after the sidebar). */
const boardLeftPx = { sidebarOpen: 228 + 24, sidebarFolded: 56 + 24 };
const columnPitchPx = { comfortable: 280 + 12, compact: 212 + 8 };
const foldedColumnPitchPx = { comfortable: 48 + 12, compact: 48 + 8 };

/**
 * The columns that start inside the window's width, from the stylesheet's widths rather than the page's layout: a
 * column decides how many cards it draws when its first cards arrive, and reading the layout then would force the
 * browser to lay out the page in the middle of drawing it. When the shell is not drawn yet (the board's first render,
 * which draws it too, and since session 15 the first cards with it), the sidebar is as this device remembers it: the
 * folded one assumed then counted a fifth column of cards in a 1280-pixel window with the sidebar open.
 */
export function columnsOnScreen(stages: Stage[], isCollapsed: (stage: Stage) => boolean, density: 'comfortable' | 'compact'): Set<string> {
  const sidebarOpen = (document.querySelector('.app')?.getAttribute('data-sidebar') ?? rememberedSidebar()) === 'expanded';
  let left = sidebarOpen ? boardLeftPx.sidebarOpen : boardLeftPx.sidebarFolded;
  const onScreen = new Set<string>();
  for (const stage of stages) {
    if (left >= window.innerWidth) break;
    onScreen.add(stage.id);
    left += isCollapsed(stage) ? foldedColumnPitchPx[density] : columnPitchPx[density];
  }
  return onScreen;
}
