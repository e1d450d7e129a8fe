import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { latestPlausibleYear } from '../../src-shared/contract';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * Issue 19, item 1: an application applied on 31/12/9999 once took the app down at every launch. Here the database
 * holds one (and a currency code no chart can format), written with SQL as a damaged or old database would hold
 * them: the app opens, the dashboard shows everything it can, each failure stays in its card, and the same date
 * typed anew is refused with a clear message.
 */
let app: E2EApp;
let page: Page;
let closeContext: () => Promise<void>;
let farId: string;

beforeAll(async () => {
  app = await startE2EApp();
  const stages = await app.api.invoke('stages.list', undefined);
  const screening = stages.find((stage) => stage.category === 'screening')!;
  const normal = await app.api.invoke('applications.create', { companyName: 'Initech', position: 'Data analyst', appliedOn: '2025-02-01' });
  await app.api.invoke('applications.setStage', { id: normal.id, stageId: screening.id, occurredAt: '2025-02-10T10:00:00Z' });
  const far = await app.api.invoke('applications.create', { companyName: 'Globex', position: 'Typo engineer', appliedOn: '2025-02-02' });
  farId = far.id;
  const salaried = await app.api.invoke('applications.create', {
    companyName: 'Hooli',
    position: 'Backend engineer',
    appliedOn: '2025-02-03',
    salaryMin: 50_000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
  });
  const { sqlite } = app.context.db;
  sqlite.prepare(`UPDATE applications SET applied_on = '9999-12-31', deadline = '9999-12-31' WHERE id = ?`).run(far.id);
  sqlite.prepare(`UPDATE applications SET salary_currency = 'EURO' WHERE id = ?`).run(salaried.id);
  // As the migration that introduced the maintained counts would have built them from these rows.
  rebuildStatistics(app.context.db);
  const opened = await app.open({ path: '/#/dashboard' });
  page = opened.page;
  closeContext = () => opened.context.close();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
});

it('opens on the dashboard, which shows what it can and keeps a failure inside its card', async () => {
  await page.getByRole('group', { name: 'Key figures' }).waitFor();
  expect(await page.locator('.dash-kpi').first().textContent()).toContain('3');
  await page.locator('[data-chart="timeline"] [role="img"]').waitFor();
  await page.locator('[data-chart="funnel"] [role="img"]').waitFor();
  // The salary chart cannot format 'EURO': its card says so, and only its card.
  const salaries = page.locator('.dash-card-failed[data-part="salaries"]');
  await salaries.getByRole('alert').filter({ hasText: 'This figure could not be shown' }).waitFor();
  expect(await page.locator('.dash-card-failed').count()).toBe(1);
  expect(await page.getByRole('heading', { name: 'Skills asked' }).count()).toBe(1);
  // The timeline runs to today, not to 9999.
  const summary = await page.locator('[data-chart="timeline"] [role="img"]').getAttribute('aria-label');
  expect(summary).not.toContain('9999');
  await app.screenshot(page, 'dates-dashboard-9999');
});

it('opens the damaged application itself', async () => {
  await page.goto(`${app.server.url}/#/applications/${farId}`);
  await page.getByRole('heading', { level: 1, name: 'Typo engineer' }).waitFor();
  expect(await page.getByLabel('Applied on').inputValue()).toBe('9999-12-31');
});

it('refuses the date when it is typed anew, saying which years it takes, and creates nothing', async () => {
  const before = (await app.api.invoke('applications.list', { archived: 'all' })).total;
  await page.goto(`${app.server.url}/#/applications/new`);
  await page.getByRole('heading', { level: 1, name: 'New application' }).waitFor();
  await page.getByRole('combobox', { name: 'Company' }).fill('Umbrella');
  await page.getByLabel('Position').fill('UX researcher');
  await page.getByLabel('Applied on').fill('9999-12-31');
  await page.getByRole('button', { name: 'Add the application' }).click();
  await page.getByText(`Enter a date from 1970 to ${latestPlausibleYear()}.`).waitFor();
  expect(await page.getByLabel('Applied on').getAttribute('aria-invalid')).toBe('true');
  expect((await app.api.invoke('applications.list', { archived: 'all' })).total).toBe(before);

  // The same refusal from the channel itself, whatever sends it.
  const result = await app.api.call('applications.update', { id: farId, patch: { deadline: '9999-12-31' } });
  expect(result.ok).toBe(false);
});

it('warns, without refusing, when the deadline is before the applied date', async () => {
  await page.getByLabel('Applied on').fill('2025-03-10');
  await page.getByLabel('Deadline').fill('2025-03-01');
  await page.getByText('This deadline is before the applied date.').waitFor();
  await page.getByLabel('Deadline').fill('2025-03-20');
  await page.getByText('This deadline is before the applied date.').waitFor({ state: 'detached' });
});

it('starts a wishlist item without an applied date, and a sent one with today', async () => {
  // A fresh window: the form of the tests above holds unsaved changes.
  const fresh = await app.open({ path: '/#/applications/new' });
  page = fresh.page;
  const previous = closeContext;
  closeContext = async () => {
    await previous();
    await fresh.context.close();
  };
  await page.getByRole('heading', { level: 1, name: 'New application' }).waitFor();
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
  expect(await page.getByLabel('Applied on').inputValue()).toBe(today);
  await page.getByLabel('Starting stage').selectOption({ label: 'Wishlist' });
  await expect.poll(() => page.getByLabel('Applied on').inputValue()).toBe('');
  await page.getByLabel('Starting stage').selectOption({ label: 'Applied' });
  await expect.poll(() => page.getByLabel('Applied on').inputValue()).toBe(today);
  // Once typed, the date is the user's: the stage no longer changes it.
  await page.getByLabel('Applied on').fill('2025-01-15');
  await page.getByLabel('Starting stage').selectOption({ label: 'Wishlist' });
  expect(await page.getByLabel('Applied on').inputValue()).toBe('2025-01-15');
});
