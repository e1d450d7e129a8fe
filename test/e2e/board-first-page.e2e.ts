import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Stage } from '../../src-shared/contract';
import { closedStageCategories } from '../../src-shared/contract/enums';
import { startE2EApp, type E2EApp } from './support/harness';

// The board's first paint: each column asks for a small first page, then its full page; the columns are drawn from
// the stages of the last run until stages.list answers, and their first pages are asked for before React draws.

let app: E2EApp;
let stages: Stage[];
const created = 230;

beforeAll(async () => {
  app = await startE2EApp();
  stages = await app.api.invoke('stages.list', undefined);
  const wishlist = stages.find((stage) => stage.category === 'wishlist')!;
  for (let index = 0; index < created; index += 1) {
    await app.api.invoke('applications.create', { companyName: 'Bulk Corp', position: `Role ${index}`, stageId: wishlist.id });
  }
});
afterAll(async () => {
  await app?.close();
});

const column = (page: Page, name: string) =>
  page.locator('section.board-column').filter({ has: page.locator('[id^="column-"]', { hasText: new RegExp(`^${name}$`) }) });
const titles = (page: Page) => page.locator('.board-column [id^="column-"]').allTextContents();
const positions = (page: Page, name: string) => column(page, name).locator('.board-card .card-position').allTextContents();

it("draws a column's first cards from a small page, then the rest of its page arrives and Show more loads the others", async () => {
  const { context } = await app.open({ path: '/#/board' });
  // A second window of the same browser (the same localStorage), whose every call is recorded.
  const page = await context.newPage();
  const wishlistId = stages.find((stage) => stage.category === 'wishlist')!.id;
  const limitsAsked: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/applications.list')) return;
    const input = request.postDataJSON() as { stageIds?: string[]; limit: number };
    if (input.stageIds?.[0] === wishlistId) limitsAsked.push(input.limit);
  });
  await page.goto(`${app.server.url}/#/board`);
  const wishlist = column(page, 'Wishlist');
  await wishlist.locator('.board-card').first().waitFor();
  // The count is the column's, not the first page's.
  expect((await wishlist.locator('.column-count').textContent())?.trim()).toBe(String(created));
  await expect.poll(() => wishlist.locator('.board-card').count(), { timeout: 20_000 }).toBe(200);
  // A small first page, then the column's page of 200.
  expect(limitsAsked[0]).toBeLessThan(50);
  expect(limitsAsked).toContain(200);
  // Scrolled to its end: the 200 are distinct, and Show more brings the last 30, none lost or repeated.
  await wishlist.locator('.column-cards').evaluate((cards) => cards.scrollTo({ top: cards.scrollHeight }));
  expect(new Set(await positions(page, 'Wishlist')).size).toBe(200);
  await wishlist.getByRole('button', { name: `Show more (200 of ${created})` }).click();
  await expect.poll(() => wishlist.locator('.board-card').count(), { timeout: 20_000 }).toBe(created);
  const all = await positions(page, 'Wishlist');
  expect(new Set(all)).toEqual(new Set(Array.from({ length: created }, (_, index) => `Role ${index}`)));
  await context.close();
});

it('draws the columns from the last run before stages.list answers, then shows the changed stages', async () => {
  const { page: first, context } = await app.open({ path: '/#/board' });
  await column(first, 'Wishlist').locator('.board-card').first().waitFor();
  const before = await titles(first);
  await first.close();

  const wishlist = stages.find((stage) => stage.category === 'wishlist')!;
  await app.api.invoke('stages.rename', { id: wishlist.id, name: 'Dream jobs' });
  await app.api.invoke('stages.create', { name: 'Second look', category: 'screening' });

  // A second window of the same browser (the same localStorage), where stages.list is held until released: the
  // board draws the remembered columns and their cards meanwhile.
  const page = await context.newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/stages.list', async (route) => {
    await released;
    await route.continue();
  });
  const sent: string[] = [];
  page.on('request', (request) => sent.push(new URL(request.url()).pathname));
  await page.goto(`${app.server.url}/#/board`);
  await column(page, 'Wishlist').locator('.board-card').first().waitFor();
  expect(await titles(page)).toEqual(before);
  // The columns' first cards are asked for before React draws (main.tsx), ahead of the shell's first calls.
  expect(sent.indexOf('/api/applications.list')).toBeGreaterThanOrEqual(0);
  expect(sent.indexOf('/api/applications.list')).toBeLessThan(sent.indexOf('/api/notifications.list'));

  release();
  await expect.poll(() => titles(page), { timeout: 20_000 }).toContain('Second look');
  const after = await titles(page);
  expect(after).toContain('Dream jobs');
  expect(after).not.toContain('Wishlist');
  expect(await column(page, 'Dream jobs').locator('.board-card').count()).toBeGreaterThan(0);
  await context.close();
});

it("draws the first cards of the columns in the window first, then every column's cards", async () => {
  // The board's columns in order: the sixth open one starts past a 1280-pixel window's right edge (whatever the
  // sidebar's width); the first is the wishlist, with its 230 applications.
  const shown = await app.api.invoke('stages.list', undefined);
  const open = shown.filter((stage) => !closedStageCategories.includes(stage.category));
  const far = shown.indexOf(open[5]);
  expect(far).toBe(5);
  for (let index = 0; index < 20; index += 1) {
    await app.api.invoke('applications.create', { companyName: 'Far Corp', position: `Far role ${index}`, stageId: open[5].id });
  }
  const { context } = await app.open({ path: '/#/board' });
  // A second window of the same browser: it records, for each column, how many cards it held when its count first
  // appeared (the count comes with the column's first page, in the same render as its first cards).
  const page = await context.newPage();
  await page.addInitScript(() => {
    const firstSeen: Record<number, number> = {};
    (window as unknown as { firstSeen: Record<number, number> }).firstSeen = firstSeen;
    new MutationObserver(() => {
      document.querySelectorAll('section.board-column').forEach((section, index) => {
        const count = section.querySelector('.column-count')?.textContent?.trim();
        if (index in firstSeen || !count || count === '0') return;
        firstSeen[index] = section.querySelectorAll('.board-card').length;
      });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`${app.server.url}/#/board`);
  const farColumn = page.locator('section.board-column').nth(far);
  await expect.poll(() => farColumn.locator('.board-card').count(), { timeout: 20_000 }).toBe(20);
  const firstSeen = (await page.evaluate('window.firstSeen')) as Record<number, number>;
  expect(firstSeen[0]).toBeGreaterThan(0);
  // Out of the window when its first page arrived: no card drawn with it, all of them a moment later.
  expect(firstSeen[far]).toBe(0);
  const farPositions = await farColumn.locator('.board-card .card-position').allTextContents();
  expect(new Set(farPositions)).toEqual(new Set(Array.from({ length: 20 }, (_, index) => `Far role ${index}`)));
  await context.close();
});

it('while a column scrolls, draws cards only where they are about to show, and the rest once the scroll stops', async () => {
  // The second column gets enough cards to fill itself several times over; the wishlist (230 cards) is scrolled.
  const shown = await app.api.invoke('stages.list', undefined);
  const second = shown.filter((stage) => !closedStageCategories.includes(stage.category))[1];
  const waitingCards = 120;
  for (let index = 0; index < waitingCards; index += 1) {
    await app.api.invoke('applications.create', { companyName: 'Wait Corp', position: `Wait role ${index}`, stageId: second.id });
  }
  const { page, context } = await app.open({ path: '/#/board' });
  // The first column is the wishlist (renamed by an earlier test).
  const scrolled = page.locator('section.board-column').first();
  await scrolled.locator('.board-card').first().waitFor();
  const secondColumn = page.locator('section.board-column').nth(shown.indexOf(second));
  // Scrolls the wishlist a little every frame for about three seconds; records, each frame, the cards drawn in the
  // second column and in the wishlist.
  const frames = (await scrolled.locator('.column-cards').evaluate(
    (list, other) =>
      new Promise<{ otherCards: number; scrolledCards: number }[]>((resolve) => {
        const seen: { otherCards: number; scrolledCards: number }[] = [];
        const tick = () => {
          list.scrollTop += 40;
          seen.push({
            otherCards: document.querySelectorAll('section.board-column')[other]!.querySelectorAll('.board-card').length,
            scrolledCards: list.querySelectorAll('.board-card').length,
          });
          if (seen.length < 180) requestAnimationFrame(tick);
          else resolve(seen);
        };
        requestAnimationFrame(tick);
      }),
    shown.indexOf(second),
  ))!;
  // The scrolled column kept drawing ahead of its view; the other one waited (without the pause it drew its page of
  // 200 within the scroll: every one of its cards).
  expect(frames.at(-1)!.scrolledCards).toBeGreaterThan(24);
  expect(Math.max(...frames.map((frame) => frame.otherCards))).toBeLessThan(waitingCards / 2);
  // Once the scroll has stopped, every card of the other column is drawn.
  await expect.poll(() => secondColumn.locator('.board-card').count(), { timeout: 20_000 }).toBe(waitingCards);
  await context.close();
});

it("asks for the board's first pages before the bundle is evaluated, and draws the shell with the first cards", async () => {
  const shown = await app.api.invoke('stages.list', undefined);
  // A first window stores the stages of this run; a second one of the same browser starts from them.
  const { page: first, context } = await app.open({ path: '/#/board' });
  await first.locator('.board-card').first().waitFor();
  await first.close();
  const page = await context.newPage();
  // React's commits, through the hook it calls for its DevTools: the cards and columns in the page at each one.
  await page.addInitScript(() => {
    const commits: [number, number][] = [];
    (window as unknown as { commits: typeof commits }).commits = commits;
    (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      onScheduleFiberRoot() {},
      onCommitFiberRoot() {
        commits.push([document.querySelectorAll('.board-column').length, document.querySelectorAll('.board-card').length]);
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
  });
  // The bundle's entry script is held until the first pages' answers are in: only the window's first calls
  // (firstCalls.ts) can ask for them meanwhile.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  const firstPages: string[] = [];
  let answered = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/applications.list') && (request.postDataJSON() as { limit: number }).limit < 200) firstPages.push(request.postData()!);
  });
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('/api/applications.list')) answered += 1;
  });
  await page.goto(`${app.server.url}/#/board`, { waitUntil: 'commit' });
  // Every column's first page (a folded column's one row) is asked for and answered with the bundle still held.
  await expect.poll(() => answered, { timeout: 20_000 }).toBe(shown.length);
  expect(new Set(firstPages).size).toBe(shown.length);

  release();
  await page.locator('.board-card').first().waitFor();
  // The bundle took those answers instead of asking again, and its first render drew the columns with their cards.
  expect(firstPages).toHaveLength(shown.length);
  const commits = (await page.evaluate('window.commits')) as [number, number][];
  const firstWithColumns = commits.find(([columns]) => columns > 0);
  expect(firstWithColumns?.[1]).toBeGreaterThan(0);
  await context.close();
});

it('draws the shell and the columns without their cards when the first pages are slow to come', async () => {
  const { page: first, context } = await app.open({ path: '/#/board' });
  await first.locator('.board-card').first().waitFor();
  await first.close();
  // The first render waits a moment for the first pages (main.tsx), never for as long as they take.
  const page = await context.newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/applications.list', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${app.server.url}/#/board`, { waitUntil: 'commit' });
  await page.locator('.board-column').first().waitFor({ timeout: 10_000 });
  expect(await page.locator('.board-card').count()).toBe(0);
  release();
  await page.locator('.board-card').first().waitFor();
  await context.close();
});
