import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApi, type Api } from '../../../src-main/api';
import { startAutomation, type Automation, type AutomationOptions } from '../../../src-main/automation';
import type { Clock } from '../../../src-main/automation/clock';
import { closeAppContext, openAppContext, type AppContext } from '../../../src-main/context';
import { startHttpServer, type HttpServer } from '../../../src-main/transports/http';
import { tempDir } from '../../support/temp-app';

export const rendererDir = path.resolve(import.meta.dirname, '../../../out/renderer');
export const artifactsDir = path.resolve(import.meta.dirname, '../../artifacts');

/** Debian's Chromium; the flags keep it from reaching for the network this machine does not have. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface E2EApp {
  dir: string;
  context: AppContext;
  api: Api;
  server: HttpServer;
  browser: Browser;
  /** The scheduler, when started with `automation` (on the clock the test gave, which it moves). */
  automation: Automation | null;
  /**
   * A new browser context (fresh storage) with a page on the app, opened as a user opens it: through a one-time
   * launch address, which lets this browser context in (session cookie) and redirects to the app.
   */
  open(options?: { colorScheme?: 'light' | 'dark'; locale?: string; path?: string }): Promise<{ context: BrowserContext; page: Page }>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real renderer (built into out/renderer by `npm run test:e2e`) served with the real handler table over
 * HTTP on a temp database, driven in headless Chromium.
 */
export async function startE2EApp(options: { dataDir?: string; clock?: Clock; automation?: boolean | AutomationOptions } = {}): Promise<E2EApp> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build:renderer` (npm run test:e2e does it)');
  }
  const dir = options.dataDir ?? tempDir('candid-e2e-');
  // The test owns the server's clock (it runs in this process): it moves it to make reminders fall due.
  const context = await openAppContext({ dataDir: dir, shell: 'browser', clock: options.clock });
  const api = createApi(context);
  const automation = options.automation ? startAutomation(context, options.automation === true ? {} : options.automation) : null;
  await automation?.started;
  const server = await startHttpServer({ api, staticDir: rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  fs.mkdirSync(artifactsDir, { recursive: true });
  return {
    dir,
    context,
    api,
    server,
    browser,
    automation,
    async open({ colorScheme = 'light', locale = 'en-US', path: route = '/' } = {}) {
      const browserContext = await browser.newContext({ colorScheme, locale, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = await browserContext.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error));
      await page.goto(server.launchUrl());
      if (route !== '/') {
        // A full load of the route, as before the launch address: going from the app to an address that differs
        // only after `#` would be an in-page navigation, which the app's own first redirect can still override.
        await page.goto('about:blank');
        await page.goto(`${server.url}${route}`);
      }
      return { context: browserContext, page };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: false });
    },
    async close() {
      automation?.stop();
      await browser.close();
      await server.close();
      closeAppContext(context);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
