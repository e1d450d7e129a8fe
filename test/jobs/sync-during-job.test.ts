import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src-shared/contract';
import { upload } from '../imports/support/files';
import { syntheticCsv } from '../imports/support/synthetic';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { joinBoth, openDevice, syncNow } from '../sync/support/devices';

/**
 * Sync writes on main's connection (the pull applies other devices' entries there). While an import's worker
 * holds the write lock, main's writes are refused rather than left to block its thread: sync must wait for the
 * lock instead of failing, or of freezing main until the worker commits.
 */
let server: TestServer;
const devices: TempApp[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const device of devices.splice(0)) device.close();
  await server.close();
});

async function device(): Promise<TempApp> {
  const opened = await openDevice();
  devices.push(opened);
  return opened;
}

const rows = 1_000;

describe('a sync run while a job holds the write lock', () => {
  it('waits for the lock, then applies what the other device wrote; main keeps reading meanwhile', async () => {
    const laptop = await device();
    const created = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer' });
    const desktop = await device();
    await joinBoth(server, laptop, desktop);

    await laptop.api.invoke('applications.update', { id: created.id, patch: { notes: 'written on the laptop' } });
    await syncNow(laptop);

    const total = async () => (await desktop.api.invoke('applications.list', { archived: 'all', limit: 1 })).total;
    const importing = desktop.api.invoke('imports.run', { source: upload(syntheticCsv(rows), 'large.csv'), options: { skipInvalidRows: true } });
    const during = await new Promise<{ total: number; synced: ReturnType<typeof desktop.api.invoke<'sync.now'>> }>((resolve, reject) => {
      let done = false;
      const stop = desktop.context.jobs.onEvent((event: JobEvent) => {
        // The first tables are copied, the others are not yet: the worker's final transaction is open.
        if (done || event.step !== 'applying' || (event.done ?? 0) < 3) return;
        done = true;
        stop();
        const synced = desktop.api.invoke('sync.now', {});
        total().then((count) => resolve({ total: count, synced }), reject);
      });
    });
    // Main answered a read while sync waited: it saw the state before the import, which had not committed.
    expect(during.total).toBe(1);
    await importing;
    const status = await during.synced;
    expect(status.lastError).toBeNull();
    expect((await desktop.api.invoke('applications.get', { id: created.id })).notes).toBe('written on the laptop');
    expect(await total()).toBe(rows + 1);
  });
});
