/**
 * Which b-trees the bench's three small writes (update, setStage, create: probe-write-loop.ts's inputs) write, on a
 * copy of a bench database: after each call the page numbers of the -wal file's frames are read (the log is emptied
 * before each call, so they are that call's alone), and at the end each page is named by `dbstat` (table or index;
 * pages allocated and freed again may be named by their later owner). Prints, per kind, the mean pages per call by
 * owner and the mean frames per call (a page written twice in one commit is one frame in WAL mode), and the same for
 * the largest twentieth of the calls (what the 95th percentile writes). Not a test:
 * `npx tsx test/bench/probe-write-pages.ts <data folder> [calls per kind]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../../src-main/api';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { databaseFileName } from '../../src-main/db/open';
import { loadFixture, smallWrites } from './cases';

const [dataDir, countText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: probe-write-pages.ts <data folder> [calls per kind]');
const count = Number(countText ?? 40);
const file = path.join(dataDir, databaseFileName);

const context = await openAppContext({ dataDir });
const api = createApi(context);
const fixture = loadFixture(context, 'bench-100000');
const kinds = smallWrites(api, fixture);

const pageSize = context.db.sqlite.pragma('page_size', { simple: true }) as number;
const walFile = `${file}-wal`;
/** The page number of every frame in the log. */
function walFrames(): number[] {
  if (!fs.existsSync(walFile)) return [];
  const wal = fs.readFileSync(walFile);
  const pages: number[] = [];
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) pages.push(wal.readUInt32BE(offset));
  return pages;
}
const emptyLog = () => context.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');

const written: Record<string, { frames: number[]; pages: number[][] }> = {};
for (const [kind, run] of Object.entries(kinds)) {
  for (let i = 0; i < 30; i += 1) await run(i);
  emptyLog();
  written[kind] = { frames: [], pages: [] };
  for (let i = 0; i < count; i += 1) {
    await run(100 + i);
    const frames = walFrames();
    written[kind].frames.push(frames.length);
    written[kind].pages.push([...new Set(frames)]);
    emptyLog();
  }
}

// dbstat reads every page: once, at the end.
const owner = new Map<number, string>();
const wanted = [...new Set(Object.values(written).flatMap(({ pages }) => pages.flat()))];
for (const { name, pageno } of context.db.sqlite
  .prepare(`SELECT name, pageno FROM dbstat WHERE pageno IN (SELECT value FROM json_each(?))`)
  .all(JSON.stringify(wanted)) as { name: string; pageno: number }[]) {
  owner.set(pageno, name);
}
const round = (n: number) => Math.round(n * 100) / 100;
const results: Record<string, unknown> = { load: os.loadavg().map(round), calls: count };
for (const [kind, { frames, pages }] of Object.entries(written)) {
  const byOwner = new Map<string, number>();
  for (const callPages of pages) {
    for (const page of callPages) {
      const name = owner.get(page) ?? (page === 1 ? '(header, page 1)' : '(freelist)');
      byOwner.set(name, (byOwner.get(name) ?? 0) + 1);
    }
  }
  // The largest calls (the p95's side): what they write beyond the median call.
  const largest = [...pages].sort((a, b) => b.length - a.length).slice(0, Math.max(1, Math.ceil(pages.length / 20)));
  const largestByOwner = new Map<string, number>();
  for (const callPages of largest) {
    for (const page of callPages) {
      const name = owner.get(page) ?? (page === 1 ? '(header, page 1)' : '(freelist)');
      largestByOwner.set(name, (largestByOwner.get(name) ?? 0) + 1);
    }
  }
  results[kind] = {
    framesPerCall: round(frames.reduce((sum, n) => sum + n, 0) / frames.length),
    pagesPerCall: round(pages.reduce((sum, p) => sum + p.length, 0) / pages.length),
    byOwner: Object.fromEntries([...byOwner].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, round(n / pages.length)])),
    largestCalls: {
      pagesPerCall: round(largest.reduce((sum, p) => sum + p.length, 0) / largest.length),
      byOwner: Object.fromEntries([...largestByOwner].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, round(n / largest.length)])),
    },
  };
}
closeAppContext(context);
console.log(JSON.stringify(results, null, 1));
