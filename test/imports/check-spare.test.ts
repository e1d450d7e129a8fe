import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { checkThreadFromBytes, checkThreadLimits } from '../../src-main/imports/check-limits';
import { dropCheckThread, hasSpareCheckThread, warmCheckThread } from '../../src-main/imports/check-spare';
import { CheckThread } from '../../src-main/imports/check-thread';
import { closedAfterEach } from '../support/closed-after-each';
import { openStillApp } from '../support/still-app';
import type { TempApp } from '../support/temp-app';

/**
 * A check thread started ahead of its import (imports/check-spare.ts: the wizard has read the file) is the one the
 * import takes when it starts, and checks the file exactly as a thread started then; one for another size is left
 * to the import, which starts its own.
 */
const openStill = closedAfterEach(openStillApp);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'candid-check-spare-'));
afterEach(() => dropCheckThread());
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A tracker's CSV past the size from which an import checks its rows in a thread (one line in error). */
const largeCsv = (() => {
  const lines = ['Company,Position,Applied on,Status,Source,Notes'];
  let length = lines[0]!.length;
  for (let index = 0; length <= checkThreadFromBytes; index += 1) {
    const line = `Company ${index % 17},Engineer ${index % 13},${String(1 + (index % 27)).padStart(2, '0')}/03/2024,${['Applied', 'Interview', 'Rejected', ''][index % 4]},${['LinkedIn', 'Referral', ''][index % 3]},"Row ${index}, said ""maybe"""`;
    lines.push(line);
    length += line.length + 1;
    if (index === 40) lines.push('Company 1,,not a date,Applied,LinkedIn,');
  }
  return lines.join('\n');
})();

/** Every batch the thread sends and what it found, as one digest; the rows it sent. */
async function check(app: TempApp, file: string, limits = checkThreadLimits(fs.statSync(file).size)): Promise<{ digest: string; rows: number }> {
  const thread = new CheckThread(
    { databaseFile: app.context.db.path, nativeBinding: app.context.db.options.nativeBinding, input: { source: { path: file }, options: { skipInvalidRows: true, skipDuplicates: false, unmappedToNotes: false, mergeBackup: false } }, batchRows: 1000, batchesInFlight: 4 },
    { fileName: path.basename(file), bytes: fs.statSync(file).size },
    limits,
  );
  try {
    const digest = createHash('sha256');
    await thread.planned(() => undefined);
    let rows = 0;
    for await (const batch of thread.batches()) {
      const batchRows = [...batch];
      rows += batchRows.length;
      digest.update(JSON.stringify(batchRows));
    }
    digest.update(JSON.stringify(thread.outcome()));
    return { digest: digest.digest('hex'), rows };
  } finally {
    await thread.stop();
  }
}

function writtenCsv(): string {
  const file = path.join(folder, `tracker-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, largeCsv);
  return file;
}

it('checks the file with the thread started ahead, as with one started by the import', async () => {
  const app = await openStill();
  const file = writtenCsv();
  const started = await check(app, file);
  expect(started.rows).toBeGreaterThan(2000);

  warmCheckThread(fs.statSync(file).size);
  expect(hasSpareCheckThread()).toBe(true);
  // Asked again for the same size: the same one stays.
  warmCheckThread(fs.statSync(file).size);
  const ahead = await check(app, file);
  // The import took it.
  expect(hasSpareCheckThread()).toBe(false);
  expect(ahead).toEqual(started);
});

it('starts none for a file the import checks in its own thread', () => {
  warmCheckThread(checkThreadFromBytes - 1);
  expect(hasSpareCheckThread()).toBe(false);
});

it('leaves a thread started for another size to itself: the import starts its own', async () => {
  const app = await openStill();
  const file = writtenCsv();
  warmCheckThread(fs.statSync(file).size);
  const other = { ...checkThreadLimits(fs.statSync(file).size), maxOldGenerationSizeMb: 1500 };
  const own = await check(app, file, other);
  expect(hasSpareCheckThread()).toBe(true);
  expect(own).toEqual(await check(app, file));
  expect(hasSpareCheckThread()).toBe(false);
});

it('after a job of another kind stopped it, the import starts its own', async () => {
  const app = await openStill();
  const file = writtenCsv();
  warmCheckThread(fs.statSync(file).size);
  const expected = await check(app, file);
  warmCheckThread(fs.statSync(file).size);
  dropCheckThread();
  expect(hasSpareCheckThread()).toBe(false);
  expect(await check(app, file)).toEqual(expected);
});
