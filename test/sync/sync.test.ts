import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { upload } from '../imports/support/files';
import { connect, joinBoth, openDevice, syncNow } from './support/devices';
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

  // An import logs its rows' creations without their values (writer.ts newRowValues): the push forms each from its
  // row, with the fields its creation clock still covers, whatever was changed after the import.
  it('sends an import, changed before its push, as the importing device has it', async () => {
    const laptop = await device();
    const desktop = await device();
    await joinBoth(server, laptop, desktop);

    const csv = [
      'Company,Position,Applied,Status,Location,Salary,Tags,Notes',
      'Acme,Backend developer,2024-02-29,Interview,Paris,45000-52000 EUR,"remote, urgent",first notes',
      'Globex,Tester,2024-03-01,Applied,,,urgent,',
      'Initech,Analyst,2024-03-03,Offer,Lyon,,,',
    ].join('\n');
    const imported = await laptop.api.invoke('imports.run', { source: upload(csv, 'search.csv') });
    expect(imported.created).toBe(3);
    const { sqlite } = laptop.context.db;
    // The import took that path: its creations hold no value.
    expect(sqlite.prepare(`SELECT count(*) FROM change_log WHERE column_name = '*' AND value IS NULL`).pluck().get()).toBeGreaterThanOrEqual(3 + 3 + 3);
    const [acme, globex] = (await laptop.api.invoke('applications.list', { sort: { column: 'company', direction: 'asc' } })).items;
    await laptop.api.invoke('applications.update', { id: acme!.id, patch: { notes: 'changed before the push', location: null } });
    await laptop.api.invoke('applications.archive', { ids: [globex!.id] });

    await syncNow(laptop);
    await syncNow(desktop);
    expect(syncedRows(desktop.context.db)).toEqual(syncedRows(laptop.context.db));
    expect((await desktop.api.invoke('applications.get', { id: acme!.id })).notes).toBe('changed before the push');
  });
});
