/**
 * The bench's scroll of the applications table (300 frames, 120 px each) at 100,000 applications, with Chromium's
 * CPU slowed `rate` times: how the table scrolls on a processor slower than the bench's. Prints each run's mean and
 * longest frame and how many frames went over two and three display frames.
 *
 *   npx tsx test/bench/probe-table-throttled.ts [out dir] [runs = 3] [rate = 4]
 *
 * PROFILE=1 writes a CPU profile of each run's scroll (`scroll-<run>.cpuprofile`), TRACE=1 a Chromium trace
 * (`trace-<run>.json`, each frame marked `f<n>`); build the renderer with `--minify false` to read the profile's names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureRendererBuilt } from '../../scripts/web';
import { startE2EApp } from '../e2e/support/harness';
import { cachedDatabase, workingCopy } from './cache';
import { scrollScript, shownWatchScript, timeToShown } from './renderer';
import { scratchDir } from './scratch';

const [outDir = path.join(os.tmpdir(), 'candid-table-throttled'), runsArg = '3', rateArg = '4'] = process.argv.slice(2);
const runs = Number(runsArg);
const rate = Number(rateArg);
const profiling = process.env.PROFILE === '1';
const tracing = process.env.TRACE === '1';
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'blink.user_timing', 'v8', 'v8.execute'];

fs.mkdirSync(outDir, { recursive: true });
ensureRendererBuilt();
const cached = await cachedDatabase(100_000, (line) => process.stderr.write(`${line}\n`));
const app = await startE2EApp({ dataDir: workingCopy(cached, scratchDir('candid-probe-throttled-')) });
try {
  const context = await app.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(shownWatchScript);
  const page = await context.newPage();
  await page.goto(app.server.launchUrl());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (let run = 0; run < runs; run += 1) {
    await page.goto('about:blank');
    await timeToShown(page, `${app.server.url}/#/applications`);
    await page.waitForTimeout(500);
    if (tracing) await app.browser.startTracing(page, { path: path.join(outDir, `trace-${run}.json`), categories: traceCategories });
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const deltas = (await page.evaluate(scrollScript(300, 120, tracing))) as number[];
    if (profiling) fs.writeFileSync(path.join(outDir, `scroll-${run}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    if (tracing) await app.browser.stopTracing();
    const mean = deltas.reduce((sum, delta) => sum + delta, 0) / deltas.length;
    const over = (ms: number) => deltas.filter((delta) => delta > ms).length;
    console.log(`run ${run} at ${rate}×: mean ${mean.toFixed(1)} ms, longest ${Math.max(...deltas).toFixed(1)} ms, over 34 ms: ${over(34)}, over 51 ms: ${over(51)}`);
  }
  await context.close();
} finally {
  await app.close();
}
