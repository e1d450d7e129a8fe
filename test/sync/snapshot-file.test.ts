import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncKeys } from '../../src-main/sync/crypto';
import { EntryParser } from '../../src-main/sync/entries';
import { sealStream } from '../../src-main/sync/sealed-stream';
import { snapshotGroups } from '../../src-main/sync/snapshot';
import { openTempApp, type TempApp } from '../support/temp-app';

// A snapshot's file is checked as it downloads, then read again to be applied: if it is no longer whole by then
// (the disk, another program), the bootstrap must fail with `tampered` — not end the whole app with an unheard
// stream error.

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

async function sealedSnapshotFile(keys: SyncKeys, snapshotId: string, covers: number): Promise<string> {
  const lines = [JSON.stringify({ v: 1, covers })];
  for (let index = 0; index < 2000; index += 1) lines.push(JSON.stringify(['0000000000000-0000-laptop', 'tags', crypto.randomUUID(), 'name', crypto.randomBytes(40).toString('hex')]));
  const deflated = zlib.deflateRawSync(Buffer.from(`${lines.join('\n')}\n`));
  const pieces: Uint8Array[] = [];
  for await (const piece of sealStream(keys.snapshot, keys.snapshotAad(snapshotId), (async function* () {
    yield deflated;
  })())) pieces.push(piece);
  const file = path.join(app.dir, `snapshot-${snapshotId}.in`);
  fs.writeFileSync(file, Buffer.concat(pieces));
  return file;
}

describe('reading a downloaded snapshot file', () => {
  it('that was cut short after its check fails with tampered, and the file is removed', async () => {
    const keys = new SyncKeys(crypto.randomBytes(32), 'account');
    const snapshotId = crypto.randomUUID();
    const file = await sealedSnapshotFile(keys, snapshotId, 7);
    fs.truncateSync(file, fs.statSync(file).size - 100);
    const read = async () => {
      for await (const group of snapshotGroups(keys, new EntryParser(app.context.changes), snapshotId, 7, file)) void group;
    };
    await expect(read()).rejects.toMatchObject({ problem: 'tampered' });
    expect(fs.existsSync(file)).toBe(false);
  });
});
