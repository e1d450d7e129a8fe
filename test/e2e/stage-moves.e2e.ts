import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Stage } from '../../src-shared/contract';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * Issue 19, items 3 and 4: leaving the wishlist sets the applied date to the move's day, whichever way the move is
 * made (drag, keyboard, the stage picker), and says so; every move can be undone from its toast or with
 * Ctrl/Cmd+Z, which takes its event out of the history.
 */
let app: E2EApp;
let page: Page;
let stages: Stage[];
let closeContext: () => Promise<void>;
const ids: Record<string, string> = {};

const stage = (category: Stage['category']) => stages.find((candidate) => candidate.category === category)!;

beforeAll(async () => {
  app = await startE2EApp();
  stages = await app.api.invoke('stages.list', undefined);
  for (const position of ['Dragged', 'Keyboarded', 'Picked']) {
    ids[position] = (await app.api.invoke('applications.create', { companyName: 'Wonka', position, stageId: stage('wishlist').id })).id;
  }
  // On the wishlist since January 2025: a move can be backdated after that.
  ids.Backdated = (await app.api.invoke('applications.create', { companyName: 'Wonka', position: 'Backdated', stageId: stage('wishlist').id, stageAt: '2025-01-06T09:00:00Z' })).id;
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
const detail = (position: string) => app.api.invoke('applications.get', { id: ids[position] });
const today = () => page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
const todayShown = () => page.evaluate(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()));
const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text }).first();

async function drag(from: Locator, to: Locator) {
  await page.locator('.board').evaluate((board) => board.scrollTo({ left: 0 }));
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2, { steps: 3 });
  await page.mouse.move(end.x + end.width / 2, end.y + 80, { steps: 12 });
  await page.mouse.up();
}

it('dragging out of the wishlist sets the applied date, says it, and Undo takes the move back', async () => {
  await card('Dragged').waitFor();
  await drag(card('Dragged'), column('Applied'));
  const moved = toast(`Moved to Applied; applied on ${await todayShown()}.`);
  await moved.waitFor();
  await expect.poll(async () => (await detail('Dragged')).appliedOn).toBe(await today());

  await moved.getByRole('button', { name: 'Undo' }).click();
  await column('Wishlist').locator('.board-card').filter({ hasText: 'Dragged' }).waitFor();
  await expect.poll(async () => (await detail('Dragged')).stageCategory).toBe('wishlist');
  const after = await detail('Dragged');
  expect(after.appliedOn).toBeNull();
  // The mis-drag left no history behind.
  expect(after.stageHistory.map((event) => event.toCategory)).toEqual(['wishlist']);
});

it('moving with the keyboard does the same, and Ctrl+Z undoes it', async () => {
  const liveRegion = page.locator('[id^="DndLiveRegion"]');
  const announced = (text: string) => liveRegion.filter({ hasText: text }).waitFor({ state: 'attached' });
  await page.locator('.board').evaluate((board) => board.scrollTo({ left: 0 }));
  await card('Keyboarded').focus();
  await page.keyboard.press('Space');
  await announced('Over the Wishlist column.');
  // dnd-kit listens for keys one tick after the pick-up: press until the move is announced.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.keyboard.press('ArrowRight');
    const over = await liveRegion.filter({ hasText: 'Over the Applied column.' }).waitFor({ state: 'attached', timeout: 2000 }).then(() => true, () => false);
    if (over) break;
  }
  await page.keyboard.press('Space');
  await toast(/^Moved to Applied; applied on /).waitFor();
  await expect.poll(async () => (await detail('Keyboarded')).appliedOn).toBe(await today());

  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await detail('Keyboarded')).stageCategory).toBe('wishlist');
  expect((await detail('Keyboarded')).stageHistory).toHaveLength(1);
});

it('the stage picker of the detail page shows the date it set, editable, and its toast undoes too', async () => {
  await page.goto(`${app.server.url}/#/applications/${ids.Picked}`);
  await page.getByRole('heading', { level: 1, name: 'Picked' }).waitFor();
  expect(await page.getByLabel('Applied on').inputValue()).toBe('');
  await page.getByLabel('Current stage').selectOption({ label: 'Applied' });
  await toast(/^Moved to Applied; applied on /).waitFor();
  // Shown in the form, where it can be corrected like any date.
  await expect.poll(() => page.getByLabel('Applied on').inputValue()).toBe(await today());
  await page.getByText(`applied ${await todayShown()}`).waitFor();

  await page.keyboard.press('Escape');
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => page.getByLabel('Applied on').inputValue()).toBe('');
  expect((await detail('Picked')).stageCategory).toBe('wishlist');
});

it('a backdated move out of the wishlist, from the history form, sets the applied date to its day', async () => {
  await page.goto(`${app.server.url}/#/applications/${ids.Backdated}`);
  await page.getByRole('heading', { level: 1, name: 'Backdated' }).waitFor();
  const history = page.getByRole('region', { name: 'Stage history' });
  await history.getByLabel('Stage').selectOption({ label: 'Screening' });
  await history.getByLabel('When').fill('2025-02-03T10:30');
  await history.getByRole('button', { name: 'Record' }).click();
  await toast('Moved to Screening; applied on 3 Feb 2025.').waitFor();
  await expect.poll(() => page.getByLabel('Applied on').inputValue()).toBe('2025-02-03');
  await toast('Moved to Screening; applied on 3 Feb 2025.').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await detail('Backdated')).appliedOn).toBeNull();
  expect((await detail('Backdated')).stageHistory).toHaveLength(1);
});
