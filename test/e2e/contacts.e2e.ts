import { expect, it } from 'vitest';
import { pollTimeout, setUpSeededApp } from './support/records';

const suite = setUpSeededApp();

it('lists contacts, searches them and shows one with the applications they are part of', async () => {
  const { page, context } = await suite.app.open({ path: '/#/contacts' });
  const list = page.getByRole('list', { name: 'Contacts' });
  await list.getByRole('button', { name: /Anna Martin/ }).click();
  const details = page.getByRole('article', { name: 'Anna Martin' });
  await details.getByRole('link', { name: 'Acme Robotics — Frontend engineer' }).waitFor();
  await details.getByRole('link', { name: 'anna.martin@acme.example' }).waitFor();
  await suite.app.screenshot(page, 'contacts-light');

  await page.getByLabel('Search by name, role, e-mail or company').fill('business partner');
  await expect.poll(() => list.getByRole('button').count(), pollTimeout).toBe(1);
  await list.getByRole('button', { name: /Claire Dubois/ }).waitFor();
  await context.close();
});

it('creates a contact at a company, with errors shown next to the field', async () => {
  const { page, context } = await suite.app.open({ path: '/#/contacts' });
  await page.getByRole('button', { name: 'New contact' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('Name').fill('Peter Gibbons');
  await dialog.getByLabel('E-mail').fill('peter@');
  await dialog.getByRole('combobox', { name: 'Company' }).fill('init');
  await dialog.getByRole('option', { name: /Initech/ }).click();
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  const emailError = dialog.locator('.field', { has: page.getByLabel('E-mail') }).locator('.field-error');
  await emailError.waitFor();
  expect(await emailError.textContent()).not.toBe('');
  await dialog.getByLabel('E-mail').fill('peter@initech.example');
  await dialog.getByRole('button', { name: 'Create contact' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const details = page.getByRole('article', { name: 'Peter Gibbons' });
  await details.getByRole('link', { name: 'Initech', exact: true }).waitFor();
  const saved = (await suite.app.api.invoke('contacts.list', { text: 'Peter' })).items[0];
  expect(saved).toMatchObject({ email: 'peter@initech.example', companyName: 'Initech' });

  await details.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit contact' });
  await edit.getByLabel('Role').fill('Software engineer');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'hidden' });
  await details.getByText('Software engineer at').waitFor();
  await context.close();
});

it('deletes a contact and brings it back with Undo', async () => {
  const { page, context } = await suite.app.open({ path: '/#/contacts' });
  await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: /Claire Dubois/ }).click();
  await page.getByRole('article', { name: 'Claire Dubois' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: /Claire Dubois/ }).count(), pollTimeout).toBe(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: /Claire Dubois/ }).waitFor();
  await context.close();
});

it('looks right in the dark theme', async () => {
  const { page, context } = await suite.app.open({ path: '/#/contacts', colorScheme: 'dark' });
  await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: /Anna Martin/ }).click();
  await page.getByRole('article', { name: 'Anna Martin' }).waitFor();
  await suite.app.screenshot(page, 'contacts-dark');
  await context.close();
});

it("links, creates and unlinks the contacts of an application on its page", async () => {
  const { page, context } = await suite.app.open({ path: `/#/applications/${suite.seeded.acmeAgain.id}` });
  const section = page.getByRole('region', { name: 'Contacts' });
  await section.getByText(/^No contact for this application yet/).waitFor();

  // Before typing, the picker offers the people of the application's company.
  await section.getByRole('combobox', { name: 'Link a contact' }).click();
  await section.getByRole('option', { name: /Anna Martin/ }).click();
  await section.getByRole('link', { name: 'Anna Martin' }).waitFor();

  await section.getByRole('button', { name: 'New contact' }).click();
  expect(await section.getByRole('combobox', { name: 'Company' }).inputValue()).toBe('Acme Robotics');
  await section.getByLabel('Name').fill('Bill Lumbergh');
  await section.getByLabel('Role').fill('Recruiter');
  await section.getByRole('button', { name: 'Create contact' }).click();
  await section.getByRole('link', { name: 'Bill Lumbergh' }).waitFor();
  await section.scrollIntoViewIfNeeded();
  await suite.app.screenshot(page, 'application-contacts-light');
  const linked = await suite.app.api.invoke('contacts.list', { applicationId: suite.seeded.acmeAgain.id });
  expect(linked.items.map((contact) => [contact.name, contact.companyName])).toEqual([
    ['Anna Martin', 'Acme Robotics'],
    ['Bill Lumbergh', 'Acme Robotics'],
  ]);

  await section.getByRole('button', { name: 'Unlink Anna Martin from this application' }).click();
  await section.getByRole('link', { name: 'Anna Martin' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await section.getByRole('link', { name: 'Anna Martin' }).waitFor();
  await context.close();
});

it("looks right in the dark theme on the application's page", async () => {
  const { page, context } = await suite.app.open({ path: `/#/applications/${suite.seeded.acme.id}`, colorScheme: 'dark' });
  const section = page.getByRole('region', { name: 'Contacts' });
  await section.getByRole('link', { name: 'Anna Martin' }).waitFor();
  await page.getByRole('region', { name: 'Interviews' }).scrollIntoViewIfNeeded();
  await suite.app.screenshot(page, 'application-related-dark');
  await context.close();
});
