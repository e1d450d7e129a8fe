import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { serverDatabaseFile } from '../../src-server/db/database';
import type { Database } from '../../src-main/db/connection';
import { SyncKeys } from '../../src-main/sync/crypto';
import { imageExtraTables, openImageStream } from '../../src-main/sync/image';
import { syncedTables } from '../../src-main/db/schema';
import { writeSealed } from '../../src-main/sync/snapshot';
import { seedWorld } from '../integration/support/fixtures';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { derivedData, rebuiltDerivedData } from './support/derived';
import { connect, openDevice, syncNow } from './support/devices';
import { syncedRows } from './support/rows';

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

async function joined(server: TestServer, options?: Parameters<typeof openDevice>[0]): Promise<TempApp> {
  const opened = await device(options);
  await connect(opened, server);
  await opened.context.sync.runner.whenIdle();
  await syncNow(opened);
  return opened;
}

const count = (db: Database, sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
/** Entries applied from other devices: a join by image applies none of the snapshot's. */
const remoteEntries = (app: TempApp) => count(app.context.db, `SELECT count(*) FROM change_log WHERE origin = 'remote'`);

/** Every synced row with its field clocks (their JSON's key order is the order of arrival): identical on every device. */
function fingerprint(db: Database) {
  const clocks = db.sqlite.prepare(`SELECT * FROM row_clocks ORDER BY row_id`).all() as { clocks: string }[];
  return { rows: syncedRows(db), clocks: clocks.map((row) => ({ ...row, clocks: JSON.parse(row.clocks) as unknown })) };
}

/**
 * The derived data, its row numbers (local to each device: `applications.seq`) replaced by the application's id,
 * so that devices can be compared.
 */
function derivedById(db: Database) {
  const idOf = new Map((db.sqlite.prepare(`SELECT seq, id FROM applications`).raw().all() as [number, string][]).map(([seq, id]) => [seq, id]));
  const bySeq = (rows: unknown[], key: string) =>
    (rows as Record<string, unknown>[]).map((row) => ({ ...row, [key]: idOf.get(row[key] as number) })).sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  const data = derivedData(db);
  return { stages: data.stages, text: bySeq(data.text, 'rowid'), facts: bySeq(data.facts, 'seq'), cells: data.cells };
}

function tamperImage(server: TestServer): void {
  const serverDb = new BetterSqlite3(path.join(server.dataDir, serverDatabaseFile));
  const chunk = serverDb
    .prepare(`SELECT c.object_id, c.idx, c.data FROM object_chunks c JOIN objects o ON o.id = c.object_id WHERE o.kind = 'image' ORDER BY c.idx DESC LIMIT 1`)
    .get() as { object_id: string; idx: number; data: Buffer };
  const data = Buffer.from(chunk.data);
  data[Math.floor(data.length / 2)] ^= 1;
  serverDb.prepare(`UPDATE object_chunks SET data = ? WHERE object_id = ? AND idx = ?`).run(data, chunk.object_id, chunk.idx);
  serverDb.close();
}

describe('joining by database image', () => {
  it('a device with nothing of its own loads the image, and ends like one that applied the entries and like a rebuild', async () => {
    const server = await startTestServer();
    servers.push(server);
    const laptop = await device({ snapshotEveryRun: true });
    const world = await seedWorld(laptop.api);
    await laptop.api.invoke('applications.setStage', { id: world.application.id, stageId: world.stages.interviewing });
    await connect(laptop, server, { createAccount: true });
    await laptop.context.sync.runner.whenIdle();
    await syncNow(laptop);
    const serverDb = new BetterSqlite3(path.join(server.dataDir, serverDatabaseFile), { readonly: true });
    expect(serverDb.prepare(`SELECT kind FROM objects WHERE complete = 1 ORDER BY kind`).pluck().all()).toEqual(['image', 'snapshot']);
    serverDb.close();

    const byImage = await joined(server);
    const byEntries = await joined(server, { images: false });
    expect(remoteEntries(byImage)).toBe(0);
    expect((await byImage.api.invoke('sync.status', undefined)).imageRefused).toBeNull();
    expect(remoteEntries(byEntries)).toBeGreaterThan(0);
    for (const other of [byImage, byEntries]) {
      expect(fingerprint(other.context.db)).toEqual(fingerprint(laptop.context.db));
      expect(derivedById(other.context.db)).toEqual(derivedById(laptop.context.db));
      expect(derivedData(other.context.db)).toEqual(rebuiltDerivedData(other.context.db));
    }
    expect((await byImage.api.invoke('applications.get', { id: world.application.id })).tags).toEqual(['remote']);
    expect((await byImage.api.invoke('search.query', { text: 'Backend' })).applications.map((found) => found.id)).toEqual([world.application.id]);

    // Then everyone syncs as usual: edits on the image's device win where they are newer, and reach the others.
    await byImage.api.invoke('applications.update', { id: world.application.id, patch: { notes: 'edited after the image' } });
    const created = await byImage.api.invoke('applications.create', { companyName: 'Initech', position: 'Tech lead', tags: ['remote'] });
    await laptop.api.invoke('applications.update', { id: world.application.id, patch: { location: 'Paris' } });
    for (let round = 0; round < 2; round += 1) for (const app of [byImage, laptop, byEntries]) await syncNow(app);
    for (const other of [byImage, byEntries]) {
      expect(fingerprint(other.context.db)).toEqual(fingerprint(laptop.context.db));
      expect(derivedById(other.context.db)).toEqual(derivedById(laptop.context.db));
      expect(derivedData(other.context.db)).toEqual(rebuiltDerivedData(other.context.db));
    }
    const edited = await laptop.api.invoke('applications.get', { id: world.application.id });
    expect([edited.notes, edited.location]).toEqual(['edited after the image', 'Paris']);
    expect((await laptop.api.invoke('applications.get', { id: created.id })).position).toBe('Tech lead');
  });

  it('a tampered image changes nothing: the device joins from the snapshot’s entries instead', async () => {
    const server = await startTestServer();
    servers.push(server);
    const laptop = await device({ snapshotEveryRun: true });
    await seedWorld(laptop.api);
    await connect(laptop, server, { createAccount: true });
    await laptop.context.sync.runner.whenIdle();
    await syncNow(laptop);
    tamperImage(server);

    const desktop = await joined(server);
    expect(remoteEntries(desktop)).toBeGreaterThan(0);
    expect(fingerprint(desktop.context.db)).toEqual(fingerprint(laptop.context.db));
    expect(derivedData(desktop.context.db)).toEqual(rebuiltDerivedData(desktop.context.db));
    expect(fs.readdirSync(path.join(desktop.dir, 'sync-tmp')).filter((name) => name.startsWith('image-'))).toEqual([]);
    // The person is told, in Settings ▸ Sync, until sync is forgotten on this device.
    const refused = (await desktop.api.invoke('sync.status', undefined)).imageRefused;
    expect(refused).toMatchObject({ problem: 'tampered', message: expect.stringContaining('integrity check') });
    expect(Date.parse(refused!.at)).toBeLessThanOrEqual(Date.now());
    await syncNow(desktop);
    expect((await desktop.api.invoke('sync.status', undefined)).imageRefused).toEqual(refused);
    await desktop.api.invoke('sync.disconnect', { forget: true });
    expect((await desktop.api.invoke('sync.status', undefined)).imageRefused).toBeNull();
  });
});

describe('what an image carries', () => {
  it('every table of the database is classified: synced or derived (in the image), rebuilt on load, or the device’s own', async () => {
    const app = await device();
    const tables = app.context.db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
    // A new table derived from synced rows belongs in imageExtraTables (or is rebuilt in loadImage): a device that
    // joined by image would otherwise lack it. One of the device's own must never travel in an image.
    const ownTables = ['board_watch_checks', 'browser_pairing_codes', 'change_log', 'meta', 'paired_browsers', 'sync_blobs', 'sync_outbox', 'sync_state'];
    const rebuiltOnLoad = (table: string) => table === 'applications_fts' || table.startsWith('applications_fts_');
    const carried = new Set<string>([...syncedTables, ...imageExtraTables]);
    expect(tables.filter((table) => !carried.has(table) && !rebuiltOnLoad(table))).toEqual(ownTables);
  });
});

describe('the sealed image stream', () => {
  const keys = new SyncKeys(crypto.randomBytes(32), crypto.randomUUID());
  const header = { v: 1, schema: 240, covers: 7, hlc: '0000000000001-0000-abcdef' };
  const database = crypto.randomBytes(2.5 * 1024 * 1024); // more than one sealed chunk

  async function sealed(imageId: string): Promise<Buffer> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-image-'));
    const file = path.join(dir, 'sealed');
    async function* plaintext() {
      yield Buffer.from(`${JSON.stringify(header)}\n`);
      yield database;
    }
    await writeSealed(file, keys.image, keys.imageAad(imageId), plaintext());
    const bytes = fs.readFileSync(file);
    fs.rmSync(dir, { recursive: true });
    return bytes;
  }

  async function open(with_: SyncKeys, imageId: string, bytes: Buffer) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'candid-image-')), 'opened');
    try {
      const opened = await openImageStream(with_, imageId, (async function* () { yield bytes; })(), file);
      return { header: opened, database: fs.readFileSync(file) };
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true });
    }
  }

  it('opens what was sealed: the header, then the database bytes', async () => {
    const imageId = crypto.randomUUID();
    const opened = await open(keys, imageId, await sealed(imageId));
    expect(opened.header).toEqual(header);
    expect(Buffer.compare(opened.database, database)).toBe(0);
  });

  it('refuses a tampered, truncated, moved or wrong-key image with a clear error', async () => {
    const imageId = crypto.randomUUID();
    const bytes = await sealed(imageId);
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 100] ^= 1;
    const refusal = { problem: 'tampered', message: expect.stringContaining('database image failed its integrity check') };
    await expect(open(keys, imageId, tampered)).rejects.toMatchObject(refusal);
    await expect(open(keys, imageId, bytes.subarray(0, bytes.length - 10))).rejects.toMatchObject(refusal);
    await expect(open(keys, crypto.randomUUID(), bytes)).rejects.toMatchObject(refusal);
    await expect(open(new SyncKeys(crypto.randomBytes(32), keys.accountId), imageId, bytes)).rejects.toMatchObject(refusal);
  });
});
