import { expect, it } from 'vitest';
import { withoutTsx } from '../../src-main/jobs/launch';
import { retireIdleWorker } from '../../src-main/jobs/runner';
import { quickJob } from '../support/quick-job';
import { openTempApp } from '../support/temp-app';

/** A thread that runs the compiled worker is started without tsx's loader, and with every other option of the process. */
it('leaves tsx out of the options a compiled thread inherits, and keeps the rest', () => {
  expect(withoutTsx(['--import', 'tsx'])).toEqual([]);
  expect(withoutTsx(['--import=tsx', '--cpu-prof'])).toEqual(['--cpu-prof']);
  // What tsx's command line starts node with.
  expect(
    withoutTsx(['--require', '/app/node_modules/tsx/dist/preflight.cjs', '--import', 'file:///app/node_modules/tsx/dist/loader.mjs', '--max-old-space-size=4096']),
  ).toEqual(['--max-old-space-size=4096']);
  expect(withoutTsx(['--loader', 'tsx/esm', '--cpu-prof-dir', '/tmp/profiles'])).toEqual(['--cpu-prof-dir', '/tmp/profiles']);
  // Loaders of other names stay.
  expect(withoutTsx(['--import', './instrument.mjs', '--require', 'mytsx'])).toEqual(['--import', './instrument.mjs', '--require', 'mytsx']);
});

/**
 * Node refuses V8's options (a heap size, `--expose-gc`) in a thread's own options: a script started with one (`node
 * --max-old-space-size=4096 --import tsx …`) must still run its jobs.
 */
it('runs a job when the process was started with one of V8’s options', async () => {
  const app = await openTempApp();
  const given = [...process.execArgv];
  retireIdleWorker();
  process.execArgv.push('--max-old-space-size=4096', '--expose-gc');
  try {
    await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Flags' });
    await expect(quickJob(app)).resolves.toMatchObject({ kind: 'content', rows: 1 });
  } finally {
    process.execArgv.splice(0, process.execArgv.length, ...given);
    retireIdleWorker();
    app.close();
  }
});
