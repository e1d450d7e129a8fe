import { afterEach, describe, expect, it } from 'vitest';
import { checkThreadFromBytes } from '../../src-main/imports/check-limits';
import { idleWorkerThreadId } from '../../src-main/jobs/runner';
import { upload } from '../imports/support/files';
import { syntheticCsv } from '../imports/support/synthetic';
import { quickJob } from '../support/quick-job';
import { startedThreads, threads, until } from '../support/process-threads';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * jobs.prepare (the import wizard opening) starts the jobs' worker before the job: the job then runs on that
 * worker, already loaded, instead of starting one and waiting for it.
 */
let app: TempApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

it('starts the worker ahead of the job, which then runs on it', async () => {
  app = await openTempApp();
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Prepared' });
  // A fresh process: no worker yet.
  expect(idleWorkerThreadId()).toBeNull();

  expect(await app.api.invoke('jobs.prepare', undefined)).toEqual({ starting: true });
  const prepared = idleWorkerThreadId();
  expect(prepared).not.toBeNull();
  // Asked again (the wizard opened twice): the same worker, kept longer.
  expect(await app.api.invoke('jobs.prepare', undefined)).toEqual({ starting: false });
  expect(idleWorkerThreadId()).toBe(prepared);

  const exported = await quickJob(app);
  expect(exported).toMatchObject({ kind: 'content', rows: 1 });
  // The job ran on the prepared worker, which waits again for the next one.
  expect(idleWorkerThreadId()).toBe(prepared);
});

it('told which job comes, loads its code in the worker meanwhile; the job then runs there', async () => {
  app = await openTempApp();
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Announced' });
  // The save dialog of an export opening.
  await app.api.invoke('jobs.prepare', { job: 'exports.csv' });
  const prepared = idleWorkerThreadId();
  expect(prepared).not.toBeNull();
  expect(await quickJob(app)).toMatchObject({ kind: 'content', rows: 1 });
  expect(idleWorkerThreadId()).toBe(prepared);
  // A job that is not one is refused, as any wrong argument.
  await expect(app.api.invoke('jobs.prepare', { job: 'exports.pdf' } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
});

describe.runIf(process.platform === 'linux')('told the size of the table an import will read', () => {
  const csv = syntheticCsv(4_000);

  it('starts the thread that will check its rows; the import takes it', async () => {
    expect(Buffer.byteLength(csv)).toBeGreaterThanOrEqual(checkThreadFromBytes);
    app = await openTempApp();
    await app.api.invoke('jobs.prepare', undefined);
    const worker = await startedThreads();
    expect(await app.api.invoke('jobs.prepare', { importFileBytes: Buffer.byteLength(csv) })).toEqual({ starting: false });
    expect(await until(threads, (count) => count > worker)).toBe(worker + 1);

    const result = await app.api.invoke('imports.run', { source: upload(csv, 'large.csv'), options: { skipInvalidRows: true } });
    expect(result).toMatchObject({ created: 4_000 });
    // The import stopped the thread it took once every row came: none is left waiting.
    expect(await until(threads, (count) => count <= worker)).toBe(worker);
  });

  it('starts none for a small table; a job of another kind stops it', async () => {
    app = await openTempApp();
    await app.api.invoke('jobs.prepare', undefined);
    const worker = await startedThreads();
    await app.api.invoke('jobs.prepare', { importFileBytes: checkThreadFromBytes - 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(threads()).toBe(worker);

    await app.api.invoke('jobs.prepare', { importFileBytes: Buffer.byteLength(csv) });
    expect(await until(threads, (count) => count > worker)).toBe(worker + 1);
    await quickJob(app);
    expect(await until(threads, (count) => count <= worker)).toBe(worker);
  });

  it('refuses a size that is not one', async () => {
    app = await openTempApp();
    await expect(app.api.invoke('jobs.prepare', { importFileBytes: -1 } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
