import { afterEach, expect, it, vi } from 'vitest';
import { idleWorkerThreadId } from '../../src-main/jobs/runner';
import { quickJob } from '../support/quick-job';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * The jobs' worker kept between jobs is stopped after a while unused. A job that comes as it is being stopped (its
 * thread not yet gone) runs on a new one: it must not be given the worker that is going (seen as "The job stopped
 * unexpectedly" for a scheduled backup in test/shell/lifecycle.test.ts, whose skipped day fires the idle timer).
 */
let app: TempApp | undefined;
afterEach(() => {
  vi.useRealTimers();
  app?.close();
  app = undefined;
});

it('runs a job that comes as the idle worker is stopped on another worker', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  app = await openTempApp();
  await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Idle' });
  expect(await quickJob(app)).toMatchObject({ kind: 'content', rows: 1 });
  const kept = idleWorkerThreadId();
  expect(kept).not.toBeNull();

  // The worker has waited its while: it is being stopped, and a job comes in the same turn.
  vi.advanceTimersByTime(5 * 60_000);
  const next = quickJob(app);
  vi.useRealTimers();
  await expect(next).resolves.toMatchObject({ kind: 'content', rows: 1 });
  expect(idleWorkerThreadId()).not.toBe(kept);
});
