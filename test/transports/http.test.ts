import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src-main/transports/http';
import { contentSecurityPolicy } from '../../src-shared/security';
import { httpStatusOf, type AppErrorShape } from '../../src-shared/errors';
import { databaseFingerprint } from '../integration/support/fingerprint';
import { openTempApp, type TempApp } from '../support/temp-app';
import { canConnect, openEventStream, rawRequest, type RawRequest } from './support/raw-http';

const token = 'a'.repeat(64);
const maxBodyBytes = 64 * 1024;
const secret = 'TOP-SECRET-OUTSIDE-THE-APP-FOLDER';

let app: TempApp;
let server: HttpServer;
let staticDir: string;

beforeAll(async () => {
  app = await openTempApp();
  // The renderer folder sits inside the data folder, next to a file it must never serve.
  staticDir = path.join(app.dir, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>\n<html>\n  <head>\n    <title>Candid</title>\n  </head>\n  <body></body>\n</html>\n');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");\n');
  fs.writeFileSync(path.join(app.dir, 'secret.txt'), secret);
  server = await startHttpServer({ api: app.api, staticDir, token, maxBodyBytes });
});
afterAll(async () => {
  await server.close();
  app.close();
});

const origin = () => `http://127.0.0.1:${server.port}`;
const auth = { Authorization: `Bearer ${token}` };
const jsonHeaders = { ...auth, 'Content-Type': 'application/json' };

/** POST /api/<channel> with a JSON body; headers override the valid defaults. */
const post = (channel: string, input: unknown, headers: Record<string, string> = {}, extra: Partial<RawRequest> = {}) =>
  rawRequest(server.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { ...jsonHeaders, ...headers },
    body: input === undefined ? '' : JSON.stringify(input),
    ...extra,
  });

const withoutKey = (headers: Record<string, string>, key: string) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== key));

/** A refused request gets the error shape, and nothing is written. */
async function expectRefused(request: () => ReturnType<typeof post>, status: number, code: AppErrorShape['code']): Promise<AppErrorShape> {
  const before = databaseFingerprint(app.context.db);
  const response = await request();
  expect(response.status, response.text).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const error = response.json() as AppErrorShape;
  expect(error).toMatchObject({ code, message: expect.any(String) });
  expect(databaseFingerprint(app.context.db)).toEqual(before);
  return error;
}

describe('the HTTP transport', () => {
  it('serves POST /api/<channel> with the token', async () => {
    const created = await post('applications.create', { companyName: 'Acme', position: 'Developer' });
    expect(created.status).toBe(200);
    expect(created.json()).toMatchObject({ companyName: 'Acme', position: 'Developer', stageCategory: 'applied' });
    const listed = await post('applications.list', { text: 'developer' });
    expect(listed.status).toBe(200);
    expect(listed.json()).toMatchObject({ total: 1, items: [{ id: (created.json() as { id: string }).id }] });
    // A channel without input takes an empty body, as the renderer sends it.
    const stages = await post('stages.list', undefined);
    expect(stages.status).toBe(200);
    expect(stages.json()).toHaveLength(9);
  });

  it('accepts the app\'s own origin, by IP or by name', async () => {
    for (const own of [origin(), `http://localhost:${server.port}`]) {
      expect((await post('profile.get', undefined, { Origin: own })).status).toBe(200);
    }
    expect((await post('profile.get', undefined, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  const writeInput = { companyName: 'Refused Inc', position: 'Developer' };

  it('refuses a request without the token, or with a wrong one (401)', async () => {
    await expectRefused(() => post('applications.create', writeInput, {}, { headers: withoutKey(jsonHeaders, 'Authorization') }), 401, 'UNAUTHORIZED');
    for (const authorization of [`Bearer ${'b'.repeat(64)}`, `Bearer ${token.slice(1)}`, `Bearer ${token}x`, token, `Basic ${token}`, 'Bearer ']) {
      await expectRefused(() => post('applications.create', writeInput, { Authorization: authorization }), 401, 'UNAUTHORIZED');
    }
  });

  it('refuses a foreign Origin even with the token (403)', async () => {
    for (const foreign of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      await expectRefused(() => post('applications.create', writeInput, { Origin: foreign }), 403, 'FORBIDDEN');
    }
  });

  it('refuses a foreign Host header, as DNS rebinding would send (403)', async () => {
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      await expectRefused(() => post('applications.create', writeInput, { Host: host }), 403, 'FORBIDDEN');
    }
    // Pages too: a rebound name must not read the token out of index.html.
    const page = await rawRequest(server.port, { path: '/', headers: { Host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(token);
  });

  it('refuses a body that is not JSON by type (415), too large (413) or malformed (400)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      await expectRefused(() => post('applications.create', writeInput, { 'Content-Type': type }), 415, 'VALIDATION');
    }
    await expectRefused(() => post('applications.create', writeInput, {}, { headers: withoutKey(jsonHeaders, 'Content-Type') }), 415, 'VALIDATION');

    const huge = { companyName: 'Acme', position: 'Developer', notes: 'x'.repeat(maxBodyBytes) };
    await expectRefused(() => post('applications.create', huge), 413, 'TOO_LARGE');
    await expectRefused(() => post('applications.create', huge, {}, { chunked: true }), 413, 'TOO_LARGE');

    for (const body of ['{', '{"companyName": "Acme",}', "{'a': 1}", 'undefined']) {
      await expectRefused(() => post('applications.create', undefined, {}, { body }), 400, 'VALIDATION');
    }
  });

  it('answers an unknown channel with 404, a GET on a channel with 405', async () => {
    for (const channel of ['nope', 'applications.drop', 'constructor', '__proto__', '%E0%A4%A', 'applications.list/extra']) {
      await expectRefused(() => post(channel, {}), 404, 'UNKNOWN_CHANNEL');
    }
    const get = await rawRequest(server.port, { path: '/api/applications.list', headers: auth });
    expect(get.status).toBe(405);
  });

  it('returns the same error object as the handler table, with the status of its code', async () => {
    const inputs: [string, unknown][] = [
      ['applications.create', { companyName: 'Acme', position: '' }],
      ['applications.get', { id: '01900000-0000-7000-8000-00000000dead' }],
      ['companies.create', { name: 'ACME' }],
      ['stages.list', { all: true }],
    ];
    for (const [channel, input] of inputs) {
      const direct = await app.api.call(channel, input);
      expect(direct.ok).toBe(false);
      const error = (direct as { error: AppErrorShape }).error;
      const response = await post(channel, input);
      expect(response.status, channel).toBe(httpStatusOf[error.code]);
      expect(response.json(), channel).toEqual(error);
    }
  });

  it('streams a changed event on GET /api/events after a write, to token holders only', async () => {
    const refused = await rawRequest(server.port, { path: '/api/events' });
    expect(refused.status).toBe(401);

    const stream = await openEventStream(server.port, auth);
    try {
      expect(stream.status).toBe(200);
      await stream.next('comment'); // ": connected": the server has registered the stream
      await post('tags.create', { name: 'streamed' });
      const frame = await stream.next('changed');
      expect(JSON.parse(frame.data)).toEqual({ tables: ['tags'] });
    } finally {
      stream.close();
    }
  });

  it('serves the renderer, with the content security policy, only to a browser that was let in, and never a key', async () => {
    const launch = await rawRequest(server.port, { path: new URL(server.launchUrl()).pathname + new URL(server.launchUrl()).search });
    expect(launch.status).toBe(303);
    const cookie = launch.headers['set-cookie']![0].split(';')[0];
    for (const route of ['/', '/index.html', '/applications/123']) {
      const page = await rawRequest(server.port, { path: route, headers: { Cookie: cookie } });
      expect(page.status, route).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toBe(fs.readFileSync(path.join(staticDir, 'index.html'), 'utf8'));
      expect(page.text).not.toContain(token);
    }
    const script = await rawRequest(server.port, { path: '/assets/app.js' });
    expect(script).toMatchObject({ status: 200, text: 'console.log("app");\n' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).not.toContain(token);
  });

  it('refuses path traversal out of the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/.%2e/secret.txt',
      '/api/../secret.txt',
    ];
    for (const attempt of attempts) {
      const response = await rawRequest(server.port, { path: attempt, headers: auth });
      expect(response.text, attempt).not.toContain(secret);
      expect(response.status, attempt).toBe(403);
      expect(response.json(), attempt).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    // Linux routes all of 127/8 to the loopback: a server on every address would answer on 127.0.0.2.
    expect(await canConnect('127.0.0.2', server.port)).toBe(false);
    expect(await canConnect('::1', server.port)).toBe(false);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const address of external) expect(await canConnect(address, server.port), address).toBe(false);
  });
});
