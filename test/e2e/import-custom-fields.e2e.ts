import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { customFieldTarget, type CustomField } from '../../src-shared/contract';
import { startE2EApp, type E2EApp } from './support/harness';

// The import wizard maps columns onto the user's custom fields (issue 19, item 5): proposed by name, chosen by name
// from the list, values checked by the field's kind.

let app: E2EApp;
let bonus: CustomField;
let via: CustomField;
beforeAll(async () => {
  app = await startE2EApp();
  bonus = await app.api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' });
  via = await app.api.invoke('customFields.create', { name: 'Found through', kind: 'choice', choices: ['Referral', 'Job board'] });
});
afterAll(async () => {
  await app?.close();
});

const file = {
  name: 'tracker.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from('Company,Position,Prime,Found through\nAcme,Backend developer,3000,REFERRAL\nGlobex,Data engineer,lots,A friend\n'),
};

async function nextUntil(page: Page, heading: string) {
  for (let step = 0; step < 3; step += 1) {
    await page.getByRole('button', { name: 'Next' }).click();
    const reached = page.getByRole('heading', { name: heading });
    await page.getByRole('heading', { name: /^(What the values mean|Before importing)$/ }).waitFor();
    if (await reached.isVisible()) return;
  }
  throw new Error(`never reached ${heading}`);
}

it('maps a column onto a custom field, proposes one named like a column, and keeps what does not fit in the notes', async () => {
  const { page, context } = await app.open({ colorScheme: 'light', path: '/#/import' });
  await page.getByRole('heading', { name: 'Import applications' }).waitFor();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('heading', { name: 'What each column is' }).waitFor();

  // Named like the field: proposed, with why.
  const found = page.getByLabel('Import “Found through” as');
  await expect.poll(() => found.inputValue()).toBe(customFieldTarget(via.id));
  expect(await page.getByTestId('imp-reason-3').textContent()).toBe('its name says so');
  // "Prime" names nothing Candid knows: the user picks the field by its name in the list of their own fields.
  const prime = page.getByLabel('Import “Prime” as');
  expect(await prime.inputValue()).toBe('');
  expect(await prime.locator('optgroup[label="Your custom fields"] option').allTextContents()).toEqual(['Signing bonus (Number)', 'Found through (Choice) ✓']);
  await prime.selectOption({ label: 'Signing bonus (Number)' });
  await expect.poll(() => prime.inputValue()).toBe(customFieldTarget(bonus.id));
  // Values that do not fit are marked, and say why, naming the field.
  await expect.poll(() => page.locator('td[data-problem="warning"]').allTextContents()).toEqual(['lots', 'A friend']);
  expect(await page.locator('td[data-problem="warning"]').first().getAttribute('title')).toBe('Signing bonus: “lots” is not a number: kept in the notes.');
  await app.screenshot(page, 'import-custom-fields-light');

  await nextUntil(page, 'Before importing');
  await page.getByRole('button', { name: 'Import 2 applications' }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor();
  await page.getByText('1 × a value that is none of the choices').waitFor();

  const items = (await app.api.invoke('applications.list', { limit: 10 })).items;
  const detail = async (company: string) => app.api.invoke('applications.get', { id: items.find((item) => item.companyName === company)!.id });
  expect((await detail('Acme')).customValues).toEqual({ [bonus.id]: 3000, [via.id]: via.choices[0].id });
  const globex = await detail('Globex');
  expect(globex.customValues).toEqual({});
  expect(globex.notes).toBe('Prime: lots\nFound through: A friend');
  await context.close();
});

it('lists the custom fields in French too', async () => {
  const { page, context } = await app.open({ colorScheme: 'dark', locale: 'fr-FR', path: '/#/import' });
  await page.locator('input[type=file]').setInputFiles(file);
  const prime = page.getByLabel('Importer « Prime » comme');
  await prime.waitFor();
  expect(await prime.locator('optgroup[label="Vos champs personnalisés"] option').allTextContents()).toEqual(['Signing bonus (Nombre)', 'Found through (Liste de choix) ✓']);
  await app.screenshot(page, 'import-custom-fields-fr-dark');
  await context.close();
});
