/**
 * Builds (once) a database of 100,000 applications for measuring the statistics, cached as a file:
 *   npx tsx test/statistics/build-bench-db.ts [folder]   (default: $TMPDIR/candid-stats-bench)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { fillApplications } from './support/bench-data';

const dir = process.argv[2] ?? path.join(os.tmpdir(), 'candid-stats-bench');
const count = Number(process.env.COUNT ?? 100_000);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const context = await openAppContext({ dataDir: dir });
const started = performance.now();
fillApplications(context, count);
context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
const events = context.db.sql(`SELECT count(*) FROM stage_events`).pluck().get();
console.log(`${count} applications, ${events} stage events in ${Math.round(performance.now() - started)} ms -> ${dir}`);
closeAppContext(context);
