/**
 * CPU time of a filtered or ranged dashboard (the bench's cases and three filters) on a copy of the bench's
 * database, before and after a change, in one run:
 *   npx tsx test/statistics/measure-scoped.ts <database file> [runs] [source root …]
 * Each `source root` is a checkout of the sources to time (default: this worktree); with several, each run times
 * them in turn, alternating, each with its own connection, so that a change in the machine's load weighs on all
 * alike. Prints the CPU p50 / p95 of each case and root and a hash of its result: the roots must agree. Opens the
 * file without migrating (it must be up to date).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database as DatabaseType } from '../../src-main/db/connection';
import type { computeDashboard as ComputeDashboard, DashboardOptions } from '../../src-main/statistics/compute';

const [file, runsArgument, ...rootArguments] = process.argv.slice(2);
if (!file) throw new Error('usage: measure-scoped.ts <database file> [runs] [source root …]');
const runs = Number(runsArgument ?? 15);
const roots = (rootArguments.length > 0 ? rootArguments : [path.join(import.meta.dirname, '..', '..')]).map((root) => path.resolve(root));

interface Version {
  root: string;
  db: DatabaseType;
  compute: typeof ComputeDashboard;
}
const versions: Version[] = [];
for (const root of roots) {
  const load = (module: string) => import(pathToFileURL(path.join(root, module)).href);
  const { Database } = (await load('src-main/db/connection.ts')) as typeof import('../../src-main/db/connection');
  const { computeDashboard } = (await load('src-main/statistics/compute.ts')) as typeof import('../../src-main/statistics/compute');
  const db = new Database(file);
  db.applyPragmas();
  versions.push({ root, db, compute: computeDashboard });
}

const today = '2026-12-05';
const cases: [string, DashboardOptions][] = [
  ['whole search', { today }],
  ['one source (linkedin)', { sources: ['linkedin'], today }],
  ['six-month range', { from: '2026-06-05', to: today, today }],
  ['three filters', { stageCategories: ['screening', 'interviewing'], workModes: ['remote', 'hybrid'], employmentTypes: ['permanent'], today }],
  ['two sources + remote + permanent, archived too', { sources: ['linkedin', 'indeed'], workModes: ['remote'], employmentTypes: ['permanent'], archived: 'all', today }],
];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];
// Upcoming interviews depend on the clock: left out of the comparison.
const hashOf = (result: ReturnType<typeof ComputeDashboard>) =>
  createHash('sha1')
    .update(JSON.stringify({ ...result, overview: { ...result.overview, upcomingInterviews: null } }))
    .digest('hex')
    .slice(0, 12);

for (const [name, options] of cases) {
  const cpu = versions.map((): number[] => []);
  const hashes = versions.map(() => '');
  for (let run = 0; run < runs; run += 1) {
    for (const [index, version] of versions.entries()) {
      const usage = process.cpuUsage();
      const result = version.compute(version.db, options);
      const spent = process.cpuUsage(usage);
      cpu[index].push((spent.user + spent.system) / 1000);
      hashes[index] = hashOf(result);
    }
  }
  for (const [index, version] of versions.entries()) {
    console.log(
      `${name} [${path.basename(version.root)}]: CPU p50 ${percentile(cpu[index], 0.5).toFixed(1)} ms, p95 ${percentile(cpu[index], 0.95).toFixed(1)} ms, result ${hashes[index]}`,
    );
  }
}
for (const version of versions) version.db.close();
