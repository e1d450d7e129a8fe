import { expect, it } from 'vitest';
import { pollTimeout, setUpSeededApp } from './support/records';

const suite = setUpSeededApp();

it('shows the agenda by day and adds an interview to an application', async () => {
  const { page, context } = await suite.app.open({ path: '/#/interviews' });
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Tomorrow · / }).count(), pollTimeout).toBe(1);
  await suite.app.screenshot(page, 'interviews-light');

  await page.getByRole('button', { name: 'New interview' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New interview' });
  await dialog.getByRole('button', { name: 'Add interview' }).click();
  await expect.poll(() => dialog.locator('.field-error').first().textContent(), pollTimeout).toBeTruthy();
  await suite.app.screenshot(page, 'interviews-form-errors-light');

  await dialog.getByRole('combobox', { name: 'Application' }).fill('Initech');
  await dialog.getByRole('option', { name: /Initech — UX developer/ }).click();
  await dialog.getByLabel('Type').selectOption('technical');
  await dialog.getByLabel('Interviewers').fill('Bob Lumbergh');
  await dialog.getByRole('button', { name: 'Add interview' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('Bob Lumbergh').waitFor();
  const saved = await suite.app.api.invoke('interviews.list', {});
  expect(saved.items.some((interview) => interview.interviewers === 'Bob Lumbergh' && interview.position === 'UX developer')).toBe(true);
  await context.close();
});

it('deletes an interview and brings it back with Undo', async () => {
  const { page, context } = await suite.app.open({ path: '/#/interviews' });
  const card = page.getByRole('article', { name: /HR, Globex — Product engineer/ });
  await card.waitFor();
  await card.getByRole('button', { name: /^Delete the HR interview/ }).click();
  await card.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await card.waitFor();
  await context.close();
});

it('lists past interviews, and looks right in the dark theme', async () => {
  const { page, context } = await suite.app.open({ path: '/#/interviews', colorScheme: 'dark' });
  await page.getByRole('heading', { level: 1, name: 'Interviews' }).waitFor();
  await page.getByText('Upcoming').first().waitFor();
  await suite.app.screenshot(page, 'interviews-dark');
  await page.getByText('Past', { exact: true }).click();
  await page.getByText('With Anna Martin (Engineering manager)').waitFor();
  await suite.app.screenshot(page, 'interviews-past-dark');
  await context.close();
});

it("adds and edits an interview in place on the application's page", async () => {
  const { page, context } = await suite.app.open({ path: `/#/applications/${suite.seeded.acmeAgain.id}` });
  const section = page.getByRole('region', { name: 'Interviews' });
  await section.getByText('No interview yet. Add one when the company invites you.').waitFor();
  await section.getByRole('button', { name: 'Add interview' }).click();
  // The form opens in place with the focus in its first field; the application is implied.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('datetime-local');
  expect(await section.getByRole('combobox', { name: 'Application' }).count()).toBe(0);
  await section.getByLabel('Type').selectOption('screening');
  await section.getByLabel('Format').selectOption('phone');
  await section.getByRole('button', { name: 'Add interview' }).click();
  const card = section.getByRole('article', { name: /^Screening, Acme Robotics — Design systems engineer/ });
  await card.waitFor();
  // Focus goes back to the button that opened the form.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), pollTimeout).toBe('Add interview');
  await suite.app.screenshot(page, 'application-interviews-light');

  await card.getByRole('button', { name: /^Edit the Screening interview/ }).click();
  await section.getByLabel('Status').selectOption('cancelled');
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByText('Cancelled', { exact: true }).waitFor();
  const saved = await suite.app.api.invoke('interviews.list', { applicationId: suite.seeded.acmeAgain.id });
  expect(saved.items.map((interview) => [interview.type, interview.format, interview.status])).toEqual([['screening', 'phone', 'cancelled']]);
  await context.close();
});

it('speaks French, dates included', async () => {
  const { page, context } = await suite.app.open({ path: '/#/interviews', locale: 'fr-FR' });
  await page.getByRole('heading', { level: 1, name: 'Entretiens' }).waitFor();
  await page.getByRole('heading', { level: 2, name: /^Demain · / }).waitFor();
  // A completed interview is "Terminé", not "Passé" (issue 19, item 9): the status filter names it so.
  await page.getByRole('checkbox', { name: 'Terminé', exact: true }).waitFor();
  expect(await page.getByText('Passé', { exact: true }).count()).toBe(0);
  await suite.app.screenshot(page, 'interviews-fr-light');
  await context.close();
});
