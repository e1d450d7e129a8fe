import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, startE2EApp, type E2EApp } from './support/harness';

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
});
afterAll(async () => {
  await app?.close();
});

it('serves the renderer with a strict CSP to a browser let in by a launch address, and no key in the page', async () => {
  const { page, context } = await app.open();
  // The launch address was replaced by the clean one: the secret is not left in the address bar or the history.
  expect(page.url()).toBe(`${app.server.url}/`);
  await page.waitForFunction(() => (document.querySelector('#root')?.childElementCount ?? 0) > 0);
  const response = await page.reload();
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const html = await page.content();
  expect(html).not.toContain(app.server.token);
  expect(await page.locator('meta[name="candid-api-token"]').count()).toBe(0);
  // The session cookie is HttpOnly: no script of the page can read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: `candid-session-${app.server.port}`, httpOnly: true, sameSite: 'Strict' });
  // The app works through the cookie: it lists what the API holds.
  await app.api.invoke('applications.create', { companyName: 'Cookie Corp', position: 'Launch tester' });
  await page.goto(`${app.server.url}/#/applications`);
  await expect.poll(() => page.getByText('Launch tester').count()).toBeGreaterThan(0);
  await context.close();
});

it('shows another browser how to open Candid, in English and French, and nothing else', async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    const response = await page.goto(app.server.url);
    expect(response?.status()).toBe(401);
    await expect.poll(() => page.locator('section[lang="fr"] h1').textContent()).toContain('Candid fonctionne');
    expect(await page.locator('section[lang="en"] h1').textContent()).toContain('Candid is running');
    expect(await page.content()).not.toContain(app.server.token);
    expect(await page.locator('#root').count()).toBe(0);
    // A launch address already used lets nobody in.
    const used = app.server.launchUrl();
    const first = await browser.newContext();
    await (await first.newPage()).goto(used);
    const second = await page.goto(used);
    expect(second?.status()).toBe(401);
    expect(await context.cookies()).toEqual([]);
    await first.close();
    await context.close();
  } finally {
    await browser.close();
  }
});
