import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SecretStore } from '../../src-main/sync/secrets';
import { secretNames } from '../../src-main/sync/service';
import { AppError } from '../../src-shared/errors';
import { openTempApp, type TempApp } from '../support/temp-app';
import { account, connect, syncNow, testKdfCost } from '../sync/support/devices';
import { call, login } from './support/client';
import { v1 } from './support/readable';
import { describeEngines, type TestServer } from './support/server';
import { everyStoredValue, findEverywhere } from './support/storage';

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

const positions = async (device: TempApp) => (await device.api.invoke('applications.list', {})).items.map((item) => item.position).sort();

describeEngines('Private or readable, from the desktop (Settings ▸ Sync): the switch, and the key rotation going back', (start) => {
  let server: TestServer;
  let laptop: TempApp;
  let phone: TempApp;
  const laptopSecrets = new MapSecrets();

  beforeAll(async () => {
    server = await start();
    laptop = await openTempApp({ secrets: laptopSecrets, sync: { kdfCost: testKdfCost } });
    phone = await openTempApp({ secrets: new MapSecrets(), sync: { kdfCost: testKdfCost } });
  }, 60_000);
  afterAll(async () => {
    laptop?.close();
    phone?.close();
    await server?.close();
  });

  it('makes the account readable, then private again: the server forgets the key and its copy, and every device syncs under a new key', async () => {
    await laptop.api.invoke('applications.create', { companyName: 'Initech', position: 'Before all' });
    await connect(laptop, server, { deviceName: 'Laptop', createAccount: true });
    await syncNow(laptop);
    await connect(phone, server, { deviceName: 'Phone' });
    await syncNow(phone);
    expect(await positions(phone)).toEqual(['Before all']);
    expect(await laptop.api.invoke('sync.accountMode', {})).toEqual({ mode: 'private', recoveryKey: null });

    // Readable: the REST API answers, and a change made through it reaches the devices.
    expect(await laptop.api.invoke('sync.setAccountMode', { mode: 'readable' })).toEqual({ mode: 'readable', recoveryKey: null });
    expect((await laptop.api.invoke('sync.accountMode', {})).mode).toBe('readable');
    const rest = await login(server.url, account.email, account.password, 'Script');
    const viaRest = await v1(rest, 'applications.create', { companyName: 'Readable Marker Corp', position: 'Made through REST' });
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(200);
    await syncNow(laptop);
    await syncNow(phone);
    expect(await positions(phone)).toEqual(['Before all', 'Made through REST']);
    const accountId = rest.accountId;
    expect(fs.existsSync(path.join(server.dataDir, 'replicas', accountId))).toBe(true);
    const oldKey = laptopSecrets.get(secretNames.dataKey);
    const oldKeyId = (await rest.call('GET', '/sync/keys')).body.keyId;

    // The phone has a change of its own not pushed yet, sealed with the old key when the laptop rotates.
    await phone.api.invoke('applications.create', { companyName: 'Phone Co', position: 'Written on the phone meanwhile' });

    // Private again: a wrong passphrase changes nothing.
    await expect(laptop.api.invoke('sync.setAccountMode', { mode: 'private', passphrase: 'not the passphrase at all' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      details: { problem: 'passphrase' },
    });
    expect((await laptop.api.invoke('sync.accountMode', {})).mode).toBe('readable');

    const result = await laptop.api.invoke('sync.setAccountMode', { mode: 'private', passphrase: account.passphrase });
    expect(result.mode).toBe('private');
    expect(result.recoveryKey).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
    expect((await laptop.api.invoke('sync.accountMode', {})).mode).toBe('private');

    // The server: no escrowed key, no replica, the REST API refused; a new key; the old batches compacted under a
    // snapshot sealed with the new key (the old key opens nothing stored any more).
    expect((await v1(rest, 'applications.list', {})).status).toBe(403);
    expect(fs.existsSync(path.join(server.dataDir, 'replicas', accountId))).toBe(false);
    const stored = await everyStoredValue(server);
    expect(stored.filter(([table, column, value]) => table === 'escrowed_keys' && column === 'account_id' && value === accountId)).toEqual([]);
    expect(await findEverywhere(server, 'Readable Marker Corp')).toEqual([]);
    const keysNow = (await rest.call('GET', '/sync/keys')).body;
    expect(keysNow.keyId).not.toBe(oldKeyId);
    expect(laptopSecrets.get(secretNames.dataKey)).not.toBe(oldKey);
    expect(laptopSecrets.get('sync.retiredDataKey')).toBeNull();
    const pulled = await rest.pull(0);
    expect(pulled.status).toBe(410);
    const snapshot = await rest.call('GET', '/sync/snapshot');
    expect(snapshot.status).toBe(200);
    // Going readable again with the old key is refused: it is not the account's key any more.
    const stale = await rest.call('PUT', '/account/mode', { json: { mode: 'readable', keyId: oldKeyId, dataKey: oldKey } });
    expect(stale.status).toBe(409);

    // The laptop keeps syncing under the new key.
    await laptop.api.invoke('applications.create', { companyName: 'Laptop Co', position: 'Written on the laptop after' });
    await syncNow(laptop);

    // The phone: its push, sealed with the old key, is refused; it asks for the passphrase (sign in again).
    const refused = await phone.api.invoke('sync.now', {});
    expect(refused.lastError?.problem).toBe('key_changed');
    expect(refused.state).toBe('signed_out');
    expect(refused.pendingChanges).toBeGreaterThan(0);
    await connect(phone, server, { deviceName: 'Phone' });
    await syncNow(phone);
    expect(await positions(phone)).toEqual(['Before all', 'Made through REST', 'Written on the laptop after', 'Written on the phone meanwhile']);
    expect((await phone.api.invoke('sync.status', {})).pendingChanges).toBe(0);
    await syncNow(laptop);
    expect(await positions(laptop)).toEqual(['Before all', 'Made through REST', 'Written on the laptop after', 'Written on the phone meanwhile']);

    // A third device opens the account with the new recovery key.
    const tablet = await openTempApp({ secrets: new MapSecrets(), sync: { kdfCost: testKdfCost } });
    try {
      await connect(tablet, server, { deviceName: 'Tablet', passphrase: undefined, recoveryKey: result.recoveryKey! });
      await syncNow(tablet);
      expect(await positions(tablet)).toHaveLength(4);
    } finally {
      tablet.close();
    }
  }, 120_000);

  it('refuses the switch with sync off, in the contract’s error', async () => {
    const lone = await openTempApp({ secrets: new MapSecrets(), sync: { kdfCost: testKdfCost } });
    try {
      expect(await lone.api.invoke('sync.accountMode', {})).toEqual({ mode: null, recoveryKey: null });
      const failure = await lone.api.invoke('sync.setAccountMode', { mode: 'readable' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(AppError);
      expect(failure).toMatchObject({ code: 'UNAUTHORIZED', details: { problem: 'signed_out' } });
      await expect(lone.api.invoke('sync.setAccountMode', { mode: 'private', passphrase: '' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    } finally {
      lone.close();
    }
  });

  it('answers 401 to /account/mode without a session', async () => {
    expect((await call(server.url, 'PUT', '/account/mode', { json: { mode: 'private' } })).status).toBe(401);
  });
});
