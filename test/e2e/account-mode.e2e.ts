import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, login } from '../server/support/client';
import { startTestServer, type TestServer } from '../server/support/server';
import { startE2EApp, type E2EApp } from './support/harness';

// Settings ▸ Sync ▸ Who can read your data: the state, the warning and confirmation before the server may read the
// data, and going private again with the passphrase (a new recovery key shown once).

let server: TestServer;
let app: E2EApp;
let page: Page;
const account = { email: 'dominique@example.org', password: 'correct horse battery', passphrase: 'a long sync passphrase' };

beforeAll(async () => {
  server = await startTestServer();
  app = await startE2EApp();
  await app.api.invoke('applications.create', { companyName: 'Initech', position: 'Data analyst', appliedOn: '2025-02-01' });
  await app.api.invoke('sync.connect', { serverUrl: server.url, ...account, deviceName: 'Laptop', createAccount: true });
  await app.context.sync.runner.whenIdle();
  page = (await app.open({ path: '/#/settings' })).page;
});
afterAll(async () => {
  await app?.close();
  await server?.close();
});

const section = () => page.locator('section[aria-labelledby="sync-account-mode-title"]');
const stateOf = () => page.getByTestId('account-mode').getAttribute('data-mode');

async function restAnswers(): Promise<number> {
  const script = await login(server.url, account.email, account.password, 'Script');
  return (await call(server.url, 'POST', '/v1/applications.list', { token: script.token, json: {} })).status;
}

it('shows the account private, and warns and asks for a confirmation before letting the server read it', async () => {
  await page.getByRole('heading', { name: 'Who can read your data' }).waitFor();
  await expect.poll(stateOf).toBe('private');
  await section().getByText('Private (end-to-end encrypted).').waitFor();

  // Cancel changes nothing.
  await page.getByRole('button', { name: 'Let the server read my data…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Let the server read your data?' });
  await dialog.waitFor();
  await dialog.getByText(/can read everything you sync/).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await restAnswers()).toBe(403);

  await page.getByRole('button', { name: 'Let the server read my data…' }).click();
  dialog = page.getByRole('dialog', { name: 'Let the server read your data?' });
  const confirm = dialog.getByRole('button', { name: 'Let the server read my data', exact: true });
  await expect.poll(() => confirm.isDisabled()).toBe(true);
  await app.screenshot(page, 'sync-account-mode-warning');
  await dialog.getByLabel('I understand that the server will be able to read my data').check();
  await confirm.click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(stateOf).toBe('readable');
  await section().getByText('Readable by the server.').waitFor();
  expect(await restAnswers()).toBe(200);
});

it('makes it private again with the passphrase, shows the new recovery key, and the REST API stops answering', async () => {
  await page.getByRole('button', { name: 'Make my data private again…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make your data private again?' });
  await dialog.waitFor();
  const submit = dialog.getByRole('button', { name: 'Make private' });
  await expect.poll(() => submit.isDisabled()).toBe(true);
  await dialog.getByLabel('Sync passphrase').fill('not the passphrase at all');
  await submit.click();
  await dialog.getByRole('alert').getByText('This passphrase or recovery key does not open this account’s data.').waitFor();
  await expect.poll(stateOf).toBe('readable');

  await dialog.getByLabel('Sync passphrase').fill(account.passphrase);
  await submit.click();
  const recovery = page.getByRole('dialog', { name: 'Save your recovery key' });
  await recovery.waitFor();
  expect(await recovery.getByTestId('recovery-key').textContent()).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
  await recovery.getByLabel('I have saved the recovery key').check();
  await recovery.getByRole('button', { name: 'Done' }).click();
  await expect.poll(stateOf).toBe('private');
  await section().getByText('Private (end-to-end encrypted).').waitFor();
  expect(await restAnswers()).toBe(403);
  await app.screenshot(page, 'sync-account-mode-private');
});
