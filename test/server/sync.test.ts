import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { batch, login, register, type Device } from './support/client';
import { describeEngines, type TestServer } from './support/server';

const keysFor = (keyId = 'k1') => ({
  keyId,
  kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1, salt: crypto.randomBytes(16).toString('base64url') },
  wrappedKey: crypto.randomBytes(72).toString('base64url'),
  recoveryWrappedKey: crypto.randomBytes(72).toString('base64url'),
});

/** Two devices of one account. */
async function pair(server: TestServer): Promise<[Device, Device]> {
  const laptop = await register(server.url);
  const desktop = await login(server.url, laptop.session.account.email, laptop.password);
  return [laptop, desktop];
}

async function pullAll(device: Device, after: number, limit?: number): Promise<{ seqs: number[]; cursor: number; rounds: number }> {
  const seqs: number[] = [];
  let cursor = after;
  let rounds = 0;
  for (;;) {
    const answer = await device.pull(cursor, limit);
    expect(answer.status).toBe(200);
    rounds += 1;
    seqs.push(...answer.body.batches.map((b: { seq: number }) => b.seq));
    cursor = answer.body.cursor;
    if (!answer.body.more) return { seqs, cursor, rounds };
  }
}

describeEngines('sync relay', (start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('keys: 404 before, 201 when set, 409 when set again without the current keyId, replaced with it', async () => {
    const [laptop, desktop] = await pair(server);
    expect((await desktop.call('GET', '/sync/keys')).status).toBe(404);
    const first = keysFor('k1');
    expect((await laptop.call('PUT', '/sync/keys', { json: first })).status).toBe(201);
    expect((await desktop.call('GET', '/sync/keys')).body).toEqual(first);
    const rival = await desktop.call('PUT', '/sync/keys', { json: keysFor('k2') });
    expect(rival.status).toBe(409);
    expect(rival.body.details.keyId).toBe('k1');
    expect((await desktop.call('PUT', '/sync/keys', { json: { ...keysFor('k2'), previousKeyId: 'nope' } })).status).toBe(409);
    const rewrapped = { ...keysFor('k1') };
    expect((await desktop.call('PUT', '/sync/keys', { json: { ...rewrapped, previousKeyId: 'k1' } })).status).toBe(201);
    expect((await laptop.call('GET', '/sync/keys')).body).toEqual(rewrapped);
  });

  it('push assigns seqs in order; a retried push (same ids) answers the same seqs and stores nothing twice', async () => {
    const [laptop, desktop] = await pair(server);
    const batches = [batch(), batch(), batch()];
    const first = await laptop.push(batches);
    expect(first.status).toBe(200);
    expect(first.body.accepted).toEqual(batches.map((b, i) => ({ id: b.id, seq: i + 1 })));
    const extra = batch();
    const retried = await laptop.push([batches[1], extra, batches[0], extra]);
    expect(retried.body.accepted).toEqual([
      { id: batches[1].id, seq: 2 },
      { id: extra.id, seq: 4 },
      { id: batches[0].id, seq: 1 },
    ]);
    // Another device retrying one of these ids (ids are unique per account) also gets its seq.
    expect((await desktop.push([batches[2]])).body.accepted).toEqual([{ id: batches[2].id, seq: 3 }]);
    const pulled = await desktop.pull(0);
    expect(pulled.body.batches.map((b: { id: string; payload: string }) => [b.id, b.payload])).toEqual(
      [...batches, extra].map((b) => [b.id, b.payload]),
    );
    expect(pulled.body).toMatchObject({ cursor: 4, head: 4, more: false, snapshot: null, snapshotSuggested: false });
  });

  it("pull leaves out the caller's own batches but moves the cursor past them", async () => {
    const [laptop, desktop] = await pair(server);
    await laptop.push([batch(), batch()]);
    const mine = batch();
    await desktop.push([mine]);
    await laptop.push([batch()]);
    const byDesktop = await desktop.pull(0);
    expect(byDesktop.body.batches.map((b: { seq: number }) => b.seq)).toEqual([1, 2, 4]);
    expect(byDesktop.body.batches.every((b: { deviceId: string }) => b.deviceId === laptop.deviceId)).toBe(true);
    const byLaptop = await laptop.pull(0);
    expect(byLaptop.body.batches).toEqual([expect.objectContaining({ seq: 3, id: mine.id, payload: mine.payload, deviceId: desktop.deviceId })]);
    expect(byLaptop.body).toMatchObject({ cursor: 4, head: 4, more: false });
    const ownOnly = await laptop.pull(3, 1);
    expect(ownOnly.body).toMatchObject({ batches: [], cursor: 4, more: false });
  });

  it('pages with limit and about 4 MiB, saying more until the head', async () => {
    const [laptop, desktop] = await pair(server);
    for (let round = 0; round < 3; round += 1) await laptop.push(Array.from({ length: 5 }, () => batch()));
    const paged = await pullAll(desktop, 0, 4);
    expect(paged.seqs).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(paged.rounds).toBe(4);
    // Batches of 1.5 MiB: at most two fit in one answer of ~4 MiB, however large the limit.
    const big = () => batch(1536 * 1024);
    for (let i = 0; i < 3; i += 1) await laptop.push([big()]);
    const first = await desktop.pull(15);
    expect(first.body.batches).toHaveLength(2);
    expect(first.body.more).toBe(true);
    expect((await desktop.pull(first.body.cursor)).body.batches).toHaveLength(1);
  });

  it('refuses a push over 200 batches or 4 MiB, and an unparsable one, storing nothing', async () => {
    const device = await register(server.url);
    const many = await device.push(Array.from({ length: 201 }, () => batch(8)));
    expect(many.status).toBe(400);
    const huge = await device.push([batch(3 * 1024 * 1024 + 1024)]);
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'TOO_LARGE', details: { limit: 4 * 1024 * 1024 } });
    expect((await device.push([{ id: 'not-a-uuid', payload: 'abc' }])).status).toBe(400);
    expect((await device.push([{ id: crypto.randomUUID(), payload: 'not base64url!' }])).status).toBe(400);
    expect((await device.pull(0)).body.head).toBe(0);
  });

  it('snapshots: stored with the cursor they cover, compact what they cover, 410 below it, suggested after 1,000 batches', async () => {
    const [laptop, desktop] = await pair(server);
    expect((await desktop.call('GET', '/sync/snapshot')).status).toBe(404);
    for (let round = 0; round < 6; round += 1) await laptop.push(Array.from({ length: 200 }, () => batch(16)));
    const before = await desktop.pull(1199);
    expect(before.body).toMatchObject({ head: 1200, snapshotSuggested: true, snapshot: null });

    const snapshotId = crypto.randomUUID();
    const bytes = crypto.randomBytes(2.5 * 1024 * 1024); // three chunks of storage
    expect((await laptop.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=1300`, { bytes })).status).toBe(400); // beyond the head
    const stored = await laptop.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=1000`, { bytes });
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ id: snapshotId, covers: 1000 });
    // A retried upload of the same snapshot is answered, not refused.
    expect((await laptop.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=1000`, { bytes })).status).toBe(200);
    expect((await laptop.call('PUT', `/sync/snapshot?id=${crypto.randomUUID()}&covers=900`, { bytes })).status).toBe(409);

    const fetched = await desktop.call('GET', '/sync/snapshot');
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('candid-snapshot-id')).toBe(snapshotId);
    expect(fetched.headers.get('candid-snapshot-covers')).toBe('1000');
    expect(Buffer.compare(fetched.body, bytes)).toBe(0);

    const gone = await desktop.pull(999);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ code: 'SNAPSHOT_REQUIRED', details: { snapshot: { id: snapshotId, covers: 1000 } } });
    const after = await desktop.pull(1000);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ snapshot: { id: snapshotId, covers: 1000 }, snapshotSuggested: false, head: 1200 });
    expect(after.body.batches[0].seq).toBe(1001);

    // A newer snapshot replaces the previous one and compacts further.
    const newer = crypto.randomUUID();
    expect((await desktop.call('PUT', `/sync/snapshot?id=${newer}&covers=1200`, { bytes: Buffer.from('small') })).status).toBe(201);
    expect((await laptop.pull(1000)).status).toBe(410);
    const latest = await laptop.call('GET', '/sync/snapshot');
    expect(latest.headers.get('candid-snapshot-id')).toBe(newer);
    expect(latest.body.toString()).toBe('small');
  });

  it("database images: stored only for the current snapshot, served with what it covers, removed by a newer snapshot", async () => {
    const [laptop, desktop] = await pair(server);
    await laptop.push(Array.from({ length: 3 }, () => batch()));
    expect((await desktop.call('GET', '/sync/image')).status).toBe(404);
    const snapshotId = crypto.randomUUID();
    // No snapshot yet: an image has nothing to belong to.
    expect((await laptop.call('PUT', `/sync/image?id=${crypto.randomUUID()}&snapshot=${snapshotId}`, { bytes: Buffer.from('i') })).status).toBe(409);
    expect((await laptop.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=2`, { bytes: Buffer.from('s') })).status).toBe(201);
    const imageId = crypto.randomUUID();
    const bytes = crypto.randomBytes(1.5 * 1024 * 1024); // two chunks of storage
    const stored = await laptop.call('PUT', `/sync/image?id=${imageId}&snapshot=${snapshotId}`, { bytes });
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ id: imageId, snapshot: snapshotId, covers: 2 });
    expect((await laptop.call('PUT', `/sync/image?id=${imageId}&snapshot=${snapshotId}`, { bytes })).status).toBe(200);
    const fetched = await desktop.call('GET', '/sync/image');
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('candid-image-id')).toBe(imageId);
    expect(fetched.headers.get('candid-image-covers')).toBe('2');
    expect(Buffer.compare(fetched.body, bytes)).toBe(0);
    // A second image of the same snapshot replaces the first.
    const second = crypto.randomUUID();
    expect((await desktop.call('PUT', `/sync/image?id=${second}&snapshot=${snapshotId}`, { bytes: Buffer.from('second') })).status).toBe(201);
    expect((await laptop.call('GET', '/sync/image')).headers.get('candid-image-id')).toBe(second);
    // A newer snapshot takes the image of the older one away; an image of the older one is refused.
    const newer = crypto.randomUUID();
    expect((await desktop.call('PUT', `/sync/snapshot?id=${newer}&covers=3`, { bytes: Buffer.from('s') })).status).toBe(201);
    expect((await laptop.call('GET', '/sync/image')).status).toBe(404);
    expect((await laptop.call('PUT', `/sync/image?id=${crypto.randomUUID()}&snapshot=${snapshotId}`, { bytes })).status).toBe(409);
  });

  it('a late retry of a compacted batch is still recognised (no duplicate)', async () => {
    const [laptop, desktop] = await pair(server);
    const early = batch();
    await laptop.push([early, batch()]);
    expect((await desktop.call('PUT', `/sync/snapshot?id=${crypto.randomUUID()}&covers=2`, { bytes: Buffer.from('s') })).status).toBe(201);
    expect((await laptop.push([early])).body.accepted).toEqual([{ id: early.id, seq: 1 }]);
    expect((await desktop.pull(2)).body.head).toBe(2);
  });

  it('blobs: HEAD 404 then 201 on upload, 200 on a second upload, GET returns the bytes; over the limit 413', async () => {
    const device = await register(server.url);
    const name = crypto.randomBytes(32).toString('hex');
    const bytes = crypto.randomBytes(1024 * 1024 + 17);
    expect((await device.call('HEAD', `/sync/blobs/${name}`)).status).toBe(404);
    expect((await device.call('GET', `/sync/blobs/${name}`)).status).toBe(404);
    expect((await device.call('PUT', `/sync/blobs/${name}`, { bytes })).status).toBe(201);
    expect((await device.call('PUT', `/sync/blobs/${name}`, { bytes })).status).toBe(200);
    const head = await device.call('HEAD', `/sync/blobs/${name}`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    const got = await device.call('GET', `/sync/blobs/${name}`);
    expect(Buffer.compare(got.body, bytes)).toBe(0);
    expect((await device.call('GET', '/sync/blobs/NOT-HEX')).status).toBe(400);
    const tooBig = await device.call('PUT', `/sync/blobs/${crypto.randomBytes(32).toString('hex')}`, { bytes: Buffer.alloc(26 * 1024 * 1024 + 1) });
    expect(tooBig.status).toBe(413);
  });
});
