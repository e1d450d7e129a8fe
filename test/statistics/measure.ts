/**
 * Times computeDashboard on a database file (default: the one build-bench-db.ts makes):
 *   npx tsx test/statistics/measure.ts [file] [runs]
 * Opens the file as the app does (same pragmas) and runs pending migrations (without the backup the app takes
 * first), timing them. Then times the dashboard of the whole search (maintained counts), the default view and a
 * filtered and a ranged one (grouped from the facts). Prints wall-clock time and the CPU time of this process:
 * on a shared machine the first includes waiting for a core, the second is what the work costs.
 */
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src-main/db/connection';
import { runMigrations } from '../../src-main/db/migrate';
import { computeDashboard, type DashboardOptions } from '../../src-main/statistics/compute';

const file = process.argv[2] ?? path.join(os.tmpdir(), 'candid-stats-bench', 'candid.sqlite');
const runs = Number(process.argv[3] ?? 7);
const db = new Database(file);
db.applyPragmas();
const migrationStarted = performance.now();
const migrated = await runMigrations(db);
if (migrated.length > 0) console.log(`migrations ${migrated.join(', ')}: ${(performance.now() - migrationStarted).toFixed(0)} ms`);
const applications = db.sql(`SELECT count(*) FROM applications WHERE deleted_at IS NULL`).pluck().get();
const events = db.sql(`SELECT count(*) FROM stage_events WHERE deleted_at IS NULL`).pluck().get();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const best = (values: number[]) => Math.min(...values);
console.log(`${applications} applications, ${events} events, ${runs} runs each`);
const variants: [string, DashboardOptions][] = [
  ['whole search, archived included', { archived: 'all' }],
  ['whole search, active only (default filters)', {}],
  ['one source', { sources: ['linkedin'], archived: 'all' }],
  ['a range', { from: '2025-01-01', to: '2025-06-30', archived: 'all' }],
];
for (const [name, options] of variants) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const usage = process.cpuUsage();
    computeDashboard(db, options);
    const spent = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  console.log(
    `${name}: wall median ${median(wall).toFixed(1)} ms (best ${best(wall).toFixed(1)}, first ${wall[0].toFixed(1)}), ` +
      `CPU median ${median(cpu).toFixed(1)} ms (best ${best(cpu).toFixed(1)})`,
  );
}
db.close();
