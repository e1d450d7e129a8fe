/**
 * The server's REST API in `npm run bench` (issue 17), run against the bench's server on each engine:
 * - /v1 on a readable account of 10,000 applications: the first request (the replica built from the account's
 *   snapshot and log), then applications.list and applications.create, p95 of 100 each;
 * - one process serving 200 readable accounts' replicas: its resident memory after every account was used
 *   (the pool keeps at most `replicas.maxOpen`, 16 by default, open at once).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretStore } from '../../src-main/sync/secrets';
import { secretNames } from '../../src-main/sync/service';
import { openTempApp } from '../support/temp-app';
import { cachedDatabase, workingCopy } from './cache';
import { deviceSideCases } from './server';

const log = (line: string) => process.stderr.write(`${line}\n`);
const kdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
const restSize = Number(process.env.CANDID_BENCH_REST ?? 10_000);
const accountsServed = Number(process.env.CANDID_BENCH_REPLICAS ?? 200);

class MapSecrets implements SecretStore {
  readonly values = new Map<string, string>();
  get(name: string): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  delete(name: string): void {
    this.values.delete(name);
  }
}

async function request(serverUrl: string, token: string, method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${serverUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1];
const ms = (value: number) => `${value.toFixed(1)} ms`;

deviceSideCases.push({
  label: `REST /v1 at ${restSize.toLocaleString('en')} applications: first request (replica built), list and create p95`,
  target: 'list p95 ≤ 200 ms, create p95 ≤ 100 ms',
  async run(serverUrl, engine) {
    const cached = await cachedDatabase(restSize, log);
    const secrets = new MapSecrets();
    const app = await openTempApp({
      dataDir: workingCopy(cached, fs.mkdtempSync(path.join(os.tmpdir(), 'candid-bench-rest-'))),
      secrets,
      sync: { kdfCost, snapshotEveryRun: true },
    });
    try {
      await app.api.invoke('sync.connect', {
        serverUrl,
        email: `rest-${engine}-${Date.now()}@example.org`,
        password: 'correct horse battery',
        passphrase: 'a long sync passphrase',
        deviceName: 'Bench',
        createAccount: true,
      });
      await app.context.sync.runner.whenIdle();
      const token = (JSON.parse(secrets.get(secretNames.tokens) ?? '{}') as { accessToken: string }).accessToken;
      const { key_id: keyId } = app.context.db.sqlite.prepare(`SELECT key_id FROM sync_state`).get() as { key_id: string };
      await request(serverUrl, token, 'PUT', '/account/mode', { mode: 'readable', keyId, dataKey: secrets.get(secretNames.dataKey) });
      const first = await timed(() => request(serverUrl, token, 'POST', '/v1/applications.list', { limit: 50 }));
      const lists: number[] = [];
      const creates: number[] = [];
      for (let index = 0; index < 100; index += 1) {
        lists.push(await timed(() => request(serverUrl, token, 'POST', '/v1/applications.list', { limit: 50, offset: index * 50 })));
        creates.push(await timed(() => request(serverUrl, token, 'POST', '/v1/applications.create', { companyName: `Bench REST ${index % 10}`, position: `Role ${index}` })));
      }
      return `first request ${(first / 1000).toFixed(2)} s; list p95 ${ms(p95(lists))}; create p95 ${ms(p95(creates))}`;
    } finally {
      app.close();
    }
  },
});

async function residentBytes(serverUrl: string): Promise<number> {
  const text = await (await fetch(`${serverUrl}/metrics`)).text();
  // prom-client's process_resident_memory_bytes, under the server's metric prefix.
  const match = /^\w*resident_memory_bytes (\S+)$/m.exec(text);
  return match ? Number(match[1]) : NaN;
}

deviceSideCases.push({
  label: `one process serving ${accountsServed} readable accounts' replicas (5 applications each, each used twice)`,
  target: 'resident memory bounded by the open replicas (≤ 16 × a few MB), not by the accounts',
  async run(serverUrl, engine) {
    const before = await residentBytes(serverUrl);
    const tokens: string[] = [];
    for (let index = 0; index < accountsServed; index += 1) {
      const registered = (await (
        await fetch(`${serverUrl}/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `replicas-${engine}-${Date.now()}-${index}@example.org`, password: 'correct horse battery', deviceName: 'Bench' }),
        })
      ).json()) as { tokens: { accessToken: string } };
      const token = registered.tokens.accessToken;
      const keyId = crypto.randomUUID();
      await request(serverUrl, token, 'PUT', '/sync/keys', {
        keyId,
        kdf: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1, salt: crypto.randomBytes(16).toString('base64url') },
        wrappedKey: crypto.randomBytes(72).toString('base64url'),
        recoveryWrappedKey: crypto.randomBytes(72).toString('base64url'),
      });
      await request(serverUrl, token, 'PUT', '/account/mode', { mode: 'readable', keyId, dataKey: crypto.randomBytes(32).toString('base64url') });
      for (let item = 0; item < 5; item += 1) {
        await request(serverUrl, token, 'POST', '/v1/applications.create', { companyName: `Company ${item}`, position: `Position ${item}` });
      }
      tokens.push(token);
    }
    let peak = 0;
    for (const token of tokens) {
      await request(serverUrl, token, 'POST', '/v1/statistics.overview', {});
      peak = Math.max(peak, await residentBytes(serverUrl));
    }
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    return `resident ${mb(peak)} at most while serving them (${mb(before)} before; +${mb(peak - before)})`;
  },
});
