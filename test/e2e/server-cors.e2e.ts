import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server';
import { chromiumArgs, chromiumPath } from './support/harness';

// A JobTracker SaaS web client is a page of its own origin calling the API with a bearer token: the browser sends a
// preflight first and lets the page read an answer only when the server allows it (CORS). Here a real Chromium on a
// page of another origin registers, logs in, creates an application and lists it, as that client does.

let browser: Browser;
let page: http.Server;
let pageUrl: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  page = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>JobTracker</title>');
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => page.close(() => resolve()));
});

/** What the web client's script gets, run in a page of another origin than `server`'s. */
async function webClient(server: TestServer) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(pageUrl);
  const outcome = await tab.evaluate(async (api) => {
    try {
      const json = { 'Content-Type': 'application/json' };
      const registered = await fetch(`${api}/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'web@example.org', password: 'a web client password', full_name: 'Web' }) });
      const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'web@example.org', password: 'a web client password' }) });
      const { access_token: token } = await login.json();
      const auth = { ...json, Authorization: `Bearer ${token}` };
      const created = await fetch(`${api}/applications`, { method: 'POST', headers: auth, body: JSON.stringify({ entreprise: 'Airbus', poste: 'Ingénieur logiciel', type_poste: 'cdi', moyen: 'linkedin' }) });
      const list = await (await fetch(`${api}/applications?per_page=5`, { headers: auth })).json();
      const refused = await fetch(`${api}/auth/me`, { headers: { Authorization: 'Bearer nope' } });
      return { registered: registered.status, created: created.status, positions: list.items.map((item: { poste: string }) => item.poste), refused: refused.status, why: refused.headers.get('WWW-Authenticate') };
    } catch (error) {
      return { failed: String(error) };
    }
  }, `${server.url}/compat/jobtracker/api`);
  await context.close();
  return outcome;
}

it('answers a web client of another origin: register, log in, create, list, and a refusal it can read', async () => {
  const server = await startTestServer();
  try {
    expect(await webClient(server)).toEqual({ registered: 201, created: 201, positions: ['Ingénieur logiciel'], refused: 401, why: 'Bearer' });
  } finally {
    await server.close();
  }
});

it('is refused by the browser when the operator lets no page in (--cors-origins none)', async () => {
  const server = await startTestServer({ config: { corsOrigins: [] } });
  try {
    expect(await webClient(server)).toEqual({ failed: expect.stringContaining('Failed to fetch') });
  } finally {
    await server.close();
  }
});
