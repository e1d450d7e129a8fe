/**
 * A focused probe of the list's targets of #16 on a copy of a bench database, for before/after figures in one run:
 * `npx tsx test/bench/probe-list.ts <data folder> [rounds]`. It prints, as JSON, the CPU and wall p50/p95 per
 * `applications.list` call (first page, the page after a cursor 36,000 rows down, three filters, search, offset
 * 36,000), the raw baseline's first page (bench/baseline.ts) measured in the same process, and how many SQL
 * statements one first page runs. Run it alternately on the old and new code and compare CPU figures: the machine
 * is shared. With `PROBE_LOOP=N` it only calls the first page N times (for `node --cpu-prof`).
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { RawBaseline } from './baseline';
import { searchTerms } from './cases';
import { measure } from './timing';

const [dataDir, roundsText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-list.ts <data folder> [rounds]');
const rounds = Number(roundsText ?? 300);
const file = path.join(dataDir, databaseFileName);

const context = await openAppContext({ dataDir });
const api = createApi(context);
const raw = new RawBaseline(file);
const call = async (input: unknown) => {
  const result = await api.call('applications.list', input);
  if (!result.ok) throw new Error(`applications.list: ${result.error.message}`);
  return result.value as { nextCursor: string | null };
};

const loop = Number(process.env.PROBE_LOOP ?? 0);
if (loop > 0) {
  for (let i = 0; i < loop; i += 1) await call({});
} else {
  // Statements one first page runs: every execution of a prepared statement, counted by method.
  const executed: string[] = [];
  const prototype = BetterSqlite3.prototype.prepare.call(context.db.sqlite, 'SELECT 1').constructor.prototype as Record<string, (...args: unknown[]) => unknown>;
  const originals = Object.fromEntries(['all', 'get', 'run', 'iterate'].map((name) => [name, prototype[name]]));
  for (const name of Object.keys(originals)) {
    prototype[name] = function (this: { source: string }, ...args: unknown[]) {
      executed.push(this.source.replace(/\s+/g, ' ').slice(0, 160));
      return originals[name].apply(this, args);
    };
  }
  await call({});
  executed.length = 0;
  await call({});
  const statements = [...executed];
  for (const [name, original] of Object.entries(originals)) prototype[name] = original;

  const deepCursor = (await call({ offset: 36_000 - 50 })).nextCursor;
  const threeFilters = { stageCategories: ['screening', 'interviewing'], workModes: ['remote', 'hybrid'], employmentTypes: ['permanent'] };
  const cases: Record<string, (i: number) => unknown> = {
    'list.default': () => call({}),
    'raw.default': () => raw.list('a.deleted_at IS NULL AND a.archived = 0', []),
    'list.keyset': () => call({ after: deepCursor }),
    'list.filtered': () => call(threeFilters),
    'list.search': (i) => call({ text: searchTerms[i % searchTerms.length] }),
    'list.deep': () => call({ offset: 36_000 }),
  };
  const figures: Record<string, unknown> = {};
  for (const [key, run] of Object.entries(cases)) {
    const result = await measure(run, { iterations: rounds, warmup: 30, budgetMs: 60_000 });
    const round = (value: number | undefined) => Math.round((value ?? Number.NaN) * 100) / 100;
    figures[key] = { cpuP50: round(result.cpuP50), cpuP95: round(result.cpuP95), p50: round(result.p50), p95: round(result.p95), n: result.n };
  }
  console.log(JSON.stringify({ statements: statements.length, sql: statements, figures }, null, 1));
}
raw.close();
closeAppContext(context);
