import type { ConnectSyncInput } from '../../../src-shared/contract';
import type { SyncServiceOptions } from '../../../src-main/sync/service';
import { openTempApp, type TempApp } from '../../support/temp-app';
import type { TestServer } from '../../server/support/server';

/** Cheap key derivation for tests (the parameters travel with the key; production uses 64 MiB, 3 passes). */
export const testKdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export const account = { email: 'camille@example.org', password: 'correct horse battery', passphrase: 'a long sync passphrase' };

/** A device: the real app on its own temp data folder, its sync runner not started (tests sync with `sync.now`). */
export function openDevice(options: Omit<SyncServiceOptions, 'kdfCost'> = {}): Promise<TempApp> {
  return openTempApp({ sync: { kdfCost: testKdfCost, ...options } });
}

export async function connect(device: TempApp, server: TestServer, input: Partial<ConnectSyncInput> = {}) {
  return device.api.invoke('sync.connect', {
    serverUrl: server.url,
    email: account.email,
    password: account.password,
    passphrase: account.passphrase,
    deviceName: 'Device',
    createAccount: false,
    ...input,
  });
}

/** Syncs now and fails the test when the run failed. */
export async function syncNow(device: TempApp) {
  const status = await device.api.invoke('sync.now', {});
  if (status.lastError) throw new Error(`sync failed: ${status.lastError.problem}: ${status.lastError.message}`);
  return status;
}

/** Two devices on one account, each synced once: the laptop creates the account, then the desktop joins it. */
export async function joinBoth(server: TestServer, laptop: TempApp, desktop: TempApp): Promise<void> {
  await connect(laptop, server, { createAccount: true, deviceName: 'Laptop' });
  await laptop.context.sync.runner.whenIdle();
  await syncNow(laptop);
  await connect(desktop, server, { deviceName: 'Desktop' });
  await desktop.context.sync.runner.whenIdle();
  await syncNow(desktop);
}
