import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ListApplicationsInput } from '../../src-shared/contract';
import { createApplication } from '../../src-main/applications/mutations';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * The table of a long search: it asks for the pages it scrolls into after the cursor of the page before (keyset
 * paging: as cheap deep in the list as at its top), and it stays where the user left it: back from an
 * application's page, and when a change elsewhere refreshes its rows.
 */
let app: E2EApp;
let page: Page;
let closeContext: () => Promise<void>;
const listCalls: NonNullable<ListApplicationsInput>[] = [];
const count = 450;
const role = (index: number) => `Role ${String(index).padStart(3, '0')}`;

beforeAll(async () => {
  app = await startE2EApp();
  const { context } = app;
  // Applied a day apart: the default sort (newest first) puts Role 449 at the top and Role 000 at the bottom.
  context.changes.write((write) => {
    for (let index = 0; index < count; index += 1) {
      const appliedOn = new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
      createApplication(context.db, write, { companyName: `Company ${index % 40}`, position: role(index), appliedOn });
    }
  });
  const opened = await app.open({ path: '/#/applications' });
  page = opened.page;
  closeContext = () => opened.context.close();
  page.on('request', (request) => {
    if (request.url().endsWith('/api/applications.list')) listCalls.push(request.postDataJSON());
  });
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
});

const grid = () => page.getByRole('grid', { name: 'Applications' });
const scrollTop = (target: Locator) => target.evaluate((element) => Math.round(element.scrollTop));
/** The row at `index` (0 is the newest), once its data is drawn. */
const rowAt = (index: number) => page.locator(`.table-row[aria-rowindex="${index + 2}"][data-id]`);

it('asks for the pages it scrolls into after the previous page’s cursor, each row once and in order', async () => {
  await rowAt(0).waitFor();
  // Down the list as a reader goes, a screen at a time, each screen drawn before the next.
  for (let top = 600; top <= (count + 1) * 40; top += 600) {
    await grid().evaluate((element, to) => element.scrollTo({ top: to }), top);
    await rowAt(Math.min(Math.floor(top / 40) + 5, count - 1)).waitFor();
  }
  await expect.poll(() => rowAt(count - 1).textContent()).toContain(role(0));
  const deeper = listCalls.filter((input) => (input.offset ?? 0) > 0 && input.limit === 100);
  expect(deeper.length).toBeGreaterThanOrEqual(3);
  for (const input of deeper) expect(input.after, `page at ${input.offset}`).toEqual(expect.any(String));
  // The rows the cursors gave are the list's rows, in its order.
  for (const index of [99, 100, 199, 200, 399, 400]) {
    await grid().evaluate((element, to) => element.scrollTo({ top: to }), index * 40);
    await expect.poll(() => rowAt(index).textContent()).toContain(role(count - 1 - index));
  }
});

it('comes back where it was after opening an application, and stays there when a change refreshes it', async () => {
  await grid().evaluate((element) => element.scrollTo({ top: 300 * 40 }));
  await rowAt(305).waitFor();
  const left = await scrollTop(grid());
  expect(left).toBeGreaterThan(0);
  const opened = rowAt(305);
  const position = (await opened.locator('[data-action="open"]').textContent())!;
  await opened.locator('[data-action="open"]').click();
  await page.getByRole('heading', { level: 1, name: position }).waitFor();

  await page.goBack();
  await rowAt(305).waitFor();
  await expect.poll(() => scrollTop(grid())).toBe(left);
  expect(await rowAt(305).locator('[data-action="open"]').textContent()).toBe(position);

  // A change made elsewhere (another window, sync) refreshes the rows on screen: the table does not move.
  const id = (await rowAt(305).getAttribute('data-id'))!;
  await app.api.invoke('applications.update', { id, patch: { position: `${position} (renamed)` } });
  await expect.poll(() => rowAt(305).locator('[data-action="open"]').textContent()).toBe(`${position} (renamed)`);
  expect(await scrollTop(grid())).toBe(left);

  // One added above (the newest: it sorts first): the rows on screen move down a place, and the view with them.
  const shown = page.locator(`.table-row[data-id="${id}"]`);
  const onScreen = async () => Math.round((await shown.boundingBox())!.y);
  const before = await onScreen();
  await app.api.invoke('applications.create', { companyName: 'Newcorp', position: 'Newest role', appliedOn: '2025-06-01' });
  await expect.poll(() => shown.getAttribute('aria-rowindex')).toBe(String(306 + 2));
  await expect.poll(onScreen).toBe(before);
  expect(await scrollTop(grid())).toBe(left + 40);
});

it('asks for the next page before its rows come into view, so they are drawn with their data', async () => {
  // A new window (its own cache): the first page is loaded, then the view moves down to about its middle.
  const opened = await app.open({ path: '/#/applications' });
  const asked: NonNullable<ListApplicationsInput>[] = [];
  opened.page.on('request', (request) => {
    if (request.url().endsWith('/api/applications.list')) asked.push(request.postDataJSON());
  });
  const table = opened.page.getByRole('grid', { name: 'Applications' });
  await opened.page.locator('.table-row[aria-rowindex="2"][data-id]').waitFor();
  await table.evaluate((element) => element.scrollTo({ top: 40 * 40 }));
  await opened.page.locator('.table-row[aria-rowindex="42"][data-id]').waitFor();
  // The second page is on its way while none of its rows is drawn yet (not even as a placeholder).
  await expect.poll(() => asked.some((input) => input.offset === 100)).toBe(true);
  expect(await opened.page.locator('.table-row[aria-rowindex="102"]').count()).toBe(0);
  await opened.context.close();
});
