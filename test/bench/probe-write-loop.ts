/**
 * The bench's three small writes (update, setStage, create: the same inputs as test/bench/cases.ts) many times in a
 * row on a copy of a bench database, each measured in CPU of the whole process and in WAL pages (frames) it wrote.
 * After each call the log is checkpointed and truncated, outside the measure, so every call starts from an empty
 * log and its frames are its own. Not a test (tests never assert timings):
 * `npx tsx test/bench/probe-write-loop.ts <data folder> [calls per kind]`; run it alternately on the old and new
 * code, each on its own copy.
 */
import os from 'node:os';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { loadFixture, smallWrites } from './cases';

const [dataDir, countText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-write-loop.ts <data folder> [calls per kind]');
const count = Number(countText ?? 300);

const context = await openAppContext({ dataDir });
const api = createApi(context);
const fixture = loadFixture(context, 'bench-100000');
const kinds = smallWrites(api, fixture);
/** The frames in the log (a PASSIVE checkpoint reports them), then the log emptied. */
const framesWritten = () => {
  const [{ log }] = context.db.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return log;
};

const round = (n: number) => Math.round(n * 100) / 100;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: round(sorted[Math.floor(sorted.length / 2)]),
    p95: round(sorted[Math.ceil(sorted.length * 0.95) - 1]),
    mean: round(values.reduce((sum, n) => sum + n, 0) / values.length),
  };
};
const results: Record<string, unknown> = { load: os.loadavg().map(round), calls: count };
for (const [kind, run] of Object.entries(kinds)) {
  for (let i = 0; i < 30; i += 1) await run(i);
  framesWritten();
  const cpu: number[] = [];
  const wall: number[] = [];
  const frames: number[] = [];
  const afterCpu: number[] = [];
  const afterFrames: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = process.cpuUsage();
    const begun = performance.now();
    await run(100 + i);
    wall.push(performance.now() - begun);
    const spent = process.cpuUsage(started);
    cpu.push((spent.user + spent.system) / 1000);
    frames.push(framesWritten());
    // What the write left for after its answer (its statistics, when the code defers them) runs on the next turn:
    // measured apart, as a person's next click comes in a later turn.
    const later = process.cpuUsage();
    await new Promise((resolve) => setImmediate(resolve));
    const laterSpent = process.cpuUsage(later);
    afterCpu.push((laterSpent.user + laterSpent.system) / 1000);
    afterFrames.push(framesWritten());
  }
  results[kind] = { wallMs: summary(wall), cpuMs: summary(cpu), walFrames: summary(frames), afterCpuMs: summary(afterCpu), afterFrames: summary(afterFrames) };
}
closeAppContext(context);
console.log(JSON.stringify(results));
