/**
 * What one free-text search of the list runs, statement by statement, on a copy of a bench database:
 * `node --import tsx test/bench/probe-search.ts <data folder> [rounds]`. It calls `applications.list` with each of
 * the bench's search terms in turn, then prints for each term the matches of its full-text query, the CPU of a call
 * (p50, p95) and every statement of the call with its CPU and (with PLANS=1) its query plan. With PAGES=1 it then
 * scrolls each search: the CPU of first pages and of the three pages after them. With EDITS=1 it then edits one
 * application (its favorite flag) before each search, every term in turn: the CPU of the edit, of the search right
 * after it and of a second search (the next term) before the next edit.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { ftsQuery } from '../../src-main/shared/fts';
import { searchTerms } from './cases';
import { percentile } from './timing';

const [dataDir, roundsText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-search.ts <data folder> [rounds]');
const rounds = Number(roundsText ?? 100);
const context = await openAppContext({ dataDir });
const api = createApi(context);
const inspect = new BetterSqlite3(path.join(dataDir, databaseFileName), { readonly: true });

type Timed = { sql: string; params: unknown[]; ms: number[] };
/** The statements of the calls being recorded, by text; none while it is null. */
let timed: Map<string, Timed> | null = null;
const prototype = BetterSqlite3.prototype.prepare.call(context.db.sqlite, 'SELECT 1').constructor.prototype as Record<string, (...args: unknown[]) => unknown>;
for (const name of ['all', 'get', 'run', 'iterate']) {
  const original = prototype[name];
  prototype[name] = function (this: { source: string; database: unknown }, ...args: unknown[]) {
    if (!timed || this.database !== context.db.sqlite) return original.apply(this, args);
    const started = process.cpuUsage();
    const result = original.apply(this, args);
    const used = process.cpuUsage(started);
    const entry = timed.get(this.source) ?? { sql: this.source, params: args, ms: [] };
    entry.ms.push((used.user + used.system) / 1000);
    timed.set(this.source, entry);
    return result;
  };
}

const cpuOf = async (input: unknown, into: number[]) => {
  const started = process.cpuUsage();
  const result = await api.call('applications.list', input);
  const used = process.cpuUsage(started);
  into.push((used.user + used.system) / 1000);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { nextCursor: string | null };
};
const round = (value: number) => Math.round(value * 1000) / 1000;
const figures = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${round(percentile(sorted, 50))} p95 ${round(percentile(sorted, 95))} ms`;
};

// The terms in turn, as the bench calls them: a total kept from the call before never serves the next.
const statements = new Map(searchTerms.map((term) => [term, new Map<string, Timed>()]));
const calls = new Map(searchTerms.map((term) => [term, [] as number[]]));
for (let i = 0; i < (rounds + 10) * searchTerms.length; i += 1) {
  const term = searchTerms[i % searchTerms.length];
  const warm = i < 10 * searchTerms.length;
  timed = warm ? null : statements.get(term)!;
  await cpuOf({ text: term }, warm ? [] : calls.get(term)!);
  timed = null;
}
for (const term of searchTerms) {
  const match = ftsQuery(term)!;
  const countOf = (query: string | null) => inspect.prepare('SELECT count(*) FROM applications_fts WHERE applications_fts MATCH ?').pluck().get(query);
  const perWord = term.split(' ').map((word) => `${word} ${countOf(ftsQuery(word))}`);
  console.log(`\n=== "${term}" (${match}): ${countOf(match)} matches (${perWord.join(', ')}); call ${figures(calls.get(term)!)}`);
  for (const entry of statements.get(term)!.values()) {
    console.log(`  ${figures(entry.ms)} x${entry.ms.length / rounds}: ${entry.sql.replace(/\s+/g, ' ').slice(0, 400)}`);
    if (process.env.PLANS) {
      try {
        const plan = inspect.prepare(`EXPLAIN QUERY PLAN ${entry.sql}`).all(...(entry.params as unknown[])) as { detail: string }[];
        for (const row of plan) console.log(`      ${row.detail}`);
      } catch (error) {
        console.log(`      (no plan: ${(error as Error).message})`);
      }
    }
  }
}

// Scrolling one search: its first page, then the three after it, every term in turn.
if (process.env.PAGES) {
  const first: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < rounds * searchTerms.length; i += 1) {
    const text = searchTerms[i % searchTerms.length];
    let page = await cpuOf({ text }, first);
    for (let k = 0; k < 3 && page.nextCursor; k += 1) page = await cpuOf({ text, after: page.nextCursor }, next);
  }
  console.log(`\npages of one search, CPU: first ${figures(first)} (n ${first.length}); next ${figures(next)} (n ${next.length})`);
}
// A search right after an edit, and the one after it: whatever a write makes a search read again, they pay.
if (process.env.EDITS) {
  const edits: number[] = [];
  const afterEdit: number[] = [];
  const second: number[] = [];
  const listed = await api.call('applications.list', { limit: 1 });
  if (!listed.ok) throw new Error(listed.error.message);
  const id = (listed.value as { items: { id: string }[] }).items[0].id;
  for (let i = 0; i < rounds * searchTerms.length; i += 1) {
    const started = process.cpuUsage();
    const edited = await api.call('applications.update', { id, patch: { favorite: i % 2 === 0 } });
    const used = process.cpuUsage(started);
    if (!edited.ok) throw new Error(edited.error.message);
    edits.push((used.user + used.system) / 1000);
    await cpuOf({ text: searchTerms[i % searchTerms.length] }, afterEdit);
    await cpuOf({ text: searchTerms[(i + 1) % searchTerms.length] }, second);
  }
  console.log(`\nedit then search, CPU: edit ${figures(edits)}; search after it ${figures(afterEdit)}; the next search ${figures(second)}`);
}
inspect.close();
closeAppContext(context);
