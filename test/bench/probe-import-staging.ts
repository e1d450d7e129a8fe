/**
 * The staging side of a CSV import alone, in this thread: the file is planned and every row checked first (held in
 * memory, outside the measure), then the rows are staged as the import's job thread stages them (run.ts
 * `stageRows`: 1,000 rows per bulk write, then `settleDerivedData`), timed apart, in this thread's CPU. Without the
 * check thread beside it, so that a run measures the staging's own work. Not a test:
 * `npx tsx test/bench/probe-import-staging.ts <csv> [runs] [other worktree | keep]` (the bench's file:
 * test/bench/csv.ts importCsvFor, import.csv in the cache folder). Given another worktree (a checkout of main), its
 * staging code runs too, alternating with this one's run by run in the same process (ABBA…), on the same checked
 * rows: on a noisy host a pair in one process differs less than two processes do. `keep` leaves the last staging
 * database in place and prints its path. Into an empty database, as the bench's import. Run under `node --cpu-prof
 * --import tsx` to profile. The other worktree gets this one's rows (staged.ts): against code from before session 19,
 * which took them in another form, probe-import-staging-ab.ts.
 */
import path from 'node:path';
import { checkedBatches, planFile, RowChecker } from '../../src-main/imports/analyse';
import * as ownSettle from '../../src-main/changes/owed-derived';
import { openImportFile } from '../../src-main/imports/read';
import * as ownStaging from '../../src-main/imports/staging';
import * as ownWrite from '../../src-main/imports/write';
import type { StagedRow } from '../../src-main/imports/check-protocol';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs } from './cpu';

const file = path.resolve(process.argv[2] ?? '');
const runs = Number(process.argv[3] ?? 1);
const keep = process.argv[4] === 'keep';
const other = !keep && process.argv[4] ? path.resolve(process.argv[4]) : null;

interface StagingCode {
  name: string;
  ImportStaging: typeof ownStaging.ImportStaging;
  ImportWriter: typeof ownWrite.ImportWriter;
  settleDerivedData: typeof ownSettle.settleDerivedData;
}
const own: StagingCode = { name: 'this', ...ownStaging, ...ownWrite, ...ownSettle };
const codes = [own];
if (other) {
  const from = (module: string) => import(path.join(other, 'src-main', module));
  codes.push({ name: 'other', ...(await from('imports/staging.ts')), ...(await from('imports/write.ts')), ...(await from('changes/owed-derived.ts')) });
}

const app = await openTempApp();

async function stage(code: StagingCode, batches: StagedRow[][], last: boolean) {
  const staging = await code.ImportStaging.create(app.context);
  try {
    let wall = performance.now();
    let cpu = mainThreadCpuMs();
    const writer = new code.ImportWriter(staging.db);
    let created = 0;
    for (const batch of batches) {
      staging.changes.write(
        (write) => {
          writer.use(write);
          for (const { checked } of batch) {
            for (const { application } of checked) {
              if (application.input === null) continue;
              writer.writeRow(application);
              created += 1;
            }
          }
        },
        { bulk: true },
      );
    }
    const chunks = { wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu) };
    wall = performance.now();
    cpu = mainThreadCpuMs();
    code.settleDerivedData(staging.db);
    const settle = { wall: Math.round(performance.now() - wall), cpu: Math.round(mainThreadCpuMs() - cpu) };
    return { code: code.name, created, chunks, settle, cpu: chunks.cpu + settle.cpu, load: loadAverage(), ...(keep && last ? { kept: staging.file } : {}) };
  } finally {
    if (keep && last) staging.db.sqlite.close();
    else staging.close();
  }
}

try {
  const opened = openImportFile({ path: file }, {});
  let batches: StagedRow[][];
  try {
    if (opened.file.kind !== 'table') throw new Error('not a table');
    const plan = await planFile(app.context.db, opened.file, { source: { path: file } });
    const checker = new RowChecker(app.context.db, plan, false);
    batches = [...checkedBatches(checker, plan, 1000)];
  } finally {
    opened.close();
  }
  for (let run = 0; run < runs; run += 1) {
    // ABBA: neither side always runs first in its pair.
    const order = run % 2 === 0 ? codes : [...codes].reverse();
    for (const code of order) console.log(JSON.stringify({ run, ...(await stage(code, batches, run === runs - 1)) }));
  }
} finally {
  if (!keep) app.close();
}
