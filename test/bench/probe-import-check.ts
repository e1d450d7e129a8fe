/**
 * The check side of a CSV import alone, in this thread: the file's plan (first pass) and every row checked (second
 * pass), as the import's check thread does them (check-worker.ts), timed apart, in wall-clock and CPU time. Not a
 * test: `npx tsx test/bench/probe-import-check.ts <csv> [runs]` (the bench's file: test/bench/csv.ts importCsvFor,
 * import.csv in the cache folder). Into an empty database, as the bench's import. Run under `node --cpu-prof
 * --import tsx` to profile.
 */
import path from 'node:path';
import { checkedBatches, checkedBatchesWhilePlanning, planFile, planPass, RowChecker, type FilePlan } from '../../src-main/imports/analyse';
import { FilePlanner } from '../../src-main/imports/planner';
import { openImportFile } from '../../src-main/imports/read';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs, processCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 1);
/** `overlapped`: the rows checked while the plan's pass reads, as the check thread does them (check-worker.ts). */
const overlapped = process.argv[4] === 'overlapped';

/** The plan's pass and the check interleaved in this thread; the CPU of both together. */
async function planAndCheckOverlapped(file: Parameters<typeof planFile>[1], input: Parameters<typeof planFile>[2]) {
  const wall = performance.now();
  const cpu = mainThreadCpuMs();
  const processCpu = process.cpuUsage();
  const planner = new FilePlanner(app.context.db, file, input);
  let planned: FilePlan | null = null;
  const pass = planPass(planner).then((plan) => (planned = plan));
  await Promise.race([pass, planner.decision]);
  const checker = new RowChecker(app.context.db, planner.decided!, false);
  let rows = 0;
  for await (const batch of checkedBatchesWhilePlanning(checker, planner, pass, 1000, (row) => row)) {
    rows += batch.length;
    if (!planned) await new Promise((resolve) => setImmediate(resolve));
  }
  const plan = await pass;
  const { problemCount, importable } = checker.analysis(plan);
  return { planAndCheck: { wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu), processCpu: processCpuMs(processCpu) }, rows, importable, errors: problemCount.errors };
}
const app = await openTempApp();
try {
  for (let run = 0; run < runs; run += 1) {
    const opened = openImportFile({ path: file }, {});
    try {
      if (opened.file.kind !== 'table') throw new Error('not a table');
      if (overlapped) {
        console.log(JSON.stringify({ ...(await planAndCheckOverlapped(opened.file, { source: { path: file } })), load: loadAverage() }));
        continue;
      }
      let wall = performance.now();
      let cpu = mainThreadCpuMs();
      let processCpu = process.cpuUsage();
      const plan = await planFile(app.context.db, opened.file, { source: { path: file } });
      const planMs = { wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu), processCpu: processCpuMs(processCpu) };
      wall = performance.now();
      cpu = mainThreadCpuMs();
      processCpu = process.cpuUsage();
      const checker = new RowChecker(app.context.db, plan, false);
      let rows = 0;
      let applications = 0;
      for (const batch of checkedBatches(checker, plan, 1000)) {
        rows += batch.length;
        for (const row of batch) applications += row.checked.length;
      }
      const checkMs = { wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu), processCpu: processCpuMs(processCpu) };
      const { problemCount, importable } = checker.analysis(plan);
      console.log(JSON.stringify({ plan: planMs, check: checkMs, rows, applications, importable, errors: problemCount.errors, warnings: problemCount.warnings, load: loadAverage() }));
    } finally {
      opened.close();
    }
  }
} finally {
  app.close();
}
