import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startE2EApp, type E2EApp } from './support/harness';

/** Routes live in the hash: wait for the app to get there (a same-document navigation). */
const route = (page: Page, pattern: RegExp) => expect.poll(() => new URL(page.url()).hash, { timeout: 15_000 }).toMatch(pattern);

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
  const acme = await app.api.invoke('companies.create', { name: 'Acme Robotics' });
  await app.api.invoke('applications.create', { companyId: acme.id, position: 'Frontend developer', appliedOn: '2025-03-01', workMode: 'remote' });
  await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Product designer', appliedOn: '2025-03-04' });
});
afterAll(async () => {
  await app?.close();
});

// Each test's windows close even when it fails: open pages keep connections that would starve the next ones.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
async function open(options: Parameters<E2EApp['open']>[0]) {
  const opened = await app.open(options);
  contexts.push(opened.context);
  return opened;
}

it('opens on the dashboard and reaches every screen from the sidebar', async () => {
  const { page } = await open({ path: '/' });
  await route(page, /^#\/dashboard$/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, path] of [
    ['Applications', '/applications'],
    ['Board', '/board'],
    ['Interviews', '/interviews'],
    ['Tasks', '/tasks'],
    ['Companies', '/companies'],
    ['Contacts', '/contacts'],
    ['Job fairs', '/fairs'],
    ['Answers', '/answers'],
    ['Dashboard', '/dashboard'],
  ] as const) {
    await nav.getByRole('link', { name, exact: true }).click();
    await route(page, new RegExp(`^#${path}$`));
    await expect.poll(() => nav.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
  }
  await page.getByRole('link', { name: 'Settings' }).click();
  await route(page, /^#\/settings$/);
});

it('reaches screens and actions from the command palette and the keyboard', async () => {
  const { page } = await open({ path: '/#/dashboard' });
  await page.getByRole('navigation', { name: 'Main' }).waitFor();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Command palette' });
  await palette.waitFor();
  await app.screenshot(page, 'palette-light');
  await palette.fill('go board');
  await page.getByRole('option', { name: /Go to Board/ }).waitFor();
  await page.keyboard.press('Enter');
  await route(page, /^#\/board$/);

  // The palette also finds data: an application by its words.
  await page.keyboard.press('Control+k');
  await palette.fill('designer');
  await page.getByRole('option', { name: /Product designer/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Product designer' }).waitFor();

  // g then a letter goes to a screen; n opens the quick add, the full form one click further; ? lists the shortcuts.
  await page.locator('h1').click();
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await route(page, /^#\/tasks$/);
  await page.keyboard.press('n');
  await page.getByRole('dialog', { name: 'New application' }).getByRole('button', { name: 'Full form…' }).click();
  await route(page, /^#\/applications\/new$/);
  await page.locator('h1').click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await help.getByText('Select every matching row').waitFor();
  await app.screenshot(page, 'shortcuts-light');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });

  // Typing in a field never triggers single-key shortcuts.
  await page.getByLabel('Position').fill('n?g');
  expect(page.url()).toMatch(/#\/applications\/new$/);
  expect(await help.isVisible()).toBe(false);
});

it('searches from the header: "/" focuses it, results open with the keyboard', async () => {
  const { page } = await open({ path: '/#/dashboard' });
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search applications, companies and contacts' });
  expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type('acme');
  await page.getByRole('option', { name: /Acme Robotics/ }).first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await route(page, /^#\/(applications|companies)\/[0-9a-f-]+$/);

  // The last entry sends the words to the applications table as its text filter.
  await search.fill('designer');
  await page.getByRole('option', { name: 'All applications matching “designer”' }).click();
  await route(page, /^#\/applications$/);
  expect(await page.getByLabel('Search the applications').inputValue()).toBe('designer');
  await expect.poll(() => page.locator('.table-row .cell-strong').allTextContents()).toEqual(['Product designer']);
});

it('follows the OS theme and language, and the profile overrides both', async () => {
  const dark = await open({ path: '/#/applications', colorScheme: 'dark', locale: 'fr-FR' });
  await dark.page.getByRole('heading', { level: 1, name: 'Candidatures' }).waitFor();
  expect(await dark.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect(await dark.page.evaluate(() => document.documentElement.lang)).toBe('fr');
  await dark.page.keyboard.press('Control+k');
  await app.screenshot(dark.page, 'palette-dark');
  await dark.page.keyboard.press('Escape');
  await dark.page.locator('h1').click();
  await dark.page.keyboard.press('?');
  await dark.page.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
  await app.screenshot(dark.page, 'shortcuts-dark');

  await app.api.invoke('profile.update', { theme: 'light', locale: 'en' });
  const overridden = await open({ path: '/#/applications', colorScheme: 'dark', locale: 'fr-FR' });
  await overridden.page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
  await expect.poll(() => overridden.page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

  // The header's switch writes the profile; the open window follows at once.
  await overridden.page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect.poll(() => overridden.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  expect((await app.api.invoke('profile.get', undefined)).theme).toBe('dark');
  await app.api.invoke('profile.update', { theme: 'system', locale: null });
});

it('lets the keyboard skip to the content and keeps focus visible', async () => {
  const { page } = await open({ path: '/#/applications' });
  await page.getByRole('grid').waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  // Every interactive element has a name a screen reader can say.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [role="combobox"]')]
      .filter((element) => {
        const labelled = element.getAttribute('aria-label') || element.getAttribute('aria-labelledby') || element.getAttribute('title');
        const labels = (element as HTMLInputElement).labels;
        return !labelled && !(labels && labels.length > 0) && !(element.textContent ?? '').trim();
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
});
