/**
 * Times computeDashboard on a database file (default: the one build-bench-db.ts makes):
 *   npx tsx test/statistics/measure.ts [file] [runs]
 * Opens the file as the app does (same pragmas), without migrating it.
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
const times: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const started = performance.now();
  computeDashboard(db, { archived: 'all' });
  times.push(performance.now() - started);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`${applications} applications, ${events} events: first ${times[0].toFixed(1)} ms, median ${sorted[Math.floor(runs / 2)].toFixed(1)} ms, best ${sorted[0].toFixed(1)} ms`);
db.close();
