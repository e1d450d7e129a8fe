import { afterEach, expect, it } from 'vitest';
import { idleWorkerThreadId } from '../../src-main/jobs/runner';
import { quickJob } from '../support/quick-job';
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
