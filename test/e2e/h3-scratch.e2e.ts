import { afterAll, beforeAll, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp({ dataDir: '/tmp/h3/run100k' });
}, 300_000);
afterAll(async () => {
  await app?.close();
});

it('100k scroll profile', async () => {
  const { page, context } = await app.open({ path: '/#/applications' });
  await page.locator('.table-row .cell-strong').first().waitFor({ timeout: 60_000 });
  if (process.env.NO_STAGE) {
    await page.evaluate(() => localStorage.setItem('candid.applications.view.v1', JSON.stringify({ filters: {}, sort: { column: 'appliedOn', direction: 'desc' }, columns: ['company', 'position', 'appliedOn', 'workMode', 'location', 'source', 'salary', 'tags'] })));
    await page.reload();
    await page.locator('.table-row .cell-strong').first().waitFor({ timeout: 60_000 });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const scroll = (from: number, steps: number, step: number) =>
    page.evaluate(
      async ({ from, steps, step }) => {
        const grid = document.querySelector('.table-scroll') as HTMLElement;
        grid.scrollTop = from;
        const deltas: number[] = [];
        let last = performance.now();
        for (let i = 0; i < steps; i++) {
          grid.scrollTop += step;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const now = performance.now();
          deltas.push(now - last);
          last = now;
        }
        deltas.sort((a, b) => a - b);
        return { p50: deltas[Math.floor(deltas.length / 2)].toFixed(1), p95: deltas[Math.floor(deltas.length * 0.95)].toFixed(1), max: deltas.at(-1)!.toFixed(1) };
      },
      { from, steps, step },
    );
  for (const label of ['first pass (fetching)', 'second pass (cached)']) {
    if (label.startsWith('second')) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const before = await metrics();
    const frames = await scroll(0, 200, 200);
    const after = await metrics();
    console.log(label, JSON.stringify(frames), 'script', ((after.ScriptDuration - before.ScriptDuration) * 1000).toFixed(0), 'ms layout', ((after.LayoutDuration - before.LayoutDuration) * 1000).toFixed(0), 'ms style', ((after.RecalcStyleDuration - before.RecalcStyleDuration) * 1000).toFixed(0), 'ms task', ((after.TaskDuration - before.TaskDuration) * 1000).toFixed(0), 'ms');
    await page.waitForTimeout(3000);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => {
    const node = byId.get(id)!;
    const key = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[index] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
  await context.close();
}, 900_000);
