/**
 * `npx tsx test/bench/worker-start.ts [--runs 5]`: what the jobs' worker costs to start, the wait of the first job
 * after a launch. Bundles the worker as the tests do (split: each job's code loads when it runs), then, in turn,
 * starts a bare thread (the floor), a fresh worker until its code is loaded, and a fresh worker running a one-row
 * CSV export. Reports the process's CPU time (every thread) and wall time, with the load average: on a shared
 * machine compare the CPU figures.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerStart } from '../../src-main/jobs/protocol';
import { flagCount } from '../../src-main/jobs/protocol';
import { workerBundleVariable } from '../../src-main/jobs/launch';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp } from '../support/temp-app';
import { summarize } from './timing';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

/** CPU (ms, all threads of this process) and wall time (ms) of `work`, which resolves once its worker has exited. */
async function timed(work: () => Promise<void>): Promise<{ cpuMs: number; ms: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, ms: performance.now() - start };
}

/** Starts `worker`, waits for `until` (a message it sends), then ends it. */
async function untilMessage(worker: Worker, until: (message: unknown) => boolean): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message) => {
      if (until(message)) resolve();
    });
    worker.on('error', reject);
  });
  await worker.terminate();
}

await setup();
const bundle = process.env[workerBundleVariable]!;
const app = await openTempApp();
await app.api.invoke('applications.create', { companyName: 'Acme', position: 'Worker start' });
const job: Omit<WorkerStart, 'flags'> = {
  jobId: 'bench',
  channel: 'exports.csv',
  input: { filters: {}, language: 'en', delimiter: ',', bom: false },
  databaseFile: app.context.databaseFile,
  dataDir: app.dir,
  shell: 'browser',
  version: app.context.version,
};

const cases: Record<string, () => Promise<void>> = {
  'a bare thread (the floor)': () => untilMessage(new Worker(`require('node:worker_threads').parentPort.postMessage('up')`, { eval: true }), () => true),
  'the worker, its code loaded': () =>
    untilMessage(new Worker(`import(${JSON.stringify(bundle)}).then(() => require('node:worker_threads').parentPort.postMessage('loaded'))`, { eval: true }), () => true),
  'the worker and a one-row CSV export': () => {
    const worker = new Worker(bundle);
    worker.postMessage({ ...job, flags: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * flagCount) } satisfies WorkerStart);
    return untilMessage(worker, (message) => {
      const { type } = message as WorkerMessage;
      if (type === 'failed') throw new Error(JSON.stringify(message));
      return type === 'done';
    });
  },
};

const samples = new Map<string, { cpuMs: number[]; ms: number[] }>(Object.keys(cases).map((name) => [name, { cpuMs: [], ms: [] }]));
const loadBefore = os.loadavg()[0];
// Interleaved, so that the machine's load weighs on every case alike.
for (let run = 0; run < runs; run += 1) {
  for (const [name, work] of Object.entries(cases)) {
    const { cpuMs, ms } = await timed(work);
    samples.get(name)!.cpuMs.push(cpuMs);
    samples.get(name)!.ms.push(ms);
  }
}
const loadAfter = os.loadavg()[0];
app.close();
teardown();

console.log(`Jobs' worker start, ${runs} runs each, load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${os.cpus().length} cores`);
console.log('| case | CPU p50 ms | CPU max ms | wall p50 ms | wall max ms |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, { cpuMs, ms }] of samples) {
  const cpu = summarize(cpuMs);
  const wall = summarize(ms);
  console.log(`| ${name} | ${cpu.p50.toFixed(0)} | ${cpu.max.toFixed(0)} | ${wall.p50.toFixed(0)} | ${wall.max.toFixed(0)} |`);
}
