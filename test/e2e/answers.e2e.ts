import { expect, it } from 'vitest';
import { pollTimeout, setUpSeededApp } from './support/records';

// Screening answers (issue 15, item 3), end to end: write an answer, edit it into a second version, find it,
// copy it with one key, and reuse it on a second application, whose detail shows the answer that company got.

const suite = setUpSeededApp();

it('keeps versions of an answer, finds it, and copies it with one key', async () => {
  const { page, context } = await suite.app.open({ path: '/#/answers' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.getByRole('heading', { level: 2, name: 'No answer yet' }).waitFor();
  await page.getByRole('button', { name: 'New answer' }).first().click();
  const form = page.getByRole('form', { name: 'Answer' });
  await form.getByLabel('Question', { exact: true }).fill('Why do you want to join us?');
  await form.getByLabel('Kind of question').selectOption({ label: 'Why this company' });
  await form.getByLabel('Tags').fill('product, startup,');
  await form.getByLabel('Your answer').fill('Your product solved a problem I had.');
  await form.getByRole('button', { name: 'Add the answer' }).click();
  const why = page.getByRole('article', { name: 'Why do you want to join us?' });
  await why.waitFor();

  await page.getByRole('button', { name: 'New answer' }).click();
  await form.getByLabel('Question', { exact: true }).fill('What are your salary expectations?');
  await form.getByLabel('Kind of question').selectOption({ label: 'Salary expectations' });
  await form.getByLabel('Your answer').fill('55 to 60 k€ gross a year.');
  await form.getByRole('button', { name: 'Add the answer' }).click();
  await page.getByRole('article', { name: 'What are your salary expectations?' }).waitFor();

  // Edited: the earlier text stays as version 1.
  await why.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Answer' });
  await edit.getByLabel('Your answer').fill('Your product solved a problem I had, and your team ships every week.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await why.getByText('Version 2 · given 0 times').waitFor();
  await why.getByRole('button', { name: 'Versions' }).click();
  const versions = why.getByRole('list', { name: 'Versions' });
  await versions.getByText('Your product solved a problem I had.', { exact: true }).waitFor();
  expect(await versions.getByRole('listitem').count()).toBe(2);

  // Search: words of the question, of any version or of a tag.
  await page.getByLabel('Search the answers').fill('salary');
  await expect.poll(async () => page.getByRole('list', { name: 'Answers' }).getByRole('article').count(), pollTimeout).toBe(1);
  await page.getByLabel('Search the answers').fill('startup');
  await expect.poll(async () => page.getByRole('list', { name: 'Answers' }).getByRole('article').count(), pollTimeout).toBe(1);
  await why.waitFor();
  await page.getByLabel('Search the answers').fill('');
  await expect.poll(async () => page.getByRole('list', { name: 'Answers' }).getByRole('article').count(), pollTimeout).toBe(2);

  // One key: C on the answer in focus copies it, and a toast says so.
  await why.focus();
  await page.keyboard.press('c');
  await page.getByRole('status').getByText('Answer copied').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Your product solved a problem I had, and your team ships every week.');
  await suite.app.screenshot(page, 'answers-light');
  await context.close();
});

it('reuses an answer on a second application, whose detail shows the version that company got', async () => {
  const [why] = await suite.app.api.invoke('answers.list', { query: 'join us' });
  const detail = await suite.app.api.invoke('answers.get', { id: why.id });
  // The first company got version 1, before the edit.
  await suite.app.api.invoke('answers.use', { applicationId: suite.seeded.acme.id, answerId: why.id, versionId: detail.versions[1].id });

  const { page, context } = await suite.app.open({ path: `/#/applications/${suite.seeded.globex.id}`, colorScheme: 'dark' });
  const section = page.getByRole('region', { name: 'Screening answers' });
  await section.getByText('No answer recorded for this application.').waitFor();
  await section.getByRole('button', { name: 'Add' }).click();
  const pick = section.getByRole('form', { name: 'Answer given' });
  await pick.getByLabel('Answer given').selectOption({ label: 'Why do you want to join us?' });
  await pick.getByLabel('Question as asked (optional)').fill('Pourquoi Globex ?');
  await pick.getByRole('button', { name: 'Record it' }).click();
  const given = section.getByRole('listitem', { name: 'Pourquoi Globex ?' });
  await given.getByText('Your product solved a problem I had, and your team ships every week.').waitFor();
  await given.getByText('Version 2', { exact: true }).waitFor();
  await suite.app.screenshot(page, 'application-answers-dark');

  await page.goto(`${new URL(page.url()).origin}/#/applications/${suite.seeded.acme.id}`);
  const first = page.getByRole('region', { name: 'Screening answers' }).getByRole('listitem', { name: 'Why do you want to join us?' });
  await first.getByText('Your product solved a problem I had.', { exact: true }).waitFor();
  await first.getByText('Version 1 (a later version exists)').waitFor();
  expect((await suite.app.api.invoke('answers.get', { id: why.id })).useCount).toBe(2);
  await context.close();
});
