/**
 * Times computeDashboard on a database file (default: the one build-bench-db.ts makes):
 *   npx tsx test/statistics/measure.ts [file] [runs]
 * Opens the file as the app does (same pragmas), without migrating it. Prints wall-clock time and the CPU time of
 * this process: on a shared machine the first includes waiting for a core, the second is what the work costs.
 */
import os from 'node:os';
import path from 'node:path';
import { Database } from '../../src-main/db/connection';
import { computeDashboard } from '../../src-main/statistics/compute';

const file = process.argv[2] ?? path.join(os.tmpdir(), 'candid-stats-bench', 'candid.sqlite');
const runs = Number(process.argv[3] ?? 7);
const db = new Database(file);
db.applyPragmas();
const applications = db.sql(`SELECT count(*) FROM applications WHERE deleted_at IS NULL`).pluck().get();
const events = db.sql(`SELECT count(*) FROM stage_events WHERE deleted_at IS NULL`).pluck().get();
const wall: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  const usage = process.cpuUsage();
  computeDashboard(db, { archived: 'all' });
  const spent = process.cpuUsage(usage);
  wall.push(performance.now() - started);
  cpu.push((spent.user + spent.system) / 1000);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const best = (values: number[]) => Math.min(...values);
console.log(
  `${applications} applications, ${events} events, ${runs} runs: ` +
    `wall median ${median(wall).toFixed(1)} ms (best ${best(wall).toFixed(1)}, first ${wall[0].toFixed(1)}), ` +
    `CPU median ${median(cpu).toFixed(1)} ms (best ${best(cpu).toFixed(1)})`,
);
db.close();
