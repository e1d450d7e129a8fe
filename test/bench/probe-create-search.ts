/**
 * A focused probe of two of #16's targets on a copy of a bench database, for before/after figures in one run:
 * `npx tsx test/bench/probe-create-search.ts <data folder> [rounds]`. It prints, as JSON:
 * - create: CPU p50/p95 per `applications.create` (the bench's input), and the pages the commit writes to the WAL
 *   (checkpointed before each create, so the -wal file holds that create's frames alone), by table or index;
 * - search: CPU p50/p95 per `applications.list` with the bench's six terms in turn;
 * - the raw baselines of both (bench/baseline.ts), measured in the same process.
 * Run it alternately on the old and new code (each on its own copy) and compare the CPU figures, not the wall time:
 * the machine is shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { RawBaseline } from './baseline';
import { benchCreateInput, loadFixture, searchTerms, callOrThrow } from './cases';
import { measure } from './timing';

const [dataDir, roundsText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-create-search.ts <data folder> [rounds]');
const rounds = Number(roundsText ?? 150);
const file = path.join(dataDir, databaseFileName);

const context = await openAppContext({ dataDir });
const api = createApi(context);
const raw = new RawBaseline(file);
const fixture = loadFixture(context, 'bench-100000');
const call = (channel: string, input: unknown) => callOrThrow(api, channel, input);
const createInput = (i: number) => benchCreateInput(fixture, i);
const ftsTerm = (text: string) => text.split(' ').map((word) => `"${word}"*`).join(' ');

/** Pages written by one create: the page numbers of the frames of the -wal file after a checkpoint. */
const pageSize = context.db.sqlite.pragma('page_size', { simple: true }) as number;
const walFile = `${file}-wal`;
function walPages(): number[] {
  const wal = fs.readFileSync(walFile);
  const pages: number[] = [];
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) pages.push(wal.readUInt32BE(offset));
  return pages;
}
const pagesPerCreate: number[][] = [];
for (let i = 0; i < 20; i += 1) {
  context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await call('applications.create', createInput(1_000_000 + i));
  pagesPerCreate.push([...new Set(walPages())]);
}
// Which table or index each written page belongs to (dbstat reads every page: once, at the end of the count).
const owner = new Map<number, string>();
const wanted = [...new Set(pagesPerCreate.flat())];
for (const { name, pageno } of context.db.sqlite
  .prepare(`SELECT name, pageno FROM dbstat WHERE pageno IN (SELECT value FROM json_each(?))`)
  .all(JSON.stringify(wanted)) as { name: string; pageno: number }[]) {
  owner.set(pageno, name);
}
const byOwner = new Map<string, number>();
for (const pages of pagesPerCreate) for (const page of pages) byOwner.set(owner.get(page) ?? '(freelist or header)', (byOwner.get(owner.get(page) ?? '(freelist or header)') ?? 0) + 1);

const create = await measure((i) => call('applications.create', createInput(i)), { iterations: rounds, budgetMs: 60_000 });
const createRaw = await measure(
  (i) =>
    raw.create({ companyId: fixture.companyIds[i % fixture.companyIds.length], position: `Raw ${i}`, stageId: fixture.stages.applied, stageCategory: 'applied', tagIds: fixture.tagIds }),
  { iterations: rounds, budgetMs: 60_000 },
);
const search = await measure((i) => call('applications.list', { text: searchTerms[i % searchTerms.length] }), { iterations: rounds, budgetMs: 60_000 });
const searchRaw = await measure(
  (i) =>
    raw.list(`a.deleted_at IS NULL AND a.archived = 0 AND a.seq IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)`, [
      ftsTerm(searchTerms[i % searchTerms.length]),
    ]),
  { iterations: rounds, budgetMs: 60_000 },
);
const perTerm: Record<string, number> = {};
// The first letters typed in the search box, beside the bench's words.
for (const term of [...searchTerms, 're', 'da', 'ly']) {
  const figures = await measure(() => call('applications.list', { text: term }), { iterations: 30, budgetMs: 20_000 });
  perTerm[term] = figures.cpuP50 ?? Number.NaN;
}
raw.close();
closeAppContext(context);

const round = (n: number | undefined) => Math.round((n ?? Number.NaN) * 100) / 100;
const cpu = (figures: { cpuP50?: number; cpuP95?: number }) => ({ p50: round(figures.cpuP50), p95: round(figures.cpuP95) });
const sortedCounts = pagesPerCreate.map((pages) => pages.length).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    load: os.loadavg().map((n) => round(n)),
    walPagesPerCreate: { median: sortedCounts[Math.floor(sortedCounts.length / 2)], min: sortedCounts[0], max: sortedCounts.at(-1) },
    walPagesByOwner: Object.fromEntries([...byOwner].sort((a, b) => b[1] - a[1]).map(([name, count]) => [name, round(count / pagesPerCreate.length)])),
    createCpu: cpu(create),
    createRawCpu: cpu(createRaw),
    searchCpu: cpu(search),
    searchRawCpu: cpu(searchRaw),
    searchCpuP50ByTerm: Object.fromEntries(Object.entries(perTerm).map(([term, ms]) => [term, round(ms)])),
  }),
);
