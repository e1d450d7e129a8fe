/**
 * The dashboard over a date range (the bench's `dashboard.ranged`: six months back from today), or another scope,
 * called many times on a copy of a database through the handler table, as the bench calls it: p50 / p95 of the
 * wall clock and of the CPU, then where the time goes (each of the source's reads, timed in a second series of
 * direct calls, and the rest: the parts' own assembly). Not a test (tests never assert timings):
 *   npx tsx test/bench/measure-dashboard.ts <database file> [calls, default 200] [source root, default this worktree] [case]
 * `case` is `ranged` (default), `whole` or `source`. The root lets the same probe time another checkout (main's code
 * in a second worktree): run them in turn, alternating. The copy is made in a temporary folder and removed at the
 * end; its hash of the result lets two roots be compared.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { removeScratch, scratchDir } from './scratch';
import { loadAverage } from './cpu';

const [file, callsArgument, rootArgument, caseArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: measure-dashboard.ts <database file> [calls] [source root] [ranged|whole|source]');
const calls = Number(callsArgument ?? 200);
const root = path.resolve(rootArgument ?? path.join(import.meta.dirname, '..', '..'));
const load = (module: string) => import(pathToFileURL(path.join(root, module)).href);

const { createApi } = (await load('src-main/api.ts')) as typeof import('../../src-main/api');
const { openAppContext, closeAppContext } = (await load('src-main/context.ts')) as typeof import('../../src-main/context');
const { databaseFileName } = (await load('src-main/db/open.ts')) as typeof import('../../src-main/db/open');
const { computeDashboard } = (await load('src-main/statistics/compute.ts')) as typeof import('../../src-main/statistics/compute');
const { sourceOf } = (await load('src-main/statistics/facts-source.ts')) as typeof import('../../src-main/statistics/facts-source');
type StatisticsSource = import('../../src-main/statistics/source').StatisticsSource;

function sixMonthsAgo(): string {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - 6);
  return day.toISOString().slice(0, 10);
}
const today = new Date().toISOString().slice(0, 10);
const inputs: Record<string, Record<string, unknown>> = {
  ranged: { from: sixMonthsAgo(), to: today },
  whole: {},
  source: { sources: ['linkedin'] },
};
const caseName = caseArgument ?? 'ranged';
const input = inputs[caseName];
if (!input) throw new Error(`unknown case ${caseName}`);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const dir = scratchDir('candid-measure-dashboard-');
fs.copyFileSync(path.resolve(file), path.join(dir, databaseFileName), fs.constants.COPYFILE_FICLONE);
try {
  const context = await openAppContext({ dataDir: dir });
  const api = createApi(context);
  const call = async () => {
    const result = await api.call('statistics.dashboard', input);
    if (!result.ok) throw new Error(`statistics.dashboard: ${result.error.code} ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };

  // Warm up (statement cache, page cache), and the result's hash (upcoming interviews depend on the clock).
  const first = await call();
  const overview = first.overview as Record<string, unknown>;
  const hash = createHash('sha1')
    .update(JSON.stringify({ ...first, overview: { ...overview, upcomingInterviews: null } }))
    .digest('hex')
    .slice(0, 12);
  for (let i = 0; i < 4; i += 1) await call();

  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const [w, c] = [performance.now(), cpuNow()];
    await call();
    wall.push(performance.now() - w);
    cpu.push(cpuNow() - c);
  }

  // Where it goes: the source's reads timed (CPU, first call of each: the computation remembers what it shares).
  const parts = new Map<string, number[]>();
  const note = (name: string, ms: number) => {
    let list = parts.get(name);
    if (!list) parts.set(name, (list = []));
    list[list.length - 1] += ms;
  };
  const timedSource = (db: Parameters<typeof sourceOf>[0], scope: Parameters<typeof sourceOf>[1]): StatisticsSource => {
    const start = cpuNow();
    const source = sourceOf(db, scope);
    note('(source opened)', cpuNow() - start);
    const timed = { ...source } as Record<string, unknown>;
    for (const [name, method] of Object.entries(source)) {
      if (typeof method !== 'function') continue;
      timed[name] = (...args: unknown[]) => {
        const begin = cpuNow();
        try {
          return (method as (...a: unknown[]) => unknown)(...args);
        } finally {
          note(name, cpuNow() - begin);
        }
      };
    }
    return timed as unknown as StatisticsSource;
  };
  const profileCalls = Math.min(calls, 50);
  for (let i = 0; i < profileCalls; i += 1) {
    for (const name of [...parts.keys(), '(source opened)', 'cube', 'sentPerDay', 'answered', 'companyResponses', 'breakdownRows', 'eventsPerDay', 'salaryRows', 'skillRows', '(whole)']) {
      if (!parts.has(name)) parts.set(name, []);
      parts.get(name)!.push(0);
    }
    const start = cpuNow();
    computeDashboard(context.db, input, timedSource);
    note('(whole)', cpuNow() - start);
  }
  closeAppContext(context);

  console.log(
    `${caseName} ${JSON.stringify(input)} [${path.basename(root)}] ${calls} calls, load ${loadAverage()}: wall p50 ${percentile(wall, 0.5).toFixed(1)} p95 ${percentile(wall, 0.95).toFixed(1)} ms; CPU p50 ${percentile(cpu, 0.5).toFixed(1)} p95 ${percentile(cpu, 0.95).toFixed(1)} ms; result ${hash}`,
  );
  const whole = percentile(parts.get('(whole)')!, 0.5);
  let inReads = 0;
  for (const [name, values] of parts) {
    if (name === '(whole)') continue;
    const median = percentile(values, 0.5);
    inReads += values.reduce((sum, v) => sum + v, 0) / values.length;
    console.log(`  ${name.padEnd(18)} CPU p50 ${median.toFixed(2)} ms, mean ${(values.reduce((sum, v) => sum + v, 0) / values.length).toFixed(2)}`);
  }
  console.log(`  (whole, direct)    CPU p50 ${whole.toFixed(2)} ms; outside the reads (mean) ${(parts.get('(whole)')!.reduce((s, v) => s + v, 0) / profileCalls - inReads).toFixed(2)} ms`);
} finally {
  removeScratch(dir);
}
