import { expect, it } from 'vitest';
import { pollTimeout, setUpSeededApp } from './support/records';

const suite = setUpSeededApp();

it('lists companies with their counts, sorts and searches them', async () => {
  const { page, context } = await suite.app.open({ path: '/#/companies' });
  const rows = page.locator('tbody tr');
  await page.getByRole('link', { name: 'Acme Robotics' }).waitFor();
  await suite.app.screenshot(page, 'companies-light');

  await page.getByLabel('Sort by').selectOption('applications');
  await expect.poll(() => rows.first().textContent(), pollTimeout).toMatch(/^Acme Robotics2/);

  await page.getByLabel('Search companies').fill('glob');
  await expect.poll(() => rows.count(), pollTimeout).toBe(1);
  await expect.poll(() => rows.first().textContent(), pollTimeout).toMatch(/^Globex/);
  await context.close();
});

it("shows a company's memory: each application, the stage it reached, response times, people", async () => {
  const { page, context } = await suite.app.open({ path: '/#/companies' });
  await page.getByRole('link', { name: 'Acme Robotics' }).click();
  await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
  const history = page.getByRole('region', { name: 'History' });
  const rejected = history.getByRole('row', { name: /Frontend engineer/ });
  // Rejected now, but it went as far as interviews: that is what the company page remembers.
  expect(await rejected.getByRole('cell').nth(2).textContent()).toBe('Rejected');
  expect(await rejected.getByRole('cell').nth(3).textContent()).toBe('Interviewing');
  expect(await rejected.getByRole('cell').nth(4).textContent()).toBe('5 days');
  expect(await history.getByRole('row', { name: /Design systems engineer/ }).getByRole('cell').nth(4).textContent()).toBe('No response');
  await page.getByRole('region', { name: 'People' }).getByRole('link', { name: 'Anna Martin' }).waitFor();
  await suite.app.screenshot(page, 'company-light');
  await context.close();
});

it('explains why a company with applications cannot be deleted, and merges a duplicate into it', async () => {
  const duplicate = await suite.app.api.invoke('applications.create', { companyName: 'ACME Robotics France', position: 'Web developer' });
  const { page, context } = await suite.app.open({ path: `/#/companies/${suite.seeded.acme.companyId}` });
  await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alert').getByText(/still has 2 applications, so it cannot be deleted/).waitFor();

  await page.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: /Merge a duplicate into Acme Robotics/ });
  await dialog.getByRole('combobox', { name: 'Duplicate company' }).fill('france');
  await dialog.getByRole('option', { name: /ACME Robotics France/ }).click();
  await dialog.getByText(/will move to Acme Robotics/).waitFor();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: 'History' }).getByRole('link', { name: 'Web developer' }).waitFor();
  const merged = await suite.app.api.invoke('applications.get', { id: duplicate.id });
  expect(merged.companyId).toBe(suite.seeded.acme.companyId);
  await context.close();
});

it('merges two companies, and Undo in the toast brings both back as they were', async () => {
  const kept = await suite.app.api.invoke('applications.create', { companyName: 'Umbrella Health', position: 'Data analyst' });
  const twin = await suite.app.api.invoke('applications.create', { companyName: 'Umbrella Health SAS', position: 'Data engineer' });
  const { page, context } = await suite.app.open({ path: `/#/companies/${kept.companyId}` });
  await page.getByRole('heading', { level: 1, name: 'Umbrella Health' }).waitFor();
  await page.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog', { name: /Merge a duplicate into Umbrella Health/ });
  await dialog.getByRole('combobox', { name: 'Duplicate company' }).fill('sas');
  await dialog.getByRole('option', { name: /Umbrella Health SAS/ }).click();
  // The warning no longer claims the merge is final.
  await dialog.getByText(/Undo in the confirmation message puts everything back/).waitFor();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('link', { name: 'Data engineer' }).waitFor();
  await page.getByRole('status').getByText('Umbrella Health SAS merged into Umbrella Health').waitFor();
  await suite.app.screenshot(page, 'company-merged-undo-toast');

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await history.getByRole('link', { name: 'Data engineer' }).waitFor({ state: 'detached' });
  await history.getByRole('link', { name: 'Data analyst' }).waitFor();
  expect(await suite.app.api.invoke('applications.get', { id: twin.id })).toMatchObject({ companyId: twin.companyId, companyName: 'Umbrella Health SAS' });
  await page.goto(`${suite.app.server.url}/#/companies`);
  await page.getByLabel('Search companies').fill('umbrella');
  await page.getByRole('link', { name: 'Umbrella Health SAS' }).waitFor();
  await page.getByRole('link', { name: 'Umbrella Health', exact: true }).waitFor();
  await context.close();
});

it('creates a company, deletes it and brings it back with Undo', async () => {
  const { page, context } = await suite.app.open({ path: '/#/companies' });
  await page.getByRole('button', { name: 'New company' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New company' });
  await dialog.getByLabel('Website').fill('not a url');
  await dialog.getByRole('button', { name: 'Create company' }).click();
  await dialog.locator('.field-error').first().waitFor();
  expect(await dialog.locator('.field-error').count()).toBe(2); // name required, website invalid
  await dialog.getByLabel('Name').fill('Umbrella Corp');
  await dialog.getByLabel('Website').fill('https://umbrella.example.com');
  await dialog.getByRole('button', { name: 'Create company' }).click();
  await page.getByRole('heading', { level: 1, name: 'Umbrella Corp' }).waitFor();
  await page.getByRole('link', { name: 'umbrella.example.com' }).waitFor();

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Umbrella Corp' });
  await edit.getByLabel('Industry').fill('Pharmaceuticals');
  await edit.getByLabel('Size').selectOption('5000+');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'hidden' });
  await page.getByText('5000+ employees').waitFor();
  await page.getByText('Pharmaceuticals').waitFor();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
  await expect.poll(() => page.getByRole('link', { name: 'Umbrella Corp' }).count(), pollTimeout).toBe(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Umbrella Corp' }).waitFor();
  await context.close();
});

it('looks right in the dark theme', async () => {
  const { page, context } = await suite.app.open({ path: '/#/companies', colorScheme: 'dark' });
  await page.getByRole('link', { name: 'Acme Robotics' }).waitFor();
  await suite.app.screenshot(page, 'companies-dark');
  await page.getByRole('link', { name: 'Acme Robotics' }).click();
  await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
  await page.getByRole('region', { name: 'History' }).waitFor();
  await suite.app.screenshot(page, 'company-dark');
  await context.close();
});
