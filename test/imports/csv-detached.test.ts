import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../src-main/imports/csv';

/**
 * A value the CSV reader hands over must not keep the text it was read from: in V8 a piece cut out of a string is a
 * view into it, so an import's caches (company names, keys, placeholders, each kept for thousands of rows) kept
 * most of the file's text alive, about 60 MB of the check thread's live heap at 100,000 rows (csv.ts `detached`).
 */

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** 40,000 rows, one string (the rows' own strings are garbage once it is made). */
function fileText(): string {
  return `${Array.from({ length: 40_000 }, (_, index) => `Company n’${String(index).padStart(6, '0')} of the file,${'x'.repeat(60)}`).join('\n')}\n`;
}

describe('the CSV reader', () => {
  it('hands over values that do not keep the text they were read from', () => {
    const kept: string[] = [];
    const before = heapAfterCollection();
    // 4 million characters, one past Latin-1 (’) so each takes two bytes: 8 MB that a kept view would hold.
    let text: string | null = fileText();
    expect(text.length).toBeGreaterThan(3_000_000);
    const tokenizer = new CsvTokenizer(',', 100_000, 100, (record) => {
      // One value of every 400 rows, as a cache keeps one now and then.
      if (record.row % 400 === 0) kept.push(record.cells[0]);
    });
    tokenizer.push(text);
    tokenizer.end();
    text = null;
    const retainedMb = (heapAfterCollection() - before) / (1024 * 1024);
    expect(kept).toHaveLength(100);
    expect(kept[0]).toBe('Company n’000399 of the file');
    expect(retainedMb).toBeLessThan(2);
  });
});
