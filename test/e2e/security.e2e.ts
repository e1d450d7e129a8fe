import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

/**
 * The Content-Security-Policy, enforced by a real Chromium on the real renderer: if a directive is loosened
 * (src-shared/security.ts or the meta tag in src-renderer/index.html), one of these fails.
 */
let app: E2EApp;
let foreign: http.Server;
let foreignUrl: string;

beforeAll(async () => {
  app = await startE2EApp();
  // Another local origin: a page that tries to frame Candid, and an endpoint Candid must not be able to reach.
  foreign = http.createServer((request, response) => {
    if (request.url === '/frame') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<iframe id="victim" src="${app.server.url}/"></iframe>`);
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
    response.end('reached');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => foreign.close(() => resolve()));
  await app?.close();
});

describe('Content-Security-Policy in Chromium', () => {
  it('blocks injected inline script, eval and requests to other origins', async () => {
    const { page, context } = await app.open();
    await page.waitForFunction(() => (document.querySelector('#root')?.childElementCount ?? 0) > 0);
    const outcome = await page.evaluate(async (target) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      // A string timer is evaluated by the page itself (DevTools' own evaluation is exempt from the CSP).
      (window.setTimeout as unknown as (code: string, delay: number) => number)('window.__evalRan = true', 0);
      let fetched = false;
      try {
        fetched = (await (await fetch(target)).text()) === 'reached';
      } catch {
        fetched = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      const flags = window as unknown as { __injected?: boolean; __evalRan?: boolean };
      return { injected: flags.__injected === true, evalRan: flags.__evalRan === true, fetched, violations };
    }, `${foreignUrl}/data`);
    expect(outcome.injected).toBe(false);
    expect(outcome.evalRan).toBe(false);
    expect(outcome.fetched).toBe(false);
    expect(outcome.violations.some((directive) => directive.startsWith('script-src'))).toBe(true);
    expect(outcome.violations.some((directive) => directive.startsWith('connect-src'))).toBe(true);
    expect(outcome.violations).toContain('script-src');
    await context.close();
  });

  it('keeps the page from being navigated away by an injected form or <base>', async () => {
    const { page, context } = await app.open();
    await page.waitForFunction(() => (document.querySelector('#root')?.childElementCount ?? 0) > 0);
    const before = page.url();
    const violations = await page.evaluate(async (target) => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.violatedDirective));
      const base = document.createElement('base');
      base.href = target;
      document.head.append(base);
      const form = document.createElement('form');
      form.action = target;
      form.method = 'post';
      document.body.append(form);
      form.submit();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return seen;
    }, `${foreignUrl}/steal`);
    await page.waitForTimeout(300);
    expect(page.url()).toBe(before);
    expect(violations).toContain('form-action');
    expect(violations).toContain('base-uri');
    await context.close();
  });

  it('opens a window without an error in its console (a directive the meta tag cannot carry is logged as one)', async () => {
    const { page, context } = await app.open({ path: '/applications' });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.reload();
    await page.waitForFunction(() => (document.querySelector('#root')?.childElementCount ?? 0) > 0);
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses to be framed by another page', async () => {
    const { page, context } = await app.open();
    await page.goto(`${foreignUrl}/frame`);
    await page.waitForTimeout(1000);
    const frame = page.frames().find((candidate) => candidate.url().startsWith(app.server.url));
    // Either the frame never loaded the app, or it holds no app content.
    const appLoaded = frame ? await frame.evaluate(() => document.querySelector('#root')?.childElementCount ?? 0).catch(() => 0) : 0;
    expect(appLoaded).toBe(0);
    await context.close();
  });
});
