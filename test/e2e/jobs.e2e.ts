import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticCsv } from '../imports/support/synthetic';
import { tempDir } from '../support/temp-app';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * A large import runs as a job in a worker: the progress bar says what is being done and how far it got, and the
 * table stays usable (it answers, filters and scrolls) until the import commits and it shows the new rows.
 */
const rows = 40_000;
let app: E2EApp;
let file: string;

beforeAll(async () => {
  app = await startE2EApp();
  for (let index = 0; index < 120; index += 1) {
    await app.api.invoke('applications.create', { companyName: `Existing ${index % 12}`, position: `Role ${index}` });
  }
  file = path.join(tempDir('candid-e2e-large-'), 'suivi-large.csv');
  fs.writeFileSync(file, syntheticCsv(rows));
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

it('shows the progress of a large import while the table stays usable', async () => {
  const { page, context } = await app.open({ path: '/#/import' });
  await page.getByRole('heading', { name: 'Import applications' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('heading', { name: 'What each column is' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'What the values mean' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Before importing' }).waitFor();
  const importButton = page.getByRole('button', { name: /^Import [\d,]+ application/ });
  await expect.poll(() => importButton.isDisabled()).toBe(false);
  await importButton.click();

  const bar = page.getByRole('progressbar', { name: 'Importing' });
  await bar.waitFor({ timeout: 30_000 });
  await app.screenshot(page, 'jobs-import-progress');

  // The table, meanwhile: it lists what was there, and a filter answers.
  await page.getByRole('link', { name: 'Applications' }).first().click();
  const grid = page.getByRole('grid');
  await grid.waitFor();
  await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(5);
  expect(await bar.isVisible()).toBe(true);
  await grid.evaluate((element) => element.scrollBy(0, 2000));
  await page.locator('.filter-search-input').fill('Role 119');
  await expect.poll(() => grid.getByRole('row').count()).toBeLessThan(5);
  await app.screenshot(page, 'jobs-table-during-import');

  // Once it commits, the bar goes and the table counts the imported rows too.
  await bar.waitFor({ state: 'detached', timeout: 120_000 });
  await page.locator('.filter-search-input').fill('');
  await page.getByText(`${(rows + 120).toLocaleString('en-US')} applications`).waitFor({ timeout: 30_000 });
  await context.close();
});
