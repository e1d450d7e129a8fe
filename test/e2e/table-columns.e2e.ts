import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pollTimeout } from './support/records';
import { startE2EApp, type E2EApp } from './support/harness';

// Columns of the applications table (issue 19, item 7): sized to their content, resizable with the mouse and the
// keyboard, and remembered.

let app: E2EApp;

beforeAll(async () => {
  app = await startE2EApp();
  const rows: [string, string, string][] = [
    ['Initech', 'Data analyst', 'Lyon'],
    ['Hooli', 'Senior platform engineer, developer experience and tooling', 'San Francisco Bay Area, California'],
    ['Compagnie Générale des Établissements Michelin', 'Ingénieure logiciel embarqué', 'Clermont-Ferrand'],
  ];
  for (const [companyName, position, location] of rows) {
    await app.api.invoke('applications.create', { companyName, position, location, appliedOn: '2025-02-01', tags: ['remote', 'dream job'] });
  }
});
afterAll(async () => {
  await app?.close();
});

const header = (page: Page, name: string) => page.getByRole('columnheader', { name, exact: true });
const widthOf = async (page: Page, name: string) => (await header(page, name).boundingBox())!.width;
/** Texts cut by an ellipsis in the table: a header label or a cell text wider than its box. */
const truncated = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-header .header-label, .table-row .cell-text')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => ({ text: element.textContent, title: element.title })),
  );

it('sizes each column to its header and its content', async () => {
  for (const locale of ['en-US', 'fr-FR']) {
    const { page, context } = await app.open({ path: '/#/applications', locale });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.locator('.table-row .cell-strong').first().waitFor();
    // Nothing is cut but the two values longer than their column's upper bound (a column never takes the whole
    // screen for one value), whose whole text is in their tooltip.
    expect(await truncated(page)).toEqual([
      { text: 'Compagnie Générale des Établissements Michelin', title: 'Compagnie Générale des Établissements Michelin' },
      { text: 'Senior platform engineer, developer experience and tooling', title: 'Senior platform engineer, developer experience and tooling' },
    ]);
    // Short values, short column: the applied date's column is far narrower than the position's.
    const [applied, position] = locale === 'en-US' ? ['Applied on', 'Position'] : ['Date de candidature', 'Poste'];
    expect(await widthOf(page, applied)).toBeLessThan((await widthOf(page, position)) / 2);
    await app.screenshot(page, `applications-columns-${locale === 'en-US' ? 'en' : 'fr'}-1920`);
    await context.close();
  }
});

it('resizes a column by dragging its edge, and remembers it after a reload', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  await page.locator('.table-row .cell-strong').first().waitFor();
  const before = await widthOf(page, 'Company');
  const handle = page.getByRole('separator', { name: 'Width of the column Company' });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => widthOf(page, 'Company'), pollTimeout).toBeCloseTo(before + 80, -1);
  // The cells follow their header.
  const cell = await page.locator('.table-row[data-index="0"] [role="gridcell"]').nth(3).boundingBox();
  expect(cell!.width).toBeCloseTo(before + 80, -1);

  await page.reload();
  await page.locator('.table-row .cell-strong').first().waitFor();
  expect(await widthOf(page, 'Company')).toBeCloseTo(before + 80, -1);
  await context.close();
});

it('resizes with the keyboard, and Enter fits the column to its content again', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  await page.locator('.table-row .cell-strong').first().waitFor();
  const handle = page.getByRole('separator', { name: 'Width of the column Location' });
  const fitted = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow')), pollTimeout).toBe(fitted + 8 + 8 + 48);
  expect(await widthOf(page, 'Location')).toBeCloseTo(fitted + 64, 0);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow')), pollTimeout).toBe(fitted + 56);
  // Focus stays on the handle: the arrows did not move the table's active row.
  expect(await handle.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(async () => Number(await handle.getAttribute('aria-valuenow')), pollTimeout).toBe(fitted);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('candid.applications.columnWidths.v1') ?? '{}'))).not.toHaveProperty('location');
  await context.close();
});

it('ignores a damaged remembered width instead of breaking the table', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  await page.evaluate(() => localStorage.setItem('candid.applications.columnWidths.v1', JSON.stringify({ company: 'wide', location: -5, position: 300 })));
  await page.reload();
  await page.locator('.table-row .cell-strong').first().waitFor();
  expect(await widthOf(page, 'Position')).toBeCloseTo(300, 0);
  expect(await widthOf(page, 'Company')).toBeGreaterThan(80);
  await app.screenshot(page, 'applications-columns-damaged-widths');
  await context.close();
});
