/**
 * The import's final transaction (ImportStaging.apply), statement by statement, replayed on kept copies of a staging
 * database and the live database it was staged against. Not a test (tests never assert timings).
 *
 *   npx tsx test/bench/probe-import-copy.ts capture <keep dir> <csv file> [database to import into]
 *     stages the file with the real code (importFile) and keeps the staging and the live database as they are when
 *     the copy would start, instead of copying;
 *   npx tsx test/bench/probe-import-copy.ts replay <keep dir> [rounds]
 *     copies both to a scratch folder and runs `prepareTransfer` and `apply` on them, printing each statement's wall and CPU time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { importFile } from '../../src-main/imports/run';
import { ImportStaging } from '../../src-main/imports/staging';
import { ChangeWriter } from '../../src-main/changes/writer';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName, openDatabase } from '../../src-main/db/open';
import type { Database } from '../../src-main/db/connection';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { tempDir } from '../support/temp-app';
import { loadAverage } from './cpu';

const [mode, keepArgument, ...rest] = process.argv.slice(2);
if (!keepArgument || (mode !== 'capture' && mode !== 'replay')) throw new Error('usage: capture <keep dir> <csv> [database] | replay <keep dir> [rounds]');
const keep = path.resolve(keepArgument);

class Captured extends Error {}

interface StagingState {
  logSeq: number;
  copiedUpTo: Record<string, number>;
}

async function capture(csv: string, into?: string): Promise<void> {
  fs.mkdirSync(keep, { recursive: true });
  const dataDir = tempDir('candid-copy-capture-');
  if (into) fs.copyFileSync(into, path.join(dataDir, databaseFileName));
  await setup();
  const context = await openAppContext({ dataDir });
  // Kept as the copy's preparation (prepareTransfer, then apply) would start.
  const prepare = ImportStaging.prototype.prepareTransfer;
  let kept: Promise<unknown> | undefined;
  ImportStaging.prototype.prepareTransfer = function (this: ImportStaging, live: Database) {
    const state = this as unknown as StagingState;
    fs.copyFileSync(this.file, path.join(keep, 'staging.sqlite'));
    fs.writeFileSync(path.join(keep, 'state.json'), JSON.stringify({ logSeq: state.logSeq, copiedUpTo: state.copiedUpTo }));
    kept = live.sqlite.backup(path.join(keep, databaseFileName));
    throw new Captured();
  };
  try {
    await importFile(context, { source: { path: path.resolve(csv) }, options: { skipInvalidRows: true } });
  } catch (error) {
    if (!(error instanceof Captured)) throw error;
  } finally {
    ImportStaging.prototype.prepareTransfer = prepare;
    await kept;
    closeAppContext(context);
    fs.rmSync(dataDir, { recursive: true, force: true });
    teardown();
  }
  console.log(`kept in ${keep}`);
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Times every statement `live` runs (through its statement cache or exec), by its first words. */
function timeStatements(live: Database, timings: Map<string, Timing>): void {
  const record = (text: string, started: number, cpu: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(cpu);
    const key = text.replace(/\s+/g, ' ').slice(0, 90);
    const timing = timings.get(key) ?? { wallMs: 0, cpuMs: 0 };
    timing.wallMs += performance.now() - started;
    timing.cpuMs += (used.user + used.system) / 1000;
    timings.set(key, timing);
  };
  const sql = live.sql.bind(live);
  live.sql = (text: string) => {
    const statement = sql(text);
    return new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (!['run', 'get', 'all'].includes(String(property))) return (...args: unknown[]) => {
          const result = method.apply(target, args);
          return result === target ? statementProxy(target, record, text) : result;
        };
        return (...args: unknown[]) => {
          const started = performance.now();
          const cpu = process.cpuUsage();
          try {
            return method.apply(target, args);
          } finally {
            record(text, started, cpu);
          }
        };
      },
    });
  };
  const exec = live.sqlite.exec.bind(live.sqlite);
  live.sqlite.exec = (text: string) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      return exec(text);
    } finally {
      record(text, started, cpu);
    }
  };
}

function statementProxy(statement: BetterSqlite3.Statement, record: (text: string, started: number, cpu: NodeJS.CpuUsage) => void, text: string): BetterSqlite3.Statement {
  return new Proxy(statement, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        try {
          const result = method.apply(target, args);
          return result === target ? statementProxy(target, record, text) : result;
        } finally {
          record(text, started, cpu);
        }
      };
    },
  });
}

async function replay(rounds: number): Promise<void> {
  const state = JSON.parse(fs.readFileSync(path.join(keep, 'state.json'), 'utf8')) as StagingState;
  for (let round = 0; round < rounds; round += 1) {
    const dataDir = tempDir('candid-copy-replay-');
    fs.copyFileSync(path.join(keep, databaseFileName), path.join(dataDir, databaseFileName));
    const stagingFile = path.join(dataDir, '.import-staging-replay.sqlite');
    fs.copyFileSync(path.join(keep, 'staging.sqlite'), stagingFile);
    const context = await openAppContext({ dataDir });
    const stagingDb = await openDatabase({ file: stagingFile, dataDir, nativeBinding: context.db.options.nativeBinding });
    stagingDb.sqlite.pragma('journal_mode = MEMORY');
    const changes = ChangeWriter.open(stagingDb, () => context.clock.now(), { newRowClocks: false, newRowValues: false });
    const Staging = ImportStaging as unknown as new (...args: unknown[]) => ImportStaging;
    const staging = new Staging(stagingFile, stagingDb, changes, state.logSeq, state.copiedUpTo);
    // A job's connection: SQLite's own checkpoint as a safety net, which apply turns off for the copy.
    context.db.sqlite.pragma('wal_autocheckpoint = 10000');
    // A variant's page cache for the live connection (KiB when negative, as the pragma reads it).
    if (process.env.COPY_CACHE_SIZE) context.db.sqlite.pragma(`cache_size = ${Number(process.env.COPY_CACHE_SIZE)}`);
    const timings = new Map<string, Timing>();
    timeStatements(context.db, timings);
    // The final transaction alone (what holds the write lock), apart from apply's work before it.
    const lock = { wallMs: 0, cpuMs: 0 };
    const transaction = context.db.transaction.bind(context.db);
    context.db.transaction = <T>(fn: () => T): T => {
      // A savepoint inside it is part of it.
      if (context.db.sqlite.inTransaction) return transaction(fn);
      const lockStarted = performance.now();
      const lockCpu = process.cpuUsage();
      try {
        return transaction(fn);
      } finally {
        const used = process.cpuUsage(lockCpu);
        lock.wallMs += Math.round(performance.now() - lockStarted);
        lock.cpuMs += Math.round((used.user + used.system) / 1000);
      }
    };
    const started = performance.now();
    const cpu = process.cpuUsage();
    staging.prepareTransfer(context.db);
    await staging.apply(context.db);
    const used = process.cpuUsage(cpu);
    const total = { wallMs: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), load: loadAverage() };
    const rows = [...timings].filter(([, timing]) => timing.cpuMs >= 20 || timing.wallMs >= 20).sort((a, b) => b[1].cpuMs - a[1].cpuMs);
    const indexBuilds = [...timings].filter(([key]) => key.startsWith('CREATE INDEX')).reduce((sum, [, timing]) => sum + timing.cpuMs, 0);
    console.log(JSON.stringify({ round, ...total, lockWallMs: lock.wallMs, lockCpuMs: lock.cpuMs, indexBuildsCpuMs: Math.round(indexBuilds) }));
    for (const [key, timing] of rows) console.log(`${String(Math.round(timing.wallMs)).padStart(6)} ${String(Math.round(timing.cpuMs)).padStart(6)}  ${key}`);
    staging.close();
    closeAppContext(context);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (mode === 'capture') await capture(rest[0], rest[1]);
else await replay(Number(rest[0] ?? 1));
