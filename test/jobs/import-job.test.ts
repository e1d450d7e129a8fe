import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src-shared/contract';
import { mergeTextIndexStep } from '../../src-main/changes/text-index-merge';
import { fingerprint, upload } from '../imports/support/files';
import { syntheticCsv } from '../imports/support/synthetic';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * An import runs as a job in a worker thread with its own connection (src-main/jobs): main keeps answering, reads
 * see the state before the import until it commits, and a cancel or a crash of the worker leaves the database as
 * it was. The file is large enough (3,000 rows, three staging transactions) for the job to be caught in each of
 * its steps.
 */
let app: TempApp;
const rows = 3_000;
let csvUpload: ReturnType<typeof upload>;

beforeEach(async () => {
  app = await openTempApp();
  await app.api.invoke('applications.create', { companyName: 'Before', position: 'Already there' });
  csvUpload ??= upload(syntheticCsv(rows), 'large.csv');
});
afterEach(() => app.close());

const runInput = () => ({ source: csvUpload, options: { skipInvalidRows: true } });

/** Calls `onEvent` with each job event until it returns true (then stops listening). */
function whenJob(predicate: (event: JobEvent) => boolean, action: (event: JobEvent) => Promise<void> | void): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const stop = app.context.jobs.onEvent((event) => {
      if (done || !predicate(event)) return;
      done = true;
      stop();
      Promise.resolve(action(event)).then(resolve, reject);
    });
  });
}

const total = async () => (await app.api.invoke('applications.list', { archived: 'all', limit: 1 })).total;
const leftovers = () => fs.readdirSync(app.dir).filter((name) => name.startsWith('.') || name.endsWith('.partial'));

describe('an import job', () => {
  it('reports its steps, then commits everything at once', async () => {
    // FTS5 writes a segment each time 16 KB of full-text rows are pending: the import's one INSERT leaves many.
    app.context.db.sqlite.exec(`INSERT INTO applications_fts (applications_fts, rank) VALUES ('hashsize', 16384)`);
    const events: JobEvent[] = [];
    const stop = app.context.jobs.onEvent((event) => events.push(event));
    const result = await app.api.invoke('imports.run', runInput());
    stop();
    expect(result.created).toBe(rows);
    expect(await total()).toBe(rows + 1);
    const steps = [...new Set(events.map((event) => event.step))];
    expect(steps).toEqual(['starting', 'reading', 'staging', 'backingUp', 'applying']);
    expect(events.at(-1)).toMatchObject({ state: 'done', fraction: 1, channel: 'imports.run' });
    const fractions = events.map((event) => event.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.some((event) => event.estimatedMsLeft !== null)).toBe(true);
    expect(leftovers()).toEqual([]);
    // The imported rows are searchable and counted like rows written one by one (the segments merged or not).
    expect((await app.api.invoke('applications.list', { text: 'Decathlon', limit: 1 })).total).toBe(rows / 10);
    const dashboard = await app.api.invoke('statistics.dashboard', { archived: 'all' });
    expect(dashboard.overview?.total).toBe(rows + 1);
    // The worker merged them after its answer (migration 0280 left merging out of writes).
    await app.context.jobs.settled();
    expect(app.context.db.sql(`SELECT count(DISTINCT segid) FROM applications_fts_idx`).pluck().get()).toBeLessThanOrEqual(4);
  });

  it('answers before merging its full-text segments, and the merge takes main’s lock between main’s writes', async () => {
    app.context.db.sqlite.exec(`INSERT INTO applications_fts (applications_fts, rank) VALUES ('hashsize', 16384)`);
    const states: string[] = [];
    const stop = app.context.jobs.onEvent((event) => states.push(event.state));
    await app.api.invoke('imports.run', runInput());
    stop();
    // Answered, so no longer listed or cancellable, while the worker may still merge.
    expect(states.at(-1)).toBe('done');
    expect(app.context.jobs.list()).toEqual([]);
    // Main writes meanwhile, each between two steps of the merge (a worker that kept the lock would hang this).
    for (let index = 0; index < 5; index += 1) await app.api.invoke('applications.create', { companyName: 'During', position: `Written during the merge ${index}` });
    // The next job starts once the merge is done; then nothing is left to merge, and every row is found.
    await app.api.invoke('imports.preview', { source: csvUpload });
    expect(mergeTextIndexStep(app.context.db)).toBe(false);
    expect((await app.api.invoke('applications.list', { text: 'Decathlon', limit: 1 })).total).toBe(rows / 10);
    expect((await app.api.invoke('applications.list', { text: 'During', limit: 1 })).total).toBe(5);
  });

  it('leaves the database as it was when cancelled', async () => {
    const before = fingerprint(app);
    const running = app.api.invoke('imports.run', runInput());
    await whenJob(
      (event) => event.step === 'staging' && (event.done ?? 0) > 0,
      (event) => {
        expect(app.context.jobs.cancel(event.id)).toBe(true);
      },
    );
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fingerprint(app)).toBe(before);
    expect(leftovers()).toEqual([]);
    expect(app.context.jobs.list()).toEqual([]);
  });

  it('leaves the database as it was when its worker dies while the rows are checked in their own thread', async () => {
    // The file (about 330 KB) is large enough for its rows to be checked in a thread of the worker's (imports/check-thread.ts).
    const before = fingerprint(app);
    const running = app.api.invoke('imports.run', runInput());
    const outcome = running.then(
      () => 'committed',
      (error: { code: string }) => error.code,
    );
    await whenJob((event) => event.step === 'staging' && (event.done ?? 0) > 0, (event) => app.context.jobs.terminate(event.id));
    expect(await outcome).toBe('INTERNAL');
    expect(fingerprint(app)).toBe(before);
    expect(leftovers()).toEqual([]);
    await app.api.invoke('applications.create', { companyName: 'After', position: 'Written after the crash' });
    expect(await total()).toBe(2);
  });

  it('leaves the database as it was when its worker dies in the middle of the final transaction', async () => {
    const before = fingerprint(app);
    const running = app.api.invoke('imports.run', runInput());
    const outcome = running.then(
      () => 'committed',
      (error: { code: string }) => error.code,
    );
    // The first table is copied, the others are not yet: the transaction is open.
    await whenJob((event) => event.step === 'applying' && (event.done ?? 0) >= 3, (event) => app.context.jobs.terminate(event.id));
    expect(await outcome).toBe('INTERNAL');
    expect(fingerprint(app)).toBe(before);
    expect(leftovers()).toEqual([]);
    // Main writes again at once: the lock went with the worker.
    await app.api.invoke('applications.create', { companyName: 'After', position: 'Written after the crash' });
    expect(await total()).toBe(2);
  });

  it('lets reads see the state before it until it commits, and main’s writes wait for it instead of failing', async () => {
    const running = app.api.invoke('imports.run', runInput());
    let whileApplying: { total: number; created: Promise<unknown> } | undefined;
    await whenJob(
      (event) => event.step === 'applying' && (event.done ?? 0) >= 3,
      async () => {
        whileApplying = {
          total: await total(),
          created: app.api.invoke('applications.create', { companyName: 'During', position: 'Written during the import' }),
        };
      },
    );
    expect(whileApplying!.total).toBe(1);
    await running;
    await whileApplying!.created;
    expect(await total()).toBe(rows + 2);
  });

  it('keeps every staged file and backup temporary out of the data folder once done', async () => {
    await app.api.invoke('imports.run', runInput());
    const names = fs.readdirSync(app.dir);
    expect(names.filter((name) => name.includes('staging'))).toEqual([]);
    expect(fs.readdirSync(path.join(app.dir, 'backups')).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
