import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromBase64Url, open, SyncKeys } from '../../src-main/sync/crypto';
import { sealStream } from '../../src-main/sync/sealed-stream';
import { SyncFailure } from '../../src-main/sync/failure';
import { syncedTables } from '../../src-main/db/schema';
import { call, register } from './support/client';
import { keysFor, readableAccount, v1, type ReadableAccount } from './support/readable';
import { describeEngines, type TestServer } from './support/server';
import { findEverywhere } from './support/storage';

/** Every row of every synced table of a replica's SQLite file, without the local row number. */
function replicaRows(folder: string): Record<string, unknown[]> {
  const file = fs.readdirSync(folder).find((name) => name.endsWith('.db') || name.endsWith('.sqlite'));
  if (!file) throw new Error(`No database in ${folder}: ${fs.readdirSync(folder).join(', ')}`);
  const db = new Database(path.join(folder, file), { readonly: true, fileMustExist: true });
  try {
    const rows: Record<string, unknown[]> = {};
    for (const table of syncedTables) {
      rows[table] = (db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]).map(({ seq: _seq, ...row }) => row);
    }
    return rows;
  } finally {
    db.close();
  }
}

/** The plaintext of every batch of the account's log, opened with its data key as a device opens it. */
async function openedLog(account: ReadableAccount): Promise<string[]> {
  const pulled = await account.device.pull(0);
  expect(pulled.status).toBe(200);
  const keys = new SyncKeys(new Uint8Array(Buffer.from(account.dataKey, 'base64url')), account.device.accountId);
  return (pulled.body.batches as { id: string; payload: string }[]).map((batch) => {
    const plaintext = open(keys.batch, fromBase64Url(batch.payload), keys.batchAad(batch.id), new SyncFailure('tampered', ''));
    return zlib.inflateRawSync(plaintext).toString('utf8');
  });
}

describeEngines('Readable accounts and Candid’s REST API', (start) => {
  let server: TestServer;
  const replicasDir = () => path.join(server.dataDir, 'replicas');

  beforeAll(async () => {
    server = await start();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('refuses the data routes of a private account with 403 and why, and stores none of its data readable', async () => {
    const device = await register(server.url);
    const refused = await v1(device, 'applications.list', {});
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'private' } });
    expect(refused.body.message).toMatch(/private/);
    expect((await v1(device, 'applications.create', { companyName: 'Privately Held Marker', position: 'Engineer' })).status).toBe(403);
    expect(await findEverywhere(server, 'Privately Held Marker')).toEqual([]);
    expect(fs.existsSync(path.join(replicasDir(), device.accountId))).toBe(false);
  });

  it('answers 401 without a token, the contract’s errors for bad input and unknown channels, and refuses server-less channels', async () => {
    const { device } = await readableAccount(server.url);
    expect((await call(server.url, 'POST', '/v1/applications.list', { json: {} })).status).toBe(401);
    const invalid = await v1(device, 'applications.create', { position: 'No company' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION');
    expect(invalid.body.issues.map((issue: { path: string }) => issue.path)).toContain('companyName');
    const unknown = await v1(device, 'shell.openExternal', { url: 'https://example.org' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('UNKNOWN_CHANNEL');
    const backup = await v1(device, 'backups.list');
    expect(backup.status).toBe(403);
    expect(backup.body.code).toBe('FORBIDDEN');
    expect((await v1(device, 'sync.status')).status).toBe(404);
    // The server fetches no page on anyone's behalf: capture reads pages on the device.
    const posting = await v1(device, 'postings.read', { url: 'http://127.0.0.1:1/' });
    expect([posting.status, posting.body.code]).toEqual([404, 'NOT_FOUND']);
    const missing = await v1(device, 'applications.get', { id: crypto.randomUUID() });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('runs the channels on the account’s replica, and a write is in the log, sealed with the account’s key, when answered', async () => {
    const account = await readableAccount(server.url);
    const created = await v1(account.device, 'applications.create', { companyName: 'Logged Before Answer', position: 'Data engineer' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ position: 'Data engineer' });
    const listed = await v1(account.device, 'applications.list', {});
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0].id).toBe(created.body.id);
    // The device's view: the log holds the write, and only the key opens it.
    const log = await openedLog(account);
    expect(log.some((text) => text.includes('Logged Before Answer'))).toBe(true);
    const stats = await v1(account.device, 'statistics.overview', {});
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
  });

  it('never lets one account reach another’s data', async () => {
    const owner = await readableAccount(server.url);
    const other = await readableAccount(server.url);
    const created = await v1(owner.device, 'applications.create', { companyName: 'Owner Only', position: 'Analyst' });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    for (const [channel, input] of [
      ['applications.get', { id }],
      ['applications.update', { id, patch: { position: 'Taken over' } }],
      ['applications.delete', { id }],
    ] as const) {
      const answer = await v1(other.device, channel, input);
      expect(answer.status, channel).toBe(404);
    }
    expect((await v1(other.device, 'applications.list', {})).body.total).toBe(0);
    expect((await v1(owner.device, 'applications.get', { id })).body.position).toBe('Analyst');
  });

  it('refuses a key that does not open the data, and going private forgets the key and deletes the replica', async () => {
    const account = await readableAccount(server.url);
    expect((await v1(account.device, 'applications.create', { companyName: 'Soon Private', position: 'Designer' })).status).toBe(200);
    const folder = path.join(replicasDir(), account.device.accountId);
    expect(fs.existsSync(folder)).toBe(true);

    const wrongKey = await account.device.call('PUT', '/account/mode', {
      json: { mode: 'readable', keyId: account.keyId, dataKey: crypto.randomBytes(32).toString('base64url') },
    });
    expect(wrongKey.status).toBe(400);

    const escrowed = await account.device.call('GET', '/account/data-key');
    expect(escrowed.status).toBe(200);
    expect(escrowed.body).toEqual({ keyId: account.keyId, dataKey: account.dataKey });

    const privateAgain = await account.device.call('PUT', '/account/mode', { json: { mode: 'private' } });
    expect(privateAgain.status).toBe(200);
    expect(privateAgain.body).toEqual({ mode: 'private' });
    expect(fs.existsSync(folder)).toBe(false);
    expect((await v1(account.device, 'applications.list', {})).status).toBe(403);
    expect((await account.device.call('GET', '/account/data-key')).status).toBe(403);
    // The account's data is in the log only, sealed: nothing readable is left on the server.
    expect(await findEverywhere(server, 'Soon Private')).toEqual([]);

    // And back: the same key makes it readable again, and the replica is rebuilt from the log.
    const readableAgain = await account.device.call('PUT', '/account/mode', {
      json: { mode: 'readable', keyId: account.keyId, dataKey: account.dataKey },
    });
    expect(readableAgain.status).toBe(200);
    const listed = await v1(account.device, 'applications.list', {});
    expect(listed.body.items.map((item: { position: string }) => item.position)).toEqual(['Designer']);
  });

  it('checks a key against a snapshot whose first frame spans the server’s stored chunks', async () => {
    const device = await register(server.url);
    const keyId = crypto.randomUUID();
    expect((await device.call('PUT', '/sync/keys', { json: keysFor(keyId) })).status).toBe(201);
    const dataKey = crypto.randomBytes(32);
    const keys = new SyncKeys(new Uint8Array(dataKey), device.accountId);
    const snapshotId = crypto.randomUUID();
    // 1.5 MiB that deflate cannot shrink: the first sealed frame (1 MiB + overhead) is longer than a stored chunk.
    const frames: Uint8Array[] = [];
    for await (const frame of sealStream(keys.snapshot, keys.snapshotAad(snapshotId), (async function* () {
      yield new Uint8Array(crypto.randomBytes(1536 * 1024));
    })())) {
      frames.push(frame);
    }
    const uploaded = await device.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=0`, { bytes: Buffer.concat(frames) });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const wrong = await device.call('PUT', '/account/mode', { json: { mode: 'readable', keyId, dataKey: crypto.randomBytes(32).toString('base64url') } });
    expect(wrong.status).toBe(400);
    const right = await device.call('PUT', '/account/mode', { json: { mode: 'readable', keyId, dataKey: dataKey.toString('base64url') } });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
  });

  it('rebuilds a deleted replica from the log, identical, after a restart', async () => {
    const account = await readableAccount(server.url);
    const first = await v1(account.device, 'applications.create', { companyName: 'Rebuilt Inc', position: 'Backend', tags: ['remote'] });
    expect(first.status).toBe(200);
    expect((await v1(account.device, 'applications.toggleFavorite', { id: first.body.id })).status).toBe(200);
    expect((await v1(account.device, 'applications.create', { companyName: 'Second Co', position: 'Frontend' })).status).toBe(200);
    expect((await v1(account.device, 'companies.create', { name: 'Just A Company' })).status).toBe(200);
    const folder = path.join(replicasDir(), account.device.accountId);
    const before = replicaRows(folder);
    const listBefore = (await v1(account.device, 'applications.list', {})).body;

    await server.restart();
    fs.rmSync(folder, { recursive: true, force: true });
    // The first request may meet a kept-alive connection the stopped server closed: a client retries it once.
    const listAfter = (await v1(account.device, 'applications.list', {}).catch(() => v1(account.device, 'applications.list', {}))).body;
    expect(listAfter).toEqual(listBefore);
    expect(replicaRows(folder)).toEqual(before);
  }, 60_000);

  it('lists every channel in the OpenAPI document and serves the interactive docs from this server only', async () => {
    const document = await call(server.url, 'GET', '/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/v1/applications.create', '/v1/statistics.overview', '/account/mode']));
    const docs = await call(server.url, 'GET', '/docs');
    expect(docs.status).toBe(200);
    const html = Buffer.from(docs.body as Buffer).toString('utf8');
    expect(html).toMatch(/swagger/i);
    // Every script and stylesheet comes from this server.
    for (const [, source] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(source.startsWith('http')).toBe(false);
  });
});
