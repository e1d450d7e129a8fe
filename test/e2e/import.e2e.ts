import fs from 'node:fs';
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
  // Columns: recognised from the French headers and their values, each with why (five of the six applied dates
  // are dates: 31 April is not); the unknown status and the impossible date marked.
  await page.getByRole('heading', { name: 'What each column is' }).waitFor();
  expect(await page.getByLabel('Import “Entreprise” as').inputValue()).toBe('company');
  expect(await page.getByLabel('Import “Date de réponse” as').inputValue()).toBe('responseOn');
  await expect.poll(() => page.getByTestId('imp-reason-2').textContent()).toBe('its name says so · dates in this column (83%)');
  await expect.poll(() => page.locator('td[data-problem="warning"]').allTextContents()).toEqual(['À voir', '31/04/2024']);
  expect(await page.getByLabel('Encoding').inputValue()).toBe('utf-8');
  expect(await page.getByLabel('Delimiter').inputValue()).toBe(';');
  await page.getByText('Column names taken from row 1.').waitFor();
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
  // Check: the impossible date (31 April) is a warning: the row is kept, its date left empty and kept in the notes.
  await page.getByRole('heading', { name: 'Before importing' }).waitFor();
  await page.getByText('Row 7').waitFor();
  const importButton = page.getByRole('button', { name: /^Import \d+ application/ });
  await expect.poll(() => importButton.textContent()).toBe('Import 6 applications');
  await app.screenshot(page, `import-4-review-${theme}`);

  await importButton.click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor();
  await page.getByText('6 applications imported').waitFor();
  await page.getByText('1 × a date that is not a date').waitFor();
  await app.screenshot(page, `import-5-done-${theme}`);
}

it('imports a CSV through the wizard, and undoes it', async () => {
  const { page, context } = await app.open({ colorScheme: 'light', path: '/#/import' });
  // What the wizard tells the jobs' worker ahead of the import (jobs.prepare): the table's size once it has read it.
  const prepared: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/jobs.prepare')) prepared.push(request.postDataJSON() ?? null);
  });
  await importThroughWizard(page, 'light');
  expect(prepared).toContainEqual({ importFileBytes: fs.statSync(fixture).size });

  const imported = await applications();
  expect(imported.map((row) => row.companyName).sort()).toEqual(['Airbus', 'Capgemini', 'Decathlon', 'Doctolib', 'L’Oréal', 'Société Générale']);
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
  expect(await applications()).toHaveLength(6);
  await context.close();
});

it('shows why it reads each column as it does, and the header row it took below a title', async () => {
  const empty = await startE2EApp();
  try {
    const { page, context } = await empty.open({ colorScheme: 'light', path: '/#/import' });
    await page.getByRole('heading', { name: 'Import applications' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(path.resolve(import.meta.dirname, '../fixtures/imports/e2e-title-rows.csv'));
    await page.getByRole('heading', { name: 'What each column is' }).waitFor();
    await page.getByText('Column names taken from row 3. The row above it is skipped (a title or a note).').waitFor();
    expect(await page.getByLabel('Column names').inputValue()).toBe('3');
    // "Applied" holds Yes/No: not the applied date, which is the column of dates beside it.
    expect(await page.getByLabel('Import “Applied” as').inputValue()).toBe('');
    expect(await page.getByTestId('imp-reason-2').textContent()).toBe('named like applied on, but its values say otherwise · yes/no values (100%), not dates');
    expect(await page.getByLabel('Import “Date applied” as').inputValue()).toBe('appliedOn');
    // "Contract" holds Full Time / Part Time: a schedule.
    expect(await page.getByLabel('Import “Contract” as').inputValue()).toBe('schedule');
    expect(await page.getByTestId('imp-reason-5').textContent()).toBe('named like employment type, but its values say otherwise · looks like schedule: “Full Time”, “Part Time”');
    expect(await page.getByTestId('imp-reason-6').textContent()).toBe('its name says so · e-mail addresses (100%)');
    await empty.screenshot(page, 'import-explanations-light');

    // Choosing another mapping keeps the explanation of what Candid proposed.
    await page.getByLabel('Import “Applied” as').selectOption('notes');
    await expect.poll(() => page.getByTestId('imp-reason-2').textContent()).toMatch(/^Candid proposed not to import it · /);

    // French: the same explanations in the user's language.
    await page.getByLabel('Import “Applied” as').selectOption('');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'What the values mean' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Before importing' }).waitFor();
    await page.getByRole('button', { name: 'Import 4 applications' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('2 new contacts').waitFor();
    await page.getByText('1 × a date with words around it').click();
    await page.getByRole('link', { name: 'Row 6' }).click();
    await page.getByRole('heading', { name: 'QA engineer' }).waitFor();
    await empty.screenshot(page, 'import-summary-link-light');
    await context.close();

    const french = await empty.open({ colorScheme: 'dark', locale: 'fr-FR', path: '/#/import' });
    await french.page.locator('input[type=file]').setInputFiles(path.resolve(import.meta.dirname, '../fixtures/imports/e2e-title-rows.csv'));
    await french.page.getByText('Noms des colonnes pris à la ligne 3.', { exact: false }).waitFor();
    // French writes a narrow no-break space before the percent sign.
    expect(await french.page.getByTestId('imp-reason-2').textContent()).toMatch(/^nommée comme date de candidature, mais ses valeurs disent autre chose · des valeurs oui\/non \(100\s%\), pas des dates$/u);
    await empty.screenshot(french.page, 'import-explanations-fr-dark');
    await french.context.close();
  } finally {
    await empty.close();
  }
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
