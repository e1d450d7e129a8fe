import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, register, type Device } from './support/client';
import { keysFor } from './support/readable';
import { describeEngines, startTestServer, usePostgres, type TestServer } from './support/server';

const push = (device: Device, keyId: string) =>
  device.call('POST', '/sync/push', { json: { batches: [batch(32)], clientTime: new Date().toISOString(), keyId } });

describeEngines('a push sealed with a key another device replaced', (start) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('is refused as key_changed, and stores nothing', async () => {
    const device = await register(server.url);
    const [oldKey, newKey] = [crypto.randomUUID(), crypto.randomUUID()];
    expect((await device.call('PUT', '/sync/keys', { json: keysFor(oldKey) })).status).toBe(201);
    expect((await push(device, oldKey)).status).toBe(200);
    expect((await device.call('PUT', '/sync/keys', { json: { ...keysFor(newKey), previousKeyId: oldKey } })).status).toBe(201);
    const refused = await push(device, oldKey);
    expect(refused.status).toBe(409);
    expect(refused.body.details).toEqual({ reason: 'key_changed', keyId: newKey });
    // Only the first push was stored: the account's sequence is at 1.
    expect((await device.pull(0)).body.cursor).toBe(1);
    expect((await push(device, newKey)).status).toBe(200);
  });
});

/**
 * On PostgreSQL a rotation and a push run at once on separate connections. The rotation is held open here at the
 * moment that matters — it has locked the account row and replaced the key, not yet committed — while the push
 * arrives: the push must wait for it and then see the new key (a check read before the store, or from the store
 * statement's snapshot, would see the old key and let the stale batch in).
 */
describe('a rotation in flight while a push arrives (postgres)', () => {
  const cluster = usePostgres();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine: 'postgres', postgres: cluster() });
  });
  afterAll(() => server.close());

  it('the push waits for the rotation and is refused; no stale batch is stored', async () => {
    const device = await register(server.url);
    const [oldKey, newKey] = [crypto.randomUUID(), crypto.randomUUID()];
    expect((await device.call('PUT', '/sync/keys', { json: keysFor(oldKey) })).status).toBe(201);
    const rotation = new pg.Client({ connectionString: server.databaseUrl });
    const watcher = new pg.Client({ connectionString: server.databaseUrl });
    await Promise.all([rotation.connect(), watcher.connect()]);
    try {
      // As PUT /sync/keys does it: the account row's lock, then the keys row.
      await rotation.query('BEGIN');
      await rotation.query('UPDATE accounts SET last_seq = last_seq WHERE id = $1', [device.accountId]);
      await rotation.query('UPDATE keys SET key_id = $1 WHERE account_id = $2', [newKey, device.accountId]);
      const pushing = push(device, oldKey);
      // The real condition: the push's statement is waiting for a lock the rotation holds.
      for (;;) {
        const { rows } = await watcher.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await rotation.query('COMMIT');
      const answer = await pushing;
      expect(answer.status).toBe(409);
      expect(answer.body.details).toEqual({ reason: 'key_changed', keyId: newKey });
      const { rows } = await watcher.query('SELECT count(*)::int AS stored FROM batches WHERE account_id = $1', [device.accountId]);
      expect(rows[0].stored).toBe(0);
      const { rows: account } = await watcher.query('SELECT last_seq, stored_batches FROM accounts WHERE id = $1', [device.accountId]);
      expect(account[0]).toEqual({ last_seq: 0, stored_batches: 0 });
    } finally {
      await rotation.end();
      await watcher.end();
    }
    expect((await push(device, newKey)).status).toBe(200);
  });
});
