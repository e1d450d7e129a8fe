import crypto from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { register, login, type Device } from './support/client';
import { describeEngines, type TestServer } from './support/server';
import { everyStoredValue, findEverywhere } from './support/storage';

/** Seals like the desktop does (docs/sync.md): deflateRaw, then XChaCha20-Poly1305, `nonce || ciphertext`. */
function seal(key: Uint8Array, plaintext: string, associated: string): Buffer {
  const nonce = crypto.randomBytes(24);
  const sealed = xchacha20poly1305(key, nonce, Buffer.from(associated)).encrypt(deflateRawSync(Buffer.from(plaintext)));
  return Buffer.concat([nonce, sealed]);
}

describeEngines('what the server stores', (start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('holds no plaintext of a sealed batch, snapshot or blob (a marker is looked for in every table and file)', async () => {
    const marker = `Marker-${crypto.randomUUID()}`;
    const device = await register(server.url);
    const key = crypto.randomBytes(32);
    const batchId = crypto.randomUUID();
    const entries = JSON.stringify({ v: 1, entries: [['0001', 'companies', crypto.randomUUID(), '*', { name: marker }]] });
    const payload = seal(key, entries, `candid-batch-v1|${device.accountId}|${batchId}`).toString('base64url');
    expect((await device.push([{ id: batchId, payload }])).status).toBe(200);
    const snapshotId = crypto.randomUUID();
    const snapshot = seal(key, `{"v":1,"covers":1}\n${entries}`, `candid-snapshot-v1|${device.accountId}|${snapshotId}|0|1`);
    expect((await device.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=1`, { bytes: snapshot })).status).toBe(201);
    const blobName = crypto.randomBytes(32).toString('hex');
    expect((await device.call('PUT', `/sync/blobs/${blobName}`, { bytes: seal(key, `CV of ${marker}`, 'blob') })).status).toBe(201);
    expect(await findEverywhere(server, marker)).toEqual([]);

    // The search itself finds what it looks for: an unsealed payload with the marker is found.
    const control = await register(server.url);
    const plain = Buffer.from(entries).toString('base64url');
    expect((await control.push([{ id: crypto.randomUUID(), payload: plain }])).status).toBe(200);
    expect(await findEverywhere(server, marker)).toContain('batches.payload');
  });

  it('deleting an account removes every row of it, leaves the others whole, and its e-mail is gone from the files', async () => {
    const doomed = await register(server.url, { email: `doomed-${crypto.randomUUID()}@example.org` });
    const second: Device = await login(server.url, doomed.session.account.email, doomed.password);
    const kept = await register(server.url);
    for (const device of [doomed, second, kept]) {
      expect((await device.push([{ id: crypto.randomUUID(), payload: crypto.randomBytes(64).toString('base64url') }])).status).toBe(200);
      expect((await device.refresh()).status).toBe(200);
    }
    for (const device of [doomed, kept]) {
      const keys = {
        keyId: 'k',
        kdf: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1, salt: crypto.randomBytes(16).toString('base64url') },
        wrappedKey: crypto.randomBytes(72).toString('base64url'),
        recoveryWrappedKey: crypto.randomBytes(72).toString('base64url'),
      };
      expect((await device.call('PUT', '/sync/keys', { json: keys })).status).toBe(201);
      expect((await device.call('PUT', `/sync/snapshot?id=${crypto.randomUUID()}&covers=1`, { bytes: crypto.randomBytes(1_500_000) })).status).toBe(201);
      expect((await device.call('PUT', `/sync/blobs/${crypto.randomBytes(32).toString('hex')}`, { bytes: crypto.randomBytes(5000) })).status).toBe(201);
    }
    const doomedIds = new Set([doomed.accountId, doomed.deviceId, second.deviceId]);
    const mentionsOfDoomed = (values: Awaited<ReturnType<typeof everyStoredValue>>) => values.filter(([, , value]) => doomedIds.has(value as string));
    expect(mentionsOfDoomed(await everyStoredValue(server)).length).toBeGreaterThan(10);
    const keptBefore = await everyStoredValue(server);
    const keptRows = (values: typeof keptBefore) => values.filter(([, , value]) => value === kept.accountId).length;

    expect((await doomed.call('DELETE', '/account', { json: { password: doomed.password } })).status).toBe(204);
    const after = await everyStoredValue(server);
    expect(mentionsOfDoomed(after)).toEqual([]);
    expect(keptRows(after)).toBe(keptRows(keptBefore));
    // Chunks of the deleted account's snapshot and blob went too: only the kept account's remain.
    const chunkOwners = new Set(after.filter(([table, column]) => table === 'object_chunks' && column === 'object_id').map(([, , value]) => value));
    const keptObjects = new Set(after.filter(([table, column]) => table === 'objects' && column === 'id').map(([, , value]) => value));
    expect([...chunkOwners].every((id) => keptObjects.has(id))).toBe(true);
    if (server.engine === 'sqlite') expect(await findEverywhere(server, doomed.session.account.email)).toEqual([]);
    expect((await kept.call('GET', '/sync/snapshot')).status).toBe(200);
  });
});
