import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApplicationDetail } from '../../src-shared/contract';
import { pollTimeout } from './support/records';
import { startE2EApp, type E2EApp } from './support/harness';

// Inline editing in the applications table (issue 19, item 5), by keyboard only: arrows move the active cell,
// Enter/F2 edit, typing starts an edit, Escape cancels, Tab saves and moves on; each edit is one call through the
// usual channels, undone with Ctrl+Z.

let app: E2EApp;
let page: Page;
let closeContext: () => Promise<void>;
let initech: ApplicationDetail;
let hooli: ApplicationDetail;

const columns = ['company', 'position', 'stage', 'appliedOn', 'salary', 'tags', 'nextStep', 'priority'];

beforeAll(async () => {
  app = await startE2EApp();
  initech = await app.api.invoke('applications.create', { companyName: 'Initech', position: 'Data analyst', appliedOn: '2025-02-03', tags: ['remote'] });
  hooli = await app.api.invoke('applications.create', { companyName: 'Hooli', position: 'Backend engineer', appliedOn: '2025-02-01', salaryMin: 40_000, salaryMax: 50_000, salaryCurrency: 'EUR', salaryPeriod: 'year' });
  await app.api.invoke('tasks.create', { title: 'Send the portfolio', dueOn: '2025-02-10', applicationId: hooli.id });
  await app.api.invoke('tasks.create', { title: 'Later task', dueOn: '2025-03-01', applicationId: hooli.id });
  const opened = await app.open({ path: '/#/dashboard' });
  page = opened.page;
  closeContext = () => opened.context.close();
  await page.evaluate((chosen) => localStorage.setItem('candid.applications.view.v1', JSON.stringify({ columns: chosen })), columns);
  await page.goto(`${app.server.url}/#/applications`);
  await page.locator('.table-row .cell-strong').first().waitFor();
  // The keyboard's way in: the grid is one tab stop, its active cell.
  await page.getByRole('grid', { name: 'Applications' }).locator('[role="gridcell"][tabindex="0"]').focus();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
});

const get = (id: string) => app.api.invoke('applications.get', { id });
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const cell = element.closest<HTMLElement>('[role="gridcell"]');
    const row = element.closest<HTMLElement>('[role="row"]');
    const header = [...document.querySelectorAll('[role="columnheader"]')][Number(cell?.dataset.col)];
    return { tag: element.tagName, column: header?.getAttribute('aria-label') ?? header?.textContent ?? '', row: Number(row?.dataset.index) };
  });
// The stored value can be read before the page has its answer: the editor closes, and the cell takes the keys, then.
const editorClosed = () => expect.poll(async () => (await focused()).tag, pollTimeout).toBe('DIV');
const toast = (text: string | RegExp) => page.locator('.toast').filter({ hasText: text }).first();

it('moves between cells with the arrows, and edits the position with F2 and Enter; Ctrl+Z undoes it', async () => {
  // Rows: newest applied first (Initech, then Hooli); the active cell starts on the first column, the position.
  expect(await focused()).toMatchObject({ tag: 'DIV', column: 'Position', row: 0 });
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toMatchObject({ column: 'Company', row: 0 });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('F2');
  expect(await focused()).toMatchObject({ tag: 'INPUT', column: 'Position' });
  await page.keyboard.type('Senior data analyst');
  await page.keyboard.press('Enter');
  await toast('Position of Data analyst changed.').waitFor();
  expect((await get(initech.id)).position).toBe('Senior data analyst');
  // Back on the cell, not in a box.
  await expect.poll(focused, pollTimeout).toMatchObject({ tag: 'DIV', column: 'Position', row: 0 });
  await page.locator('.table-row .cell-strong').filter({ hasText: 'Senior data analyst' }).waitFor();

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await get(initech.id)).position, pollTimeout).toBe('Data analyst');
});

it('cancels with Escape, and starts an edit by typing; Tab saves and moves to the next cell', async () => {
  await page.keyboard.press('Enter');
  await page.keyboard.type('Nothing');
  await page.keyboard.press('Escape');
  await expect.poll(focused, pollTimeout).toMatchObject({ tag: 'DIV', column: 'Position' });
  expect((await get(initech.id)).position).toBe('Data analyst');

  await page.keyboard.press('ArrowRight');
  // Typing replaces the company: a name that is no company yet creates it, as the form does.
  await page.keyboard.type('Umbrella Corporation');
  await page.keyboard.press('Tab');
  await expect.poll(focused, pollTimeout).toMatchObject({ tag: 'DIV', column: 'Stage', row: 0 });
  await expect.poll(async () => (await get(initech.id)).companyName, pollTimeout).toBe('Umbrella Corporation');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await get(initech.id)).companyName, pollTimeout).toBe('Initech');
});

it('edits the salary as a range, refusing what is not one next to the cell', async () => {
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  // End goes to the last column (priority); the salary is three to the left.
  for (let step = 0; step < 3; step += 1) await page.keyboard.press('ArrowLeft');
  expect(await focused()).toMatchObject({ column: 'Salary', row: 1 });
  await page.keyboard.press('F2');
  expect(await page.locator('.cell-editor input').inputValue()).toBe('40000–50000');
  await page.keyboard.type('lots');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Type an amount or a range' }).waitFor();
  expect(await focused()).toMatchObject({ tag: 'INPUT', column: 'Salary' });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('45k – 55k');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await get(hooli.id)).salaryMax, pollTimeout).toBe(55_000);
  expect(await get(hooli.id)).toMatchObject({ salaryMin: 45_000, salaryCurrency: 'EUR', salaryPeriod: 'year' });
  await editorClosed();
});

it('edits the tags and the priority, typing straight into the cell', async () => {
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toMatchObject({ column: 'Tags', row: 1 });
  await page.keyboard.type('urgent, dream job');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await get(hooli.id)).tags, pollTimeout).toEqual(['dream job', 'urgent']);
  await editorClosed();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toMatchObject({ column: 'Priority', row: 1 });
  await page.keyboard.press('4');
  expect(await focused()).toMatchObject({ tag: 'SELECT', column: 'Priority' });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await get(hooli.id)).priority, pollTimeout).toBe(4);
  await editorClosed();
  await page.getByRole('gridcell', { name: '4/5' }).waitFor();
});

it('edits the next step: the next open task, or a new one', async () => {
  await page.keyboard.press('ArrowLeft');
  expect(await focused()).toMatchObject({ column: 'Next step', row: 1 });
  await page.keyboard.press('Enter');
  expect(await page.locator('.cell-editor input[type="text"]').inputValue()).toBe('Send the portfolio');
  await page.keyboard.type('Send the portfolio and the references');
  await page.keyboard.press('Tab');
  await page.keyboard.type('02152025');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await get(hooli.id)).tasks.find((task) => task.title.startsWith('Send'))?.title, pollTimeout).toBe(
    'Send the portfolio and the references',
  );
  expect((await get(hooli.id)).tasks.find((task) => task.title.startsWith('Send'))?.dueOn).toBe('2025-02-15');
  await editorClosed();

  // Initech has no open task: typing there creates its next step.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('Call back Peter');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await get(initech.id)).tasks.map((task) => task.title), pollTimeout).toEqual(['Call back Peter']);
  await page.locator('.cell-next-step').filter({ hasText: 'Call back Peter' }).waitFor();
  await editorClosed();
  await app.screenshot(page, 'applications-inline-edit-light');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await get(initech.id)).tasks.length, pollTimeout).toBe(0);
  await editorClosed();
});

it('opens the application with Enter where there is nothing to edit, and with Ctrl+Enter from any cell', async () => {
  await page.keyboard.press('Home');
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowRight');
  expect(await focused()).toMatchObject({ column: 'Applied on', row: 0 });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Data analyst' }).waitFor();
  await page.goBack();
  await page.locator('.table-row .cell-strong').first().waitFor();
  await page.getByRole('grid', { name: 'Applications' }).locator('[role="gridcell"][tabindex="0"]').focus();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { level: 1, name: /Data analyst|Backend engineer/ }).waitFor();
});

it('looks right in French, in the dark theme, while editing', async () => {
  const { page: french, context } = await app.open({ path: '/#/applications', locale: 'fr-FR', colorScheme: 'dark' });
  await french.evaluate((chosen) => localStorage.setItem('candid.applications.view.v1', JSON.stringify({ columns: chosen })), columns);
  await french.reload();
  await french.locator('.table-row .cell-strong').first().waitFor();
  await french.getByRole('grid', { name: 'Candidatures' }).locator('[role="gridcell"][tabindex="0"]').focus();
  await french.keyboard.press('End');
  for (let step = 0; step < 3; step += 1) await french.keyboard.press('ArrowLeft');
  await french.keyboard.press('F2');
  await french.keyboard.type('x');
  await french.keyboard.press('Enter');
  await french.getByRole('alert').filter({ hasText: 'Saisissez un montant' }).waitFor();
  await app.screenshot(french, 'applications-inline-edit-fr-dark');
  await french.keyboard.press('Escape');
  await context.close();
});
