/**
 * Measures the Excel export (time and peak memory of this process) on an existing data folder:
 *   npx tsx test/exports/measure-excel.ts DATA_DIR [fr|en] [all] [one-thread]
 * `all` exports archived applications too, as the bench's export case does (every sheet, every row);
 * `one-thread` writes every sheet in the export's own thread, as before sheet-thread.ts.
 * The sheet thread starts from a bundle of the jobs' worker, as the app's does (not compiled on the fly by tsx).
 * e.g. after `npm run seed -- --count 100000 --data /tmp/candid-100k`. Writes the workbook to the OS temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { exportExcel } from '../../src-main/exports/excel';
import { setup, teardown } from '../support/jobs-worker-bundle';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('Usage: npx tsx test/exports/measure-excel.ts DATA_DIR [fr|en]');
  process.exit(2);
}
const language = process.argv[3] === 'fr' ? 'fr' : 'en';
const filters = process.argv[4] === 'all' ? { archived: 'all' as const } : {};
const sheetThread = !process.argv.includes('one-thread');
await setup();
const context = await openAppContext({ dataDir });
const target = path.join(os.tmpdir(), `candid-measure-${process.pid}.xlsx`);
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await exportExcel(context, { path: target, language, filters, sheetThread });
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(
  JSON.stringify({
    rows: result.rows,
    sheetThread,
    ms: Math.round(elapsed),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    fileMB: megabytes(fs.statSync(target).size),
    rssBeforeMB: megabytes(baseline),
    rssPeakMB: megabytes(peak),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
fs.rmSync(target, { force: true });
closeAppContext(context);
teardown();
