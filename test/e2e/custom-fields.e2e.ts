import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApplicationDetail } from '../../src-shared/contract';
import { pollTimeout } from './support/records';
import { startE2EApp, type E2EApp } from './support/harness';

// Custom fields (issue 19, item 5): defined in Settings, edited on the application's page, shown as table
// columns that sort, filtered from the filter panel.

let app: E2EApp;
let page: Page;
let closeContext: () => Promise<void>;
const applications: ApplicationDetail[] = [];

beforeAll(async () => {
  app = await startE2EApp();
  for (const [companyName, position, appliedOn] of [
    ['Acme', 'Backend developer', '2025-02-01'],
    ['Globex', 'Data engineer', '2025-02-02'],
    ['Initech', 'UX designer', '2025-02-03'],
  ]) {
    applications.push(await app.api.invoke('applications.create', { companyName, position, appliedOn }));
  }
  const opened = await app.open({ path: '/#/settings' });
  page = opened.page;
  closeContext = () => opened.context.close();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
});

const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text }).first();
const fields = () => app.api.invoke('customFields.list', undefined);
const rows = () => page.locator('.table-row .cell-strong').allTextContents();

it('defines text, number and choice fields in Settings', async () => {
  const section = page.getByRole('region', { name: 'Custom fields' });
  await section.getByText('No custom field yet.').waitFor();
  const form = section.getByRole('form', { name: 'New custom field' });
  await form.getByLabel('Name').fill('Referrer');
  await form.getByRole('button', { name: 'Add the field' }).click();
  await section.getByRole('listitem', { name: 'Referrer' }).waitFor();

  await form.getByLabel('Name').fill('Signing bonus');
  await form.getByLabel('Type').selectOption({ label: 'Number' });
  await form.getByRole('button', { name: 'Add the field' }).click();
  await section.getByRole('listitem', { name: 'Signing bonus' }).waitFor();

  await form.getByLabel('Name').fill('Found through');
  await form.getByLabel('Type').selectOption({ label: 'Choice' });
  await form.getByLabel('Choice 1', { exact: true }).fill('Referral');
  await form.getByLabel('Choice 2', { exact: true }).fill('Agency');
  await form.getByRole('button', { name: 'Add a choice' }).click();
  await form.getByLabel('Choice 3', { exact: true }).fill('Job board');
  await form.getByRole('button', { name: 'Add the field' }).click();
  await section.getByRole('listitem', { name: 'Found through' }).getByText('Job board').waitFor();
  expect((await fields()).map((field) => [field.name, field.kind, field.choices.map((choice) => choice.label)])).toEqual([
    ['Referrer', 'text', []],
    ['Signing bonus', 'number', []],
    ['Found through', 'choice', ['Referral', 'Agency', 'Job board']],
  ]);

  // A second field of the same name is refused next to the name.
  await form.getByLabel('Name').fill('referrer');
  await form.getByRole('button', { name: 'Add the field' }).click();
  await form.getByText('This name is already used.').waitFor();
  await form.getByLabel('Name').fill('');
  await section.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'settings-custom-fields-light');
});

it('renames a choice without losing the values that use it, and deletes a field with Undo', async () => {
  const section = page.getByRole('region', { name: 'Custom fields' });
  await section.getByRole('button', { name: 'Edit the field Found through' }).click();
  const form = section.getByRole('form', { name: 'Edit Found through' });
  await form.getByLabel('Choice 2', { exact: true }).fill('Recruitment agency');
  await form.getByRole('button', { name: 'Save' }).click();
  await section.getByRole('listitem', { name: 'Found through' }).getByText('Recruitment agency').waitFor();
  const via = (await fields()).find((field) => field.name === 'Found through')!;
  expect(via.choices.map((choice) => choice.label)).toEqual(['Referral', 'Recruitment agency', 'Job board']);

  await section.getByRole('button', { name: 'Delete the field Referrer' }).click();
  await section.getByRole('listitem', { name: 'Referrer' }).waitFor({ state: 'detached' });
  await toast('Field Referrer deleted').getByRole('button', { name: 'Undo' }).click();
  await section.getByRole('listitem', { name: 'Referrer' }).waitFor();
});

it("edits the values on the application's page, each saved on its own, with Undo", async () => {
  await page.goto(`${app.server.url}/#/applications/${applications[1].id}`);
  const card = page.getByRole('region', { name: 'Custom fields' });
  await card.getByLabel('Referrer').fill('Hélène Martin');
  await card.getByLabel('Referrer').press('Enter');
  await toast('Referrer saved.').waitFor();
  await card.getByLabel('Signing bonus').fill('abc');
  await card.getByLabel('Signing bonus').press('Enter');
  await card.getByText('Type a number', { exact: false }).waitFor();
  await card.getByLabel('Signing bonus').fill('12 500,5');
  await card.getByLabel('Signing bonus').press('Tab');
  await card.getByLabel('Found through').selectOption({ label: 'Recruitment agency' });
  await app.screenshot(page, 'application-custom-fields-light');
  const all = await fields();
  const id = (name: string) => all.find((field) => field.name === name)!.id;
  const agency = all.find((field) => field.name === 'Found through')!.choices[1].id;
  await expect.poll(async () => (await app.api.invoke('applications.get', { id: applications[1].id })).customValues, pollTimeout).toEqual({
    [id('Referrer')]: 'Hélène Martin',
    [id('Signing bonus')]: 12_500.5,
    [id('Found through')]: agency,
  });
  // The latest change (the choice) is undone with Ctrl+Z.
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await app.api.invoke('applications.get', { id: applications[1].id })).customValues[id('Found through')], pollTimeout).toBeUndefined();
  await app.api.invoke('customFields.setValue', { applicationId: applications[0].id, fieldId: id('Signing bonus'), value: 3000 });
  await app.api.invoke('customFields.setValue', { applicationId: applications[0].id, fieldId: id('Found through'), value: agency });
});

it('shows the fields as table columns that sort, and filters by them', async () => {
  await page.goto(`${app.server.url}/#/applications`);
  await page.locator('.table-row .cell-strong').first().waitFor();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByLabel('Signing bonus').check();
  await page.getByRole('dialog', { name: 'Columns' }).getByLabel('Found through').check();
  await page.keyboard.press('Escape');
  await page.getByRole('columnheader', { name: 'Signing bonus' }).waitFor();
  await page.getByRole('gridcell', { name: '12,500.5' }).waitFor();

  // Largest first (a number, like the salary), then smallest first; no value last either way.
  await page.getByRole('button', { name: 'Signing bonus' }).click();
  await expect.poll(rows, pollTimeout).toEqual(['Data engineer', 'Backend developer', 'UX designer']);
  await page.getByRole('button', { name: 'Signing bonus' }).click();
  await expect.poll(rows, pollTimeout).toEqual(['Backend developer', 'Data engineer', 'UX designer']);

  await page.getByRole('button', { name: /^Filters/ }).click();
  const panel = page.getByRole('dialog', { name: 'Filters' });
  await panel.getByRole('group', { name: 'Found through' }).getByLabel('Recruitment agency').check();
  await page.keyboard.press('Escape');
  await expect.poll(rows, pollTimeout).toEqual(['Backend developer']);
  await page.getByText('Found through: Recruitment agency').waitFor();

  await page.getByRole('button', { name: /^Filters/ }).click();
  await panel.getByLabel('Signing bonus at least').fill('5000');
  await panel.getByLabel('Signing bonus at least').press('Enter');
  await page.keyboard.press('Escape');
  await expect.poll(rows, pollTimeout).toEqual([]);
  await page.getByRole('button', { name: 'Remove the filter Found through: Recruitment agency' }).click();
  await expect.poll(rows, pollTimeout).toEqual(['Data engineer']);
  await app.screenshot(page, 'applications-custom-columns-light');
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expect.poll(rows, pollTimeout).toHaveLength(3);
});

it('reads in French in the dark theme', async () => {
  const { page: french, context } = await app.open({ path: '/#/settings', locale: 'fr-FR', colorScheme: 'dark' });
  const section = french.getByRole('region', { name: 'Champs personnalisés' });
  await section.getByRole('listitem', { name: 'Found through' }).getByText('Liste de choix').waitFor();
  await section.scrollIntoViewIfNeeded();
  await app.screenshot(french, 'settings-custom-fields-fr-dark');
  await context.close();
});
