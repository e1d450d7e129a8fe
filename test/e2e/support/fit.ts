import type { Page } from 'playwright-core';

/** How the window itself stands: it must never scroll, in either direction (each pane scrolls inside itself). */
export const windowScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    return { top: root.scrollTop, left: root.scrollLeft, tall: root.scrollHeight > innerHeight, wide: root.scrollWidth > innerWidth };
  });

/** Stage names and short labels that the screen cuts (an ellipsis, or clipped): their texts. */
export const cutLabels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.column-title, .badge, .nav-label, .sidebar-hint-label, .dash-kpi-label')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.textContent),
  );
