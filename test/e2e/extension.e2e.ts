import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/contract';
import { startConnectorServer, type ConnectorServer } from '../../src-main/transports/connector';
import { buildExtension, unpackedDir } from '../../scripts/build-extension';
import { postingPage } from '../extension/posting-page';
import { chromiumArgs, chromiumPath, startE2EApp, type E2EApp } from './support/harness';

/**
 * The built extension (npm run build:extension) in Debian's Chromium, headless (its "new" headless loads
 * extensions), against the real handler table: the connector on its fixed ports, as the extension looks for it,
 * and the app's own pages (Settings ▸ Browser extension shows the code) in another browser.
 */
let app: E2EApp;
let connector: ConnectorServer | null;
let settings: Page;
let pages: http.Server;
let pageUrl: string;
let profile: string;
let context: BrowserContext;
let worker: Worker;
/** What the connector asked the app to show (the desktop shell's hook, recorded: this app is the browser shell). */
const shownInApp: string[] = [];

beforeAll(async () => {
  await buildExtension();
  app = await startE2EApp();
  connector = await startConnectorServer({
    api: app.api,
    openUrl: (id) => `${app.server.url}/#/applications/${id}`,
    showApplication: (id) => shownInApp.push(id),
  });
  ({ page: settings } = await app.open({ path: '/#/settings?section=extension' }));
  pages = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(postingPage());
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/jobs/4011`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-extension-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, `--disable-extensions-except=${unpackedDir}`, `--load-extension=${unpackedDir}`],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});
afterAll(async () => {
  await context?.close();
  await connector?.close();
  pages?.close();
  await app?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

/** The tab showing the posting page, as the popup would find it. */
async function saveThePostingTab(): Promise<unknown> {
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url } as never);
    return (globalThis as unknown as { candid: { save(tabId: number): Promise<unknown> } }).candid.save(tab.id!);
  }, pageUrl);
}

/** What the popup's "Open in Candid" button sends the service worker (show), called as the button would. */
async function showInApp(applicationId: string): Promise<unknown> {
  return worker.evaluate((id) => (globalThis as unknown as { candid: { show(id: string): Promise<unknown> } }).candid.show(id), applicationId);
}

describe('the browser extension', () => {
  it('loads in headless Chromium, listening on the fixed port range', () => {
    expect(connector, 'a connector port is free').not.toBeNull();
    expect(worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
  });

  it('is refused while unpaired: the popup asks for a code and nothing is saved', async () => {
    const page = await context.newPage();
    await page.goto(pageUrl);
    expect(await saveThePostingTab()).toEqual({ ok: false, reason: 'not_paired' });
    expect((await app.api.invoke('applications.list', {})).items).toEqual([]);

    const extensionId = new URL(worker.url()).host;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByLabel('Pairing code').isVisible()).toBe(true);
    await popup.getByLabel('Pairing code').fill('WRONG-CODE');
    await popup.getByRole('button', { name: 'Pair' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('wrong or has expired');
    await popup.close();
  });

  it('pairs with the code Settings shows, then saves the page and the application appears', async () => {
    await settings.getByRole('button', { name: 'Pair a browser' }).click();
    const code = (await settings.locator('.ext-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const extensionId = new URL(worker.url()).host;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByLabel('Pairing code').fill(code);
    await popup.getByRole('button', { name: 'Pair' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Save to Candid' }).isVisible()).toBe(true);
    await popup.close();
    // Settings sees the new browser (it polls every 2 s while the code is shown) and hides the spent code. The toast,
    // not "No browser is paired yet.", which "is paired" also matched (so the next line ran before the poll).
    await expect.poll(() => settings.getByText(/ is paired\.$/).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => settings.locator('.ext-browser').getByRole('button', { name: 'Revoke', exact: false }).count()).toBe(1);
    expect(await settings.locator('.ext-code').count()).toBe(0);

    const saved = (await saveThePostingTab()) as { ok: true; value: { applicationId: string; openUrl: string } };
    expect(saved).toEqual({
      ok: true,
      value: {
        applicationId: expect.any(String),
        companyName: 'Initech',
        position: 'Platform engineer',
        alreadyTracked: false,
        openUrl: `${app.server.url}/#/applications/${saved.value.applicationId}`,
        canShow: true,
        postingsOnPage: 1,
      },
    });
    const application = await app.api.invoke('applications.get', { id: saved.value.applicationId });
    expect(application).toMatchObject({ position: 'Platform engineer', stageCategory: 'wishlist', capturedPosting: { url: pageUrl } });
    expect(application.capturedPosting?.text).toContain('Kubernetes');
    // The popup's link opens it in the app.
    const opened = await settings.context().newPage();
    await opened.goto(saved.value.openUrl);
    await expect.poll(() => opened.getByRole('heading', { name: 'Platform engineer' }).first().isVisible()).toBe(true);
    await opened.close();

    // "Open in Candid" where the app can bring itself forward (the desktop): the connector calls the shell's hook.
    expect(await showInApp(saved.value.applicationId)).toEqual({ ok: true, value: null });
    expect(shownInApp).toEqual([saved.value.applicationId]);
    expect(await showInApp('01a24173-9b86-71ae-a20a-9121d1eb0327')).toEqual({ ok: false, reason: 'not_found' });
    expect(shownInApp).toHaveLength(1);
  });

  it('on the desktop (no link to offer) the popup shows "Open in Candid" as a button that brings the app to it', async () => {
    // The connector as the desktop app starts it: no address to link to, a window to bring forward.
    await connector?.close();
    connector = await startConnectorServer({ api: app.api, showApplication: (id) => shownInApp.push(id) });
    shownInApp.length = 0;
    const [application] = (await app.api.invoke('applications.list', {})).items;
    const popup = await context.newPage();
    // A test cannot click the toolbar button: the popup's own page is the active tab here, so its query for the
    // active tab is answered with the posting's tab (what it finds when opened from the toolbar).
    await popup.addInitScript((url) => {
      const query = chrome.tabs.query.bind(chrome.tabs);
      chrome.tabs.query = (() => query({ url } as never)) as typeof chrome.tabs.query;
    }, pageUrl);
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    await popup.getByRole('button', { name: 'Save to Candid' }).click();
    await expect.poll(() => popup.getByText('Already in Candid').isVisible()).toBe(true);
    expect(await popup.getByRole('link', { name: 'Open in Candid' }).count()).toBe(0);
    await popup.getByRole('button', { name: 'Open in Candid' }).click();
    await expect.poll(() => shownInApp).toEqual([application.id]);
    expect(await popup.getByRole('alert').isVisible()).toBe(false);

    // Deleted in the app meanwhile: said in the popup, nothing shown.
    await app.api.invoke('applications.delete', { id: application.id });
    await popup.getByRole('button', { name: 'Open in Candid' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('no longer in Candid');
    expect(shownInApp).toHaveLength(1);
    await popup.close();
    await app.api.invoke('applications.restore', { ids: [application.id] });
  });

  it('its token, as stored by the extension, opens no channel of the handler table', async () => {
    const stored = await worker.evaluate(() => chrome.storage.local.get(['captureToken']));
    const token = stored.captureToken as string;
    expect(token).toMatch(/^cdx_/);
    const extensionOrigin = new URL(worker.url()).origin;
    for (const channel of channels) {
      const response = await fetch(`${app.server.url}/api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: extensionOrigin },
        body: '{}',
      });
      expect([401, 403], channel).toContain(response.status);
    }
  });

  it('revoked in Settings: refused, and the popup offers to pair again', async () => {
    await settings.locator('.ext-browser').getByRole('button', { name: 'Revoke', exact: false }).click();
    await expect.poll(() => settings.getByText('No browser is paired yet.').isVisible()).toBe(true);
    expect(await saveThePostingTab()).toEqual({ ok: false, reason: 'not_paired' });
    const [application] = (await app.api.invoke('applications.list', {})).items;
    expect(await showInApp(application.id)).toEqual({ ok: false, reason: 'not_paired' });
    expect(shownInApp).toHaveLength(1);
    const extensionId = new URL(worker.url()).host;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByLabel('Pairing code').isVisible()).toBe(true);
    await popup.close();
    expect((await app.api.invoke('applications.list', {})).items).toHaveLength(1);
  });

  it('says so when Candid is not running', async () => {
    await connector?.close();
    connector = null;
    expect(await worker.evaluate(() => (globalThis as unknown as { candid: { status(): Promise<string> } }).candid.status())).toBe('not_running');
    const extensionId = new URL(worker.url()).host;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect.poll(() => popup.getByText('Candid is not running').isVisible()).toBe(true);
  });
});
