/**
 * The renderer's side of the benchmark: the built renderer served with the real handler table over HTTP on a
 * copy of the largest cached database (test/e2e/support/harness.ts), in headless Chromium. Measures, with the
 * page's own clock, the time from navigation to the first rows of the applications table and to the first
 * cards of the board, and the frame times while scrolling the table and the board. A screen that is not there yet is
 * reported as n/a. Also runs alone: `npx tsx test/bench/renderer.ts` (uses the 100,000 cache).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ensureRendererBuilt } from '../../scripts/web';
import { startE2EApp, type E2EApp } from '../e2e/support/harness';
import { cachedDatabase, workingCopy, type CachedDatabase } from './cache';
import type { RendererResult } from './report';
import { scratchDir } from './scratch';
import { summarize } from './timing';

const navigations = 5;
const waitMs = 30_000;

/*
 * The in-page parts are plain JavaScript text: functions handed to Playwright are serialised with toString(),
 * and tsx's transform adds helper calls (__name) to them that do not exist in the page.
 */

/** Data rows of the applications grid: rows with cells, not the header row nor a loading placeholder. */
const firstRowsShown = `(() => {
  const grid = document.querySelector('[role="grid"]');
  if (!grid) return false;
  const filled = [...grid.querySelectorAll('[role="row"]')].some(
    (row) => !row.querySelector('[role="columnheader"]') && row.querySelectorAll('[role="gridcell"]').length > 1,
  );
  return filled ? performance.now() : false;
})()`;

/** Board cards: by test id, or the draggable items of the board region. */
export const firstCardsShown = `(() => {
  const card = document.querySelector(
    '[data-testid="board-card"], [role="region"] [aria-roledescription][data-application-id], .board [data-application-id]',
  );
  return card ? performance.now() : false;
})()`;

/** What each measured route waits for, by the hash it opens on. */
const shownByRoute: Record<string, string> = { '#/applications': firstRowsShown, '#/board': firstCardsShown };
const shownMessage = 'candid-bench-shown ';

/**
 * Added to every page of the measuring context, run by the browser before the page's own scripts: when the route's
 * first rows or cards are in the document, the next animation frame's time is written to the console, where the
 * measuring process reads it. Until session 12 the measuring process polled with Playwright's waitForFunction, which
 * starts only once the page's load event has reached that process (the same process serving the handler calls, busy
 * answering them) and first evaluates Playwright's own script in the page (20 to 30 ms of the page's main thread):
 * the board's cards, in the page at about 250 ms under load, were reported at 570 to 850 ms. A mutation observer
 * asks for no frame of its own; the time is still that of the first frame with the cards, as the polling's was.
 */
export const shownWatchScript = `(() => {
  const routes = { ${Object.entries(shownByRoute)
    .map(([route, shown]) => `${JSON.stringify(route)}: () => ${shown}`)
    .join(', ')} };
  const shown = routes[location.hash.split('?')[0]];
  if (!shown) return;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => console.debug(${JSON.stringify(shownMessage)} + performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/**
 * Opens `url` (a route of shownByRoute) and resolves with the page's time of the first frame showing its rows or
 * cards; the page's context must have shownWatchScript as an init script.
 */
export async function timeToShown(page: Page, url: string, timeoutMs = waitMs): Promise<number> {
  const shown = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(shownMessage), timeout: timeoutMs });
  await page.goto(url);
  return Number((await shown).text().slice(shownMessage.length));
}

/**
 * Scrolls the grid by a fixed step on every animation frame; resolves with the times between frames. `marks` puts a
 * user-timing mark `f<n>` at each frame, for a trace to be cut by frame.
 */
export const scrollScript = (frames: number, step: number, marks = false) => `new Promise((resolve) => {
  const grid = document.querySelector('[role="grid"]');
  if (!grid || grid.scrollHeight <= grid.clientHeight) return resolve(null);
  const times = [];
  let last = 0;
  const tick = (now) => {
    if (last) times.push(now - last);
    last = now;${marks ? "\n    performance.mark('f' + times.length);" : ''}
    grid.scrollTop += ${step};
    if (times.length < ${frames}) requestAnimationFrame(tick);
    else resolve(times);
  };
  requestAnimationFrame(tick);
})`;

/**
 * Scrolls the board on every animation frame: down the column holding the most cards (a column loads up to 200,
 * without virtualisation), then across the columns; resolves with the times between frames.
 */
export const boardScrollScript = (frames: number, step: number) => `new Promise((resolve) => {
  const board = document.querySelector('.board');
  const columns = [...document.querySelectorAll('.column-cards')].filter((column) => column.scrollHeight > column.clientHeight);
  const column = columns.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  if (!board || !column) return resolve(null);
  const times = [];
  let last = 0;
  const tick = (now) => {
    if (last) times.push(now - last);
    last = now;
    if (times.length < ${frames} / 2) column.scrollTop += ${step};
    else board.scrollLeft += ${step} / 4;
    if (times.length < ${frames}) requestAnimationFrame(tick);
    else resolve(times);
  };
  requestAnimationFrame(tick);
})`;

/**
 * Milliseconds from navigation start to the first frame showing the route's rows or cards (shownWatchScript), the
 * median of several loads of the route (the first load, which fills the HTTP cache, is not counted), or why it
 * could not be measured.
 */
async function timeToFirst(app: E2EApp, page: Page, route: string): Promise<number | string> {
  const samples: number[] = [];
  for (let load = 0; load <= navigations; load += 1) {
    await page.goto('about:blank');
    try {
      const shownAt = await timeToShown(page, `${app.server.url}/#${route}`);
      if (load > 0) samples.push(shownAt);
    } catch {
      return `n/a (nothing shown at #${route} within ${waitMs / 1000} s)`;
    }
  }
  return summarize(samples).p50;
}

async function scrollFrames(page: Page) {
  const deltas = (await page.evaluate(scrollScript(300, 120))) as number[] | null;
  return deltas ? summarize(deltas) : 'n/a (the table does not scroll)';
}

async function boardScrollFrames(page: Page) {
  const deltas = (await page.evaluate(boardScrollScript(300, 120))) as number[] | null;
  return deltas ? summarize(deltas) : 'n/a (no column of the board scrolls)';
}

export async function benchRenderer(cached: CachedDatabase, log: (line: string) => void): Promise<RendererResult> {
  try {
    ensureRendererBuilt();
  } catch (error) {
    return { status: `n/a (the renderer does not build: ${(error as Error).message.split('\n')[0]})` };
  }
  let app: E2EApp | undefined;
  try {
    // The harness removes its data folder when it closes: give it a copy.
    app = await startE2EApp({ dataDir: workingCopy(cached, scratchDir('candid-bench-renderer-')) });
    // Playwright evaluates text in the page with eval(), which the app's CSP (script-src 'self') forbids: this
    // context alone bypasses it. Same viewport as the end-to-end tests.
    const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await context.addInitScript(shownWatchScript);
    const page = await context.newPage();
    // The HTTP transport lets a browser context in only through its one-time launch address (session cookie):
    // without it every call is refused and no screen ever fills.
    await page.goto(app.server.launchUrl());
    log('  applications table');
    const applicationsFirstRowsMs = await timeToFirst(app, page, '/applications');
    log('  scrolling');
    const scrollFramesResult = typeof applicationsFirstRowsMs === 'number' ? await scrollFrames(page) : 'n/a (no table)';
    log('  board');
    const boardFirstCardsMs = await timeToFirst(app, page, '/board');
    log('  scrolling the board');
    const boardScrollFramesResult = typeof boardFirstCardsMs === 'number' ? await boardScrollFrames(page) : 'n/a (no board)';
    await context.close();
    return { applicationsFirstRowsMs, boardFirstCardsMs, scrollFrames: scrollFramesResult, boardScrollFrames: boardScrollFramesResult };
  } catch (error) {
    return { status: `error: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await app?.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const cached = await cachedDatabase(Number(process.argv[2] ?? 100_000), log);
  console.log(JSON.stringify(await benchRenderer(cached, log), null, 2));
}
