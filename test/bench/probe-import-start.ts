/**
 * When an import's rows reach its staging: the bench's CSV imported into an empty database through `importFile`
 * (the check thread from a ready bundle, as in the app), with the milliseconds from the file opened (`read`) to
 * `validated` (the thread started and its plan decided), to the first 1,000 rows staged, and to every 10,000 rows
 * staged, then the whole import, wall clock and the process's CPU. `waited`: the milliseconds the import's thread
 * (here main's) slept before each of those marks, neither running nor ready to run (Linux's schedstat: wall clock
 * less the time on a core and in the run queue), which is the time it waited for the check thread's rows, apart from
 * what other processes took of the cores. Not a test:
 * `npx tsx test/bench/probe-import-start.ts <csv>` (the bench's file: test/bench/csv.ts importCsvFor, import.csv in
 * the cache folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFile, type ImportPhase } from '../../src-main/imports/run';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp } from '../support/temp-app';
import { loadAverage, processCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');

/** Main thread's nanoseconds on a core and waiting in the run queue (schedstat's first two fields), as ms. */
function scheduledMs(): number {
  const [running, queued] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
  return (running! + queued!) / 1e6;
}
await setup();
const app = await openTempApp();
try {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  let readAt = Number.NaN;
  const phases: Partial<Record<ImportPhase, number>> = {};
  const staged: Record<string, number> = {};
  const waited: Record<string, number> = {};
  let scheduledAtRead = Number.NaN;
  const sleptSinceRead = () => Math.round(performance.now() - readAt - (scheduledMs() - scheduledAtRead));
  const since = () => Math.round(performance.now() - readAt);
  const onPhase = (phase: ImportPhase) => {
    if (phase === 'read') {
      readAt = performance.now();
      scheduledAtRead = scheduledMs();
    }
    phases[phase] = since();
  };
  const onProgress = (rows: number) => {
    if (rows !== 1000 && (rows === 0 || rows % 10_000 !== 0)) return;
    staged[rows] = since();
    waited[rows] = sleptSinceRead();
  };
  const result = await importFile(app.context, { source: { path: file }, options: { skipInvalidRows: true } }, { onPhase }, { onProgress });
  console.log(
    JSON.stringify({ phases, staged, waited, wallMs: Math.round(performance.now() - wall), cpuMs: processCpuMs(cpu), created: result.created, load: loadAverage() }),
  );
} finally {
  app.close();
  teardown();
}
