import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { idleCheckpointMs } from '../../src-main/db/connection';
import { databaseFileName } from '../../src-main/db/open';
import { openTempApp, type TempApp } from '../support/temp-app';

let app: TempApp | undefined;
afterEach(() => app?.close());

const sizeOf = (file: string) => fs.statSync(file).size;

describe('checkpoints', () => {
  it('are left out of the writes and run once the app has been idle for a moment', async () => {
    app = await openTempApp();
    const file = path.join(app.dir, databaseFileName);
    // Settle what opening wrote, so that only the writes below are in the log.
    app.context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sizeOf(file);
    for (let index = 0; index < 40; index += 1) {
      await app.api.invoke('applications.create', { companyName: `Company ${index}`, position: 'Developer', notes: 'x'.repeat(2000) });
    }
    // The new pages are in the write-ahead log only: no write paid for a checkpoint.
    expect(sizeOf(file)).toBe(before);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(100_000);
    const deadline = Date.now() + idleCheckpointMs * 4;
    while (sizeOf(file) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sizeOf(file)).toBeGreaterThan(before);
  });
});
