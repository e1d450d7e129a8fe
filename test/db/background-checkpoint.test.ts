import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { grownBytes, type BackgroundCheckpoints } from '../../src-main/db/checkpointer';
import { databaseFileName } from '../../src-main/db/open';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rows of 4 KB in a table of the test's own, in one transaction: about `megabytes` MB of write-ahead log. */
function fillLog(target: TempApp, megabytes: number): void {
  const { sqlite } = target.context.db;
  sqlite.exec('CREATE TABLE IF NOT EXISTS test_filler (body BLOB)');
  const insert = sqlite.prepare('INSERT INTO test_filler (body) VALUES (randomblob(4000))');
  sqlite.transaction(() => {
    for (let row = 0; row < megabytes * 256; row += 1) insert.run();
  })();
}

function background(target: TempApp): BackgroundCheckpoints {
  const checkpoints = target.context.db.backgroundCheckpoints;
  if (!checkpoints) throw new Error('main’s connection has no background checkpoints');
  return checkpoints;
}

async function untilRunning(checkpoints: BackgroundCheckpoints): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!checkpoints.running && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
  expect(checkpoints.running).toBe(true);
}

describe('checkpoints in a thread of their own', () => {
  it('main’s commits never checkpoint, however large; the thread copies the log once a commit has grown it', async () => {
    app = await openTempApp();
    const file = path.join(app.dir, databaseFileName);
    expect(app.context.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    app.context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sizeOf(file);
    // Past SQLite's own threshold (1,000 pages) and the former safety net of main's connection (10,000 pages).
    fillLog(app, 48);
    expect(sizeOf(file)).toBe(before);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(grownBytes);
    // The next commit through the write path sees the grown log and asks the thread.
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const copied = before + 40 * 1024 * 1024;
    const deadline = Date.now() + 30_000;
    while (sizeOf(file) <= copied && Date.now() < deadline) await pause(50);
    expect(sizeOf(file)).toBeGreaterThan(copied);
  });

  it('a checkpoint of a large log never makes main’s reads and writes wait', async () => {
    app = await openTempApp();
    fillLog(app, 96);
    // Any wait for a lock would be an error now instead of a delay.
    app.context.db.sqlite.pragma('busy_timeout = 0');
    const checkpoints = background(app);
    const outcome = checkpoints.request('grown');
    await untilRunning(checkpoints);
    let duringCheckpoint = 0;
    let created = 0;
    while (checkpoints.running) {
      const application = await app.api.invoke('applications.create', { companyName: `Company ${created}`, position: 'Developer' });
      created += 1;
      const page = await app.api.invoke('applications.list', { limit: 5 });
      expect(page.items.map((item) => item.id)).toContain(application.id);
      if (checkpoints.running) duringCheckpoint += 1;
    }
    const result = await outcome;
    expect(result.error).toBeUndefined();
    expect(result.ran).toBe(true);
    expect(result.copiedFrames).toBeGreaterThan(20_000);
    expect(duringCheckpoint).toBeGreaterThan(0);
    expect(app.context.db.sqlite.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(created);
  });

  it('main’s close waits for a running checkpoint and is the last connection: the log is folded and removed', async () => {
    app = await openTempApp();
    const file = path.join(app.dir, databaseFileName);
    fillLog(app, 48);
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Developer' });
    const checkpoints = background(app);
    const outcome = checkpoints.request('grown');
    await untilRunning(checkpoints);
    const dir = app.dir;
    app.context.db.close();
    expect(checkpoints.closed).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect((await outcome).ran).toBe(true);
    // Asked after the close, the thread leaves the file alone.
    expect((await checkpoints.request('idle')).ran).toBe(false);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    app.close();
    app = undefined;
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('when the app is idle, the log is copied and emptied', async () => {
    app = await openTempApp();
    const file = path.join(app.dir, databaseFileName);
    fillLog(app, 8);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(8 * 1000 * 1000);
    const result = await background(app).request('idle');
    expect(result).toMatchObject({ ran: true, truncated: true });
    expect(result.copiedFrames).toBe(result.logFrames);
    expect(sizeOf(`${file}-wal`)).toBe(0);
  });
});
