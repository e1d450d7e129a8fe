/**
 * Many creations in a row on a copy of a bench database, for what a short probe misses: FTS5 merges a segment only
 * when enough have piled up, so a merge's cost lands on one creation in hundreds.
 * `npx tsx test/bench/probe-create-loop.ts <data folder> [creations]` prints, as JSON, the CPU of the whole process
 * per `applications.create` (the bench's input): p50, p95, mean and the largest, the user and system time, and the
 * read and write system calls per creation (/proc/self/io). The WAL is checkpointed every 100 creations, as the app
 * does when idle; after them, the full-text merging they left for idle time is timed apart. Run it alternately on the old and new code (each on its own copy).
 */
import fs from 'node:fs';
import os from 'node:os';
import { createApi } from '../../src-main/api';
import { mergeTextIndex } from '../../src-main/changes/text-index-merge';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { benchCreateInput, loadFixture } from './cases';

const [dataDir, countText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-create-loop.ts <data folder> [creations]');
const count = Number(countText ?? 600);

const context = await openAppContext({ dataDir });
const api = createApi(context);
const fixture = loadFixture(context, 'bench-100000');
const createInput = (i: number) => benchCreateInput(fixture, i);
const create = async (i: number) => {
  const result = await api.call('applications.create', createInput(i));
  if (!result.ok) throw new Error(`applications.create: ${result.error.message}`);
};
/** Read and write system calls of this process so far. */
const calls = () => {
  const fields = new Map(fs.readFileSync('/proc/self/io', 'utf8').trim().split('\n').map((line) => line.split(': ') as [string, string]));
  return { reads: Number(fields.get('syscr')), writes: Number(fields.get('syscw')) };
};

for (let i = 0; i < 30; i += 1) await create(i);
const callsBefore = calls();
const cpuBefore = process.cpuUsage();
const perCreation: number[] = [];
for (let i = 0; i < count; i += 1) {
  if (i % 100 === 0) context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const started = process.cpuUsage();
  await create(1_000 + i);
  const spent = process.cpuUsage(started);
  perCreation.push((spent.user + spent.system) / 1000);
}
const cpu = process.cpuUsage(cpuBefore);
const callsAfter = calls();
// The full-text merging the creations left for when the app is idle (migration 0280): its CPU, apart.
const mergeBefore = process.cpuUsage();
mergeTextIndex(context.db, 24);
const merge = process.cpuUsage(mergeBefore);
closeAppContext(context);

const sorted = [...perCreation].sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    load: os.loadavg().map(round),
    creations: count,
    cpuMs: {
      p50: round(sorted[Math.floor(count / 2)]),
      p95: round(sorted[Math.ceil(count * 0.95) - 1]),
      mean: round(perCreation.reduce((sum, ms) => sum + ms, 0) / count),
      largest: round(sorted[count - 1]),
      user: round(cpu.user / 1000 / count),
      system: round(cpu.system / 1000 / count),
    },
    idleMergeCpuMs: { total: round((merge.user + merge.system) / 1000), perCreation: round((merge.user + merge.system) / 1000 / count) },
    perCreation: { readCalls: round((callsAfter.reads - callsBefore.reads) / count), writeCalls: round((callsAfter.writes - callsBefore.writes) / count) },
  }),
);
