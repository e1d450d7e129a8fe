import { afterAll, beforeAll, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
});
afterAll(async () => {
  await app?.close();
});

it('serves the renderer with the API token and a strict CSP', async () => {
  const { page, context } = await app.open();
  const response = await page.goto(app.server.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const token = await page.locator('meta[name="candid-api-token"]').getAttribute('content');
  expect(token).toBe(app.server.token);
  await context.close();
});
