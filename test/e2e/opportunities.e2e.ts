import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BoardServer } from '../watch/support/board-server';
import { CareersServer } from '../watch/support/careers-server';
import { startE2EApp, type E2EApp } from './support/harness';

// Watched company boards (issue 14, item 3): a watch added from the Opportunities screen, pointed at a local board
// server; the scheduler checks it, the inbox fills, a posting is tracked and becomes a wishlist application.

let app: E2EApp;
let boards: BoardServer;
let careers: CareersServer;
let page: Page;
let closeContext: () => Promise<void>;

beforeAll(async () => {
  boards = await new BoardServer(() => Date.now()).start();
  boards.setPostings('acme', [
    { id: '101', title: 'Senior Software Engineer', location: 'Paris, France', html: '<p>Build <b>TypeScript</b> services.</p>' },
    { id: '102', title: 'Account Executive', location: 'Paris, France' },
  ]);
  careers = await new CareersServer(() => Date.now()).start();
  careers.setPostings('/careers', [{ title: 'Platform Engineer', location: 'Lyon', identifier: 'REQ-1' }]);
  // The careers page is served on 127.0.0.1, which the watcher refuses unless told (as capture's tests do).
  app = await startE2EApp({ automation: { watch: { allowPrivateAddresses: true } } });
  await app.api.invoke('watches.updateSettings', { greenhouseBaseUrl: boards.baseUrl });
  const opened = await app.open({ path: '/#/opportunities' });
  page = opened.page;
  closeContext = () => opened.context.close();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
  await boards?.close();
  await careers?.close();
});

it('adds a watch from the empty state, sees the inbox fill, and tracks a posting', async () => {
  await page.getByRole('heading', { name: 'Watch the companies you care about' }).waitFor();
  await page.getByRole('button', { name: 'Watch a board' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Watch a company’s job board' });
  await dialog.getByLabel('Job board').selectOption('greenhouse');
  await dialog.getByLabel('Board name').fill('acme');
  await dialog.getByLabel('Company').fill('Acme');
  await dialog.getByLabel('Keywords').fill('engineer');
  await dialog.getByLabel('Keywords').press('Enter');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The scheduler checks the new board within a second or so of the write; the screen refreshes on its write.
  const posting = page.getByRole('listitem').filter({ hasText: 'Senior Software Engineer' });
  await posting.waitFor();
  expect(await page.getByText('Account Executive').count()).toBe(0);
  await page.getByText(/Checked/).first().waitFor();
  expect(boards.requestsFor('acme').length).toBeGreaterThanOrEqual(1);

  await posting.getByRole('button', { name: 'Track' }).click();
  await page.waitForURL(/#\/applications\/[0-9a-f-]+$/);
  const id = /applications\/([0-9a-f-]+)$/.exec(page.url())![1];
  const application = await app.api.invoke('applications.get', { id });
  expect(application).toMatchObject({ companyName: 'Acme', position: 'Senior Software Engineer', stageCategory: 'wishlist', postingUrl: 'https://boards.greenhouse.io/acme/jobs/101' });
  expect(application.description).toContain('Build TypeScript services.');

  await page.goto(`${app.server.url}/#/opportunities`);
  await page.getByRole('radio', { name: 'Tracked' }).check();
  await page.getByRole('listitem').filter({ hasText: 'Senior Software Engineer' }).getByRole('button', { name: 'Open the application' }).waitFor();

  // Editing the watch keeps its board and adds a place.
  await page.getByRole('button', { name: 'Edit Acme' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the watch' });
  await edit.getByLabel('Places').fill('Paris');
  await edit.getByLabel('Places').press('Enter');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'hidden' });
  await page.getByText('Keywords: engineer · Places: Paris · Remote: Any').waitFor();
  expect((await app.api.invoke('watches.list', undefined))[0]).toMatchObject({ board: 'acme', keywords: ['engineer'], locations: ['Paris'] });
});

it('takes a page address in the watch form and says which kind of board it detected', async () => {
  await page.goto(`${app.server.url}/#/opportunities`);
  await page.getByRole('button', { name: 'Watch a board' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Watch a company’s job board' });
  const board = dialog.getByLabel('Board name or page address');
  const detected = dialog.getByRole('status');

  // A board's own address: its kind and name are read from it.
  await board.fill('https://job-boards.greenhouse.io/globex/jobs/42');
  await detected.getByText('Detected: Greenhouse board “globex”.').waitFor();
  expect(await dialog.getByLabel('Job board').inputValue()).toBe('greenhouse');

  // Any other page: a careers page, read for JobPosting structured data.
  await board.fill(careers.url('/careers'));
  await detected.getByText('Detected: a careers page, read for its job postings’ structured data (JobPosting).').waitFor();
  expect(await dialog.getByLabel('Job board').inputValue()).toBe('page');
  await dialog.getByLabel('Company').fill('Umbrella');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.getByText(`Careers page · ${careers.url('/careers')}`).waitFor();
  await page.getByRole('radio', { name: 'Inbox' }).check();
  await page.getByRole('listitem').filter({ hasText: 'Platform Engineer' }).waitFor();
  expect(careers.requestsFor('/careers').length).toBeGreaterThanOrEqual(1);
  expect((await app.api.invoke('watches.list', undefined)).find((watch) => watch.companyName === 'Umbrella')).toMatchObject({ kind: 'page', board: careers.url('/careers'), error: null });
});
