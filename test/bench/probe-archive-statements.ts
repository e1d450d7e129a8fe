/**
 * Where "select all" → archive and its Undo spend their time, statement by statement: every statement run through
 * the connection (`Database.sql`, `sqlite.exec`) is timed (wall and CPU of the process) and summed by its text's
 * start. Not a test: `npx tsx test/bench/probe-archive-statements.ts <database file> [width of the text's start]`.
 * The copy is made in a temporary folder and removed at the end.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { BackgroundCheckpoints } from '../../src-main/db/checkpointer';
import { Database } from '../../src-main/db/connection';
import { databaseFileName } from '../../src-main/db/open';
import { callOrThrow } from './cases';
import { loadAverage } from './cpu';
import { removeScratch, scratchDir } from './scratch';

const source = path.resolve(process.argv[2] ?? '');
const width = Number(process.argv[3] ?? '90');
const dir = scratchDir('candid-probe-archive-');
fs.copyFileSync(source, path.join(dir, databaseFileName), fs.constants.COPYFILE_FICLONE);

type Totals = Map<string, { calls: number; wallMs: number; cpuMs: number }>;
let totals: Totals = new Map();
function timed<T>(text: string, run: () => T): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  try {
    return run();
  } finally {
    const used = process.cpuUsage(cpu);
    const key = text.replace(/\s+/g, ' ').trim().slice(0, width);
    const entry = totals.get(key) ?? { calls: 0, wallMs: 0, cpuMs: 0 };
    entry.calls += 1;
    entry.wallMs += performance.now() - wall;
    entry.cpuMs += (used.user + used.system) / 1000;
    totals.set(key, entry);
  }
}

const timedMethods = new Set(['run', 'all', 'get']);
function timedStatement(statement: BetterSqlite3.Statement, text: string): BetterSqlite3.Statement {
  return new Proxy(statement, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (timedMethods.has(String(property))) return (...args: unknown[]) => timed(text, () => value.apply(target, args));
      if (property === 'iterate') {
        return (...args: unknown[]) => {
          const rows = timed(text, () => [...(value.apply(target, args) as Iterable<unknown>)]);
          return rows[Symbol.iterator]();
        };
      }
      // pluck(), raw() and the like return the statement: keep timing it.
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result === target ? timedStatement(target, text) : result;
      };
    },
  });
}

// PROBE_NO_CHECKPOINT=1: no checkpoint thread after the archive's commit (what its copy costs the Undo).
if (process.env.PROBE_NO_CHECKPOINT) BackgroundCheckpoints.prototype.afterCommit = () => {};

const sql = Database.prototype.sql;
Database.prototype.sql = function (this: Database, text: string) {
  return timedStatement(sql.call(this, text), text);
};

function report(step: string, wallMs: number): void {
  const rows = [...totals].sort((a, b) => b[1].wallMs - a[1].wallMs);
  const summed = rows.reduce((sum, [, entry]) => sum + entry.wallMs, 0);
  console.log(`== ${step}: ${Math.round(wallMs)} ms wall, ${Math.round(summed)} ms in statements, load ${loadAverage()}`);
  for (const [text, entry] of rows.slice(0, 25)) {
    console.log(`${entry.wallMs.toFixed(0).padStart(6)} wall ${entry.cpuMs.toFixed(0).padStart(6)} cpu ${String(entry.calls).padStart(5)}x  ${text}`);
  }
}

try {
  const context = await openAppContext({ dataDir: dir });
  const exec = context.db.sqlite.exec.bind(context.db.sqlite);
  context.db.sqlite.exec = (text: string) => timed(text, () => exec(text));
  const api = createApi(context);
  const call = (channel: string, input: unknown) => callOrThrow(api, channel, input);
  totals = new Map();
  let wall = performance.now();
  const archived = (await call('applications.bulkByFilter', { filters: {}, action: 'archive' })) as { ids: string[] };
  report(`archive of ${archived.ids.length}`, performance.now() - wall);
  totals = new Map();
  wall = performance.now();
  await call('applications.unarchive', { ids: archived.ids });
  report('undo', performance.now() - wall);
  closeAppContext(context);
} finally {
  removeScratch(dir);
}
