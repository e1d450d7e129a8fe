/**
 * The import's check thread alone (check-thread.ts, check-worker.ts), as an import starts it: the bench's file
 * planned, checked and sent in batches, here read back (decoded) and acknowledged at once, nothing staged. Prints
 * the thread's own CPU (Linux's per-thread counters of the threads the worker added, sampled until it ends), the
 * process's CPU beside main's thread (the thread plus V8's helpers collecting its heap), the wall clock, and a
 * digest of every batch (so that two versions can be compared row for row). Not a test:
 * `npx tsx test/bench/probe-check-thread.ts <csv> [young generation MB]` (the bench's file: test/bench/csv.ts
 * importCsvFor, import.csv in the cache folder).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkThreadLimits } from '../../src-main/imports/check-limits';
import { CheckThread } from '../../src-main/imports/check-thread';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs, processCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');
const youngMb = process.argv[3] ? Number(process.argv[3]) : undefined;

function threadCpuMs(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const task of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(task, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return cpu;
}

await setup();
const app = await openTempApp();
try {
  const before = threadCpuMs();
  const added = new Map<string, number>();
  const sample = () => {
    for (const [task, ms] of threadCpuMs()) if (!before.has(task)) added.set(task, ms);
  };
  const sampler = setInterval(sample, 20);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const bytes = fs.statSync(file).size;
  const limits = { ...checkThreadLimits(bytes), ...(youngMb ? { maxYoungGenerationSizeMb: youngMb } : {}) };
  const thread = new CheckThread(
    { databaseFile: app.context.db.path, nativeBinding: app.context.db.options.nativeBinding, input: { source: { path: file }, options: { skipInvalidRows: true, skipDuplicates: false, unmappedToNotes: false, mergeBackup: false } }, batchRows: 1000, batchesInFlight: 4 },
    { fileName: path.basename(file), bytes },
    limits,
  );
  await thread.planned(() => undefined);
  const digest = createHash('sha256');
  let rows = 0;
  for await (const batch of thread.batches()) {
    sample();
    const batchRows = [...batch];
    rows += batchRows.length;
    digest.update(JSON.stringify(batchRows));
  }
  const outcome = thread.outcome();
  digest.update(JSON.stringify(outcome));
  clearInterval(sampler);
  const wallMs = Math.round(performance.now() - wall);
  const processMs = processCpuMs(cpu);
  const mainMs = Math.round(mainThreadCpuMs() - main);
  await thread.stop();
  const threadMs = Math.round([...added.values()].reduce((sum, ms) => sum + ms, 0));
  console.log(JSON.stringify({ wallMs, threadCpuMs: threadMs, besideMainCpuMs: processMs - mainMs, processCpuMs: processMs, mainCpuMs: mainMs, rows, young: youngMb ?? 'default', digest: digest.digest('hex').slice(0, 16), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), load: loadAverage() }));
} finally {
  app.close();
  teardown();
}
