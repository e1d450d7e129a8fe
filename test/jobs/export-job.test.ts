import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import { openTempApp, tempDir, type TempApp } from '../support/temp-app';

/**
 * The Excel export holds the stage history's sheet in a folder of the system's temporary folder until its turn in
 * the archive (src-main/exports/held-sheet.ts). The folder holds the user's data: when the export's worker dies
 * half-way, main removes it as it removes an import's staging files.
 */
let app: TempApp;
let temporary: string;
const previousTmpdir = process.env.TMPDIR;

// A worker reads its temporary folder from the environment it was started with, and waiting workers are kept for
// the next job: one folder for the whole file.
beforeAll(() => {
  temporary = tempDir('candid-export-tmp-');
  process.env.TMPDIR = temporary;
});
afterAll(() => {
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  fs.rmSync(temporary, { recursive: true, force: true });
});
beforeEach(async () => {
  app = await openTempApp();
  seedDatabase(app.context, generateDataset({ count: 3_000, seed: 'export-job', today: '2025-06-01' }));
});
afterEach(() => app.close());

const heldFolders = () => fs.readdirSync(temporary).filter((name) => name.startsWith('candid-export-'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an Excel export job', () => {
  it('removes its held sheet parts once done', async () => {
    const file = path.join(app.dir, 'done.xlsx');
    await app.api.invoke('exports.excel', { path: file, language: 'en' });
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(heldFolders()).toEqual([]);
  });

  it('has its held sheet parts removed when its worker dies half-way', async () => {
    const outcome = app.api.invoke('exports.excel', { path: path.join(app.dir, 'killed.xlsx'), language: 'en' }).then(
      () => 'done',
      (error: { code: string }) => error.code,
    );
    let settled = false;
    void outcome.then(() => (settled = true));
    while (!settled && heldFolders().length === 0) await pause(1);
    expect(heldFolders()).toHaveLength(1);
    // The folder's declaration, sent before it was made, reaches main's thread.
    await pause(20);
    const [job] = app.context.jobs.list();
    app.context.jobs.terminate(job!.id);
    expect(await outcome).toBe('INTERNAL');
    expect(heldFolders()).toEqual([]);
  });
});
