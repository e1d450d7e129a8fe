/**
 * probe-import-tail.ts with the statistics thread only (the app's path), one import per run, into an empty
 * database: the tail (ImportStaging.settle) wall and CPU, how long it waited in StatisticsThread.settle and then for
 * the thread's end, the copy
 * (`written`) and the whole import. For A/B pairs: run it in two worktrees alternately.
 * Not a test: `npx tsx test/bench/probe-import-tail-thread.ts <csv> [runs]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFile, type ImportPhase } from '../../src-main/imports/run';
import { ImportStaging } from '../../src-main/imports/staging';
import { StatisticsThread } from '../../src-main/imports/statistics-thread';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp, tempDir } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs, processCpuMs } from './cpu';

const csv = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 1);
await setup();
let tail = { wallMs: 0, cpuMs: 0, processCpuMs: 0 };
let settleWaitMs = 0;
const settle = ImportStaging.prototype.settle;
ImportStaging.prototype.settle = async function (this: ImportStaging, ...args: Parameters<typeof settle>) {
  const wall = performance.now();
  const cpu = mainThreadCpuMs();
  const processCpu = process.cpuUsage();
  await settle.apply(this, args);
  tail = { wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(mainThreadCpuMs() - cpu), processCpuMs: Math.round(processCpuMs(processCpu)) };
};
const threadSettle = StatisticsThread.prototype.settle;
StatisticsThread.prototype.settle = async function (this: StatisticsThread, ...args: Parameters<typeof threadSettle>) {
  const wall = performance.now();
  await threadSettle.apply(this, args);
  settleWaitMs = Math.round(performance.now() - wall);
};
// The import's thread's wait for the thread once its own tail is written (read, in WAL, then settled).
let finalWaitMs = 0;
const prototype = StatisticsThread.prototype as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
for (const name of ['read', 'settled']) {
  const original = prototype[name];
  if (!original) continue;
  prototype[name] = async function (this: StatisticsThread, ...args: unknown[]) {
    const wall = performance.now();
    await original.apply(this, args);
    finalWaitMs += performance.now() - wall;
  };
}
try {
  for (let run = 0; run < runs; run += 1) {
    finalWaitMs = 0;
    const dataDir = tempDir('candid-tail-');
    const app = await openTempApp({ dataDir });
    let start = performance.now();
    let startCpu = mainThreadCpuMs();
    const phases: Partial<Record<ImportPhase, { wallMs: number; cpuMs: number }>> = {};
    const total = performance.now();
    const totalCpu = process.cpuUsage();
    try {
      await importFile(app.context, { source: { path: csv }, options: { skipInvalidRows: true } }, {
        statisticsThread: true,
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
    console.log(JSON.stringify({ load: loadAverage(), tail, settleWaitMs, finalWaitMs: Math.round(finalWaitMs), written: phases.written, totalMs: Math.round(performance.now() - total), totalCpuMs: Math.round(processCpuMs(totalCpu)) }));
  }
} finally {
  await teardown();
}
