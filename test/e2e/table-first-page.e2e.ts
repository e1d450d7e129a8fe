import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

// The table's first paint: when the window opens on it, its first page is asked for before the bundle is evaluated
// (firstCalls.ts), with the view this browser stored, and the table takes that answer instead of asking again.

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
  for (let index = 0; index < 120; index += 1) {
    await app.api.invoke('applications.create', { companyName: `Company ${String(index).padStart(3, '0')}`, position: `Role ${index}`, source: index % 2 === 0 ? 'LinkedIn' : 'Referral' });
  }
});
afterAll(async () => {
  await app?.close();
});

/** Opens the table in a new window of `page`'s browser (the same storage), recording the calls it sends. */
async function openTable(page: Page): Promise<{ table: Page; sent: { path: string; input: unknown }[] }> {
  const table = await page.context().newPage();
  const sent: { path: string; input: unknown }[] = [];
  table.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) sent.push({ path: url.pathname, input: request.postDataJSON() as unknown });
  });
  await table.goto(`${app.server.url}/#/applications`);
  await table.locator('[role="grid"] [role="row"] [role="gridcell"]').first().waitFor();
  return { table, sent };
}

const firstPages = (sent: { path: string; input: unknown }[]) => sent.filter((call) => call.path === '/api/applications.list' && (call.input as { offset?: number }).offset === 0);

it('asks for the first page while the bundle is still on its way', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  const table = await context.newPage();
  // The bundle's script is held until the first page has been asked for: only the window's first calls can.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await table.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const asked = table.waitForRequest((request) => request.url().endsWith('/api/applications.list'), { timeout: 10_000 });
  await table.goto(`${app.server.url}/#/applications`, { waitUntil: 'commit' });
  const request = await asked.finally(release);
  expect(request.postDataJSON()).toMatchObject({ limit: 100, offset: 0 });
  await table.locator('[role="grid"] [role="row"] [role="gridcell"]').first().waitFor();
  await page.close();
  await context.close();
});

it('asks for the first page before the shell does anything else, once', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  const { table, sent } = await openTable(page);
  const paths = sent.map((call) => call.path);
  expect(paths.indexOf('/api/applications.list')).toBeGreaterThanOrEqual(0);
  expect(paths.indexOf('/api/applications.list')).toBeLessThan(paths.indexOf('/api/notifications.list'));
  expect(firstPages(sent)).toHaveLength(1);
  await expect.poll(() => table.locator('[role="grid"] [role="row"]').count()).toBeGreaterThan(5);
  await context.close();
});

it('asks with the view this browser stored, and shows its rows', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  await page.evaluate(() =>
    localStorage.setItem(
      'candid.applications.view.v1',
      JSON.stringify({ filters: { sources: ['Referral'] }, sort: { column: 'company', direction: 'asc' }, columns: ['company', 'position', 'source'] }),
    ),
  );
  const { table, sent } = await openTable(page);
  const asked = firstPages(sent);
  expect(asked).toHaveLength(1);
  expect(asked[0]!.input).toMatchObject({ sources: ['Referral'], sort: { column: 'company', direction: 'asc' }, limit: 100, offset: 0 });
  // The rows are the view's: Referral only (the odd ones), by company name.
  const firstRow = table.locator('[role="grid"] [role="row"]').filter({ has: table.locator('[role="gridcell"]') }).first();
  await expect.poll(() => firstRow.textContent()).toContain('Company 001');
  expect(await firstRow.textContent()).toContain('Referral');
  await context.close();
});
