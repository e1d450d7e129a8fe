/**
 * One export or import, alone in its own process, so its peak memory (the RSS high-water mark the kernel
 * keeps, process.resourceUsage().maxRSS) is its own. Started by run.ts; prints one line `BENCH_RESULT {json}`.
 *
 *   node --import tsx test/bench/heavy.ts <export|export-raw|import|import-raw> <data dir> <file>
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import fs from 'node:fs';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { newId } from '../../src-main/changes/ids';
import { createApi } from '../../src-main/api';
import { summarize, type Figures } from './timing';
import { setupAsBuilt as bundleJobsWorker, teardown as removeJobsWorkerBundle } from '../support/jobs-worker-bundle';
import { mainThreadCpuMs } from './cpu';
import { callOrThrow } from './cases';

export type HeavyKind = 'export' | 'export-raw' | 'import' | 'import-raw' | 'import-during';

export interface HeavyResult {
  ok: boolean;
  ms?: number;
  /** Peak resident memory of the whole process, MB. */
  peakRssMb?: number;
  /** Resident memory once the database was open, before the work, MB. */
  startRssMb?: number;
  /** CPU time (user + system) of the work, ms. */
  cpuMs?: number;
  /** Of which main's JavaScript thread (Linux only): the list's calls; the rest is the job (worker, zlib, SQLite). */
  mainThreadCpuMs?: number;
  detail?: string;
  /** The list's first page, called from main's thread again and again while the job runs in its worker. */
  listDuring?: Figures;
  /** Milliseconds from the job's last step (an import's final transaction) to its end: how long it held the lock. */
  lastStepMs?: number;
}

const marker = 'BENCH_RESULT ';
const mb = (kilobytes: number) => Math.round(kilobytes / 1024);

/** Runs heavy.ts in a child process and reads its result line. */
export function runHeavy(kind: HeavyKind, dataDir: string, file: string): Promise<HeavyResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'heavy.ts'), kind, dataDir, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('exit', (code) => {
      const line = out.split('\n').find((candidate) => candidate.startsWith(marker));
      if (line) resolve(JSON.parse(line.slice(marker.length)) as HeavyResult);
      else resolve({ ok: false, detail: `error: the ${kind} process exited with ${code}: ${errors.trim().split('\n').slice(-3).join(' ')}` });
    });
  });
}

async function timed(work: () => Promise<unknown> | unknown): Promise<{ ms: number; cpuMs: number; mainThreadCpuMs?: number; detail: string }> {
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const started = performance.now();
  const value = await work();
  const cpu = process.cpuUsage(cpuBefore);
  const mainSpent = mainThreadCpuMs() - mainBefore;
  return { ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, mainThreadCpuMs: Number.isNaN(mainSpent) ? undefined : mainSpent, detail: describe(value) };
}

function describe(value: unknown): string {
  if (value && typeof value === 'object') {
    const { kind, bytes, rows, created } = value as Record<string, unknown>;
    return JSON.stringify({ kind, bytes, rows, created });
  }
  return String(value ?? '');
}

async function withContext<T>(dataDir: string, fn: (context: AppContext) => Promise<T>): Promise<T> {
  const context = await openAppContext({ dataDir });
  try {
    return await fn(context);
  } finally {
    closeAppContext(context);
  }
}

/**
 * Calls the list's first page from main's thread, one call after another with a short pause, while `work` runs
 * (in a job's worker): what a user scrolling the table meanwhile would wait for.
 */
async function listWhile(context: AppContext, work: Promise<unknown>): Promise<Figures | undefined> {
  const api = createApi(context);
  let running = true;
  void work.finally(() => (running = false)).catch(() => undefined);
  const samples: number[] = [];
  while (running) {
    const started = performance.now();
    const result = await api.call('applications.list', {});
    if (!result.ok) throw new Error(`applications.list: ${result.error.message}`);
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return samples.length ? summarize(samples) : undefined;
}

/**
 * How long the user takes to choose where an export goes, or the file to import, at the least: the app starts the
 * jobs' worker as the save dialog or the import wizard opens (jobs.prepare), so the job finds it started.
 */
const userChoosingMs = 1000;

/** Runs a channel as the app does (its job in a worker thread), timing it and sampling the list meanwhile. */
async function jobTyped(dataDir: string, channel: string, input: unknown, upcoming?: { job?: string; importFileBytes?: number }): Promise<HeavyResult> {
  return withContext(dataDir, async (context) => {
    const api = createApi(context);
    await callOrThrow(api, 'jobs.prepare', upcoming);
    await new Promise((resolve) => setTimeout(resolve, userChoosingMs));
    const startRssMb = mb(process.resourceUsage().maxRSS);
    let listDuring: Figures | undefined;
    let applyingSince: number | undefined;
    let lastStepMs: number | undefined;
    const stop = context.jobs.onEvent((event) => {
      if (event.step === 'applying' && applyingSince === undefined) applyingSince = performance.now();
      if (event.state !== 'running' && applyingSince !== undefined) lastStepMs = performance.now() - applyingSince;
    });
    const { ms, cpuMs, mainThreadCpuMs, detail } = await timed(async () => {
      const work = callOrThrow(api, channel, input);
      listDuring = await listWhile(context, work);
      return work;
    });
    stop();
    return { ok: true, ms, cpuMs, mainThreadCpuMs, startRssMb, detail, listDuring, lastStepMs };
  });
}

/** The whole workbook of every application (archived included), written to `file`. */
function exportTyped(dataDir: string, file: string): Promise<HeavyResult> {
  // The save dialog tells the worker which export comes (exportRun.ts).
  return jobTyped(dataDir, 'exports.excel', { filters: { archived: 'all' }, path: file, language: 'en' }, { job: 'exports.excel' });
}

/** Baseline: reading the rows such a workbook holds, with nothing written. */
async function exportRaw(dataDir: string): Promise<HeavyResult> {
  const db = new BetterSqlite3(path.join(dataDir, databaseFileName), { readonly: true });
  const startRssMb = mb(process.resourceUsage().maxRSS);
  const { ms, cpuMs, detail } = await timed(() => {
    let rows = 0;
    for (const sql of [
      `SELECT a.*, c.name FROM applications a JOIN companies c ON c.id = a.company_id WHERE a.deleted_at IS NULL`,
      `SELECT * FROM interviews WHERE deleted_at IS NULL`,
      `SELECT * FROM companies WHERE deleted_at IS NULL`,
      `SELECT * FROM contacts WHERE deleted_at IS NULL`,
      `SELECT * FROM stage_events WHERE deleted_at IS NULL`,
    ]) {
      for (const row of db.prepare(sql).iterate()) if (row) rows += 1;
    }
    return { rows };
  });
  db.close();
  return { ok: true, ms, cpuMs, startRssMb, detail };
}

function importTyped(dataDir: string, file: string): Promise<HeavyResult> {
  // The wizard has read the file (its preview) before the import: it tells the worker the table's size.
  return jobTyped(dataDir, 'imports.run', { source: { path: file }, options: { skipInvalidRows: true } }, { importFileBytes: fs.statSync(file).size });
}

/** Baseline: parsing the CSV and plain INSERTs of companies and applications, no change log, no checks. */
async function importRaw(dataDir: string, file: string): Promise<HeavyResult> {
  return withContext(dataDir, async (context) => {
    const db = context.db.sqlite;
    const startRssMb = mb(process.resourceUsage().maxRSS);
    const stageId = db.prepare(`SELECT id FROM stages WHERE category = 'applied' LIMIT 1`).pluck().get() as string;
    const { ms, cpuMs, detail } = await timed(() => {
      const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
      const companies = new Map<string, string>();
      const insertCompany = db.prepare(`INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
      const insertApplication = db.prepare(
        `INSERT INTO applications (id, company_id, position, location, source, applied_on, notes, stage_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const now = new Date().toISOString();
      db.transaction(() => {
        for (const row of parsed.data) {
          let companyId = companies.get(row.Company.toLowerCase());
          if (!companyId) {
            companyId = newId();
            insertCompany.run(companyId, row.Company, row.Company.toLowerCase(), now, now);
            companies.set(row.Company.toLowerCase(), companyId);
          }
          insertApplication.run(newId(), companyId, row.Position, row.Location || null, row.Source || null, row['Applied on'] || null, row.Notes || null, stageId, now, now);
        }
      })();
      return { created: parsed.data.length };
    });
    return { ok: true, ms, cpuMs, startRssMb, detail };
  });
}

async function main(): Promise<void> {
  const [kind, dataDir, file] = process.argv.slice(2) as [HeavyKind, string, string];
  let result: HeavyResult;
  try {
    // The export's and the import's jobs (and the export's sheet thread) start from a bundle of the worker as the
    // app's do: not compiled by tsx in the worker as it starts, seconds of CPU the app never spends.
    const fromBundle = (work: () => Promise<HeavyResult>) => bundleJobsWorker().then(() => work().finally(removeJobsWorkerBundle));
    if (kind === 'export') result = await fromBundle(() => exportTyped(dataDir, file));
    else if (kind === 'export-raw') result = await exportRaw(dataDir);
    else if (kind === 'import' || kind === 'import-during') result = await fromBundle(() => importTyped(dataDir, file));
    else if (kind === 'import-raw') result = await importRaw(dataDir, file);
    else throw new Error(`unknown kind ${kind}`);
  } catch (error) {
    result = { ok: false, detail: `error: ${(error as Error).message.split('\n')[0]}` };
  }
  result.peakRssMb = mb(process.resourceUsage().maxRSS);
  console.log(`${marker}${JSON.stringify(result)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) void main();
