import crypto from 'node:crypto';
import { beforeAll, afterAll, expect, it } from 'vitest';
import { refusedOnServer } from '../../src-server/rest/v1';
import { call, login } from './support/client';
import { readableAccount, type ReadableAccount } from './support/readable';
import { describeEngines, type TestServer } from './support/server';

/**
 * Every route of the route table (as /openapi.json lists it, generated from the table) has a request size limit
 * and a rate limit: walked one by one, each answers 413 past its body limit and 429 past its rate limit, in its
 * API's shape (the REST APIs /v1 and /compat/jobtracker included). A new route without them fails here.
 */
const limit = 3;
const bodyBytes = 4096;

interface Route {
  method: string;
  path: string;
  hasBody: boolean;
  stream: boolean;
}

/** A concrete address for an OpenAPI path: well-formed parameters, so the limits are what answers. */
function concrete(path: string): string {
  const filled = path
    .replace('{channel}', 'applications.create')
    .replace('{name}', crypto.randomBytes(32).toString('hex'))
    .replace(/\{\w+\}/g, () => crypto.randomUUID());
  if (filled === '/sync/image') return `${filled}?id=${crypto.randomUUID()}&snapshot=${crypto.randomUUID()}`;
  return filled === '/sync/snapshot' ? `${filled}?id=${crypto.randomUUID()}&covers=0` : filled;
}

describeEngines('limits on every route', (start) => {
  let server: TestServer;
  let account: ReadableAccount;
  let deviceToken = '';
  let compatToken = '';
  let routes: Route[] = [];

  /** A new window for every limit (the test owns the server's clock), and a fresh access token now and then. */
  async function freshWindow(): Promise<void> {
    server.clock.advance(61_000);
    deviceToken = (await login(server.url, account.device.session.account.email, account.device.password, 'Walker')).token;
    server.clock.advance(61_000);
  }

  const send = (route: Route, body?: { json?: unknown; bytes?: Buffer }) => {
    const token = route.path.startsWith('/compat/') ? compatToken : deviceToken;
    const target = concrete(route.path);
    if (body?.bytes) {
      return fetch(server.url + target, {
        method: route.method.toUpperCase(),
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
        body: new Uint8Array(body.bytes),
      }).then(async (response) => ({ status: response.status, headers: response.headers, body: await response.text() }));
    }
    return call(server.url, route.method.toUpperCase(), target, { token, json: body?.json });
  };

  beforeAll(async () => {
    server = await start({
      config: {
        rateLimits: { accountRequests: { max: limit, windowSeconds: 60 }, publicPerClient: { max: limit, windowSeconds: 60 } },
        limits: { jsonBytes: bodyBytes, pushBytes: bodyBytes, snapshotBytes: bodyBytes, blobBytes: bodyBytes, restBytes: bodyBytes, restFileBytes: bodyBytes },
      },
    });
    account = await readableAccount(server.url);
    server.clock.advance(61_000);
    const compatLogin = await call(server.url, 'POST', '/compat/jobtracker/api/auth/login', {
      json: { email: account.device.session.account.email, password: account.device.password },
    });
    expect(compatLogin.status).toBe(200);
    compatToken = compatLogin.body.access_token;
    const document = (await call(server.url, 'GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method,
        path,
        hasBody: operation.requestBody !== undefined,
        stream: operation.requestBody?.content['application/octet-stream'] !== undefined,
      })),
    );
    expect(routes.some((route) => route.path.startsWith('/v1/'))).toBe(true);
    expect(routes.some((route) => route.path.startsWith('/compat/jobtracker/api/applications'))).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers 413 past the body limit on every route that takes a body', async () => {
    const refused: string[] = [];
    const withBody = routes.filter((route) => route.hasBody);
    expect(withBody.length).toBeGreaterThan(20);
    for (const route of withBody) {
      await freshWindow();
      const oversize = route.stream ? { bytes: crypto.randomBytes(bodyBytes + 1) } : { json: { padding: 'x'.repeat(bodyBytes + 1) } };
      const answer = await send(route, oversize);
      // Channels /v1 does not serve are refused before their body is read (docs/server-api.md).
      const refusedChannel = route.path.startsWith('/v1/') && refusedOnServer(route.path.slice('/v1/'.length)) && (answer.status === 403 || answer.status === 404);
      if (answer.status !== 413 && !refusedChannel) refused.push(`${route.method.toUpperCase()} ${route.path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`);
    }
    expect(refused).toEqual([]);
  }, 300_000);

  it('answers 429 with Retry-After past the rate limit on every route', async () => {
    const unlimited: string[] = [];
    for (const route of routes) {
      await freshWindow();
      // Logging out ends the session the next requests would use: each of those uses a session of its own.
      const tokens = [];
      for (let index = 0; route.path === '/auth/logout' && index <= limit; index += 1) {
        tokens.push(await login(server.url, account.device.session.account.email, account.device.password, 'Walker'));
        server.clock.advance(61_000);
      }
      let last: { status: number; headers: Headers } | undefined;
      for (let attempt = 0; attempt <= limit; attempt += 1) {
        if (tokens.length > 0) deviceToken = tokens[attempt].token;
        last = await send(route, route.hasBody && !route.stream ? { json: {} } : undefined);
      }
      if (last!.status !== 429 || !last!.headers.get('retry-after')) unlimited.push(`${route.method.toUpperCase()} ${route.path}: ${last!.status}`);
    }
    expect(unlimited).toEqual([]);
  }, 300_000);
});
