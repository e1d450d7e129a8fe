import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile, type ImportObserver } from '../../src-main/imports/run';
import { closedAfterEach } from '../support/closed-after-each';
import { indexedWords } from '../support/indexed-words';
import { openStillApp } from '../support/still-app';
import type { TempApp } from '../support/temp-app';
import { fingerprint, upload } from './support/files';
import { writtenTables } from './support/labelled-rows';

/**
 * An import's staged statistics are computed in a thread of their own, into a file of its own, while the import's
 * thread writes the full-text rows and builds the indexes its copy transfers (src-main/imports/statistics-thread.ts,
 * staging.ts `settle`). The same file imported with that thread and with the statistics settled in the import's
 * thread must write the same rows, log, clocks and derived data (statistics table by table), into a database that
 * has applications (the copy by columns) and into an empty one (the first import's transfer, statistics_facts from
 * the thread's file); also where the thread is still counting when the copy has written the rows (the copy waits for
 * it in its lock, or lets the lock go and copies again after it); a failure of the thread refuses the import with
 * nothing written; no file is left behind.
 */

const openStill = closedAfterEach(openStillApp);

async function open(withApplication: boolean): Promise<TempApp> {
  const app = await openStill();
  if (withApplication) await app.api.invoke('applications.create', { companyName: 'Company 3', position: 'Engineer 3', tags: ['remote'] });
  return app;
}

const statuses = ['Applied', 'Interview', 'Rejected', 'Offer', 'No answer', ''];

/** Histories, sources, salaries, work modes, skills and tags enough to fill every kind of count. */
function trackerCsv(rows: number): string {
  const lines = ['Company,Position,Applied on,Status,Response date,Source,Salary,Work mode,Required skills,Tags,Notes'];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    const month = String(1 + (index % 12)).padStart(2, '0');
    const status = statuses[index % statuses.length];
    lines.push(
      [
        `Company ${index % 17}`,
        `Engineer ${index % 13}`,
        index % 50 === 7 ? '' : `2024-${month}-${day}`,
        status,
        status && index % 2 === 0 ? `2024-${month}-${day}` : '',
        ['LinkedIn', 'Indeed', 'Referral', ''][index % 4],
        ['"50 000 - 60 000 €"', '45k', '', '70000'][index % 4],
        ['Remote', 'Hybrid', '', 'On-site'][index % 4],
        `"${['TypeScript;SQL', 'Go', '', 'SQL;Rust;Go'][index % 4]}"`,
        `"${['remote;urgent', 'Remote', '', 'URGENT'][index % 4]}"`,
        index % 5 === 0 ? 'Said yes, then no' : '',
      ].join(','),
    );
  }
  return lines.join('\n');
}

function contents(app: TempApp): Record<string, unknown[]> {
  const { written, dump } = writtenTables(app.context.db);
  // What the full-text index holds, word by word (it keeps no copy of the texts: migration 0310).
  written.search = indexedWords(app.context.db.sqlite);
  written.found = dump(`SELECT rowid FROM applications_fts WHERE applications_fts MATCH 'engineer OR remote' ORDER BY rowid`);
  return written;
}

/** The staging's files (the staging and the statistics thread's) left in the data directory. */
const leftovers = (app: TempApp) => fs.readdirSync(app.context.dataDir).filter((name) => name.startsWith('.import-staging'));

async function importInto(csv: string, observer: ImportObserver, withApplication = true) {
  const app = await open(withApplication);
  const before = fingerprint(app);
  const outcome = await importFile(app.context, { source: upload(csv, 'tracker.csv'), options: { skipInvalidRows: true } }, { checkThread: false, ...observer }).then(
    ({ backup: _backup, ...result }) => ({ result, error: null }),
    (error: { code?: string; message: string }) => ({ result: null, error }),
  );
  return { app, before, ...outcome };
}

/** Imports `csv` with the thread (as `observer` says) and without it, and expects the same everywhere. */
async function expectAsSettledHere(csv: string, observer: ImportObserver, withApplication: boolean): Promise<void> {
  const inThread = await importInto(csv, { statisticsThread: true, ...observer }, withApplication);
  const here = await importInto(csv, { statisticsThread: false }, withApplication);
  expect(inThread.error).toBeNull();
  expect(inThread.result).toEqual(here.result);
  const written = contents(inThread.app);
  const expected = contents(here.app);
  expect(written.facts.length).toBeGreaterThanOrEqual(2_500);
  for (const table of ['cells', 'skillMonths', 'monthCells', 'search'] as const) expect(written[table].length).toBeGreaterThan(10);
  for (const table of Object.keys(expected)) expect(written[table], table).toEqual(expected[table]);
  expect(leftovers(inThread.app)).toEqual([]);
}

describe('an import whose statistics are computed in a thread of their own', () => {
  for (const withApplication of [true, false]) {
    const database = withApplication ? 'copied by columns' : 'a first import, transferred';

    it(`writes the same rows, log, clocks and statistics as the import's own settle (${database})`, async () => {
      await expectAsSettledHere(trackerCsv(2_500), {}, withApplication);
    });

    it(`writes the same when the thread is still counting as the copy ends, the copy made again after it (${database})`, async () => {
      // Not waited for in the lock: the copy rolled back, as it is when the thread is later than the wait.
      await expectAsSettledHere(trackerCsv(2_500), { statisticsWaitMs: 0 }, withApplication);
    });
  }

  it('refuses the import, writing nothing and leaving no file, when the thread fails', async () => {
    const csv = trackerCsv(2_500);
    // A heap too small for the thread to start in: V8 stops it, as it would a thread that failed along the way.
    const failed = await importInto(csv, { statisticsThread: true, statisticsThreadLimits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 } });
    expect(failed.error).toMatchObject({ code: 'TOO_LARGE', details: { reason: 'too_large_to_settle' } });
    expect(fingerprint(failed.app)).toBe(failed.before);
    expect(leftovers(failed.app)).toEqual([]);
  });

  it('refuses the import, writing nothing, when the thread fails after its read, while the copy waits for it', async () => {
    const app = await open(false);
    // An index the live table takes (it is empty) and the staged statistics cannot: a first import has the thread
    // build the live indexes of the facts it transfers, after it let the staging go (statistics-worker.ts), so the
    // thread fails there, as a full disk would fail it, while the import's thread goes on to the copy.
    app.context.db.sqlite.exec(`CREATE UNIQUE INDEX statistics_facts_one_per_source ON statistics_facts (source)`);
    const before = fingerprint(app);
    const phases: string[] = [];
    const failed = await importFile(app.context, { source: upload(trackerCsv(2_500), 'tracker.csv'), options: { skipInvalidRows: true } }, {
      checkThread: false,
      statisticsThread: true,
      onPhase: (phase) => phases.push(phase),
    }).then(
      () => null,
      (error: { code?: string; message: string }) => error,
    );
    // The thread's error, as the user reads it; the copy had begun (the backup before it is made).
    expect(failed).toMatchObject({ code: 'CONFLICT', details: { sqliteCode: 'SQLITE_CONSTRAINT_UNIQUE' } });
    expect(phases).toContain('backed-up');
    expect(fingerprint(app)).toBe(before);
    expect(leftovers(app)).toEqual([]);

    // Without that index, the same file imports (nothing of the failed one stands in its way).
    app.context.db.sqlite.exec(`DROP INDEX statistics_facts_one_per_source`);
    const imported = await importFile(app.context, { source: upload(trackerCsv(2_500), 'tracker.csv'), options: { skipInvalidRows: true } }, { checkThread: false, statisticsThread: true });
    expect(imported.created).toBeGreaterThanOrEqual(2_400);
    expect(leftovers(app)).toEqual([]);
  });
});
