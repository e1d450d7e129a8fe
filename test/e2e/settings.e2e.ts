import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';
import { pollTimeout, seedJobSearch } from './support/records';

let app: E2EApp;
let seeded: Awaited<ReturnType<typeof seedJobSearch>>;
beforeAll(async () => {
  app = await startE2EApp();
  seeded = await seedJobSearch(app.api);
});
afterAll(async () => {
  await app?.close();
});

const interviewingStages = async () =>
  (await app.api.invoke('stages.list', undefined)).filter((stage) => stage.category === 'interviewing');

it('saves the profile, with errors next to the field', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await app.screenshot(page, 'settings-light');
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByLabel('Your name').fill('Camille Durand');
  await profile.getByLabel('Weekly goal (applications)').fill('1000');
  await profile.getByLabel('Skills').fill('TypeScript, SQL; React');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await profile.locator('.field-error').waitFor();
  // The keyboard is taken to the field to fix.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value), pollTimeout).toBe('1000');
  await profile.getByLabel('Weekly goal (applications)').fill('10');
  await profile.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('status').getByText('Profile saved').waitFor();
  expect(await app.api.invoke('profile.get', undefined)).toMatchObject({ name: 'Camille Durand', weeklyGoal: 10, skills: ['TypeScript', 'SQL', 'React'] });
  await context.close();
});

it('renames a stage, and the new name shows wherever the stage does', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  const name = page.getByLabel('Name of the stage Interviewing');
  await name.fill('Interview loop');
  await name.press('Enter');
  await page.getByLabel('Name of the stage Interview loop').waitFor();
  expect((await interviewingStages())[0].name).toBe('Interview loop');
  await page.getByRole('heading', { level: 2, name: 'Stages' }).evaluate((heading) => heading.scrollIntoView());
  await app.screenshot(page, 'settings-stages-light');

  await page.goto(`${app.server.url}/#/companies/${seeded.globex.companyId}`);
  const row = page.getByRole('region', { name: 'History' }).getByRole('row', { name: /Product engineer/ });
  expect(await row.getByRole('cell').nth(2).textContent()).toBe('Interview loop');
  await context.close();
});

it('adds, reorders (buttons and keyboard drag) and deletes a stage with a replacement', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  await page.getByLabel('New stage in Interviewing').fill('Take-home test');
  await page.getByLabel('New stage in Interviewing').press('Enter');
  await page.getByLabel('Name of the stage Take-home test').waitFor();
  expect((await interviewingStages()).map((stage) => stage.name)).toEqual(['Interview loop', 'Take-home test']);

  await page.getByRole('button', { name: 'Move Take-home test up' }).click();
  await expect.poll(async () => (await interviewingStages()).map((stage) => stage.name), pollTimeout).toEqual(['Take-home test', 'Interview loop']);

  // The same with the drag handle and the keyboard: Space picks up, arrow moves, Space drops.
  await page.getByRole('button', { name: 'Move Take-home test', exact: true }).focus();
  await page.keyboard.press('Space');
  // dnd-kit measures between keys: wait for what it tells screen readers before the next key.
  await page.getByText('Take-home test moved to position 1 of 2.').waitFor({ state: 'attached' });
  await page.keyboard.press('ArrowDown');
  await page.getByText('Take-home test moved to position 2 of 2.').waitFor({ state: 'attached' });
  await page.keyboard.press('Space');
  await expect.poll(async () => (await interviewingStages()).map((stage) => stage.name), pollTimeout).toEqual(['Interview loop', 'Take-home test']);

  // Move an application there, then delete the stage: the application goes to the replacement chosen.
  const takeHome = (await interviewingStages())[1];
  await app.api.invoke('applications.setStage', { id: seeded.initech.id, stageId: takeHome.id });
  await page.getByRole('button', { name: 'Delete the stage Take-home test' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the stage Take-home test' });
  await dialog.getByText(/1 application is at Take-home test/).waitFor();
  expect(await dialog.getByLabel('Replace with').locator('option:checked').textContent()).toBe('Interview loop');
  await dialog.getByRole('button', { name: 'Delete the stage' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect((await interviewingStages()).map((stage) => stage.name)).toEqual(['Interview loop']);
  expect((await app.api.invoke('applications.get', { id: seeded.initech.id })).stageName).toBe('Interview loop');
  await context.close();
});

it('adds a source, deletes it and brings it back with Undo', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  const sources = page.getByRole('region', { name: 'Sources' });
  await sources.getByRole('list', { name: 'Built in' }).getByText('Welcome to the Jungle').waitFor();
  await sources.getByLabel('New source').fill('LinkedIn');
  await sources.getByRole('button', { name: 'Add' }).click();
  await sources.locator('.field-error').waitFor(); // already built in
  await sources.getByLabel('New source').fill('Hellowork');
  await sources.getByRole('button', { name: 'Add' }).click();
  await sources.getByRole('button', { name: 'Delete the source Hellowork' }).click();
  await sources.getByRole('button', { name: 'Delete the source Hellowork' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await sources.getByRole('button', { name: 'Delete the source Hellowork' }).waitFor();
  await context.close();
});

it('deletes a stage, and Undo in the toast brings it back with its applications', async () => {
  const screening = (await app.api.invoke('stages.list', undefined)).find((stage) => stage.category === 'screening')!;
  const call = await app.api.invoke('stages.create', { name: 'Recruiter call', category: 'screening' });
  await app.api.invoke('applications.setStage', { id: seeded.initech.id, stageId: call.id });
  const { page, context } = await app.open({ path: '/#/settings' });
  await page.getByRole('button', { name: 'Delete the stage Recruiter call' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the stage Recruiter call' });
  await dialog.getByText(/Undo in the confirmation message brings the stage and its history back/).waitFor();
  await dialog.getByRole('button', { name: 'Delete the stage' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByLabel('Name of the stage Recruiter call').waitFor({ state: 'detached' });
  expect((await app.api.invoke('applications.get', { id: seeded.initech.id })).stageId).toBe(screening.id);

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await page.getByLabel('Name of the stage Recruiter call').waitFor();
  expect((await app.api.invoke('applications.get', { id: seeded.initech.id })).stageId).toBe(call.id);
  await context.close();
});

it('switches the language to French and back, and the theme to dark', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  await page.getByRole('radio', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  expect((await app.api.invoke('profile.get', undefined)).locale).toBe('fr');
  await app.screenshot(page, 'settings-fr-light');

  await page.getByRole('radio', { name: 'Sombre' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), pollTimeout).toBe('dark');
  expect((await app.api.invoke('profile.get', undefined)).theme).toBe('dark');
  await app.screenshot(page, 'settings-fr-dark');

  await page.getByRole('radio', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByRole('radio', { name: 'Same as the system' }).first().waitFor();
  await app.screenshot(page, 'settings-dark');
  await page.getByRole('heading', { level: 2, name: 'Stages' }).evaluate((heading) => heading.scrollIntoView());
  await app.screenshot(page, 'settings-stages-dark');
  await page.getByRole('heading', { level: 2, name: 'Sources' }).evaluate((heading) => heading.scrollIntoView());
  await app.screenshot(page, 'settings-sources-dark');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Same as the system' }).click();
  await expect.poll(async () => (await app.api.invoke('profile.get', undefined)).theme, pollTimeout).toBe('system');
  expect((await app.api.invoke('profile.get', undefined)).locale).toBe('en');
  await context.close();
});

it('shows where the data lives', async () => {
  const { page, context } = await app.open({ path: '/#/settings' });
  const data = page.getByRole('region', { name: 'Data' });
  await data.getByText(app.dir, { exact: true }).waitFor();
  // Opening a folder is a desktop-only action: no button in a browser.
  expect(await data.getByRole('button').count()).toBe(0);
  await context.close();
});
