import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChatServer } from '../ai/support/chat-server';
import { audit } from './support/audit';
import { startE2EApp, type E2EApp } from './support/harness';

// Optional AI in the interface (issue 14, item 4): the real renderer against the real handler table over HTTP, and a
// local server speaking chat-completions. Off by default (no AI button anywhere); configured in Settings; a posting
// of the inbox and an application analysed (preview → confirm → result → use fields, with Undo); errors translated.

const key = 'sk-candid-e2e-5e6f7a8b9c';

let app: E2EApp;
let chat: ChatServer;
let page: Page;
let closeContext: () => Promise<void>;
let applicationId: string;

beforeAll(async () => {
  chat = await new ChatServer().start();
  app = await startE2EApp();
  await app.api.invoke('profile.update', { skills: ['TypeScript', 'React'] });
  const watch = await app.api.invoke('watches.create', { kind: 'lever', board: 'globex', companyName: 'Globex' });
  app.context.changes.write((write) =>
    write.insert('opportunities', { watch_id: watch.id, external_id: 'a1', title: 'Backend Developer', location: 'Lyon', description: 'We build a local-first sync engine in TypeScript and Rust.', status: 'new' }),
  );
  applicationId = (
    await app.api.invoke('applications.create', {
      companyName: 'Initech',
      position: 'Platform Engineer',
      workMode: 'on_site',
      capturedPosting: { text: 'Platform team: TypeScript, SQLite and Rust. Hybrid in Lyon.', url: 'https://jobs.example.com/initech/7', capturedAt: '2026-12-01T10:00:00.000Z' },
    })
  ).id;
  const opened = await app.open({ path: '/#/opportunities' });
  page = opened.page;
  closeContext = () => opened.context.close();
});
afterAll(async () => {
  await closeContext?.();
  await app?.close();
  await chat?.close();
});

const analyseButton = () => page.getByRole('button', { name: 'Analyse with AI' });

it('shows no AI button while AI is off, only a hint in Settings', async () => {
  await page.getByRole('listitem').filter({ hasText: 'Backend Developer' }).getByRole('button', { name: 'Track' }).waitFor();
  expect(await analyseButton().count()).toBe(0);
  await page.goto(`${app.server.url}/#/applications/${applicationId}`);
  await page.getByRole('heading', { name: 'Platform Engineer' }).waitFor();
  expect(await analyseButton().count()).toBe(0);
  await page.goto(`${app.server.url}/#/settings?section=ai`);
  await page.getByText('AI is off: no posting is sent anywhere.', { exact: false }).waitFor();
  expect(chat.received).toEqual([]);
});

it('configures AI in Settings: the address is checked, the key is write-only', async () => {
  const section = page.getByRole('region', { name: 'AI (optional)' });
  await section.getByLabel('Use AI to analyse postings').check();
  await section.getByLabel('Endpoint (base URL)').fill('ftp://127.0.0.1/v1');
  await section.getByLabel('Model').fill('llama3.1');
  await section.getByLabel('Time limit (seconds)').fill('5');
  await section.getByLabel('API key', { exact: true }).fill(key);
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByText('Enter an http:// or https:// address, without a query, a fragment or a user name.').waitFor();
  expect((await app.api.invoke('ai.settings', undefined)).enabled).toBe(false);

  await section.getByLabel('Endpoint (base URL)').fill(`${chat.url}/ok/v1`);
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByText('A key is stored on this device.').waitFor();
  expect(await section.getByLabel('API key', { exact: true }).count()).toBe(0);
  expect(await app.api.invoke('ai.settings', undefined)).toEqual({ enabled: true, baseUrl: `${chat.url}/ok/v1`, model: 'llama3.1', timeoutSeconds: 5, hasKey: true });
  expect(await page.content()).not.toContain(key);
  expect(await page.getByText('AI is off: no posting is sent anywhere.', { exact: false }).count()).toBe(0);
  expect(await audit(page)).toEqual([]);
});

it('analyses a posting of the inbox: the exact request first, nothing sent before confirming, then the fields and the fit', async () => {
  await page.goto(`${app.server.url}/#/opportunities`);
  await page.getByRole('listitem').filter({ hasText: 'Backend Developer' }).getByRole('button', { name: 'Analyse with AI' }).click();
  const dialog = page.getByRole('dialog', { name: 'Analyse the posting with AI' });
  await dialog.getByText(`POST ${chat.url}/ok/v1/chat/completions`).waitFor();
  await dialog.getByText('authorization: Bearer ••••••••').waitFor();
  await dialog.getByText('We build a local-first sync engine in TypeScript and Rust.', { exact: false }).waitFor();
  expect(chat.received).toEqual([]);
  expect(await audit(page)).toEqual([]);

  await dialog.getByRole('button', { name: 'Send to the model' }).click();
  await dialog.getByText('43 %').waitFor();
  expect(await audit(page)).toEqual([]);
  expect(chat.received).toHaveLength(1);
  expect(chat.received[0].authorization).toBe(`Bearer ${key}`);
  const matched = dialog.getByRole('definition').filter({ has: page.getByText('TypeScript') }).first();
  await matched.waitFor();
  await dialog.getByText('Local-first sync engine').waitFor();
  await dialog.getByText('Hybrid').waitFor();
  await dialog.getByText('3 years').waitFor();
  // An opportunity is not an application: nothing to fill.
  expect(await dialog.getByRole('button', { name: 'Use these fields' }).count()).toBe(0);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await dialog.waitFor({ state: 'hidden' });
});

it('analyses an application and fills only its empty fields, with Undo', async () => {
  await page.goto(`${app.server.url}/#/applications/${applicationId}`);
  await analyseButton().click();
  const dialog = page.getByRole('dialog', { name: 'Analyse the posting with AI' });
  await dialog.getByText('Platform team: TypeScript, SQLite and Rust.', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: 'Send to the model' }).click();
  const use = dialog.getByRole('group', { name: 'Use these fields in the application' });
  await use.waitFor();
  // The work mode the user chose is offered unticked, with its current value; the empty fields are ticked.
  expect(await use.getByRole('checkbox', { name: /Work mode/ }).isChecked()).toBe(false);
  await use.getByText('now: On site', { exact: false }).waitFor();
  expect(await audit(page)).toEqual([]);
  for (const name of [/Required skills/, /Preferred skills/, /Years of experience/, /Salary/]) expect(await use.getByRole('checkbox', { name }).isChecked()).toBe(true);
  await use.getByRole('button', { name: 'Use these fields' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const toast = page.getByRole('status').filter({ hasText: '4 fields filled from the analysis' });
  await toast.waitFor();
  expect(await app.api.invoke('applications.get', { id: applicationId })).toMatchObject({
    requiredSkills: ['TypeScript', 'SQLite', 'Rust'],
    preferredSkills: ['React'],
    experienceYears: 3,
    salaryMin: 50000,
    salaryMax: 65000,
    salaryCurrency: 'EUR',
    salaryPeriod: 'year',
    workMode: 'on_site',
  });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await app.api.invoke('applications.get', { id: applicationId })).requiredSkills).toEqual([]);
  expect(await app.api.invoke('applications.get', { id: applicationId })).toMatchObject({ preferredSkills: [], experienceYears: null, salaryMin: null, salaryMax: null, workMode: 'on_site' });
});

it('shows each error in the user’s language with the next step, and writes nothing (French, dark theme)', async () => {
  const french = await app.open({ locale: 'fr-FR', colorScheme: 'dark', path: `/#/applications/${applicationId}` });
  try {
    const before = await app.api.invoke('applications.get', { id: applicationId });
    const frPage = french.page;
    const cases: [string, string][] = [
      ['malformed', 'La réponse du modèle n’a pas pu être lue. Réessayez, ou choisissez un modèle qui répond en JSON.'],
      ['slow', 'Le serveur du modèle n’a pas répondu en 1 s.'],
      ['error', 'Le service a répondu par une erreur (HTTP 500).'],
    ];
    for (const [mode, message] of cases) {
      await app.api.invoke('ai.update', { baseUrl: `${chat.url}/${mode}/v1`, timeoutSeconds: 1 });
      await frPage.reload();
      await frPage.getByRole('button', { name: 'Analyser avec l’IA' }).click();
      const dialog = frPage.getByRole('dialog', { name: 'Analyser l’offre avec l’IA' });
      await dialog.getByRole('button', { name: 'Envoyer au modèle' }).click();
      await dialog.getByRole('alert').filter({ hasText: message }).waitFor();
      await dialog.getByRole('button', { name: 'Réessayer' }).waitFor();
      if (mode === 'malformed') expect(await audit(frPage)).toEqual([]);
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const after = await app.api.invoke('applications.get', { id: applicationId });
    expect(after.updatedAt).toBe(before.updatedAt);
  } finally {
    await french.context.close();
  }
});

it('replaces the key, and removes it after asking', async () => {
  await app.api.invoke('ai.update', { baseUrl: `${chat.url}/ok/v1`, timeoutSeconds: 5 });
  await page.goto(`${app.server.url}/#/settings?section=ai`);
  const section = page.getByRole('region', { name: 'AI (optional)' });
  await section.getByRole('button', { name: 'Replace the key' }).click();
  await section.getByLabel('New API key').fill('sk-replaced-key-0001');
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByLabel('New API key').waitFor({ state: 'hidden' });
  await expect.poll(() => app.context.secrets.get('ai-api-key')).toBe('sk-replaced-key-0001');

  await section.getByRole('button', { name: 'Remove the key' }).click();
  await section.getByText('Remove the stored key from this device?', { exact: false }).waitFor();
  expect((await app.api.invoke('ai.settings', undefined)).hasKey).toBe(true);
  await section.getByRole('group', { name: 'Remove the key' }).getByRole('button', { name: 'Remove the key' }).click();
  await section.getByLabel('API key', { exact: true }).waitFor();
  expect(await app.api.invoke('ai.settings', undefined)).toMatchObject({ enabled: true, hasKey: false });
  expect(app.context.secrets.get('ai-api-key')).toBeNull();
});
