import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { batch, call, register, type Device } from './support/client';
import { describeEngines, type TestServer } from './support/server';

const keys = () => ({
  keyId: crypto.randomUUID(),
  kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1, salt: crypto.randomBytes(16).toString('base64url') },
  wrappedKey: crypto.randomBytes(72).toString('base64url'),
  recoveryWrappedKey: crypto.randomBytes(72).toString('base64url'),
});

describeEngines('one account reaches nothing of another', (start) => {
  let server: TestServer;
  let alice: Device;
  let mallory: Device;
  const aliceBatches = [batch(), batch()];
  const aliceBlob = crypto.randomBytes(32).toString('hex');
  const aliceKeys = keys();
  const snapshotId = crypto.randomUUID();
  const imageId = crypto.randomUUID();

  beforeAll(async () => {
    server = await start();
    alice = await register(server.url);
    mallory = await register(server.url);
    expect((await alice.call('PUT', '/sync/keys', { json: aliceKeys })).status).toBe(201);
    expect((await alice.push(aliceBatches)).status).toBe(200);
    expect((await alice.call('PUT', `/sync/snapshot?id=${snapshotId}&covers=1`, { bytes: Buffer.from('alice snapshot') })).status).toBe(201);
    expect((await alice.call('PUT', `/sync/image?id=${imageId}&snapshot=${snapshotId}`, { bytes: Buffer.from('alice image') })).status).toBe(201);
    expect((await alice.call('PUT', `/sync/blobs/${aliceBlob}`, { bytes: Buffer.from('alice blob') })).status).toBe(201);
  });
  afterAll(() => server.close());

  it("tries every authenticated route with the other account's ids, and sees only its own (empty) data", async () => {
    const tried = new Set<string>();
    const as = async (method: string, route: string, pattern: string, options = {}) => {
      tried.add(`${method.toLowerCase()} ${pattern}`);
      return mallory.call(method, route, options);
    };

    expect((await as('GET', '/auth/me', '/auth/me')).body.account.id).toBe(mallory.accountId);
    const devices = await as('GET', '/devices', '/devices');
    expect(devices.body.devices.map((d: { id: string }) => d.id)).toEqual([mallory.deviceId]);
    expect((await as('DELETE', `/devices/${alice.deviceId}`, '/devices/{id}')).status).toBe(404);
    expect((await as('GET', '/sync/keys', '/sync/keys')).status).toBe(404);
    // Setting keys touches only its own account: Alice's stay as they were.
    expect((await as('PUT', '/sync/keys', '/sync/keys', { json: { ...keys(), previousKeyId: aliceKeys.keyId } })).status).toBe(201);
    const pulled = await as('GET', '/sync/pull?after=0', '/sync/pull');
    expect(pulled.body).toMatchObject({ batches: [], head: 0, snapshot: null });
    // Alice's batch ids pushed by Mallory are new batches of Mallory's account.
    const pushed = await as('POST', '/sync/push', '/sync/push', { json: { batches: [aliceBatches[0]], clientTime: new Date().toISOString() } });
    expect(pushed.body.accepted).toEqual([{ id: aliceBatches[0].id, seq: 1 }]);
    expect((await as('GET', '/sync/snapshot', '/sync/snapshot')).status).toBe(404);
    expect((await as('GET', '/sync/image', '/sync/image')).status).toBe(404);
    // Alice's snapshot is not Mallory's current one: an image of it is refused.
    expect((await as('PUT', `/sync/image?id=${imageId}&snapshot=${snapshotId}`, '/sync/image', { bytes: Buffer.from('mallory') })).status).toBe(409);
    const sameId = await as('PUT', `/sync/snapshot?id=${snapshotId}&covers=1`, '/sync/snapshot', { bytes: Buffer.from('mallory') });
    expect(sameId.status).toBe(201);
    expect((await as('HEAD', `/sync/blobs/${aliceBlob}`, '/sync/blobs/{name}')).status).toBe(404);
    expect((await as('GET', `/sync/blobs/${aliceBlob}`, '/sync/blobs/{name}')).status).toBe(404);
    expect((await as('PUT', `/sync/blobs/${aliceBlob}`, '/sync/blobs/{name}', { bytes: Buffer.from('mallory blob') })).status).toBe(201);
    expect((await as('POST', '/auth/password', '/auth/password', { json: { currentPassword: alice.password + 'x', newPassword: 'whatever it is' } })).status).toBe(403);
    expect((await as('DELETE', '/account', '/account', { json: { password: mallory.password } })).status).toBe(204);
    tried.add('post /auth/logout'); // below, with a fresh account: logging out only ends the caller's own session

    const other = await register(server.url);
    expect((await other.call('POST', '/auth/logout')).status).toBe(204);

    // Every authenticated route of the OpenAPI document was tried.
    const document = (await call(server.url, 'GET', '/openapi.json')).body;
    const authenticated = Object.entries(document.paths as Record<string, Record<string, { security: unknown[] }>>).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.security.length > 0)
        .map(([method]) => `${method} ${path}`),
    );
    // The REST APIs answer from the caller's own replica: other accounts' ids there are tried in readable.test.ts and
    // jobtracker.test.ts. /account/mode and /account/data-key name no id: they act on the caller's own account.
    const testedElsewhere = (route: string) => /^\w+ \/(v1|compat)\//.test(route) || /^\w+ \/account\/(mode|data-key)$/.test(route);
    expect(authenticated.filter((route) => !tried.has(route) && !testedElsewhere(route))).toEqual([]);

    // Alice's data is untouched.
    expect((await alice.call('GET', '/auth/me')).status).toBe(200);
    expect((await alice.call('GET', '/sync/keys')).body).toEqual(aliceKeys);
    const snapshot = await alice.call('GET', '/sync/snapshot');
    expect(snapshot.body.toString()).toBe('alice snapshot');
    expect((await alice.call('GET', '/sync/image')).body.toString()).toBe('alice image');
    expect((await alice.call('GET', `/sync/blobs/${aliceBlob}`)).body.toString()).toBe('alice blob');
    const own = await alice.pull(1);
    expect(own.body).toMatchObject({ head: 2, cursor: 2 });
    expect((await alice.call('GET', '/devices')).body.devices).toHaveLength(1);
  });

  it("refuses a token signed with another key, or naming another account's device", async () => {
    const forged = await new SignJWT({ did: alice.deviceId, fam: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(alice.accountId)
      .setIssuer('candid-server')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(crypto.randomBytes(32));
    expect((await call(server.url, 'GET', '/sync/keys', { token: forged })).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: alice.accountId, did: alice.deviceId })).toString('base64url')}.`;
    expect((await call(server.url, 'GET', '/sync/keys', { token: none })).status).toBe(401);
    expect((await call(server.url, 'GET', '/sync/keys')).status).toBe(401);
  });
});
