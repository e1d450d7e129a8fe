/**
 * The board's first cards and its scroll frames, alternating several built renderers in one session, so that the
 * machine's load weighs on each alike (the brief of session 11: compare builds A/B in one run, never across runs).
 *
 *   npx tsx test/bench/measure-board.ts [--rounds 2] [--loads 5] [--table-loads 0] [--profile DIR] <renderer dir> [<renderer dir> …]
 *
 * Each renderer dir is a built out/renderer (copy one aside before rebuilding). One handler table on a copy of the
 * 100,000 cache serves them all, each on its own port (its own origin: own HTTP cache and localStorage). Per load:
 * navigation start → first frame with a card (the page's clock, timed in the page as test/bench/renderer.ts does:
 * shownWatchScript), the renderers' CPU time (CDP SystemInfo.getProcessInfo; a new page's process is counted once
 * it exists) and the server's CPU (this process's user + system) over the same load. A dir written
 * `playwright:<dir>` is timed as the bench did until session 12, by Playwright's waitForFunction polling from this
 * process, to compare the two ways. With --profile, one more load per build is recorded as a V8 CPU profile
 * (DIR/<label>.cpuprofile, open it in Chromium's DevTools) to see what the first render spends its time on.
 * With --trace-scroll DIR, one more load per build and the scroll right after it (as the bench scrolls, while the
 * board still fills) are traced together, and each scroll frame's main-thread CPU is printed (the tasks' thread time:
 * under a loaded machine the frames' wall times are mostly waiting for a core, their CPU much less so). With
 * --scroll-profile DIR, a V8 CPU profile of one more scroll per build (the scripts the long frames run). With
 * --trace-loads N, N more loads per build, alternating, are traced (one at a time: the last one's trace is kept in the
 * system's temporary folder) and each prints the page's main-thread CPU from navigation to the first card, with the
 * kinds of work it went to: under a loaded machine the first card's wall time is mostly waiting for a core, the
 * thread's CPU much less so. With --commits N, N more loads per build, alternating, each print React's commits
 * before the first card (the page's time, the cards and elements then in the board), through the hook React calls
 * for its DevTools (commitHookScript), and when each handler call was sent and answered: what the first cards wait
 * for, with little of the tracing's own cost. With --table-loads N, each round also opens the applications table N
 * times per build and prints its first rows' time (a change to how the window starts must not delay them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { startHttpServer, type HttpServer } from '../../src-main/transports/http';
import { chromiumArgs, chromiumPath } from '../e2e/support/harness';
import { cachedDatabase, workingCopy } from './cache';
import { scratchDir } from './scratch';
import { summarize } from './timing';
import { boardScrollScript, firstCardsShown, shownWatchScript, timeToShown } from './renderer';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '2' },
    loads: { type: 'string', default: '5' },
    size: { type: 'string', default: '100000' },
    profile: { type: 'string' },
    /** A trace of one more load per build and of the scroll right after it, as the bench scrolls (DIR/<label>.load-scroll.trace.json), with each scroll frame's main-thread CPU. */
    'trace-scroll': { type: 'string' },
    /** A V8 CPU profile of one more load's scroll per build (DIR/<label>.scroll.cpuprofile): what the long frames run. */
    'scroll-profile': { type: 'string' },
    /** Loads per build, alternating, each printing React's commits until the first card and the handler calls' times. */
    commits: { type: 'string' },
    /** Traced loads and scrolls per build with --trace-scroll, alternating (each run's trace replaces the last). */
    'trace-scroll-runs': { type: 'string', default: '1' },
    frames: { type: 'string', default: '300' },
    detail: { type: 'boolean', default: false },
    trace: { type: 'string' },
    /** Traced loads per build, alternating, each load's main-thread CPU until its first card printed with what it ran. */
    'trace-loads': { type: 'string' },
    /** Loads of the applications table per build and round, alternating after the board's: its first rows' time. */
    'table-loads': { type: 'string', default: '0' },
    /** Milliseconds between the last load's first cards and the scroll; the bench (renderer.ts) scrolls at once. */
    settle: { type: 'string', default: '0' },
  },
});
if (positionals.length === 0) throw new Error('usage: measure-board.ts [--rounds N] [--loads N] [--profile DIR] <renderer dir>…');


interface Build {
  label: string;
  /** Timed by Playwright's polling from this process (the bench's way until session 12) instead of in the page. */
  polled: boolean;
  server: HttpServer;
  page: Page;
  firstCards: number[];
  pageCpu: number[];
  serverCpu: number[];
  longestFrames: number[];
  p95Frames: number[];
  tableRows: number[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const cached = await cachedDatabase(Number(values.size), log);
const context = await openAppContext({ dataDir: workingCopy(cached, scratchDir('candid-measure-board-')), shell: 'browser' });
const api = createApi(context);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const browserSession = await browser.newBrowserCDPSession();

/** CPU time of the browser's renderer processes (all of them: the other builds' pages are idle meanwhile). */
async function renderersCpuMs(): Promise<number> {
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  return processInfo.filter((info) => info.type === 'renderer').reduce((sum, info) => sum + info.cpuTime * 1000, 0);
}

/** Opens the board; resolves with the page's time of the first frame with a card, timed as the build says. */
async function openBoard(build: Build): Promise<number> {
  if (!build.polled) return timeToShown(build.page, `${build.server.url}/#/board`);
  await build.page.goto(`${build.server.url}/#/board`);
  const handle = await build.page.waitForFunction(firstCardsShown, undefined, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

async function loadBoard(build: Build): Promise<{ firstCard: number; pageCpu: number; serverCpu: number }> {
  await build.page.goto('about:blank');
  const serverBefore = cpuMs();
  const pageBefore = await renderersCpuMs();
  const firstCard = await openBoard(build);
  const serverCpu = cpuMs() - serverBefore;
  return { firstCard, pageCpu: (await renderersCpuMs()) - pageBefore, serverCpu };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}
type TraceFile = { traceEvents: TraceEvent[] } | TraceEvent[];

/**
 * The page's main-thread CPU (the tasks' thread time, which the machine's load stretches far less than their wall
 * time) in each frame of the scroll script, from one scroll frame (a call of its `tick`) to the next.
 */
/** The page's garbage collection (main-thread CPU of V8's major and minor collections) during the scroll script. */
function scrollGcCpu(trace: TraceFile): number {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const ticks = events.filter((event) => event.name === 'FunctionCall' && event.args?.data?.functionName === 'tick').sort((a, b) => a.ts - b.ts);
  if (ticks.length < 2) return Number.NaN;
  const [first, last] = [ticks[0]!, ticks.at(-1)!];
  return (
    events
      .filter((event) => (event.name === 'MajorGC' || event.name === 'MinorGC') && event.ph === 'X' && event.pid === first.pid && event.tid === first.tid)
      .filter((event) => event.ts >= first.ts && event.ts <= last.ts)
      .reduce((sum, event) => sum + (event.tdur ?? event.dur ?? 0), 0) / 1000
  );
}

function scrollFramesCpu(trace: TraceFile): number[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const ticks = events.filter((event) => event.name === 'FunctionCall' && event.args?.data?.functionName === 'tick').sort((a, b) => a.ts - b.ts);
  if (ticks.length < 2) return [];
  const thread = `${ticks[0]!.pid}:${ticks[0]!.tid}`;
  if (!mainThreads.has(thread)) return [];
  const tasks = events
    .filter((event) => `${event.pid}:${event.tid}` === thread && event.ph === 'X' && (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask'))
    .sort((a, b) => a.ts - b.ts);
  const frames: number[] = [];
  for (let index = 0; index + 1 < ticks.length; index += 1) {
    // The task that runs a tick starts before it; a frame counts the tasks from its tick's to the next tick's.
    const from = tasks.findLast((task) => task.ts <= ticks[index]!.ts)?.ts ?? ticks[index]!.ts;
    const to = tasks.findLast((task) => task.ts <= ticks[index + 1]!.ts)?.ts ?? ticks[index + 1]!.ts;
    frames.push(tasks.filter((task) => task.ts >= from && task.ts < to).reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000);
  }
  return frames;
}

/**
 * The page's main-thread CPU (thread time) from the board's navigation to the first card, in all and by kind of
 * work: each traced event's own thread time (its children's taken out), named by the event (and the script's file
 * for script events).
 */
function firstCardCpu(trace: TraceFile): { total: number; byKind: Map<string, number> } {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mark = events.find((event) => event.name === 'first-card');
  const navigation = events.filter((event) => event.name === 'navigationStart' && (!mark || event.ts <= mark.ts)).sort((a, b) => b.ts - a.ts)[0];
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const byKind = new Map<string, number>();
  if (!mark || !navigation) return { total: Number.NaN, byKind };
  // The page's main thread: the renderer main thread that ran the most script in the window.
  const inWindow = events.filter((event) => event.ph === 'X' && event.ts >= navigation.ts && event.ts < mark.ts && mainThreads.has(`${event.pid}:${event.tid}`));
  const scripts = new Map<string, number>();
  for (const event of inWindow) if (event.name === 'FunctionCall' || event.name === 'v8.evaluateModule') scripts.set(`${event.pid}:${event.tid}`, (scripts.get(`${event.pid}:${event.tid}`) ?? 0) + 1);
  const thread = [...scripts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = inWindow.filter((event) => `${event.pid}:${event.tid}` === thread && event.tdur !== undefined && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let total = 0;
  const stack: { end: number; kind: string; self: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      byKind.set(done.kind, (byKind.get(done.kind) ?? 0) + done.self / 1000);
    }
  };
  for (const event of own) {
    close(event.ts);
    const file = event.args?.data?.url?.split('/').pop();
    const kind = file ? `${event.name} ${file.replace(/-[\w-]{8}\.js$/, '')}` : event.name;
    if (stack.length === 0) total += event.tdur! / 1000;
    else stack.at(-1)!.self -= event.tdur!;
    stack.push({ end: event.ts + event.dur!, kind, self: event.tdur! });
  }
  close(Number.POSITIVE_INFINITY);
  return { total, byKind };
}

/**
 * Stands in for React's DevTools hook, which React calls after every commit: records the page's time, the board's
 * cards and the document's elements then (window.__candidCommits). Plain JavaScript text, as shownWatchScript.
 */
const commitHookScript = `(() => {
  const commits = [];
  window.__candidCommits = commits;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onScheduleFiberRoot() {},
    onCommitFiberRoot() {
      commits.push([Math.round(performance.now()), document.querySelectorAll('.board [data-application-id]').length, document.getElementsByTagName('*').length, document.querySelectorAll('.board-column').length]);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
})()`;

const builds: Build[] = [];
try {
  for (const positional of positionals) {
    const polled = positional.startsWith('playwright:');
    const dir = polled ? positional.slice('playwright:'.length) : positional;
    const server = await startHttpServer({ api, staticDir: path.resolve(dir) });
    const browserContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    if (!polled) await browserContext.addInitScript(shownWatchScript);
    if (values.commits) await browserContext.addInitScript(commitHookScript);
    const page = await browserContext.newPage();
    await page.goto(server.launchUrl());
    const label = `${polled ? 'polled ' : ''}${path.basename(path.resolve(dir))}`;
    const build: Build = { label, polled, server, page, firstCards: [], pageCpu: [], serverCpu: [], longestFrames: [], p95Frames: [], tableRows: [] };
    // The first load fills the HTTP cache and the remembered stages, as the bench's uncounted first load does.
    await loadBoard(build);
    builds.push(build);
  }
  for (let round = 1; round <= Number(values.rounds); round += 1) {
    for (const build of builds) {
      const firsts: number[] = [];
      for (let load = 0; load < Number(values.loads); load += 1) {
        const result = await loadBoard(build);
        firsts.push(result.firstCard);
        build.firstCards.push(result.firstCard);
        build.pageCpu.push(result.pageCpu);
        build.serverCpu.push(result.serverCpu);
      }
      if (Number(values.settle) > 0) await build.page.waitForTimeout(Number(values.settle));
      const scrollCpuBefore = await renderersCpuMs();
      const frames = (await build.page.evaluate(boardScrollScript(Number(values.frames), 120))) as number[] | null;
      const scrollCpu = (await renderersCpuMs()) - scrollCpuBefore;
      const scroll = frames ? summarize(frames) : undefined;
      if (scroll) {
        build.longestFrames.push(scroll.max);
        build.p95Frames.push(scroll.p95);
      }
      log(
        `round ${round} ${build.label}: first cards p50 ${summarize(firsts).p50.toFixed(1)} ms [${firsts.map((value) => value.toFixed(0)).join(' ')}]` +
          `, scroll p95 ${scroll?.p95.toFixed(1) ?? 'n/a'} longest ${scroll?.max.toFixed(1) ?? 'n/a'} ms` +
          `, over 50 ms ${frames?.filter((frame) => frame > 50).length ?? 'n/a'}, renderers' CPU while scrolling ${scrollCpu.toFixed(0)} ms`,
      );
    }
    // The table's first rows, each build in turn: a change to how the window starts must not delay them.
    for (const build of builds) {
      if (build.polled || Number(values['table-loads']) === 0) continue;
      const rows: number[] = [];
      for (let load = 0; load < Number(values['table-loads']); load += 1) {
        await build.page.goto('about:blank');
        rows.push(await timeToShown(build.page, `${build.server.url}/#/applications`));
      }
      build.tableRows.push(...rows);
      log(`round ${round} ${build.label}: the table's first rows p50 ${summarize(rows).p50.toFixed(1)} ms [${rows.map((value) => value.toFixed(0)).join(' ')}]`);
    }
  }
  if (values.detail) {
    // Where the first cards' time goes: the page's resource timings (scripts, the handler calls) against the card.
    for (const build of builds) {
      const { firstCard } = await loadBoard(build);
      const entries = (await build.page.evaluate(`performance.getEntriesByType('resource').map((entry) => [entry.name.replace(/^.*\\/(api|assets)\\//, '$1/'), Math.round(entry.startTime), Math.round(entry.responseEnd)])`)) as [string, number, number][];
      const navigation = (await build.page.evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0]; return [Math.round(n.responseEnd), Math.round(n.domInteractive), Math.round(n.domContentLoadedEventEnd)]; })()`)) as number[];
      const seen = await build.page.evaluate(`(() => { const cards = [...document.querySelectorAll('.board [data-application-id]')]; const inside = cards.filter((card) => { const box = card.getBoundingClientRect(); return box.top < innerHeight && box.left < innerWidth; }); return [cards.length, inside.length, Math.round(cards[0]?.getBoundingClientRect().height ?? 0), Math.round(cards[0]?.getBoundingClientRect().top ?? 0)]; })()`);
      log(`renders: ${JSON.stringify(await build.page.evaluate('window.__r ?? null'))}`);
      log(`${build.label}: cards drawn when the first showed / inside the window / height / first top: ${JSON.stringify(seen)}`);
      log(`${build.label}: html responseEnd ${navigation[0]}, domInteractive ${navigation[1]}, DOMContentLoaded end ${navigation[2]}, first card ${firstCard.toFixed(0)}`);
      for (const [name, start, end] of entries.filter(([, start]) => start < firstCard)) log(`  ${start}–${end} ${name.slice(0, 100)}`);
    }
  }
  if (values.trace) {
    // A performance trace of one load per build (DIR/<label>.trace.json: DevTools' Performance panel opens it): it
    // names the browser's own work (style, layout, paint, script compilation) that a CPU profile shows as "(program)".
    fs.mkdirSync(values.trace, { recursive: true });
    for (const build of builds) {
      await build.page.goto('about:blank');
      const file = path.join(values.trace, `${build.label}.trace.json`);
      await browser.startTracing(undefined, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
      const firstCard = await openBoard(build);
      await build.page.evaluate(`performance.mark('first-card', { startTime: ${firstCard} })`);
      await browser.stopTracing();
      log(`trace of ${build.label}: ${file}`);
      // And the scroll right after, as the bench scrolls (while the board still fills), or after --settle.
      if (Number(values.settle) > 0) await build.page.waitForTimeout(Number(values.settle));
      const scrollFile = path.join(values.trace, `${build.label}.scroll.trace.json`);
      await browser.startTracing(undefined, { path: scrollFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
      await build.page.evaluate(boardScrollScript(Number(values.frames), 120));
      await browser.stopTracing();
      log(`trace of ${build.label}'s scroll: ${scrollFile}`);
    }
  }
  if (values['trace-loads']) {
    const file = path.join(scratchDir('candid-measure-board-trace-'), 'load.trace.json');
    const totals = new Map<Build, number[]>();
    for (let load = 0; load < Number(values['trace-loads']); load += 1) {
      for (const build of builds) {
        await build.page.goto('about:blank');
        await browser.startTracing(undefined, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'] });
        const firstCard = await openBoard(build);
        await build.page.evaluate(`performance.mark('first-card', { startTime: ${firstCard} })`);
        await browser.stopTracing();
        const { total, byKind } = firstCardCpu(JSON.parse(fs.readFileSync(file, 'utf8')) as TraceFile);
        totals.set(build, [...(totals.get(build) ?? []), total]);
        const kinds = [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([kind, ms]) => `${kind} ${ms.toFixed(1)}`).join(', ');
        log(`traced load ${load + 1} ${build.label}: first card ${firstCard.toFixed(0)} ms, main-thread CPU until then ${total.toFixed(1)} ms (${kinds})`);
      }
    }
    for (const [build, values] of totals) log(`${build.label}: main-thread CPU until the first card, p50 ${summarize(values).p50.toFixed(1)} ms [${values.map((value) => value.toFixed(0)).join(' ')}]`);
  }
  if (values.commits) {
    for (let load = 0; load < Number(values.commits); load += 1) {
      for (const build of builds) {
        const { firstCard } = await loadBoard(build);
        const commits = (await build.page.evaluate('window.__candidCommits ?? []')) as [number, number, number, number][];
        const calls = (await build.page.evaluate(
          `performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/')).map((entry) => [entry.name.split('/').pop(), Math.round(entry.startTime), Math.round(entry.responseEnd)])`,
        )) as [string, number, number][];
        log(
          `commits of ${build.label}, first card ${firstCard.toFixed(0)} ms: ` +
            commits.filter(([time]) => time <= firstCard).map(([time, cards, elements, columns]) => `${time} ms ${cards} cards ${columns} columns ${elements} elements`).join('; '),
        );
        log(`  calls: ${calls.filter(([, start]) => start < firstCard).map(([name, start, end]) => `${name} ${start}–${end}`).join(', ')}`);
      }
    }
  }
  if (values.profile) {
    fs.mkdirSync(values.profile, { recursive: true });
    for (const build of builds) {
      await build.page.goto('about:blank');
      const session = await build.page.context().newCDPSession(build.page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      await session.send('Profiler.start');
      await openBoard(build);
      const { profile } = await session.send('Profiler.stop');
      const file = path.join(values.profile, `${build.label}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      log(`profile of ${build.label}: ${file}`);
    }
  }
  if (values['trace-scroll']) {
    fs.mkdirSync(values['trace-scroll'], { recursive: true });
    for (let run = 0; run < Number(values['trace-scroll-runs']); run += 1) for (const build of builds) {
      await build.page.goto('about:blank');
      const file = path.join(values['trace-scroll'], `${build.label}.load-scroll.trace.json`);
      await browser.startTracing(undefined, { path: file, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
      await openBoard(build);
      await build.page.evaluate(boardScrollScript(Number(values.frames), 120));
      await browser.stopTracing();
      const trace = JSON.parse(fs.readFileSync(file, 'utf8')) as TraceFile;
      const frames = scrollFramesCpu(trace);
      const sorted = [...frames].sort((a, b) => a - b);
      log(
        `trace of ${build.label}'s load and scroll: ${file}; main-thread CPU per scroll frame: longest ${sorted.at(-1)?.toFixed(1)}, ` +
          `p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms, over 16.7 ms ${frames.filter((frame) => frame > 16.7).length} of ${frames.length}, over 33 ms ${frames.filter((frame) => frame > 33).length}, ` +
          `total ${frames.reduce((sum, frame) => sum + frame, 0).toFixed(0)} ms, garbage collection ${scrollGcCpu(trace).toFixed(0)} ms`,
      );
    }
  }
  if (values['scroll-profile']) {
    fs.mkdirSync(values['scroll-profile'], { recursive: true });
    for (const build of builds) {
      await loadBoard(build);
      const session = await build.page.context().newCDPSession(build.page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
      const frames = (await build.page.evaluate(boardScrollScript(Number(values.frames), 120))) as number[] | null;
      const { profile } = await session.send('Profiler.stop');
      const file = path.join(values['scroll-profile'], `${build.label}.scroll.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      log(`profile of ${build.label}'s scroll: ${file} (longest frame ${frames ? Math.max(...frames).toFixed(1) : 'n/a'} ms)`);
    }
  }
  for (const build of builds.filter((each) => each.firstCards.length > 0)) {
    const first = summarize(build.firstCards);
    console.log(
      `${build.label}: first cards p50 ${first.p50.toFixed(1)} ms (min ${Math.min(...build.firstCards).toFixed(1)}, max ${first.max.toFixed(1)}, n ${first.n}); ` +
        `page CPU p50 ${summarize(build.pageCpu).p50.toFixed(1)} ms; server CPU p50 ${summarize(build.serverCpu).p50.toFixed(1)} ms; ` +
        `scroll p95 [${build.p95Frames.map((value) => value.toFixed(1)).join(', ')}] longest [${build.longestFrames.map((value) => value.toFixed(1)).join(', ')}] ms` +
        (build.tableRows.length > 0 ? `; the table's first rows p50 ${summarize(build.tableRows).p50.toFixed(1)} ms (n ${build.tableRows.length})` : ''),
    );
  }
} finally {
  for (const build of builds) await build.server.close();
  await browser.close();
  await closeAppContext(context);
}
