import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../../src-server/server';
import { batch, call, register } from './support/client';
import { startPostgres } from './support/postgres';
import { describeEngines, startTestServer, type TestServer } from './support/server';

describeEngines('operations', (start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('GET /health answers ok with the database', async () => {
    const health = await call(server.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('GET /metrics: requests by route and status, a latency histogram, bytes synced, active devices', async () => {
    const device = await register(server.url);
    await device.push([batch(100)]);
    await call(server.url, 'GET', '/nowhere');
    const text = (await call(server.url, 'GET', '/metrics')).body.toString();
    expect(text).toMatch(/candid_http_requests_total\{route="\/auth\/register",method="POST",status="201"\} \d+/);
    expect(text).toMatch(/candid_http_requests_total\{route="unmatched",method="GET",status="404"\} 1/);
    expect(text).toMatch(/candid_http_request_duration_seconds_bucket\{le="\+Inf",route="\/sync\/push",method="POST"\} 1/);
    expect(text).toMatch(/candid_sync_bytes_total\{kind="batch",direction="in"\} 100/);
    expect(text).toMatch(/candid_active_devices [1-9]/);
  });

  it('GET /openapi.json: OpenAPI 3.1 with every route, its inputs and answers from the zod schemas', async () => {
    const document = (await call(server.url, 'GET', '/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    const routes = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    // The REST APIs' routes (one per channel, and the compatible APIs') are checked in readable.test.ts and jobtracker.test.ts.
    expect(routes).toEqual(expect.arrayContaining(['put /account/mode', 'get /account/data-key', 'post /v1/applications.list', 'get /compat/jobtracker/api/applications']));
    expect(routes.filter((route) => !/^\w+ \/(v1|compat)\//.test(route) && !/^\w+ \/account\/(mode|data-key)$/.test(route) && !/ \/docs/.test(route)).sort()).toEqual(
      [
        'get /health', 'get /metrics', 'get /openapi.json', 'post /auth/register', 'post /auth/login', 'post /auth/refresh',
        'post /auth/logout', 'post /auth/password', 'get /auth/me', 'get /devices', 'delete /devices/{id}', 'delete /account',
        'get /sync/keys', 'put /sync/keys', 'post /sync/push', 'get /sync/pull', 'put /sync/snapshot', 'get /sync/snapshot',
        'put /sync/image', 'get /sync/image',
        'get /sync/blobs/{name}', 'head /sync/blobs/{name}', 'put /sync/blobs/{name}',
      ].sort(),
    );
    const register = document.paths['/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'deviceName']);
    expect(register.responses['201'].content['application/json'].schema.properties.tokens.required).toContain('refreshToken');
    expect(document.paths['/sync/pull'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['after', 'limit']);
    expect(document.paths['/sync/snapshot'].put.requestBody.content).toHaveProperty('application/octet-stream');
    expect(document.components.schemas.Error.properties.code.enum).toContain('SNAPSHOT_REQUIRED');
  });

  it('logs one JSON line per request (route pattern, status, ms, account), never a body, password or token', async () => {
    const password = `pw-${crypto.randomUUID()}`;
    const device = await register(server.url, { password });
    const payload = batch(48);
    await device.push([payload]);
    await device.refresh();
    await device.call('DELETE', `/devices/${crypto.randomUUID()}`);
    const lines = server.logs.filter((line) => line.msg === 'request');
    expect(lines.at(-1)).toMatchObject({ level: 'info', method: 'DELETE', route: '/devices/:id', status: 404, account: device.accountId });
    expect(typeof lines.at(-1)!.ms).toBe('number');
    expect(lines.findLast((line) => line.route === '/sync/push')).toMatchObject({ status: 200, account: device.accountId });
    const everything = JSON.stringify(server.logs);
    for (const secret of [password, payload.payload, device.session.tokens.accessToken, device.session.tokens.refreshToken, device.session.account.email]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('finishes a request in flight when asked to stop, refuses new connections, then closes the database', async () => {
    const own = await start();
    const device = await register(own.url);
    let sendRest!: () => void;
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(crypto.randomBytes(300_000));
        await rest;
        controller.enqueue(crypto.randomBytes(300_000));
        controller.close();
      },
    });
    const upload = device.call('PUT', `/sync/blobs/${crypto.randomBytes(32).toString('hex')}`, { bytes: body });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closing = own.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${own.url}/health`)).rejects.toThrow();
    sendRest();
    expect((await upload).status).toBe(201);
    await closing;
    expect(own.logs.at(-1)).toMatchObject({ msg: 'stopped' });
  });
});

it('refuses to listen beyond loopback over plain HTTP unless told a proxy is in front', async () => {
  await expect(startServer({ config: { dataDir: '/nonexistent', host: '0.0.0.0', port: 0 } })).rejects.toThrow(/plain HTTP/);
});

it('answers 503 UNAVAILABLE (and /health says so) while PostgreSQL is down', async () => {
  const cluster = await startPostgres();
  const server = await startTestServer({ engine: 'postgres', postgres: cluster });
  try {
    const device = await register(server.url);
    await cluster.stop();
    const health = await call(server.url, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'error', database: 'unreachable' });
    const login = await call(server.url, 'POST', '/auth/login', { json: { email: device.session.account.email, password: device.password, deviceName: 'x' } });
    expect(login.status).toBe(503);
    expect(login.body.code).toBe('UNAVAILABLE');
  } finally {
    await server.close();
    await cluster.stop();
  }
});

it('npm run server: starts on a data folder, answers, and exits 0 on SIGTERM; a wrong option is explained', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-server-cli-'));
  const main = path.resolve(import.meta.dirname, '../../src-server/main.ts');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
        if (line) resolve(JSON.parse(line).url);
      });
      child.once('exit', () => reject(new Error(`exited early: ${out}`)));
    });
    expect((await call(url, 'GET', '/health')).body).toEqual({ status: 'ok', database: 'ok' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'candid-server.sqlite'))).toBe(true);

    const wrong = spawn(process.execPath, ['--import', 'tsx', main, '--port', '70000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    wrong.stderr.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => wrong.once('exit', resolve))).toBe(1);
    expect(stderr).toMatch(/port: /);
    expect(stderr).toMatch(/--data DIR/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
