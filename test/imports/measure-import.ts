/**
 * Measures a 100,000-row CSV import through `importFile` (the write path included), phase by phase, in wall-clock
 * and CPU time (CPU time says more on a busy machine). Not a test (tests never assert timings):
 * `npx tsx test/imports/measure-import.ts [rows | path of a CSV file, such as the benchmark's import.csv] [database
 * to import into, copied first, such as the benchmark's 100,000 one]`. Prints the process's peak RSS too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFile, type ImportPhase } from '../../src-main/imports/run';
import { databaseFileName } from '../../src-main/db/open';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp, tempDir } from '../support/temp-app';
import { syntheticCsv } from './support/synthetic';
import { mainThreadCpuMs } from '../bench/cpu';

const argument = process.argv[2] ?? '100000';
const given = /^\d+$/.test(argument) ? null : path.resolve(argument);
const dir = tempDir('candid-measure-');
const file = given ?? path.join(dir, 'applications.csv');
if (!given) fs.writeFileSync(file, syntheticCsv(Number(argument)));
const into = process.argv[3] ? path.resolve(process.argv[3]) : null;
const dataDir = tempDir('candid-measure-data-');
if (into) fs.copyFileSync(into, path.join(dataDir, databaseFileName));
// The import's check thread loads one ready bundle, as in the app, instead of compiling the sources through tsx.
await setup();
const app = await openTempApp({ dataDir });
const round = (ms: number) => Math.round(ms);
try {
  const phases: Record<string, { wallMs: number; cpuMs: number; mainThreadCpuMs: number }> = {};
  let main = mainThreadCpuMs();
  const startMain = main;
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const startWall = wall;
  const startCpu = cpu;
  const onPhase = (phase: ImportPhase) => {
    const cpuNow = process.cpuUsage();
    const mainNow = mainThreadCpuMs();
    phases[phase] = { wallMs: round(performance.now() - wall), cpuMs: round((cpuNow.user + cpuNow.system - cpu.user - cpu.system) / 1000), mainThreadCpuMs: round(mainNow - main) };
    main = mainNow;
    wall = performance.now();
    cpu = cpuNow;
  };
  const result = await importFile(app.context, { source: { path: file }, options: { skipInvalidRows: true } }, { onPhase });
  const total = process.cpuUsage(startCpu);
  const changeLog = app.context.db.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get();
  console.log(
    JSON.stringify(
      {
        file: given ?? `synthetic, ${argument} rows`,
        into: into ?? 'an empty database',
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        bytes: fs.statSync(file).size,
        totalWallMs: round(performance.now() - startWall),
        totalCpuMs: round((total.user + total.system) / 1000),
        mainThreadCpuMs: round(mainThreadCpuMs() - startMain),
        phases,
        created: result.created,
        stageEvents: result.stageEvents,
        companiesCreated: result.companiesCreated,
        changeLogRows: changeLog,
      },
      null,
      2,
    ),
  );
} finally {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  teardown();
}
