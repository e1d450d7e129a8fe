import { describe, expect, it } from 'vitest';
import { importFile, type ImportObserver } from '../../src-main/imports/run';
import { closedAfterEach } from '../support/closed-after-each';
import { openStillApp } from '../support/still-app';
import type { TempApp } from '../support/temp-app';
import { fingerprint, upload } from './support/files';
import { writtenTables } from './support/labelled-rows';

/**
 * A large file's rows are read, planned and checked in a thread of their own while the import stages them
 * (src-main/imports/check-thread.ts). The same file imported with that thread and with every step in one thread
 * must write the same rows, change-log entries, clocks and derived data, give the same summary, and refuse the
 * same files with the same errors (counted over the whole file). Each file spans several batches of rows.
 */

const openStill = closedAfterEach(openStillApp);

/** A still app (test/support/still-app.ts), closed after the test. */
async function open(): Promise<TempApp> {
  const app = await openStill();
  await app.api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' });
  await app.api.invoke('customFields.create', { name: 'Found through', kind: 'choice', choices: ['Referral', 'Job board'] });
  await app.api.invoke('applications.create', { companyName: 'Company 3', position: 'Engineer 3', tags: ['remote'] });
  return app;
}

const statuses = ['Applied', 'Interview', 'Rejected', 'Offer', 'No answer', ''];

/**
 * Histories, contacts, tags, custom fields, warnings, duplicates of a saved application and of earlier rows; rows
 * in error (no position) from `errorsFrom` on, every 700th row.
 */
function trackerCsv(rows: number, errorsFrom = Infinity, dates: (day: string, month: string, index: number) => string = (day, month) => `${day}/${month}/2024`): string {
  const lines = ['Company,Position,Applied on,Status,Response date,Source,Salary,Tags,Contact,Contact email,Signing bonus,Found through,Notes'];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    const status = statuses[index % statuses.length];
    const inError = index >= errorsFrom && index % 700 === 0;
    lines.push(
      [
        `Company ${index % 11}`,
        inError ? '' : `Engineer ${index % 13}`,
        index % 50 === 7 ? 'someday' : dates(day, '03', index),
        status,
        status && index % 2 === 0 ? dates(day, '04', index) : '',
        ['LinkedIn', 'Indeed', 'Referral', ''][index % 4],
        ['"50 000 - 60 000 €"', '45k', '', 'lots'][index % 4],
        `"${['remote;urgent', 'Remote', '', 'URGENT'][index % 4]}"`,
        index % 3 === 0 ? `Person ${index % 5}` : '',
        index % 3 === 0 ? `person${index % 5}@example.com` : '',
        index % 3 === 1 ? String(1000 + index) : index % 97 === 0 ? 'many' : '',
        ['Referral', 'Job board', '', 'Elsewhere'][index % 4],
        index % 5 === 0 ? `"Said ""yes"", then no"` : '',
      ].join(','),
    );
  }
  return lines.join('\n');
}

/** Every table the import writes and its summary, ids replaced by their table and row number (ids are random). */
function contents({ app, result }: { app: TempApp; result: unknown }): Record<string, unknown[]> {
  const { written, label } = writtenTables(app.context.db);
  // The summary names applications by id: labelled the same way.
  written.summary = [label(JSON.stringify(result))];
  return written;
}

/** Imports `csv` into a fresh app, its rows checked in a thread of their own or not; the app and what came of it. */
async function importInto(csv: string, checkThread: boolean, options: Record<string, boolean> = { skipInvalidRows: true }, limits?: ImportObserver['checkThreadLimits']) {
  const app = await open();
  const before = fingerprint(app);
  const observer: ImportObserver = { checkThread, checkThreadLimits: limits };
  const outcome = await importFile(app.context, { source: upload(csv, 'tracker.csv'), options }, observer).then(
    // The backup's path names the moment it was taken.
    ({ backup: _backup, ...result }) => ({ result, error: null }),
    (error: { code: string; message: string; details?: unknown }) => ({ result: null, error: { code: error.code, message: error.message, details: error.details } }),
  );
  return { app, before, ...outcome };
}

describe('an import whose rows are checked in a thread of their own', () => {
  it('writes the same rows, change-log entries, clocks, derived data and summary as one thread', async () => {
    const csv = trackerCsv(2_200, 1_000);
    const inThread = await importInto(csv, true);
    const here = await importInto(csv, false);
    expect(inThread.error).toBeNull();
    expect(here.result).toMatchObject({ created: expect.any(Number), skippedInvalid: 2 });
    expect(here.result!.skippedDuplicates).toBe(0);
    expect(here.result?.summary?.warnings.length).toBeGreaterThan(0);
    const written = contents(inThread);
    expect(written.applications.length).toBeGreaterThan(2_000);
    expect(written.application_field_values.length).toBeGreaterThan(1_000);
    expect(written).toEqual(contents(here));
  });

  it('checks rows while the plan still reads the file, and writes the same as one thread', async () => {
    // ISO dates read the same whatever the file's order: every row is checked as soon as the plan is decided.
    const csv = trackerCsv(7_000, 3_000, (day, month) => `2024-${month}-${day}`);
    const inThread = await importInto(csv, true);
    const here = await importInto(csv, false);
    expect(here.result).toMatchObject({ created: expect.any(Number), skippedInvalid: 5 });
    expect(contents(inThread)).toEqual(contents(here));
  });

  it('reads slash dates in the order the whole file decides, found after the rows that hold them', async () => {
    // Rows 100 to 1,000 hold dates that read either way (03/04/2024); month-first ones (04/25/2024) come from row
    // 6,000 and make the file month-first: the check waits for the plan's end at row 100, while the plan still reads.
    const dates = (day: string, month: string, index: number) =>
      index >= 100 && index < 1_000 ? `${month}/${String(1 + (index % 12)).padStart(2, '0')}/2024` : index >= 6_000 ? `${month}/${day}/2024` : `2024-${month}-${day}`;
    const csv = trackerCsv(7_000, Infinity, dates);
    const inThread = await importInto(csv, true);
    const here = await importInto(csv, false);
    const applied = (app: TempApp, row: number) => app.context.db.sqlite.prepare(`SELECT applied_on FROM applications ORDER BY rowid LIMIT 1 OFFSET ?`).pluck().get(row);
    // The row of index 104 (after the saved application): 03/09/2024, month-first.
    expect(applied(here.app, 105)).toBe('2024-03-09');
    expect(contents(inThread)).toEqual(contents(here));
  });

  it('skips the same duplicates', async () => {
    const csv = trackerCsv(2_200);
    const inThread = await importInto(csv, true, { skipDuplicates: true });
    const here = await importInto(csv, false, { skipDuplicates: true });
    expect(here.result!.skippedDuplicates).toBeGreaterThan(1_800);
    expect(contents(inThread)).toEqual(contents(here));
  });

  it('refuses a file with rows in error with the same error, every row of the file counted, and writes nothing', async () => {
    const csv = trackerCsv(2_200, 1_000);
    const inThread = await importInto(csv, true, {});
    const here = await importInto(csv, false, {});
    expect(here.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'rows_invalid', rowsWithErrors: 2 } });
    expect(inThread.error).toEqual(here.error);
    expect(fingerprint(inThread.app)).toBe(inThread.before);
  });

  it('refuses a file with no column for a required field, or one that is not text, with the errors of one thread', async () => {
    const unmapped = ['Nothing,Useful', ...Array.from({ length: 30 }, (_, index) => `a ${index},b ${index}`)].join('\n');
    const [inThread, here] = [await importInto(unmapped, true), await importInto(unmapped, false)];
    expect(here.error).toMatchObject({ code: 'VALIDATION', details: { fields: ['company', 'position'] } });
    expect(inThread.error).toEqual(here.error);

    // Text, then a NUL past the first chunk read: found while the thread reads, and the import fails as in one thread.
    const binary = `${trackerCsv(3_000)}\n\u0000\u0001binary`;
    const failed = await importInto(binary, true);
    expect(failed.error).toEqual((await importInto(binary, false)).error);
    expect(failed.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'binary_file' } });
    expect(fingerprint(failed.app)).toBe(failed.before);

    // The same with rows checked and staged while the plan reads: the plan's failure ends the import all the same.
    const binaryIso = `${trackerCsv(9_000, Infinity, (day, month) => `2024-${month}-${day}`)}\n\u0000\u0001binary`;
    const failedIso = await importInto(binaryIso, true);
    expect(failedIso.error).toEqual((await importInto(binaryIso, false)).error);
    expect(failedIso.error).toMatchObject({ code: 'VALIDATION', details: { reason: 'binary_file' } });
    expect(fingerprint(failedIso.app)).toBe(failedIso.before);
  });

  it('fails with a clear error, writing nothing, when the thread outgrows its heap limit', async () => {
    // A large file's thread may grow to 40 times the file's size, 1 GB at least (checkThreadLimits): here to 4 MB,
    // which the thread outgrows, so V8 kills it as it would a thread past its limit.
    const csv = trackerCsv(3_000);
    const killed = await importInto(csv, true, { skipInvalidRows: true }, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 });
    expect(killed.error).toMatchObject({ code: 'TOO_LARGE', details: { reason: 'too_large_to_check', fileName: 'tracker.csv' } });
    expect(fingerprint(killed.app)).toBe(killed.before);
  });
});
