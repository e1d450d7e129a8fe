import { expect, it } from 'vitest';
import { localDay, pollTimeout, setUpSeededApp } from './support/records';

// Contacts as a small CRM (issue 19, item 6): the interaction log on the contact, "last contacted", and the next
// follow-up in Today, done or rescheduled from there.

const suite = setUpSeededApp();
const contactOf = async (name: string) => (await suite.app.api.invoke('contacts.list', { text: name })).items[0];

it('logs an interaction with a contact, which sets "last contacted" and the next follow-up', async () => {
  const { page, context } = await suite.app.open({ path: '/#/contacts' });
  await page.getByRole('list', { name: 'Contacts' }).getByRole('button', { name: /Anna Martin/ }).click();
  const details = page.getByRole('article', { name: 'Anna Martin' });
  await details.getByText('Never (nothing logged yet)').waitFor();

  await details.getByRole('button', { name: 'Log an interaction' }).click();
  const form = details.getByRole('form', { name: 'Log an interaction' });
  await form.getByLabel('Date').fill(localDay(-1));
  await form.getByLabel('Channel').selectOption({ label: 'Video call' });
  await form.getByLabel('Note').fill('Debrief of the technical interview: they liked the design part.');
  await form.getByRole('combobox', { name: 'Application (optional)' }).fill('Frontend');
  await form.getByRole('option', { name: /Acme Robotics — Frontend engineer/ }).click();
  await form.getByLabel('Next follow-up').fill(localDay(0));
  await form.getByRole('button', { name: 'Log it' }).click();
  await form.waitFor({ state: 'detached' });

  const log = details.getByRole('list', { name: 'Interactions' });
  await log.getByRole('listitem').filter({ hasText: 'they liked the design part' }).waitFor();
  await log.getByRole('link', { name: 'Acme Robotics — Frontend engineer' }).waitFor();
  await details.getByText('yesterday').waitFor();
  expect(await page.getByLabel('Next follow-up').inputValue()).toBe(localDay(0));
  const anna = await suite.app.api.invoke('contacts.get', { id: suite.seeded.anna.id });
  expect(anna).toMatchObject({ lastContactedOn: localDay(-1), nextFollowUpOn: localDay(0), interactionCount: 1 });
  expect(anna.interactions[0]).toMatchObject({ channel: 'video', applicationId: suite.seeded.acme.id });
  await suite.app.screenshot(page, 'contact-interactions-light');
  await context.close();
});

it('shows the follow-up in Today, marks it done from the keyboard, and brings it back with Undo', async () => {
  await suite.app.api.invoke('contacts.update', { id: suite.seeded.anna.id, patch: { nextFollowUpOn: localDay(-1) } });
  const { page, context } = await suite.app.open({ path: '/#/tasks' });
  const today = page.getByRole('region', { name: 'Today' });
  const row = today.getByRole('listitem', { name: /^Follow up with Anna Martin, Overdue/ });
  await row.waitFor();
  await suite.app.screenshot(page, 'tasks-follow-up-light');

  await row.focus();
  await page.keyboard.press('x');
  await row.waitFor({ state: 'detached' });
  await expect.poll(async () => (await contactOf('Anna')).nextFollowUpOn, pollTimeout).toBeNull();
  await page.keyboard.press('Control+z');
  await row.waitFor();
  await expect.poll(async () => (await contactOf('Anna')).nextFollowUpOn, pollTimeout).toBe(localDay(-1));
  await context.close();
});

it('reschedules a follow-up from Today: it moves to Upcoming', async () => {
  const { page, context } = await suite.app.open({ path: '/#/tasks' });
  const row = page.getByRole('region', { name: 'Today' }).getByRole('listitem', { name: /^Follow up with Anna Martin/ });
  await row.focus();
  await page.keyboard.press('Enter');
  const date = page.getByLabel('New date for the follow-up with Anna Martin');
  await date.waitFor();
  // Proposed: tomorrow.
  expect(await date.inputValue()).toBe(localDay(1));
  await date.fill(localDay(3));
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Upcoming' }).getByRole('listitem', { name: /^Follow up with Anna Martin/ }).waitFor();
  expect(await page.getByRole('region', { name: 'Today' }).getByRole('listitem', { name: /Anna Martin/ }).count()).toBe(0);
  expect((await contactOf('Anna')).nextFollowUpOn).toBe(localDay(3));
  await context.close();
});

it('edits and deletes an entry of the log, with Undo', async () => {
  const { page, context } = await suite.app.open({ path: `/#/contacts?selected=${suite.seeded.anna.id}` });
  const details = page.getByRole('article', { name: 'Anna Martin' });
  const log = details.getByRole('list', { name: 'Interactions' });
  const entry = log.getByRole('listitem').filter({ hasText: 'they liked the design part' });
  await entry.getByRole('button', { name: /^Edit the interaction/ }).click();
  const form = details.getByRole('form', { name: /^Edit the interaction/ });
  await form.getByLabel('Channel').selectOption({ label: 'Phone' });
  await form.getByRole('button', { name: 'Save' }).click();
  await log.getByRole('listitem', { name: /^Phone on/ }).waitFor();

  await log.getByRole('listitem', { name: /^Phone on/ }).getByRole('button', { name: /^Delete the interaction/ }).click();
  await details.getByText('Nothing logged yet.', { exact: false }).waitFor();
  expect((await contactOf('Anna')).lastContactedOn).toBeNull();
  await page.getByRole('button', { name: 'Undo' }).click();
  await log.getByRole('listitem', { name: /^Phone on/ }).waitFor();
  expect((await contactOf('Anna')).lastContactedOn).toBe(localDay(-1));
  await context.close();
});

it('reads in French, in the dark theme', async () => {
  const { page, context } = await suite.app.open({ path: `/#/contacts?selected=${suite.seeded.anna.id}`, locale: 'fr-FR', colorScheme: 'dark' });
  const details = page.getByRole('article', { name: 'Anna Martin' });
  await details.getByRole('list', { name: 'Échanges' }).getByRole('listitem', { name: /^Téléphone le/ }).waitFor();
  await details.getByText('Dernier échange').waitFor();
  await suite.app.screenshot(page, 'contact-interactions-fr-dark');
  await context.close();
});
