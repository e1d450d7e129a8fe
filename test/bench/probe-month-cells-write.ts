/**
 * The month cells' part of one small write, alone: for each of many facts of a bench database, the changes a stage
 * change makes to its month cells (its old counts out, the same application one level further in) are summed and
 * written (`MonthCellDeltas.write`) in a transaction that is then rolled back, so every call meets the same table.
 * Prints the CPU of the write per call (p50, p95, mean) and the rows it wrote. Not a test (tests never assert
 * timings): `npx tsx test/bench/probe-month-cells-write.ts <data folder> [calls]`; run it alternately on the old and
 * new code.
 */
import os from 'node:os';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { factRowColumns, type FactRow } from '../../src-main/statistics/maintained/facts';
import { MonthCellDeltas } from '../../src-main/statistics/maintained/month-cells';

const [dataDir, countText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-month-cells-write.ts <data folder> [calls]');
const count = Number(countText ?? 2000);

const context = await openAppContext({ dataDir });
const { db } = context;
const facts = db.sql(`SELECT ${factRowColumns} FROM main.statistics_facts WHERE level < 4 ORDER BY random() LIMIT ?`).raw().all(count) as FactRow[];
const rolledBack = new Error('rolled back');
const cpu: number[] = [];
let rows = 0;
for (const fact of facts) {
  const deltas = new MonthCellDeltas();
  deltas.addFact(fact, -1);
  const moved = [...fact] as FactRow;
  moved[4] = 'interviewing';
  moved[20] = fact[20] + 1;
  deltas.addFact(moved, 1);
  rows += [...deltas.rows()].length;
  try {
    db.transaction(() => {
      const started = process.cpuUsage();
      deltas.write(db);
      const spent = process.cpuUsage(started);
      cpu.push((spent.user + spent.system) / 1000);
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
}
closeAppContext(context);
const sorted = [...cpu].sort((a, b) => a - b);
const round = (n: number) => Math.round(n * 1000) / 1000;
console.log(
  JSON.stringify({
    load: os.loadavg().map((n) => Math.round(n * 100) / 100),
    calls: cpu.length,
    rowsPerCall: round(rows / cpu.length),
    cpuMs: { p50: round(sorted[Math.floor(sorted.length / 2)]), p95: round(sorted[Math.ceil(sorted.length * 0.95) - 1]), mean: round(cpu.reduce((a, b) => a + b, 0) / cpu.length) },
  }),
);
