import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

// The smaller things of a newcomer's walk (issue 19, item 9) that only a drawn page shows: "Save and leave" in the
// leave-without-saving dialog, user text cut with an ellipsis in its own direction, named task checkboxes, one
// palette entry for the report, and the import page's promise in the browser.

let app: E2EApp;
let page: Page;
const rtlPosition = 'مهندس برمجيات أول في فريق البنية التحتية والخدمات السحابية';
beforeAll(async () => {
  app = await startE2EApp();
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', appliedOn: '2024-03-01' });
  await app.api.invoke('applications.create', { companyName: 'شركة التقنية', position: rtlPosition, appliedOn: '2024-03-02' });
  await app.api.invoke('tasks.create', { title: 'Call back Acme' });
  ({ page } = await app.open({ colorScheme: 'light', path: '/#/dashboard' }));
});
afterAll(async () => {
  await app?.close();
});

it('the leave-without-saving dialog saves and leaves', async () => {
  const acme = (await app.api.invoke('applications.list', {})).items.find((item) => item.companyName === 'Acme')!;
  await page.goto(`${app.server.url}/#/applications/${acme.id}`);
  await page.getByRole('heading', { level: 1, name: 'Backend developer' }).waitFor();
  await page.getByLabel('Location').fill('Lyon, France');
  await page.getByRole('region', { name: 'Unsaved changes' }).waitFor();
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await leave.getByRole('button', { name: 'Save and leave' }).click();
  await expect.poll(() => page.url()).toMatch(/#\/board$/);
  expect((await app.api.invoke('applications.get', { id: acme.id })).location).toBe('Lyon, France');
});

it('cuts right-to-left text at its own end: board cards read it in its direction', async () => {
  await page.goto(`${app.server.url}/#/board`);
  const position = page.locator('.card-position', { hasText: rtlPosition });
  await position.waitFor();
  expect(await position.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  // What it would be without dir="auto": the page's left-to-right, the ellipsis on the wrong side.
  expect(await position.evaluate((element) => (element.removeAttribute('dir'), getComputedStyle(element).direction))).toBe('ltr');
  expect(await page.locator('.card-position', { hasText: 'Backend developer' }).evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
});

it('names each task checkbox after its task', async () => {
  await page.goto(`${app.server.url}/#/tasks`);
  await page.getByRole('checkbox', { name: 'Done: Call back Acme' }).waitFor();
});

it('lists the report once in the palette', async () => {
  await page.goto(`${app.server.url}/#/dashboard`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command palette' }).fill('report');
  await page.getByRole('option', { name: /Open the printable report/ }).waitFor();
  const names = await page.getByRole('option').allTextContents();
  // The proof-of-search report (issue 15) is another report; the printable one is listed once.
  expect(names.filter((name) => /report|pdf/i.test(name) && !/proof-of-search/i.test(name))).toHaveLength(1);
  expect(names.filter((name) => /proof-of-search/i.test(name))).toHaveLength(1);
  await page.keyboard.press('Escape');
});

it('promises in the browser the size the browser can send: the transport takes a 100 MB file (body-limits.test.ts)', async () => {
  await page.goto(`${app.server.url}/#/import`);
  await page.getByRole('heading', { name: 'Import applications' }).waitFor();
  await page.getByText('Up to 100 MB.', { exact: true }).waitFor();
});
