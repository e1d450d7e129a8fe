import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { connect, openDevice, syncNow } from './support/devices';

// #19: a date out of the plausible bounds that another device wrote past its checks (an older version, a script)
// must neither reach this device's database nor stop sync: the field keeps the local value, everything else applies,
// and Settings ▸ Sync says what was ignored.

let server: TestServer;
const devices: TempApp[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const device of devices.splice(0)) device.close();
  await server.close();
});

async function device(options?: Parameters<typeof openDevice>[0]): Promise<TempApp> {
  const opened = await openDevice(options);
  devices.push(opened);
  return opened;
}

const stored = (app: TempApp, sql: string, ...params: unknown[]) => app.context.db.sqlite.prepare(sql).get(...params) as Record<string, unknown> | undefined;

describe('an implausible date arriving by sync', () => {
  it('is not applied, the rest of the entry and of the batch is, sync goes on, and the status names it', async () => {
    const laptop = await device({ snapshotEveryRun: true });
    const acme = await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend developer', appliedOn: '2026-03-02' });
    await connect(laptop, server, { createAccount: true, deviceName: 'Laptop' });
    await laptop.context.sync.runner.whenIdle();
    await syncNow(laptop);
    const desktop = await device();
    await connect(desktop, server, { deviceName: 'Desktop' });
    await desktop.context.sync.runner.whenIdle();
    await syncNow(desktop);

    // Past the write path's checks: the laptop's database takes 9999 as it would from an old version.
    const taskId = laptop.context.changes.write((write) => {
      write.update('applications', acme.id, { applied_on: '9999-12-31', notes: 'written with the bad date' });
      return write.insert('tasks', { title: 'Call Acme back', due_on: '9999-01-01', application_id: acme.id });
    });
    await syncNow(laptop);
    const afterSync = await syncNow(desktop);

    expect(afterSync.lastError).toBeNull();
    expect(stored(desktop, `SELECT applied_on, notes FROM applications WHERE id = ?`, acme.id)).toEqual({
      applied_on: '2026-03-02',
      notes: 'written with the bad date',
    });
    // The creation applied without its date.
    expect(stored(desktop, `SELECT title, due_on FROM tasks WHERE id = ?`, taskId)).toEqual({ title: 'Call Acme back', due_on: null });
    expect(afterSync.ignoredDates.map(({ table, column, subject, value }) => ({ table, column, subject, value }))).toEqual(
      expect.arrayContaining([
        { table: 'applications', column: 'applied_on', subject: 'Acme', value: '9999-12-31' },
        { table: 'tasks', column: 'due_on', subject: 'Call Acme back', value: '9999-01-01' },
      ]),
    );
    expect(afterSync.ignoredDates).toHaveLength(2);

    // Its dashboard stays well, and sync goes on both ways.
    await expect(desktop.api.invoke('statistics.overview', {})).resolves.toBeTruthy();
    await expect(desktop.api.invoke('statistics.timeline', {})).resolves.toBeTruthy();
    await desktop.api.invoke('applications.update', { id: acme.id, patch: { position: 'Staff backend developer' } });
    await syncNow(desktop);
    await syncNow(laptop);
    expect((await laptop.api.invoke('applications.get', { id: acme.id })).position).toBe('Staff backend developer');
    // Pulled again (the same batches), the problem is listed once.
    expect((await syncNow(desktop)).ignoredDates).toHaveLength(2);

    // A device joining from the laptop's snapshot leaves the dates out the same way.
    const phone = await device();
    await connect(phone, server, { deviceName: 'Phone' });
    await phone.context.sync.runner.whenIdle();
    const joined = await syncNow(phone);
    expect(stored(phone, `SELECT applied_on, notes FROM applications WHERE id = ?`, acme.id)).toEqual({ applied_on: null, notes: 'written with the bad date' });
    expect(joined.ignoredDates.map(({ column }) => column).sort()).toEqual(['applied_on', 'due_on']);
    expect(joined.lastError).toBeNull();

    // Turning sync off and forgetting the connection forgets them too.
    expect((await desktop.api.invoke('sync.disconnect', { forget: true })).ignoredDates).toEqual([]);
  });
});
