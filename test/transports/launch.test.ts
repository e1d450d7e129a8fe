import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src-main/transports/http';
import { contentSecurityPolicy } from '../../src-shared/security';
import { resources } from '../../src-shared/i18n';
import { databaseFingerprint } from '../integration/support/fingerprint';
import { openTempApp, type TempApp } from '../support/temp-app';
import { openEventStream, rawRequest, type RawResponse } from './support/raw-http';

/**
 * How the browser shell lets a browser in (issue 18, finding 2). `GET /` used to answer every request with
 * index.html holding the API token in a meta tag, so any user of the machine could read it with one request. Now
 * the address printed for the user carries a one-time launch secret; opening it sets an HttpOnly, SameSite=Strict
 * cookie and redirects to the clean address; every page without it says how to open Candid, and no page holds a key.
 */

let app: TempApp;
let server: HttpServer;
let staticDir: string;
let launched = 0;
const appPage = '<!doctype html>\n<html>\n  <head>\n    <title>Candid</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n';

beforeAll(async () => {
  app = await openTempApp();
  staticDir = path.join(app.dir, 'renderer');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), appPage);
  server = await startHttpServer({ api: app.api, staticDir, onLaunched: () => (launched += 1) });
});
afterAll(async () => {
  await server.close();
  app.close();
});

const origin = () => `http://127.0.0.1:${server.port}`;
const get = (route: string, headers: Record<string, string> = {}) => rawRequest(server.port, { path: route, headers });
const relative = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};

/** Opens a new launch address as a browser would; returns the cookie it set. */
async function letIn(): Promise<{ cookie: string; response: RawResponse }> {
  const response = await get(relative(server.launchUrl()));
  const setCookie = response.headers['set-cookie']?.[0] ?? '';
  return { cookie: setCookie.split(';')[0], response };
}

const sameOriginPost = (channel: string, input: unknown, headers: Record<string, string>) =>
  rawRequest(server.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'Content-Type': 'application/json', Origin: origin(), 'Sec-Fetch-Site': 'same-origin', ...headers },
    body: JSON.stringify(input),
  });

function expectLaunchPage(response: RawResponse, used: boolean) {
  expect(response.status).toBe(401);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['content-security-policy']).toBe(contentSecurityPolicy);
  expect(response.headers['cache-control']).toBe('no-store');
  expect(response.headers['set-cookie']).toBeUndefined();
  for (const language of ['en', 'fr'] as const) {
    const text = resources[language].launch;
    expect(response.text).toContain(`<section lang="${language}">`);
    expect(response.text).toContain(text.heading.replace(/'/g, '&#39;'));
    expect(response.text.includes(text.used.replace(/'/g, '&#39;'))).toBe(used);
  }
  expect(response.text).toContain(`<code>${origin()}/?launch=</code>`);
  expect(response.text).not.toContain(server.token);
  expect(response.text).not.toContain('<div id="root">');
}

describe('a browser that was not let in', () => {
  it.each(['/', '/index.html', '/applications/123', '/?foo=bar'])('gets, for %s, the page saying how to open Candid, in English and French, and no key', async (route) => {
    expectLaunchPage(await get(route), false);
  });

  it('gets it in its own language first', async () => {
    const french = await get('/', { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(french.text.indexOf('<section lang="fr">')).toBeLessThan(french.text.indexOf('<section lang="en">'));
    expect(french.text).toContain('<html lang="fr">');
    const english = await get('/', { 'Accept-Language': 'en-GB' });
    expect(english.text.indexOf('<section lang="en">')).toBeLessThan(english.text.indexOf('<section lang="fr">'));
  });

  it('cannot call the API or read its events', async () => {
    const before = databaseFingerprint(app.context.db);
    expect((await sameOriginPost('tags.create', { name: 'x' }, {})).status).toBe(401);
    expect((await sameOriginPost('tags.create', { name: 'x' }, { Cookie: `candid-session-${server.port}=guess` })).status).toBe(401);
    expect((await get('/api/events')).status).toBe(401);
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });
});

describe('the launch address', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and redirects to the clean address', async () => {
    const before = launched;
    const { cookie, response } = await letIn();
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(response.headers['cache-control']).toBe('no-store');
    const setCookie = response.headers['set-cookie']!;
    expect(setCookie).toHaveLength(1);
    expect(setCookie[0].split(';').map((part) => part.trim())).toEqual([cookie, 'HttpOnly', 'SameSite=Strict', 'Path=/']);
    expect(cookie.startsWith(`candid-session-${server.port}=`)).toBe(true);
    expect(cookie).not.toContain(server.token);
    expect(launched).toBe(before + 1);

    const page = await get('/', { Cookie: cookie });
    expect(page).toMatchObject({ status: 200, text: appPage });
  });

  it('works once: used again, or never issued, it gives the page without letting anyone in', async () => {
    const url = relative(server.launchUrl());
    expect((await get(url)).status).toBe(303);
    expectLaunchPage(await get(url), true);
    expectLaunchPage(await get('/?launch=not-a-secret-we-issued'), true);
    expectLaunchPage(await get('/?launch='), true);
  });

  it('holds a new, long random secret each time', () => {
    const secrets = Array.from({ length: 5 }, () => new URL(server.launchUrl()).searchParams.get('launch')!);
    expect(new Set(secrets).size).toBe(5);
    for (const secret of secrets) expect(Buffer.from(secret, 'base64url').length).toBe(32);
  });
});

describe('a browser that was let in', () => {
  it('calls the API with the cookie alone, from its own pages', async () => {
    const { cookie } = await letIn();
    const created = await sameOriginPost('tags.create', { name: 'by cookie' }, { Cookie: cookie });
    expect(created.status).toBe(200);
    const stream = await openEventStream(server.port, { Cookie: cookie });
    try {
      expect(stream.status).toBe(200);
    } finally {
      stream.close();
    }
  });

  it.each([
    ['another site’s Origin', () => ({ Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' })],
    ['Sec-Fetch-Site: cross-site', () => ({ Origin: origin(), 'Sec-Fetch-Site': 'cross-site' })],
    ['Sec-Fetch-Site: same-site', () => ({ Origin: origin(), 'Sec-Fetch-Site': 'same-site' })],
    ['neither Origin nor Sec-Fetch-Site', () => ({})],
  ])('is refused a write that carries %s, even with the cookie', async (_what, headers) => {
    const { cookie } = await letIn();
    const before = databaseFingerprint(app.context.db);
    const response = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/tags.create',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers() },
      body: JSON.stringify({ name: 'forged' }),
    });
    expect(response.status).toBe(403);
    expect(databaseFingerprint(app.context.db)).toEqual(before);
  });

  it('is not let in by another run of the server (a cookie from before a restart)', async () => {
    const { cookie } = await letIn();
    const other = await startHttpServer({ api: app.api, staticDir, port: 0 });
    try {
      const renamed = cookie.replace(`candid-session-${server.port}`, `candid-session-${other.port}`);
      const response = await rawRequest(other.port, { path: '/', headers: { Cookie: renamed } });
      expect(response.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('scripts', () => {
  it('keep calling the API with the bearer token, without a cookie', async () => {
    const response = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/tags.list',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: '',
    });
    expect(response.status).toBe(200);
  });
});
