import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Stage } from '../../src-shared/contract';
import { startE2EApp, type E2EApp } from './support/harness';

let app: E2EApp;
let page: Page;
let stages: Stage[];
let closeContext: () => Promise<void>;
const ids: Record<string, string> = {};

const stage = (category: Stage['category']) => stages.find((candidate) => candidate.category === category)!;

beforeAll(async () => {
  app = await startE2EApp();
  stages = await app.api.invoke('stages.list', undefined);
  for (const [position, companyName] of [
    ['Data analyst', 'Initech'],
    ['Backend engineer', 'Hooli'],
    ['UX researcher', 'Umbrella'],
  ]) {
    ids[position] = (await app.api.invoke('applications.create', { companyName, position, appliedOn: '2025-02-01' })).id;
  }
  const rejected = await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Frontend engineer', appliedOn: '2025-01-10' });
  await app.api.invoke('applications.setStage', { id: rejected.id, stageId: stage('rejected').id, occurredAt: '2025-01-20T10:00:00Z' });
  await app.api.invoke('applications.create', { companyName: 'Stark Industries', position: 'Design engineer', stageId: stage('wishlist').id });
  const opened = await app.open({ path: '/#/board' });
  page = opened.page;
  closeContext = () => opened.context.close();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
});

const column = (name: string) => page.locator('section.board-column').filter({ has: page.locator(`[id^="column-"]`, { hasText: new RegExp(`^${name}$`) }) });
const card = (position: string) => page.locator('.board-card:not(.is-overlay)').filter({ hasText: position });
const count = async (name: string) => (await column(name).locator('.column-count').textContent())?.trim();
const stageOf = async (position: string) => (await app.api.invoke('applications.get', { id: ids[position] })).stageCategory;

async function drag(from: Locator, to: Locator) {
  // From the board's left end, so both the card and the column are on screen.
  await page.locator('.board').evaluate((board) => board.scrollTo({ left: 0 }));
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  // A few moves: the pointer sensor starts the drag only after 6 px, and collisions follow the pointer.
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2, { steps: 3 });
  await page.mouse.move(end.x + end.width / 2, end.y + 80, { steps: 12 });
  await page.mouse.up();
}

it('shows one column per stage in order, with counts, closed outcomes folded', async () => {
  await card('Data analyst').waitFor();
  const titles = await page.locator('.board-column [id^="column-"]').allTextContents();
  expect(titles).toEqual(['Wishlist', 'Applied', 'Screening', 'Interviewing', 'Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Ghosted']);
  expect(await count('Applied')).toBe('3');
  expect(await count('Wishlist')).toBe('1');
  // Rejected is folded: its count shows, its cards do not, until unfolded.
  expect(await count('Rejected')).toBe('1');
  expect(await card('Frontend engineer').count()).toBe(0);
  await page.getByRole('button', { name: 'Unfold the Rejected column' }).click();
  await card('Frontend engineer').waitFor();
  await page.getByRole('button', { name: 'Fold the Rejected column' }).click();
  await card('Frontend engineer').waitFor({ state: 'detached' });
  await app.screenshot(page, 'board-light');
});

it('moves a card to another stage by drag and drop, and the history records it', async () => {
  await drag(card('Data analyst'), column('Screening'));
  await page.locator('.toast').filter({ hasText: 'Moved to Screening.' }).waitFor();
  await column('Screening').locator('.board-card').filter({ hasText: 'Data analyst' }).waitFor();
  expect(await stageOf('Data analyst')).toBe('screening');
  await expect.poll(() => count('Applied')).toBe('2');
  expect(await count('Screening')).toBe('1');

  await card('Data analyst').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Data analyst' }).waitFor();
  const history = page.getByRole('region', { name: 'Stage history' });
  await history.getByText('from Applied').waitFor();
  expect(await history.locator('.timeline-item').count()).toBe(2);
  await page.goBack();
});

it('moves a card with the keyboard only: Space, arrows, Space', async () => {
  const liveRegion = page.locator('[id^="DndLiveRegion"]');
  const announced = (text: string) => liveRegion.filter({ hasText: text }).waitFor({ state: 'attached' });
  // dnd-kit starts listening for keys one timer tick after the pick-up; Chromium runs input before timers, so a
  // key sent at once can arrive first and be lost. Press again until the move is announced.
  const moveUntil = async (key: string, text: string) => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const before = await liveRegion.textContent();
      await page.keyboard.press(key);
      const moved = await expect
        .poll(async () => (await liveRegion.textContent()) !== before, { timeout: 2000 })
        .toBe(true)
        .then(() => true, () => false);
      if (moved) break;
    }
    await announced(text);
  };
  await page.locator('.board').evaluate((board) => board.scrollTo({ left: 0 }));
  await card('Backend engineer').focus();
  await page.keyboard.press('Space');
  await announced('Over the Applied column.');
  await moveUntil('ArrowRight', 'Over the Screening column.');
  await moveUntil('ArrowRight', 'Over the Interviewing column.');
  await page.keyboard.press('Space');
  await announced('Backend engineer dropped in Interviewing.');
  await expect.poll(() => stageOf('Backend engineer')).toBe('interviewing');
  await column('Interviewing').locator('.board-card').filter({ hasText: 'Backend engineer' }).waitFor();

  // Escape cancels: nothing moves. (From the board's left end: the last move scrolled it.)
  await page.locator('.board').evaluate((board) => board.scrollTo({ left: 0 }));
  await card('UX researcher').focus();
  await page.keyboard.press('Space');
  await announced('Over the Applied column.');
  await moveUntil('ArrowRight', 'Over the Screening column.');
  await page.keyboard.press('Escape');
  await announced('Move of UX researcher cancelled.');
  expect(await stageOf('UX researcher')).toBe('applied');
});

it('uses the same filters as the table', async () => {
  await page.getByLabel('Search the applications').fill('researcher');
  await expect.poll(() => page.locator('.board-card').count()).toBe(1);
  await page.getByRole('button', { name: /Remove the filter Text/ }).click();
  await expect.poll(() => page.locator('.board-card').count()).toBe(4);
});

it('loads at most 200 cards per column, then more on demand', async () => {
  for (let index = 0; index < 205; index += 1) {
    await app.api.invoke('applications.create', { companyName: 'Bulk Corp', position: `Role ${index}`, stageId: stage('wishlist').id });
  }
  const wishlist = column('Wishlist');
  await expect.poll(() => count('Wishlist'), { timeout: 20_000 }).toBe('206');
  await expect.poll(() => wishlist.locator('.board-card').count(), { timeout: 20_000 }).toBe(200);
  await wishlist.getByRole('button', { name: 'Show more (200 of 206)' }).click();
  await expect.poll(() => wishlist.locator('.board-card').count()).toBe(206);
});

it('scrolls the board and its columns on the compositor', async () => {
  // A scroller Chromium keeps off the compositor (a transparent background) is painted again and its layers worked
  // out again in every frame of a scroll: the board's longest scroll frames. One that scrolls on the compositor
  // owns layers of its own in the page's layer tree, which DevTools' protocol lists with the node that owns each.
  // After the test above: the wishlist holds 200 cards, so its column scrolls; so does the board, sideways.
  await expect.poll(() => column('Wishlist').locator('.board-card').count()).toBeGreaterThan(100);
  // Chromium gives layers only to a box that has something to scroll.
  await page.evaluate(`for (const scroller of document.querySelectorAll('.board, .column-cards')) {
    if (scroller.scrollHeight > scroller.clientHeight || scroller.scrollWidth > scroller.clientWidth) scroller.setAttribute('data-scrolls', '');
  }`);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    // The last layer tree the page sent: a tree sent while the page was between compositing states has no layers
    // (CI once read such a first tree), so each scroll below makes the page send it again.
    let owners = new Set<number | undefined>();
    cdp.on('LayerTree.layerTreeDidChange', (tree: { layers?: { backendNodeId?: number }[] }) => {
      owners = new Set(tree.layers?.map((layer) => layer.backendNodeId));
    });
    await cdp.send('LayerTree.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-scrolls]' });
    expect(nodeIds.length).toBe(2);
    const scrollers = await Promise.all(nodeIds.map(async (nodeId) => (await cdp.send('DOM.describeNode', { nodeId })).node));
    let step = 1;
    const withoutLayer = async () => {
      // A scroll makes the page send its layers.
      await page.locator('.board').evaluate((board, left) => board.scrollBy({ left }), step);
      step = -step;
      return scrollers.filter((node) => !owners.has(node.backendNodeId)).map((node) => node.attributes?.join(' ') ?? node.nodeName);
    };
    await expect.poll(withoutLayer, { timeout: 10_000 }).toEqual([]);
  } finally {
    await cdp.detach();
  }
});

it('looks right in both themes', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page: themed, context } = await app.open({ path: '/#/board', colorScheme });
    await themed.locator('.board-card').first().waitFor();
    await app.screenshot(themed, `board-${colorScheme}`);
    await context.close();
  }
});
