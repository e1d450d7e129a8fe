import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

const fixture = path.resolve(import.meta.dirname, '../fixtures/imports/e2e-suivi.csv');

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
});
afterAll(async () => {
  await app?.close();
});

async function applications() {
  return (await app.api.invoke('applications.list', { limit: 100 })).items;
}

/** Goes through the whole wizard with the French tracker fixture, a screenshot per step. */
async function importThroughWizard(page: Page, theme: 'light' | 'dark') {
  await page.getByRole('heading', { name: 'Import applications' }).waitFor();
  await app.screenshot(page, `import-1-file-${theme}`);

  await page.locator('input[type=file]').setInputFiles(fixture);
  // Columns: recognised from the French headers; the bad date and the unknown status marked in their cells.
  await page.getByRole('heading', { name: 'What each column is' }).waitFor();
  expect(await page.getByLabel('Import “Entreprise” as').inputValue()).toBe('company');
  expect(await page.getByLabel('Import “Date de réponse” as').inputValue()).toBe('responseOn');
  await expect.poll(() => page.locator('td[data-problem="error"]').allTextContents()).toEqual(['À voir', '31/04/2024']);
  expect(await page.getByLabel('Encoding').inputValue()).toBe('utf-8');
  expect(await page.getByLabel('Delimiter').inputValue()).toBe(';');
  await app.screenshot(page, `import-2-columns-${theme}`);

  await page.getByRole('button', { name: 'Next' }).click();
  // Values: "À voir" is not recognised; the user says it is on the wishlist.
  await page.getByRole('heading', { name: 'What the values mean' }).waitFor();
  const unknown = page.getByLabel('Stage / status · À voir');
  expect(await unknown.getAttribute('aria-invalid')).toBe('true');
  await app.screenshot(page, `import-3-values-${theme}`);
  await unknown.selectOption({ label: 'Wishlist' });
  await expect.poll(() => unknown.getAttribute('aria-invalid')).toBeNull();

  await page.getByRole('button', { name: 'Next' }).click();
  // Check: the bad date blocks the import until the user chooses to skip that row.
  await page.getByRole('heading', { name: 'Before importing' }).waitFor();
  await page.getByText('Row 7').waitFor();
  const importButton = page.getByRole('button', { name: /^Import \d+ application/ });
  expect(await importButton.isDisabled()).toBe(true);
  await page.getByLabel('Skip the rows with errors and import the others').check();
  await expect.poll(() => importButton.textContent()).toBe('Import 5 applications');
  await app.screenshot(page, `import-4-review-${theme}`);

  await importButton.click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor();
  await page.getByText('5 applications imported').waitFor();
  await app.screenshot(page, `import-5-done-${theme}`);
}

it('imports a CSV through the wizard, and undoes it', async () => {
  const { page, context } = await app.open({ colorScheme: 'light', path: '/#/import' });
  await importThroughWizard(page, 'light');

  const imported = await applications();
  expect(imported.map((row) => row.companyName).sort()).toEqual(['Airbus', 'Decathlon', 'Doctolib', 'L’Oréal', 'Société Générale']);
  expect(imported.find((row) => row.companyName === 'Doctolib')?.stageCategory).toBe('wishlist');
  expect(imported.find((row) => row.companyName === 'Société Générale')).toMatchObject({ stageCategory: 'rejected', appliedOn: '2024-03-12', salaryMin: 45000, salaryMax: 50000 });

  await page.getByRole('button', { name: 'Undo import' }).click();
  await page.getByText('The import was undone.').waitFor();
  expect(await applications()).toEqual([]);
  await context.close();
});

it('looks right in the dark theme too', async () => {
  const { page, context } = await app.open({ colorScheme: 'dark', path: '/#/import' });
  await importThroughWizard(page, 'dark');
  expect(await applications()).toHaveLength(5);
  await context.close();
});

it('says clearly when the file is not a spreadsheet, in French too', async () => {
  const { page, context } = await app.open({ colorScheme: 'light', locale: 'fr-FR', path: '/#/import' });
  await page.getByRole('heading', { name: 'Importer des candidatures' }).waitFor();
  await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await page.getByText('photo.png n’est pas un tableur', { exact: false }).or(page.getByText("photo.png n'est pas un tableur", { exact: false })).waitFor();
  await app.screenshot(page, 'import-error-fr-light');
  await context.close();
});

it('restores a Candid JSON backup into an empty Candid through the same wizard', async () => {
  const exported = await app.api.invoke('exports.json', {});
  if (exported.kind !== 'content') throw new Error('expected the backup as content');
  const empty = await startE2EApp();
  try {
    const { page, context } = await empty.open({ colorScheme: 'light', path: '/#/import' });
    await page.getByRole('heading', { name: 'Import applications' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'candid-backup.json', mimeType: 'application/json', buffer: Buffer.from(exported.content) });
    await page.getByRole('heading', { name: 'Candid backup' }).waitFor();
    await page.getByText('Candid is empty: everything in the backup will come back as it was.').waitFor();
    await empty.screenshot(page, 'import-backup-light');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    const restored = (await empty.api.invoke('applications.list', { limit: 100 })).items;
    expect(restored.map((row) => row.id).sort()).toEqual((await applications()).map((row) => row.id).sort());
    await context.close();
  } finally {
    await empty.close();
  }
});
