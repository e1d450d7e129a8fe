import { afterEach, beforeEach, expect, it } from 'vitest';
import { batchLimits } from '../../src-main/sync/engine';
import { startTestServer, type TestServer } from '../server/support/server';
import type { TempApp } from '../support/temp-app';
import { upload } from '../imports/support/files';
import { syntheticCsv } from '../imports/support/synthetic';
import { connect, openDevice, syncNow } from './support/devices';

/**
 * The first push after a large import forms its entries into batches (hundreds of thousands at 100,000 rows, from
 * the rows themselves): main's thread serves the app's calls between two batches, not after the last.
 */
let server: TestServer;
let laptop: TempApp | undefined;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  laptop?.close();
  laptop = undefined;
  await server.close();
});

const formedThrough = (device: TempApp) => device.context.db.sqlite.prepare(`SELECT formed_through FROM sync_state`).pluck().get() as number;

it('serves the app between two batches of a push', async () => {
  laptop = await openDevice();
  await connect(laptop, server, { createAccount: true, deviceName: 'Laptop' });
  await laptop.context.sync.runner.whenIdle();
  await syncNow(laptop);
  const imported = await laptop.api.invoke('imports.run', { source: upload(syntheticCsv(3_000), 'search.csv'), options: { skipInvalidRows: true } });
  expect(imported.created).toBe(3_000);
  const before = formedThrough(laptop);
  const logged = laptop.context.db.sqlite.prepare(`SELECT max(seq) FROM change_log`).pluck().get() as number;
  // Enough entries for two batches at least.
  expect(logged - before).toBeGreaterThan(batchLimits.entries);

  // What a call of the app sees, each time main's thread takes one between two of its tasks during the push.
  const device = laptop;
  const seen: number[] = [];
  let pushing = true;
  const sample = () => {
    // One may still be queued once the push has ended (and the device closed after the test).
    if (!pushing) return;
    seen.push(formedThrough(device));
    setImmediate(sample);
  };
  setImmediate(sample);
  const status = await syncNow(device).finally(() => (pushing = false));
  expect(status.pendingChanges).toBe(0);
  const after = formedThrough(device);
  expect(after).toBe(logged);
  // Some of those calls came while part of the entries were formed, and the rest not yet.
  expect(seen.filter((through) => through > before && through < after).length).toBeGreaterThan(0);
});
