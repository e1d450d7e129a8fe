import { afterEach, expect, it, vi } from 'vitest';
import type { JobEvent } from '../../src-shared/contract';
import { day, startBackupSchedule } from '../../src-main/backups/schedule';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * Quitting stops the jobs still running (their workers terminated, their transactions rolled back): a cancel the
 * app makes, not a crash. A scheduled backup cut short so is taken at a later check, and reported nowhere.
 */
let app: TempApp | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  app?.close();
  app = undefined;
});

/** Closes the jobs' runner as soon as a job has started; resolves with that job's last event. */
function closeOnFirstJob(opened: TempApp): Promise<JobEvent> {
  return new Promise((resolve) => {
    let closing = false;
    opened.context.jobs.onEvent((event) => {
      if (!closing) {
        closing = true;
        void opened.context.jobs.close();
      }
      if (event.state !== 'running') resolve(event);
    });
  });
}

async function appWithOneApplication(): Promise<TempApp> {
  const opened = await openTempApp();
  await opened.api.invoke('applications.create', { companyName: 'Acme', position: 'Quit during a job' });
  return opened;
}

it('cancels the job the app closes during, not fails it', async () => {
  app = await appWithOneApplication();
  const ended = closeOnFirstJob(app);
  const answer = app.context.jobs.run('backups.scheduled', { intervalMs: day, now: Date.now() });
  await expect(answer).rejects.toMatchObject({ code: 'CANCELLED' });
  expect((await ended).state).toBe('cancelled');
});

it('leaves a scheduled backup cut short by quitting unreported', async () => {
  app = await appWithOneApplication();
  const errors = vi.spyOn(console, 'error');
  const ended = closeOnFirstJob(app);
  const schedule = startBackupSchedule(app.context, day, { firstCheckAfterMs: 0 });
  try {
    expect((await ended).state).toBe('cancelled');
    // The schedule's catch runs once the job's answer is rejected, after its last event.
    await app.context.jobs.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors.mock.calls.filter((call) => String(call[0]).includes('scheduled backup failed'))).toEqual([]);
  } finally {
    schedule.stop();
  }
});
