import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkThreadFromBytes } from '../../src-main/imports/check-limits';
import { importFile } from '../../src-main/imports/run';
import { writtenTables } from './support/labelled-rows';
import { syntheticCsv } from './support/synthetic';
import { openStillApp } from '../support/still-app';
import { startedThreads, threads, until } from '../support/process-threads';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';

/**
 * An import of a large table on disk begins the thread that checks its rows from the file's path and size, before
 * its own thread opens the file (run.ts checkBeforeOpening): the thread reads and plans the file meanwhile. A file
 * that turns out not to be a table the thread checks, or that cannot be opened, stops it; nothing else changes.
 */
let app: TempApp | undefined;
const folders: string[] = [];
afterEach(() => {
  app?.close();
  app = undefined;
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function fileOnDisk(name: string, content: string | Buffer): string {
  const folder = tempDir('candid-early-check-');
  folders.push(folder);
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

describe.runIf(process.platform === 'linux')('the check thread of a file on disk', () => {
  it('is there once the file is opened, and imports what a thread begun afterwards imports', async () => {
    const csv = syntheticCsv(4_000);
    expect(Buffer.byteLength(csv)).toBeGreaterThanOrEqual(checkThreadFromBytes);
    const file = fileOnDisk('large.csv', csv);

    // A still clock: the two imports' rows are compared, their times included.
    app = await openStillApp();
    const before = await startedThreads();
    let whenOpened = 0;
    const early = await importFile(app.context, { source: { path: file }, options: { skipInvalidRows: true } }, { onPhase: (phase) => void (phase === 'read' && (whenOpened = threads())) });
    // Begun before the file was opened: when the import's thread has it open, the check thread runs already.
    expect(whenOpened).toBeGreaterThan(before);
    expect(early).toMatchObject({ created: 4_000 });
    expect(await until(threads, (count) => count <= before)).toBe(before);
    const earlyRows = writtenTables(app.context.db).written;
    app.close();

    // The same file from its content (an upload): its thread begins once the file is open.
    app = await openStillApp();
    const uploaded = await importFile(app.context, { source: { content: Buffer.from(csv).toString('base64'), fileName: 'large.csv' }, options: { skipInvalidRows: true } }, { checkThread: true });
    expect(uploaded.summary).toEqual(early.summary);
    expect(writtenTables(app.context.db).written).toEqual(earlyRows);
  });

  it('stops when the file turns out to hold JSON, which is read where it is opened', async () => {
    const rows = Array.from({ length: 4_000 }, (_, index) => ({ company: `Company ${index}`, position: `Engineer ${index}`, notes: 'Found on the careers page; a second round is likely' }));
    const json = JSON.stringify(rows);
    expect(Buffer.byteLength(json)).toBeGreaterThanOrEqual(checkThreadFromBytes);
    const file = fileOnDisk('exported.csv', json);

    app = await openTempApp();
    const before = await startedThreads();
    const result = await importFile(app.context, { source: { path: file }, options: { skipInvalidRows: true } });
    expect(result).toMatchObject({ format: 'json', created: 4_000 });
    expect(await until(threads, (count) => count <= before)).toBe(before);
  });

  it('stops when the file cannot be opened, and the error says why', async () => {
    // Not text: bytes no encoding reads (NUL bytes throughout).
    const file = fileOnDisk('broken.csv', Buffer.alloc(checkThreadFromBytes * 2, 0));

    app = await openTempApp();
    const before = await startedThreads();
    await expect(importFile(app.context, { source: { path: file } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await until(threads, (count) => count <= before)).toBe(before);
    expect(app.context.db.sql(`SELECT count(*) FROM applications`).pluck().get()).toBe(0);
  });
});
