import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { connect, openDevice, syncNow } from './support/devices';
import { syncedRows } from './support/rows';

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

describe('two devices through the real server', () => {
  it('the first creates the account and its key (with a recovery key); the second joins and gets everything', async () => {
    const laptop = await device();
    const created = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', tags: ['remote'] });
    const first = await connect(laptop, server, { createAccount: true, deviceName: 'Laptop' });
    expect(first.recoveryKey).toMatch(/^([A-Z2-7]{4} ){12}[A-Z2-7]{4}$/);
    await laptop.context.sync.runner.whenIdle();
    await syncNow(laptop);

    const desktop = await device();
    const joined = await connect(desktop, server, { deviceName: 'Desktop' });
    expect(joined.recoveryKey).toBeNull();
    await desktop.context.sync.runner.whenIdle();
    await syncNow(desktop);
    expect((await desktop.api.invoke('applications.get', { id: created.id })).tags).toEqual(['remote']);
    expect(syncedRows(desktop.context.db)).toEqual(syncedRows(laptop.context.db));

    await desktop.api.invoke('applications.update', { id: created.id, patch: { notes: 'from the desktop' } });
    await syncNow(desktop);
    await syncNow(laptop);
    expect((await laptop.api.invoke('applications.get', { id: created.id })).notes).toBe('from the desktop');
    expect((await laptop.api.invoke('sync.status', {})).pendingChanges).toBe(0);
  });
});
