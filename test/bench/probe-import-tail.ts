/**
 * An import's tail alone, timed: from the last staged batch to the staging ready for the copy (ImportStaging.settle:
 * derived data settled, the transferred tables' indexes built), with the staged statistics computed in a thread of
 * their own and in the import's thread, alternating run by run in one process (ABBA…), then the copy (`written`).
 * The tail's CPU: the import's thread's (`cpuMs`) and the process's (`processCpuMs`, the statistics thread's with it).
 * Not a test: `npx tsx test/bench/probe-import-tail.ts <csv> [runs]` (the bench's import.csv), into empty databases.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFile, type ImportPhase } from '../../src-main/imports/run';
import { ImportStaging } from '../../src-main/imports/staging';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp, tempDir } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs, processCpuMs } from './cpu';

const csv = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 2);
await setup();
let tail = { wallMs: 0, cpuMs: 0, processCpuMs: 0 };
const settle = ImportStaging.prototype.settle;
ImportStaging.prototype.settle = async function (this: ImportStaging, ...args: Parameters<typeof settle>) {
  const wall = performance.now();
  const cpu = mainThreadCpuMs();
  const processCpu = process.cpuUsage();
  await settle.apply(this, args);
  tail = { wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(mainThreadCpuMs() - cpu), processCpuMs: Math.round(processCpuMs(processCpu)) };
};
try {
  for (let run = 0; run < runs; run += 1) {
    for (const statisticsThread of run % 2 === 0 ? [false, true] : [true, false]) {
      const dataDir = tempDir('candid-tail-');
      const app = await openTempApp({ dataDir });
      let start = performance.now();
      let startCpu = mainThreadCpuMs();
      const phases: Partial<Record<ImportPhase, { wallMs: number; cpuMs: number }>> = {};
      const total = performance.now();
      try {
        await importFile(app.context, { source: { path: csv }, options: { skipInvalidRows: true } }, {
          statisticsThread,
          onPhase: (phase) => {
            phases[phase] = { wallMs: Math.round(performance.now() - start), cpuMs: Math.round(mainThreadCpuMs() - startCpu) };
            start = performance.now();
            startCpu = mainThreadCpuMs();
          },
        });
      } finally {
        app.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      console.log(JSON.stringify({ statisticsThread, load: loadAverage(), tail, written: phases.written, totalMs: Math.round(performance.now() - total) }));
    }
  }
} finally {
  await teardown();
}
