/**
 * `npm run bench [-- --sizes 1000,10000,100000] [--no-renderer]`: how fast Candid is at 1,000, 10,000 and
 * 100,000 applications. Builds (once, cached under test/bench/cache/) databases through `npm run seed`, then
 * measures the main-process handlers directly (no HTTP) beside a hand-written raw better-sqlite3 baseline,
 * exports and imports in their own processes (for their peak memory), and the renderer in Chromium.
 * Prints Markdown tables on stdout (progress on stderr) and writes test/bench/results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { latestSchemaVersion } from '../../migrations';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { generatorVersion } from '../../src-main/seed';
import { RawBaseline } from './baseline';
import { cachedDatabase, pruneCache, workingCopy, benchDir, type CachedDatabase } from './cache';
import { benchCases, loadFixture } from './cases';
import { importCsvFor } from './csv';
import { runHeavy, type HeavyResult } from './heavy';
import { benchRenderer } from './renderer';
import {
  checkTargets,
  machineInfo,
  machineLine,
  rendererTable,
  sizeTable,
  targetsTable,
  type CaseResult,
  type RendererResult,
  type SizeResult,
} from './report';
import { removeScratch, scratchDir } from './scratch';
import { measure, type Figures } from './timing';
import { runServerBench, type ServerBenchOptions } from './server';
// Registers the device-side sync cases that runServerBench runs against each engine's server.
import './sync-device';
// Registers the REST API's cases (issue 17) the same way.
import './rest';
import { syntheticCsv } from '../imports/support/synthetic';

const log = (line: string) => process.stderr.write(`${line}\n`);

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      'no-renderer': { type: 'boolean', default: false },
      // --server runs only the sync server's part (test/bench/server.ts).
      server: { type: 'boolean', default: false },
      'no-server': { type: 'boolean', default: false },
      devices: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '1' },
      rate: { type: 'string', default: '10' },
      engines: { type: 'string', default: 'sqlite,postgres' },
    },
    allowPositionals: false,
  });
  const engines = values.engines.split(',') as Array<'sqlite' | 'postgres'>;
  if (engines.some((engine) => engine !== 'sqlite' && engine !== 'postgres')) throw new Error(`--engines takes sqlite and/or postgres, not ${values.engines}`);
  const server: ServerBenchOptions = { devices: Number(values.devices), devicesPerAccount: 10, rounds: Number(values.rounds), rate: Number(values.rate), engines };
  if (values.server) {
    return { sizes: [], renderer: false, server, serverOnly: true };
  }
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`--sizes must be whole numbers ≥ 100, not ${values.sizes}`);
  return { sizes, renderer: !values['no-renderer'], server: values['no-server'] ? undefined : server, serverOnly: false };
}

/** Runs one case; a failure is reported in the table instead of stopping the whole benchmark. */
async function runCase(spec: { key: string; label: string; baseline: string }, work: () => Promise<Partial<CaseResult>>): Promise<CaseResult> {
  log(`  ${spec.label}`);
  try {
    return { ...spec, ...(await work()) };
  } catch (error) {
    return { ...spec, status: `error: ${(error as Error).message.split('\n')[0].slice(0, 200)}` };
  }
}

async function inScratch<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = scratchDir(prefix);
  try {
    return await fn(dir);
  } finally {
    removeScratch(dir);
  }
}

const single = (ms: number, cpuMs?: number): Figures => ({ p50: ms, p95: ms, max: ms, n: 1, cpuP50: cpuMs });

/** An export or import: the app's channel (its job in a worker) and the raw baseline, each alone in a child process. */
async function heavyCase(key: string, label: string, baseline: string, typed: () => Promise<HeavyResult>, raw: () => Promise<HeavyResult>) {
  let listDuring: CaseResult | undefined;
  const result = await runCase({ key, label, baseline }, async () => {
    const app = await typed();
    if (!app.ok || app.ms === undefined) return { status: app.detail ?? 'error' };
    if (app.listDuring) listDuring = listDuringCase(key, app.listDuring);
    if (app.lastStepMs !== undefined) label = `${label}; its final transaction held the write lock ${Math.round(app.lastStepMs)} ms`;
    if (app.mainThreadCpuMs !== undefined && app.cpuMs !== undefined) label = `${label}; CPU of the job ${Math.round(app.cpuMs - app.mainThreadCpuMs)} ms, of main's thread (the list's calls) ${Math.round(app.mainThreadCpuMs)} ms`;
    const base = await raw();
    return {
      label,
      typed: single(app.ms, app.cpuMs),
      raw: base.ok && base.ms !== undefined ? single(base.ms, base.cpuMs) : undefined,
      peakRssMb: app.peakRssMb,
      rawPeakRssMb: base.peakRssMb,
    };
  });
  return listDuring ? [result, listDuring] : [result];
}

function listDuringCase(job: string, figures: Figures): CaseResult {
  return {
    key: `list.during.${job}`,
    label: `applications.list, first page, while the ${job} runs (its job in a worker; ${figures.n} calls)`,
    baseline: '',
    typed: figures,
  };
}

async function benchSize(cached: CachedDatabase): Promise<SizeResult> {
  log(`\n${cached.count.toLocaleString('en')} applications`);
  const dir = workingCopy(cached, scratchDir('candid-bench-'));
  const file = path.join(dir, databaseFileName);
  const results: CaseResult[] = [];
  try {
    const big = cached.count >= 100_000;
    results.push(
      await runCase({ key: 'open', label: 'open + migration check', baseline: 'open the file, read user_version, close' }, async () => ({
        typed: await measure(async () => closeAppContext(await openAppContext({ dataDir: dir })), { iterations: big ? 5 : 15, warmup: 1 }),
        raw: await measure(
          () => {
            const db = new BetterSqlite3(file);
            db.pragma('user_version', { simple: true });
            db.close();
          },
          { iterations: 15, warmup: 1 },
        ),
      })),
    );

    const context = await openAppContext({ dataDir: dir });
    const api = createApi(context);
    const raw = new RawBaseline(file);
    try {
      const fixture = loadFixture(context, `bench-${cached.count}`);
      for (const spec of await benchCases(api, raw, fixture, cached.count)) {
        if (spec.unavailable) {
          results.push({ key: spec.key, label: spec.label, baseline: spec.baseline, status: spec.unavailable });
          continue;
        }
        results.push(
          await runCase(spec, async () => ({
            typed: await measure(spec.typed, { iterations: spec.iterations }),
            raw: spec.raw ? await measure(spec.raw, { iterations: spec.iterations }) : undefined,
          })),
        );
      }
    } finally {
      raw.close();
      closeAppContext(context);
    }

    const exportFile = (name: string) => path.join(dir, name);
    results.push(
      ...(await heavyCase(
        'export',
        'Excel export of every application (exports.excel: a job in a worker, started as the save dialog opens), own process',
        'reading the same rows with nothing written',
        () => runHeavy('export', dir, exportFile('bench.xlsx')),
        () => runHeavy('export-raw', dir, ''),
      )),
    );
    const csv = importCsvFor(cached);
    results.push(
      ...(await heavyCase(
        'import',
        `CSV import of ${cached.count.toLocaleString('en')} rows into an empty database (imports.run: a job in a worker, started as the wizard opens), own process`,
        'CSV parse and plain INSERTs of companies and applications',
        () => inScratch('candid-bench-import-', (into) => runHeavy('import', into, csv)),
        () => inScratch('candid-bench-import-raw-', (into) => runHeavy('import-raw', into, csv)),
      )).filter((result) => result.key === 'import'),
    );
    // The list while an import runs into this (full) database: its pre-import backup, staging and final copy.
    const duringRows = Math.min(20_000, cached.count);
    const duringCsv = path.join(dir, 'during.csv');
    fs.writeFileSync(duringCsv, syntheticCsv(duringRows));
    const during = await runHeavy('import-during', dir, duringCsv);
    results.push(
      during.ok && during.listDuring
        ? {
            ...listDuringCase('import', during.listDuring),
            label:
              `applications.list, first page, while an import of ${duringRows.toLocaleString('en')} rows into this database runs ` +
              `(${during.listDuring.n} calls; the import took ${Math.round(during.ms ?? 0)} ms, its final transaction ${Math.round(during.lastStepMs ?? 0)} ms)`,
          }
        : { key: 'list.during.import', label: 'applications.list while an import runs', baseline: '', status: during.detail ?? 'error' },
    );
  } finally {
    removeScratch(dir);
  }
  return { count: cached.count, generatedSeconds: cached.generatedSeconds, cases: results };
}

async function serverOnly(options: ServerBenchOptions): Promise<void> {
  const started = performance.now();
  const { markdown, results } = await runServerBench(options);
  process.stdout.write(`## Server benchmark\n\n${machineLine({ ...machineInfo('-'), loadAverage: { start: Math.round(os.loadavg()[0] * 10) / 10 } })}\n\n${markdown}\n`);
  fs.writeFileSync(path.join(benchDir, 'server-results.json'), `${JSON.stringify({ date: new Date().toISOString(), options, results }, null, 2)}\n`);
  log(`\nWrote test/bench/server-results.json (${((performance.now() - started) / 1000).toFixed(0)} s in all).`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const { sizes, renderer, server, serverOnly: onlyServer } = options();
  if (server && onlyServer) return serverOnly(server);
  const probe = new BetterSqlite3(':memory:');
  const machine = machineInfo(probe.prepare('SELECT sqlite_version()').pluck().get() as string);
  probe.close();
  pruneCache();

  const cachedBySize = new Map<number, CachedDatabase>();
  const sizeResults: SizeResult[] = [];
  for (const size of sizes) {
    const cached = await cachedDatabase(size, log);
    cachedBySize.set(size, cached);
    sizeResults.push(await benchSize(cached));
  }
  const largest = Math.max(...sizes);
  let rendererResult: RendererResult = { status: 'skipped (--no-renderer)' };
  if (renderer) {
    log(`\nRenderer at ${largest.toLocaleString('en')} applications`);
    rendererResult = await benchRenderer(cachedBySize.get(largest)!, log);
  }

  const serverPart = server ? await runServerBench(server) : undefined;

  machine.loadAverage.end = Math.round(os.loadavg()[0] * 10) / 10;
  const checks = checkTargets(sizeResults.find((size) => size.count === 100_000));
  const totalSeconds = (performance.now() - started) / 1000;
  const markdown = [
    '## Benchmark',
    '',
    machineLine(machine),
    '',
    ...sizeResults.flatMap((size) => [sizeTable(size), '']),
    targetsTable(checks),
    '',
    rendererTable(rendererResult),
    '',
    serverPart?.markdown ?? 'Server: skipped (--no-server).',
    '',
    `Generation (this run): ${sizeResults.map((size) => `${size.count.toLocaleString('en')}: ${size.generatedSeconds ? `${size.generatedSeconds.toFixed(0)} s` : 'cached'}`).join(', ')}. ` +
      `Total ${totalSeconds.toFixed(0)} s.`,
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  const results = {
    date: new Date().toISOString(),
    machine,
    generatorVersion,
    schemaVersion: latestSchemaVersion,
    sizes: sizeResults,
    targets: checks,
    renderer: rendererResult,
    server: serverPart?.results,
    totalSeconds,
  };
  fs.writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`\nWrote test/bench/results.json (${totalSeconds.toFixed(0)} s in all).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
