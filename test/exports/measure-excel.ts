/**
 * Measures the Excel export (time and peak memory of this process) on an existing data folder:
 *   npx tsx test/exports/measure-excel.ts DATA_DIR [fr|en]
 * e.g. after `npm run seed -- --count 100000 --data /tmp/candid-100k`. Writes the workbook to the OS temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { exportExcel } from '../../src-main/exports/excel';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('Usage: npx tsx test/exports/measure-excel.ts DATA_DIR [fr|en]');
  process.exit(2);
}
const language = process.argv[3] === 'fr' ? 'fr' : 'en';
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
const result = await exportExcel(context, { path: target, language });
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(
  JSON.stringify({
    rows: result.rows,
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
