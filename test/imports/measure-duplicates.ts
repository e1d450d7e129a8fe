/**
 * Measures the import's duplicate finder alone (imports/duplicates.ts): the heap it holds once every row went
 * through it, and its CPU time. Not a test (tests never assert timings):
 * `node --expose-gc --import tsx test/imports/measure-duplicates.ts [CSV with Company, Position and Link columns |
 * distinct:<rows>]`; `distinct:100000` gives every row a company and a position of its own (the worst case).
 */
import fs from 'node:fs';
import { DuplicateFinder, type DuplicateCandidate } from '../../src-main/imports/duplicates';
import { CsvTokenizer } from '../../src-main/imports/csv';
import { openTempApp } from '../support/temp-app';

const argument = process.argv[2] ?? 'test/bench/cache/g2-m56c98015-n100000/import.csv';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');

function fromCsv(file: string): DuplicateCandidate[] {
  const candidates: DuplicateCandidate[] = [];
  let columns: { company: number; position: number; link: number } | null = null;
  const tokenizer = new CsvTokenizer(',', 100_000, 1_000, (record) => {
    if (!columns) {
      columns = { company: record.cells.indexOf('Company'), position: record.cells.indexOf('Position'), link: record.cells.indexOf('Link') };
      return;
    }
    const link = record.cells[columns.link] ?? '';
    candidates.push({ row: record.row, companyName: record.cells[columns.company]!, position: record.cells[columns.position]!, postingUrl: link === '' ? null : link });
  });
  tokenizer.push(fs.readFileSync(file, 'utf8'));
  tokenizer.end();
  return candidates;
}

function distinct(rows: number): DuplicateCandidate[] {
  const words = ['data', 'platform', 'engineer', 'analyst', 'product', 'manager', 'designer', 'developer', 'marketing', 'finance'];
  return Array.from({ length: rows }, (_, index) => ({
    row: index + 2,
    companyName: `Company number ${index}`,
    position: `${words[index % 10]} ${words[Math.floor(index / 10) % 10]} specialist${index}`,
    postingUrl: `https://jobs.example.com/${index % 7}/${1_000_000 + index}`,
  }));
}

const candidates = argument.startsWith('distinct:') ? distinct(Number(argument.slice('distinct:'.length))) : fromCsv(argument);
const app = await openTempApp();
try {
  gc();
  // The typed arrays' contents are outside the JavaScript heap (arrayBuffers): counted too.
  const held = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = held();
  const cpu = process.cpuUsage();
  const finder = new DuplicateFinder(app.context.db);
  let duplicates = 0;
  for (const candidate of candidates) if (finder.check(candidate)) duplicates += 1;
  const used = process.cpuUsage(cpu);
  gc();
  const after = held();
  console.log(JSON.stringify({ rows: candidates.length, duplicates, heldMb: Math.round((after - before) / 1e5) / 10, cpuMs: Math.round((used.user + used.system) / 1000) }));
  if (finder.check(candidates[0]!) === undefined) console.log('unreachable');
} finally {
  app.close();
}
