/**
 * The plan's decision alone (planner.ts `FilePlanner`): the file's first rows read and taken until the plan is
 * decided, then the column profiling of those rows again with a fresh resolver (what `decide` spends most in),
 * wall clock and CPU, in a fresh process each time as the check thread is (the module-level caches of told values
 * start empty). Prints a digest of the proposals and profiles, so that two versions can be compared. Not a test:
 * `npx tsx test/bench/probe-plan-decide.ts <csv>` (the bench's file: test/bench/csv.ts importCsvFor, import.csv in
 * the cache folder).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { FilePlanner } from '../../src-main/imports/planner';
import { ColumnProfiler } from '../../src-main/imports/profile';
import { openImportFile } from '../../src-main/imports/read';
import type { ReadRow } from '../../src-main/imports/reader';
import { ValueResolver } from '../../src-main/imports/resolve';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');
const app = await openTempApp();
try {
  const opened = openImportFile({ path: file }, {});
  try {
    if (opened.file.kind !== 'table') throw new Error('not a table');
    const wall = performance.now();
    const cpu = mainThreadCpuMs();
    const planner = new FilePlanner(app.context.db, opened.file, { source: { path: file } });
    const taken: ReadRow[] = [];
    while (!planner.decided) {
      const next = planner.rows.next();
      if (next.done) throw new Error('the file ended before the plan was decided');
      planner.take(next.value);
      taken.push(next.value);
    }
    const decide = { wallMs: Math.round(performance.now() - wall), cpuMs: Math.round(mainThreadCpuMs() - cpu) };
    const decided = planner.decided;

    // The same rows' profiles again, alone, with a resolver whose matchers remember nothing yet.
    const resolver = new ValueResolver(app.context.db, {});
    const rows = taken.slice(-2000);
    const profileWall = performance.now();
    const profileCpu = mainThreadCpuMs();
    const profilers = decided.headers.map(() => new ColumnProfiler((field, key) => resolver.recognises(field, key)));
    for (const row of rows) row.cells.forEach((cell, column) => profilers[column]?.add(cell));
    const profiles = profilers.map((profiler) => profiler.result());
    const profiling = { wallMs: Math.round(performance.now() - profileWall), cpuMs: Math.round(mainThreadCpuMs() - profileCpu) };

    const digest = createHash('sha256').update(JSON.stringify({ mapping: decided.mapping, proposals: decided.proposals, profiles })).digest('hex').slice(0, 16);
    console.log(JSON.stringify({ decide, profiling, digest, load: loadAverage() }));
  } finally {
    opened.close();
  }
} finally {
  app.close();
}
