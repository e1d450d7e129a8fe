import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { serverDatabaseFile } from '../../src-server/db/database';
import { everyStoredValue, findEverywhere } from '../server/support/storage';
import { describeEngines, startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { connect, openDevice, syncNow } from './support/devices';

const devices: TempApp[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const device of devices.splice(0)) device.close();
  for (const server of servers.splice(0)) await server.close();
});

async function device(options?: Parameters<typeof openDevice>[0]): Promise<TempApp> {
  const opened = await openDevice(options);
  devices.push(opened);
  return opened;
}

async function connected(server: TestServer, createAccount = false): Promise<TempApp> {
  const opened = await device();
  await connect(opened, server, { createAccount });
  await opened.context.sync.runner.whenIdle();
  return opened;
}

const count = (app: TempApp, sql: string) => app.context.db.sqlite.prepare(sql).pluck().get() as number;

describeEngines('what reaches the server', (start) => {
  it('no plaintext: a marker written on a device is in no table and no file of the server', async () => {
    const server = await start();
    servers.push(server);
    const laptop = await device({ snapshotEveryRun: true });
    await connect(laptop, server, { createAccount: true });
    await laptop.context.sync.runner.whenIdle();
    const marker = 'Zyxmarker4217';
    const application = await laptop.api.invoke('applications.create', {
      companyName: `${marker} Industries`,
      position: `Engineer ${marker}`,
      notes: `notes ${marker}`,
      tags: [`tag${marker}`],
    });
    await laptop.api.invoke('documents.add', {
      source: { content: Buffer.from(`%PDF-1.4 ${marker} ${marker}`).toString('base64'), fileName: `${marker}.pdf` },
      kind: 'cv',
      applicationIds: [application.id],
    });
    await syncNow(laptop);
    // A snapshot was stored too (its batches compacted away) — and a second device could read it all back.
    const desktop = await connected(server);
    await syncNow(desktop);
    expect((await desktop.api.invoke('applications.get', { id: application.id })).notes).toBe(`notes ${marker}`);
    // The document's file is fetched from the server the first time it is opened on the desktop.
    const [document] = await desktop.api.invoke('documents.list', {});
    expect(document.fileAvailable).toBe(false);
    const content = await desktop.api.invoke('documents.content', { id: document.id });
    expect(Buffer.from(content.content, 'base64').toString()).toBe(`%PDF-1.4 ${marker} ${marker}`);
    // It joined from the snapshot's database image (no entry of it applied): the batches it covers were compacted
    // away, and the image lies on the server beside the snapshot, searched below like everything else.
    expect(desktop.context.db.sqlite.prepare(`SELECT count(*) FROM change_log WHERE origin = 'remote'`).pluck().get()).toBe(0);
    expect((await everyStoredValue(server)).filter(([table, column, value]) => table === 'objects' && column === 'kind' && value === 'image')).toHaveLength(1);
    expect(await findEverywhere(server, marker)).toEqual([]);
    expect(await findEverywhere(server, marker.toLowerCase())).toEqual([]);
  });
});

describe('what a device refuses', () => {
  it('a wrong passphrase: a clear error, the device stays off, nothing is applied', async () => {
    const server = await startTestServer();
    servers.push(server);
    const laptop = await connected(server, true);
    await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend' });
    await syncNow(laptop);

    const desktop = await device();
    const refused = await connect(desktop, server, { passphrase: 'not the right passphrase' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED', details: { problem: 'passphrase' } });
    expect((await desktop.api.invoke('sync.status', {})).state).toBe('off');
    expect(count(desktop, `SELECT count(*) FROM applications`)).toBe(0);
    // The right one then works.
    await connect(desktop, server);
    await desktop.context.sync.runner.whenIdle();
    expect(count(desktop, `SELECT count(*) FROM applications`)).toBe(1);
  });

  it('a tampered batch: refused whole with a clear error, nothing of it applied, the cursor stays', async () => {
    const server = await startTestServer();
    servers.push(server);
    const laptop = await connected(server, true);
    const desktop = await connected(server);
    const cursor = () => count(desktop, `SELECT cursor FROM sync_state`);
    const before = cursor();
    await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Tampered with' });
    await syncNow(laptop);
    const serverDb = new BetterSqlite3(path.join(server.dataDir, serverDatabaseFile));
    const row = serverDb.prepare(`SELECT seq, payload FROM batches ORDER BY seq DESC LIMIT 1`).get() as { seq: number; payload: Buffer };
    const payload = Buffer.from(row.payload);
    payload[payload.length - 20] ^= 1;
    serverDb.prepare(`UPDATE batches SET payload = ? WHERE seq = ?`).run(payload, row.seq);
    serverDb.close();

    const status = await desktop.api.invoke('sync.now', {});
    expect(status.lastError).toMatchObject({ problem: 'tampered' });
    expect(count(desktop, `SELECT count(*) FROM applications WHERE position = 'Tampered with'`)).toBe(0);
    expect(cursor()).toBe(before);
  });

  it('an expired access token is refreshed and the request goes through', async () => {
    const server = await startTestServer();
    servers.push(server);
    const laptop = await connected(server, true);
    await laptop.api.invoke('applications.create', { companyName: 'Acme', position: 'Backend' });
    const tokens = () => laptop.context.sync['secrets'].get('sync.tokens');
    const first = tokens();
    server.clock.advance(16 * 60_000);
    await syncNow(laptop);
    expect(tokens()).not.toBe(first);
    expect((await laptop.api.invoke('sync.status', {})).pendingChanges).toBe(0);
  });

  it('a revoked device is signed out and says so', async () => {
    const server = await startTestServer();
    servers.push(server);
    const laptop = await connected(server, true);
    const desktop = await connected(server);
    const { devices: listed } = await laptop.api.invoke('sync.devices', {});
    expect(listed.map((entry) => entry.current).sort()).toEqual([false, true]);
    const other = listed.find((entry) => !entry.current)!;
    await laptop.api.invoke('sync.revokeDevice', { id: other.id });
    const status = await desktop.api.invoke('sync.now', {});
    expect(status.lastError).toMatchObject({ problem: 'signed_out' });
    expect((await desktop.api.invoke('sync.status', {})).state).toBe('signed_out');
  });
});
