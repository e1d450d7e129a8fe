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

const openTask = async (title: string) => {
  const tasks = await app.api.invoke('tasks.list', { status: 'all' });
  return tasks.items.find((task) => task.title === title)!;
};

it('lists what is due today and overdue first, and adds a task from the quick form', async () => {
  const { page, context } = await app.open({ path: '/#/tasks' });
  const today = page.getByRole('region', { name: /^Today/ });
  await today.getByRole('listitem', { name: /^Follow up with Initech, Overdue/ }).waitFor();
  await today.getByRole('listitem', { name: /^Send the portfolio to Globex, Today/ }).waitFor();
  expect(await today.getByText('Prepare the system design interview').count()).toBe(0);
  await app.screenshot(page, 'tasks-light');

  await page.getByLabel('New task').fill('Call back the Globex recruiter');
  await page.getByLabel('New task').press('Enter');
  await today.getByRole('listitem', { name: /^Call back the Globex recruiter/ }).waitFor();
  // The quick form clears itself and keeps the focus, for the next task.
  await expect.poll(() => page.getByLabel('New task').inputValue(), pollTimeout).toBe('');
  await context.close();
});

it('marks a task done with the keyboard, and Ctrl+Z undoes it', async () => {
  const { page, context } = await app.open({ path: '/#/tasks' });
  const row = page.getByRole('listitem', { name: /^Follow up with Initech/ });
  await row.focus();
  await page.keyboard.press('x');
  await expect.poll(async () => (await openTask('Follow up with Initech')).doneAt, pollTimeout).not.toBeNull();
  await row.waitFor({ state: 'detached' });
  await page.getByRole('status').getByText('Done: Follow up with Initech').waitFor();

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await openTask('Follow up with Initech')).doneAt, pollTimeout).toBeNull();
  await page.getByRole('listitem', { name: /^Follow up with Initech/ }).waitFor();

  // Arrows move between tasks; Space marks done too.
  await page.getByRole('listitem', { name: /^Follow up with Initech/ }).focus();
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(focused).toMatch(/^(Send the portfolio to Globex|Call back the Globex recruiter)/);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await openTask(focused!.split(',')[0])).doneAt, pollTimeout).not.toBeNull();
  await context.close();
});

it('edits a task in place with Enter and deletes one with Delete, undone from the toast', async () => {
  const { page, context } = await app.open({ path: '/#/tasks' });
  await page.getByRole('listitem', { name: /^Update the CV/ }).focus();
  await page.keyboard.press('Enter');
  const title = page.getByLabel('Task', { exact: true });
  await title.fill('Update the CV with the Acme project');
  await title.press('Enter');
  await page.getByRole('listitem', { name: /^Update the CV with the Acme project/ }).waitFor();
  // Back on the row it came from, not lost on the page.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), pollTimeout).toMatch(/^Update the CV with the Acme project/);

  await page.keyboard.press('Delete');
  await page.getByRole('listitem', { name: /^Update the CV with the Acme project/ }).waitFor({ state: 'detached' });
  expect((await app.api.invoke('tasks.list', { status: 'all' })).items.some((task) => task.title.startsWith('Update the CV'))).toBe(false);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('listitem', { name: /^Update the CV with the Acme project/ }).waitFor();
  await context.close();
});

it('looks right in the dark theme, done tasks included', async () => {
  const { page, context } = await app.open({ path: '/#/tasks', colorScheme: 'dark' });
  await page.getByRole('button', { name: /^Done/ }).click();
  await page.getByRole('listitem', { name: /^Thank Anna for the interview, done/ }).waitFor();
  await app.screenshot(page, 'tasks-dark');
  await context.close();
});

it("adds a task to an application from its page, and it shows in the Today list", async () => {
  const { page, context } = await app.open({ path: `/#/applications/${seeded.acmeAgain.id}` });
  const section = page.getByRole('region', { name: 'Tasks' });
  await section.getByText(/^No task for this application/).waitFor();
  await section.getByLabel('New task').fill('Ask Acme for feedback');
  await section.getByRole('button', { name: 'Add task' }).click();
  const row = section.getByRole('listitem', { name: /^Ask Acme for feedback, Today/ });
  await row.waitFor();
  await row.scrollIntoViewIfNeeded();
  await app.screenshot(page, 'application-tasks-light');
  const [task] = (await app.api.invoke('tasks.list', { applicationId: seeded.acmeAgain.id, status: 'all' })).items;
  expect(task).toMatchObject({ title: 'Ask Acme for feedback', applicationLabel: 'Acme Robotics — Design systems engineer' });

  // Marked done from the application's page with the keyboard, it leaves the Today list.
  await row.focus();
  await page.keyboard.press('x');
  await section.getByRole('listitem', { name: /^Ask Acme for feedback, done/ }).waitFor();
  await page.goto(`${app.server.url}/#/tasks`);
  await page.getByRole('region', { name: /^Today/ }).waitFor();
  expect(await page.getByRole('region', { name: /^Today/ }).getByText('Ask Acme for feedback').count()).toBe(0);
  await context.close();
});

it('speaks French, due dates included', async () => {
  const { page, context } = await app.open({ path: '/#/tasks', locale: 'fr-FR' });
  await page.getByRole('heading', { level: 1, name: 'Tâches' }).waitFor();
  await page.getByRole('listitem', { name: /^Follow up with Initech, En retard \(avant-hier\)/ }).waitFor();
  await app.screenshot(page, 'tasks-fr-light');
  await context.close();
});
