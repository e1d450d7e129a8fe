import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDay, pollTimeout } from './support/records';
import { startE2EApp, type E2EApp } from './support/harness';

// The quick add (issue 19, item 5): company, position, link, stage; Enter saves; from anywhere (N, the palette,
// the "+" of a board column, which presets its stage); the full form one click further, with what was typed.

let app: E2EApp;
let page: Page;
let closeContext: () => Promise<void>;

beforeAll(async () => {
  app = await startE2EApp();
  await app.api.invoke('applications.create', { companyName: 'Initech', position: 'Data analyst', appliedOn: '2025-02-01' });
  const opened = await app.open({ path: '/#/dashboard' });
  page = opened.page;
  closeContext = () => opened.context.close();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
});

const dialog = () => page.getByRole('dialog', { name: 'New application' });
const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text }).first();
const find = async (position: string) =>
  (await app.api.invoke('applications.list', { archived: 'all', sort: { column: 'appliedOn', direction: 'desc' }, limit: 100, offset: 0 })).items.find(
    (item) => item.position === position,
  );

it('adds an application with N and Enter, from anywhere, keyboard only', async () => {
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  await page.keyboard.press('n');
  await dialog().waitFor();
  // The company box has the focus: type straight away.
  await page.keyboard.type('Hooli');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Platform engineer');
  await page.keyboard.press('Tab');
  await page.keyboard.type('https://jobs.example.com/hooli/7');
  await app.screenshot(page, 'quick-add-light');
  await page.keyboard.press('Enter');
  await dialog().waitFor({ state: 'hidden' });
  await toast('Platform engineer at Hooli added to Applied.').waitFor();
  expect(await find('Platform engineer')).toMatchObject({
    companyName: 'Hooli',
    postingUrl: 'https://jobs.example.com/hooli/7',
    stageCategory: 'applied',
    appliedOn: localDay(0),
  });
  // Still on the dashboard.
  expect(page.url()).toMatch(/#\/dashboard$/);
});

it('refuses a missing position next to the field and writes nothing, then Undo removes an added one', async () => {
  const before = (await app.api.invoke('applications.list', {})).total;
  await page.locator('h1').click();
  await page.keyboard.press('n');
  await page.keyboard.type('Initech');
  // As in a window the browser is not drawing: no animation frame ever comes. The keyboard must still reach the
  // refused field (it moves there from an effect once the error is in the page, not in a frame).
  await page.evaluate(() => {
    (window as unknown as { savedFrame: typeof requestAnimationFrame }).savedFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0;
  });
  await page.keyboard.press('Enter');
  const position = dialog().getByLabel('Position');
  await expect.poll(() => position.getAttribute('aria-invalid'), pollTimeout).toBe('true');
  await expect.poll(() => position.evaluate((element) => element === document.activeElement), pollTimeout).toBe(true);
  await page.evaluate(() => {
    window.requestAnimationFrame = (window as unknown as { savedFrame: typeof requestAnimationFrame }).savedFrame;
  });
  expect((await app.api.invoke('applications.list', {})).total).toBe(before);

  await page.keyboard.type('Report writer');
  await page.keyboard.press('Enter');
  await toast('Report writer at Initech added').waitFor();
  expect(await find('Report writer')).toBeDefined();
  await page.keyboard.press('Control+z');
  await expect.poll(() => find('Report writer'), pollTimeout).toBeUndefined();
});

it('opens from the palette, and carries what was typed to the full form', async () => {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command palette' }).fill('quick add');
  await page.keyboard.press('Enter');
  await dialog().waitFor();
  await dialog().getByLabel('Position').fill('Site reliability engineer');
  await dialog().getByRole('combobox', { name: 'Company' }).fill('Umbrella');
  await dialog().getByLabel('Stage').selectOption({ label: 'Wishlist' });
  await dialog().getByRole('button', { name: 'Full form…' }).click();
  await page.getByRole('heading', { level: 1, name: 'New application' }).waitFor();
  expect(await page.getByRole('combobox', { name: 'Company' }).inputValue()).toBe('Umbrella');
  expect(await page.getByLabel('Position').inputValue()).toBe('Site reliability engineer');
  // A wishlist item has no applied date yet.
  expect(await page.getByLabel('Applied on').inputValue()).toBe('');
  await page.getByRole('button', { name: 'Add the application' }).click();
  await page.getByRole('heading', { level: 1, name: 'Site reliability engineer' }).waitFor();
  expect(await find('Site reliability engineer')).toMatchObject({ companyName: 'Umbrella', stageCategory: 'wishlist', appliedOn: null });
});

it('adds to a board column from its "+", in that column\'s stage', async () => {
  await page.goto(`${app.server.url}/#/board`);
  const screening = page.locator('section.board-column').filter({ has: page.locator('[id^="column-"]', { hasText: /^Screening$/ }) });
  await screening.getByRole('button', { name: 'Add an application to Screening' }).click();
  await dialog().waitFor();
  expect(await dialog().getByLabel('Stage').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0].textContent)).toBe('Screening');
  await page.keyboard.type('Globex');
  await dialog().getByLabel('Position').fill('Product manager');
  await dialog().getByLabel('Position').press('Enter');
  await screening.locator('.board-card').filter({ hasText: 'Product manager' }).waitFor();
  expect(await find('Product manager')).toMatchObject({ stageCategory: 'screening', appliedOn: localDay(0) });
  await app.screenshot(page, 'board-quick-add-light');
});

it('reads in French in the dark theme', async () => {
  const { page: french, context } = await app.open({ path: '/#/board', locale: 'fr-FR', colorScheme: 'dark' });
  await french.getByRole('button', { name: /^Ajouter une candidature à / }).nth(1).click();
  const box = french.getByRole('dialog', { name: 'Nouvelle candidature' });
  await box.getByRole('button', { name: 'Formulaire complet…' }).waitFor();
  await app.screenshot(french, 'quick-add-fr-dark');
  await context.close();
});
