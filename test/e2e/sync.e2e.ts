import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SyncFailure } from '../../src-main/sync/failure';
import { recordImageRefusal } from '../../src-main/sync/image-refusal';
import { startTestServer, type TestServer } from '../server/support/server';
import { startE2EApp, type E2EApp } from './support/harness';

// Two browser shells on two data folders join one Candid Server through Settings ▸ Sync; a card moved on one
// board appears on the other's board without a reload.

let server: TestServer;
let laptop: E2EApp;
let desktop: E2EApp;
let laptopPage: Page;
let desktopPage: Page;
const account = { email: 'camille@example.org', password: 'correct horse battery', passphrase: 'a long sync passphrase' };

beforeAll(async () => {
  server = await startTestServer();
  laptop = await startE2EApp();
  desktop = await startE2EApp();
  await laptop.api.invoke('applications.create', { companyName: 'Initech', position: 'Data analyst', appliedOn: '2025-02-01' });
  laptopPage = (await laptop.open({ path: '/#/settings' })).page;
  desktopPage = (await desktop.open({ path: '/#/settings' })).page;
});
afterAll(async () => {
  await laptop?.close();
  await desktop?.close();
  await server?.close();
});

async function fillCommon(page: Page, deviceName: string) {
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Sync passphrase').fill(account.passphrase);
  await page.getByLabel('Name of this device').fill(deviceName);
}

it('the first device creates the account and shows the recovery key once, with the warning', async () => {
  const page = laptopPage;
  await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
  await page.getByText('Without the sync passphrase or the recovery key').waitFor();
  await fillCommon(page, 'Laptop');
  await page.getByLabel('Passphrase again').fill(account.passphrase);
  await page.getByRole('button', { name: 'Create the account and sync' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save your recovery key' });
  await dialog.waitFor();
  expect(await dialog.getByTestId('recovery-key').textContent()).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
  await expect.poll(() => dialog.getByRole('button', { name: 'Done' }).isDisabled()).toBe(true);
  await dialog.getByLabel('I have saved the recovery key').check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Sync now' }).waitFor();
  await laptop.context.sync.runner.whenIdle();
  await laptop.screenshot(page, 'sync-settings-on');
});

it('the second device signs in with the passphrase and receives the search', async () => {
  const page = desktopPage;
  await page.getByLabel('Sign in').check();
  await fillCommon(page, 'Desktop');
  await page.getByRole('button', { name: 'Sign in and sync' }).click();
  await page.getByRole('button', { name: 'Sync now' }).waitFor();
  await desktop.context.sync.runner.whenIdle();
  await page.getByText('Laptop').waitFor();
  expect((await desktop.api.invoke('applications.list', {})).items.map((item) => item.position)).toEqual(['Data analyst']);
});

it('a card moved on one board appears moved on the other without a reload', async () => {
  await laptopPage.goto(`${laptop.server.url}/#/board`);
  await desktopPage.goto(`${desktop.server.url}/#/board`);
  const card = (page: Page) => page.locator('.board-card:not(.is-overlay)').filter({ hasText: 'Data analyst' });
  const inColumn = (page: Page, name: string) =>
    page.locator('section.board-column').filter({ has: page.locator('[id^="column-"]', { hasText: new RegExp(`^${name}$`) }) }).locator('.board-card').filter({ hasText: 'Data analyst' });
  await inColumn(desktopPage, 'Applied').waitFor();

  // On the laptop, by drag and drop (as test/e2e/board.e2e.ts does).
  const from = (await card(laptopPage).boundingBox())!;
  const to = (await laptopPage.locator('section.board-column').filter({ has: laptopPage.locator('[id^="column-"]', { hasText: /^Screening$/ }) }).boundingBox())!;
  await laptopPage.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await laptopPage.mouse.down();
  await laptopPage.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await laptopPage.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
  await laptopPage.mouse.up();
  await inColumn(laptopPage, 'Screening').waitFor();

  const reloads: string[] = [];
  desktopPage.on('load', () => reloads.push('load'));
  await laptop.api.invoke('sync.now', {});
  await desktop.api.invoke('sync.now', {});
  await inColumn(desktopPage, 'Screening').waitFor();
  expect(reloads).toEqual([]);
  await desktop.screenshot(desktopPage, 'sync-board-moved');
});

it('a date from another device out of range is ignored, said in Settings ▸ Sync, and the dashboard stays well (#19)', async () => {
  const [initech] = (await laptop.api.invoke('applications.list', {})).items;
  // Past the write path's checks, as an older version or a script would have written it.
  laptop.context.changes.write((write) => write.update('applications', initech.id, { applied_on: '9999-12-31', notes: 'with a bad date' }));
  await laptop.api.invoke('sync.now', {});
  const status = await desktop.api.invoke('sync.now', {});
  expect(status.lastError).toBeNull();
  expect((await desktop.api.invoke('applications.get', { id: initech.id })).notes).toBe('with a bad date');

  await desktopPage.goto(`${desktop.server.url}/#/settings`);
  await desktopPage.getByRole('heading', { name: 'Dates ignored' }).waitFor();
  await desktopPage.getByText('A date from another device was out of range and was ignored: Initech — applied on').waitFor();
  await desktopPage.getByRole('heading', { name: 'Dates ignored' }).scrollIntoViewIfNeeded();
  await desktop.screenshot(desktopPage, 'sync-dates-ignored');
  await desktopPage.goto(`${desktop.server.url}/#/dashboard`);
  await desktopPage.getByRole('group', { name: 'Key figures' }).waitFor();
  await desktopPage.locator('[data-chart="timeline"] [role="img"]').waitFor();
  expect(await desktopPage.getByRole('alert').count()).toBe(0);
});

it('a custom field value from another device that does not fit its field is ignored and named by the field (#19)', async () => {
  const [initech] = (await laptop.api.invoke('applications.list', {})).items;
  const startDate = await laptop.api.invoke('customFields.create', { name: 'Start date', kind: 'date' });
  const salary = await laptop.api.invoke('customFields.create', { name: 'Salary', kind: 'number' });
  await laptop.api.invoke('customFields.setValue', { applicationId: initech.id, fieldId: startDate.id, value: '2026-05-01' });
  await laptop.api.invoke('customFields.setValue', { applicationId: initech.id, fieldId: salary.id, value: 52000 });
  await laptop.api.invoke('sync.now', {});
  await desktop.api.invoke('sync.now', {});
  // Past the write path's checks.
  const row = (fieldId: string) =>
    laptop.context.db.sqlite.prepare(`SELECT id FROM application_field_values WHERE application_id = ? AND field_id = ?`).pluck().get(initech.id, fieldId) as string;
  laptop.context.changes.write((write) => {
    write.update('application_field_values', row(startDate.id), { value: '9999-12-31' });
    write.update('application_field_values', row(salary.id), { value: 'lots' });
  });
  await laptop.api.invoke('sync.now', {});
  expect((await desktop.api.invoke('sync.now', {})).lastError).toBeNull();

  await desktopPage.goto(`${desktop.server.url}/#/settings`);
  await desktopPage.getByText('A date from another device was out of range and was ignored: Initech — Start date').waitFor();
  await desktopPage.getByText('A value from another device did not fit its field and was ignored: Initech — Salary').waitFor();
  await desktopPage.getByRole('heading', { name: 'Dates ignored' }).scrollIntoViewIfNeeded();
  await desktop.screenshot(desktopPage, 'sync-custom-values-ignored');
  const detail = await desktop.api.invoke('applications.list', {});
  expect(detail.items[0]?.customValues).toEqual({ [startDate.id]: '2026-05-01', [salary.id]: 52000 });
});

it('a database image refused when the device joined is said in Settings ▸ Sync', async () => {
  // What the join records when the server's sealed image fails its check (test/sync/image.test.ts drives that part).
  recordImageRefusal(desktop.context.db, new SyncFailure('tampered', 'The database image failed its integrity check'), '2025-03-01T09:30:00.000Z');
  // A full load: the status was read before the refusal was recorded.
  await desktopPage.goto('about:blank');
  await desktopPage.goto(`${desktop.server.url}/#/settings`);
  const notice = desktopPage.getByRole('status').filter({ has: desktopPage.getByRole('heading', { name: 'The server’s copy of your search was not used' }) });
  await notice.waitFor();
  expect(await notice.textContent()).toContain('failed its integrity check');
  expect(await notice.textContent()).toContain('nothing is missing');
  await notice.scrollIntoViewIfNeeded();
  await desktop.screenshot(desktopPage, 'sync-image-refused');
});
