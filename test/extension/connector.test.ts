import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../src-shared/contract';
import { startConnectorServer, pairingAttemptLimit, type ConnectorServer } from '../../src-main/transports/connector';
import { startHttpServer, type HttpServer } from '../../src-main/transports/http';
import { pairingCodeLifetimeMs } from '../../src-main/extension/pairing';
import { databaseFingerprint } from '../integration/support/fingerprint';
import { ManualClock } from '../support/manual-clock';
import { openTempApp, type TempApp } from '../support/temp-app';
import { rawRequest } from '../transports/support/raw-http';
import { postingPage } from './posting-page';

const extensionOrigin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const pageUrl = 'https://boards.initech.example/jobs/4011';

let app: TempApp;
let clock: ManualClock;
let connector: ConnectorServer;
/** The applications the connector asked the shell to show (its showApplication hook), in order. */
let shown: string[];

beforeEach(async () => {
  clock = new ManualClock(Date.parse('2026-12-04T10:00:00Z'));
  app = await openTempApp({ clock });
  // Port 0: the system's choice, so the test never meets a running Candid on the fixed range.
  shown = [];
  connector = (await startConnectorServer({
    api: app.api,
    ports: [0],
    openUrl: (id) => `http://127.0.0.1:1/applications/${id}`,
    showApplication: (id) => shown.push(id),
  }))!;
});
afterEach(async () => {
  await connector.close();
  app.close();
});

const call = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  rawRequest(connector.port, {
    method: body === undefined ? 'GET' : 'POST',
    path,
    headers: { Origin: extensionOrigin, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function pairedToken(): Promise<string> {
  const { code } = await app.api.invoke('extension.pairingCode', undefined);
  const response = await call('/connector/pair', { code, browser: 'Chromium on Linux' });
  expect(response.status).toBe(200);
  return (response.json() as { token: string }).token;
}

const capture = (token: string, url = pageUrl, extra: Record<string, unknown> = {}) =>
  call('/connector/capture', { url, html: postingPage(), ...extra }, { Authorization: `Bearer ${token}` });

describe('pairing', () => {
  it('a code shown in Settings pairs one browser once; the token is stored only as a digest', async () => {
    const { code, expiresAt } = await app.api.invoke('extension.pairingCode', undefined);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(Date.parse(expiresAt) - clock.now()).toBe(pairingCodeLifetimeMs);
    // Typed in lower case, without the dash.
    const paired = await call('/connector/pair', { code: code.replace('-', ' ').toLowerCase(), browser: 'Chromium 156 on Linux' });
    expect(paired.status).toBe(200);
    const { token } = paired.json() as { token: string };
    expect(token).toMatch(/^cdx_/);
    const again = await call('/connector/pair', { code, browser: 'another' });
    expect(again.status).toBe(401);
    expect(again.json()).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'bad_code' } });
    expect(await app.api.invoke('extension.browsers', undefined)).toEqual([
      { id: expect.any(String), name: 'Chromium 156 on Linux', pairedAt: '2026-12-04T10:00:00.000Z', lastUsedAt: null },
    ]);
    const stored = JSON.stringify(app.context.db.sql('SELECT * FROM paired_browsers').all());
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(4));
  });

  it('refuses a wrong code, an expired code, and a code replaced by a newer one', async () => {
    const wrong = await call('/connector/pair', { code: 'AAAA-AAAA' });
    expect(wrong.status).toBe(401);
    const { code: old } = await app.api.invoke('extension.pairingCode', undefined);
    const { code: current } = await app.api.invoke('extension.pairingCode', undefined);
    expect((await call('/connector/pair', { code: old })).status).toBe(401);
    await clock.advance(pairingCodeLifetimeMs);
    expect((await call('/connector/pair', { code: current })).status).toBe(401);
    expect(await app.api.invoke('extension.browsers', undefined)).toEqual([]);
  });

  it('rate-limits wrong codes: after the limit even the right code waits for the window to pass', async () => {
    for (let attempt = 0; attempt < pairingAttemptLimit.failures; attempt += 1) {
      expect((await call('/connector/pair', { code: `WRONG${attempt}AA` })).status).toBe(401);
    }
    const { code } = await app.api.invoke('extension.pairingCode', undefined);
    const limited = await call('/connector/pair', { code });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'too_many_attempts' } });
    await clock.advance(pairingAttemptLimit.windowMs);
    expect((await call('/connector/pair', { code })).status).toBe(200);
  });

  it('answers ping with who it is and whether the token is a paired browser', async () => {
    expect((await call('/connector/ping')).json()).toEqual({ app: 'candid', version: app.context.version, paired: false });
    const token = await pairedToken();
    expect((await call('/connector/ping', undefined, { Authorization: `Bearer ${token}` })).json()).toMatchObject({ paired: true });
  });
});

describe('capture', () => {
  it('saves the page as a wishlist application with its posting frozen, once per address', async () => {
    const token = await pairedToken();
    const saved = await capture(token);
    expect(saved.status).toBe(200);
    const answer = saved.json() as { applicationId: string };
    expect(answer).toEqual({
      applicationId: expect.any(String),
      companyName: 'Initech',
      position: 'Platform engineer',
      alreadyTracked: false,
      openUrl: `http://127.0.0.1:1/applications/${answer.applicationId}`,
      canShow: true,
      postingsOnPage: 1,
    });
    const application = await app.api.invoke('applications.get', { id: answer.applicationId });
    expect(application).toMatchObject({ position: 'Platform engineer', location: expect.stringContaining('Lyon'), salaryMin: 55000, salaryMax: 65000, salaryCurrency: 'EUR' });
    expect(application.stageCategory).toBe('wishlist');
    expect(application.capturedPosting).toMatchObject({ url: pageUrl, capturedAt: '2026-12-04T10:00:00.000Z' });
    expect(application.capturedPosting?.text).toContain('Kubernetes');
    const again = await capture(token);
    expect(again.json()).toMatchObject({ applicationId: answer.applicationId, alreadyTracked: true });
    expect((await app.api.invoke('applications.list', {})).items).toHaveLength(1);
    expect((await app.api.invoke('extension.browsers', undefined))[0].lastUsedAt).toBe('2026-12-04T10:00:00.000Z');
  });

  it('keeps the selected text as the posting text', async () => {
    const token = await pairedToken();
    const saved = (await capture(token, pageUrl, { selection: 'Only this part, please.' })).json() as { applicationId: string };
    expect((await app.api.invoke('applications.get', { id: saved.applicationId })).capturedPosting?.text).toBe('Only this part, please.');
  });

  it('refuses an unpaired browser, an unknown token and a revoked one, writing nothing', async () => {
    const token = await pairedToken();
    const before = databaseFingerprint(app.context.db);
    const refusedHeaders: Record<string, string>[] = [{}, { Authorization: 'Bearer cdx_not-a-token' }, { Authorization: 'Bearer ' + token + 'x' }];
    for (const headers of refusedHeaders) {
      const refused = await call('/connector/capture', { url: pageUrl, html: postingPage() }, headers);
      expect(refused.status).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'not_paired' } });
    }
    const [browser] = await app.api.invoke('extension.browsers', undefined);
    await app.api.invoke('extension.revoke', { id: browser.id });
    expect((await capture(token)).status).toBe(401);
    expect((await call('/connector/ping', undefined, { Authorization: `Bearer ${token}` })).json()).toMatchObject({ paired: false });
    expect(await app.api.invoke('extension.browsers', undefined)).toEqual([]);
    const after = databaseFingerprint(app.context.db);
    expect(after.applications).toEqual(before.applications);
    expect(after.companies).toEqual(before.companies);
  });

  it('a page without a posting is a clear error and saves nothing', async () => {
    const token = await pairedToken();
    const refused = await call('/connector/capture', { url: pageUrl, html: '<html><body></body></html>' }, { Authorization: `Bearer ${token}` });
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION', details: { reason: 'no_posting' } });
    expect((await app.api.invoke('applications.list', {})).items).toHaveLength(0);
  });
});

describe('open in Candid', () => {
  const open = (applicationId: unknown, headers: Record<string, string>) => call('/connector/open', { applicationId }, headers);

  it('asks the shell to show the application saved or found, and answers nothing about it', async () => {
    const token = await pairedToken();
    const { applicationId } = (await capture(token)).json() as { applicationId: string };
    const opened = await open(applicationId, { Authorization: `Bearer ${token}` });
    expect(opened.status).toBe(204);
    expect(opened.text).toBe('');
    expect(shown).toEqual([applicationId]);
    // Found again ("Already in Candid"): shown again.
    expect((await open(applicationId, { Authorization: `Bearer ${token}` })).status).toBe(204);
    expect(shown).toEqual([applicationId, applicationId]);
  });

  it('answers 404 for an unknown or deleted application, and shows nothing', async () => {
    const token = await pairedToken();
    const { applicationId } = (await capture(token)).json() as { applicationId: string };
    const unknown = await open('01a24173-9b86-71ae-a20a-9121d1eb0327', { Authorization: `Bearer ${token}` });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not_found' } });
    await app.api.invoke('applications.delete', { id: applicationId });
    expect((await open(applicationId, { Authorization: `Bearer ${token}` })).status).toBe(404);
    expect(shown).toEqual([]);
  });

  it('checks the body: an id, nothing else', async () => {
    const token = await pairedToken();
    for (const body of [{}, { applicationId: '' }, { applicationId: 42 }, { applicationId: 'x', more: true }]) {
      const refused = await call('/connector/open', body, { Authorization: `Bearer ${token}` });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION' });
    }
    expect(shown).toEqual([]);
  });

  it('refuses no token, an unknown token, a revoked one, other origins and hosts, and a non-JSON body', async () => {
    const token = await pairedToken();
    const { applicationId } = (await capture(token)).json() as { applicationId: string };
    for (const headers of [{}, { Authorization: 'Bearer cdx_not-a-token' }] as Record<string, string>[]) {
      const refused = await open(applicationId, headers);
      expect(refused.status).toBe(401);
      expect(refused.json()).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'not_paired' } });
    }
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null']) {
      expect((await open(applicationId, { Authorization: `Bearer ${token}`, Origin: origin })).status, origin).toBe(403);
    }
    expect((await open(applicationId, { Authorization: `Bearer ${token}`, Host: `rebound.example:${connector.port}` })).status).toBe(403);
    const plain = await rawRequest(connector.port, {
      method: 'POST',
      path: '/connector/open',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ applicationId }),
    });
    expect(plain.status).toBe(415);
    const [browser] = await app.api.invoke('extension.browsers', undefined);
    await app.api.invoke('extension.revoke', { id: browser.id });
    expect((await open(applicationId, { Authorization: `Bearer ${token}` })).status).toBe(401);
    expect(shown).toEqual([]);
  });

  it('where the shell cannot show it (the browser shell), the capture says so and open answers 404', async () => {
    const token = await pairedToken();
    const linkOnly = (await startConnectorServer({ api: app.api, ports: [0], openUrl: (id) => `http://127.0.0.1:1/#/applications/${id}` }))!;
    try {
      const saved = await rawRequest(linkOnly.port, {
        method: 'POST',
        path: '/connector/capture',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ url: pageUrl, html: postingPage() }),
      });
      const answer = saved.json() as { applicationId: string; canShow: boolean; openUrl: string };
      expect(answer).toMatchObject({ canShow: false, openUrl: `http://127.0.0.1:1/#/applications/${answer.applicationId}` });
      const refused = await rawRequest(linkOnly.port, {
        method: 'POST',
        path: '/connector/open',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ applicationId: answer.applicationId }),
      });
      expect(refused.status).toBe(404);
    } finally {
      await linkOnly.close();
    }
  });
});

describe('origin and host rules of the connector', () => {
  it('accepts the extension origin and callers without Origin, refuses web pages and other hosts', async () => {
    expect((await call('/connector/ping')).status).toBe(200);
    expect((await rawRequest(connector.port, { path: '/connector/ping' })).status).toBe(200);
    for (const origin of ['https://evil.example', 'http://127.0.0.1:1', 'null', 'moz-extension://abc', 'chrome-extension://short', `${extensionOrigin}.evil.example`]) {
      const refused = await call('/connector/ping', undefined, { Origin: origin });
      expect(refused.status, origin).toBe(403);
    }
    const code = (await app.api.invoke('extension.pairingCode', undefined)).code;
    expect((await call('/connector/pair', { code }, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('/connector/ping', undefined, { Host: `rebound.example:${connector.port}` })).status).toBe(403);
    // A form or text/plain post, the kind a page can send without asking, never reaches a route.
    const plain = await rawRequest(connector.port, { method: 'POST', path: '/connector/pair', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ code }) });
    expect(plain.status).toBe(415);
    expect((await call('/connector/pair', { code })).status).toBe(200);
  });

  it('serves no channel of the handler table, whatever the token', async () => {
    const token = await pairedToken();
    for (const channel of channels) {
      const refused = await call(`/api/${channel}`, {}, { Authorization: `Bearer ${token}` });
      expect(refused.status, channel).toBe(404);
    }
  });
});

describe('the capture token on the HTTP transport', () => {
  let other: TempApp;
  let server: HttpServer;
  let token: string;
  beforeAll(async () => {
    other = await openTempApp();
    server = await startHttpServer({ api: other.api });
    const otherConnector = (await startConnectorServer({ api: other.api, ports: [0] }))!;
    const { code } = await other.api.invoke('extension.pairingCode', undefined);
    const paired = await rawRequest(otherConnector.port, { method: 'POST', path: '/connector/pair', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    token = (paired.json() as { token: string }).token;
    await otherConnector.close();
  });
  afterAll(async () => {
    await server.close();
    other.close();
  });

  it('is refused by every channel, with and without the extension origin, and nothing is written', async () => {
    const before = databaseFingerprint(other.context.db);
    for (const channel of channels) {
      for (const origin of [extensionOrigin, undefined]) {
        const response = await rawRequest(server.port, {
          method: 'POST',
          path: `/api/${channel}`,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
          body: '{}',
        });
        expect([401, 403], `${channel} ${origin ?? 'no origin'}`).toContain(response.status);
      }
    }
    expect(databaseFingerprint(other.context.db)).toEqual(before);
  });
});
