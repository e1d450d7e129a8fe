import crypto from 'node:crypto';
import { expect } from 'vitest';
import { register, type Device } from './client';

export interface ReadableAccount {
  device: Device;
  keyId: string;
  /** The data key as a device holds it (base64url of 32 bytes). */
  dataKey: string;
}

/** Keys as a device sets them (wrapped copies are opaque to the server). */
export function keysFor(keyId: string) {
  return {
    keyId,
    kdf: { algorithm: 'argon2id', memoryKiB: 1024, iterations: 1, parallelism: 1, salt: crypto.randomBytes(16).toString('base64url') },
    wrappedKey: crypto.randomBytes(72).toString('base64url'),
    recoveryWrappedKey: crypto.randomBytes(72).toString('base64url'),
  };
}

/** A new account whose device set its keys, then let the server read the data (PUT /account/mode). */
export async function readableAccount(baseUrl: string, options: { email?: string; password?: string } = {}): Promise<ReadableAccount> {
  const device = await register(baseUrl, options);
  const keyId = crypto.randomUUID();
  const dataKey = crypto.randomBytes(32).toString('base64url');
  expect((await device.call('PUT', '/sync/keys', { json: keysFor(keyId) })).status).toBe(201);
  const switched = await device.call('PUT', '/account/mode', { json: { mode: 'readable', keyId, dataKey } });
  expect(switched.status, JSON.stringify(switched.body)).toBe(200);
  return { device, keyId, dataKey };
}

/** POST /v1/<channel> as the device. */
export function v1(device: Device, channel: string, input?: unknown) {
  return device.call('POST', `/v1/${channel}`, input === undefined ? {} : { json: input });
}
