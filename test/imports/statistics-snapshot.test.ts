import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src-main/db/connection';
import { importFile } from '../../src-main/imports/run';
import { stagedStatisticsTables } from '../../src-main/imports/statistics-protocol';
import { storeStagedStatistics } from '../../src-main/imports/statistics-worker';
import { closedAfterEach } from '../support/closed-after-each';
import { openTempApp, tempDir } from '../support/temp-app';
import { upload } from './support/files';

/**
 * An import's statistics thread reads the staging while the staging's own connection goes on writing it (staging.ts
 * `settle`, the staging in WAL): everything the thread computes comes from one snapshot, the staging as it was at
 * its first read (`reading`). Here the staging's connection, at that moment, changes what the statistics are made
 * of (half the applications gone) and commits: the thread's statistics must be those of the staging before it, and
 * a read after it must see the change (or the test would prove nothing).
 */

const openApp = closedAfterEach(openTempApp);

function trackerCsv(rows: number): string {
  const lines = ['Company,Position,Applied on,Status,Source,Tags'];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    lines.push([`Company ${index % 7}`, `Engineer ${index % 5}`, `2024-0${1 + (index % 9)}-${day}`, ['Applied', 'Interview', 'Rejected', ''][index % 4], ['LinkedIn', 'Referral', ''][index % 3], 'remote'].join(','));
  }
  return lines.join('\n');
}

/** The statistics the thread's code computes from `stagingFile` into a file of its own; `reading` as in the thread. */
function statisticsOf(stagingFile: string, file: string, reading: () => void = () => undefined): Record<string, string[]> {
  const db = new Database(file);
  try {
    db.sqlite.prepare(`ATTACH DATABASE ? AS staging`).run(stagingFile);
    storeStagedStatistics(db, 0, [], { reading, read: () => undefined });
    return Object.fromEntries(
      stagedStatisticsTables.map((table) => [table, (db.sqlite.prepare(`SELECT * FROM main.${table}`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort()]),
    );
  } finally {
    db.statements.clear();
    db.sqlite.close();
  }
}

describe("the import's statistics thread", () => {
  it('computes the statistics of the staging as it was when its read began, while the staging is written', async () => {
    const app = await openApp();
    await importFile(app.context, { source: upload(trackerCsv(400), 'tracker.csv'), options: { skipInvalidRows: true } }, { checkThread: false, statisticsThread: false });
    const dir = tempDir();
    // A staging as the thread finds it: the imported applications, their histories, companies and stages.
    const stagingFile = path.join(dir, 'staging.sqlite');
    app.context.db.sqlite.prepare(`VACUUM INTO ?`).run(stagingFile);
    const before = statisticsOf(stagingFile, path.join(dir, 'before.sqlite'));
    expect(before.statistics_facts.length).toBe(400);

    const staging = new Database(stagingFile);
    try {
      staging.sqlite.pragma('journal_mode = WAL');
      let committed = false;
      const during = statisticsOf(stagingFile, path.join(dir, 'during.sqlite'), () => {
        staging.sqlite.exec(`DELETE FROM application_tags WHERE application_id IN (SELECT id FROM applications WHERE rowid % 2 = 0); DELETE FROM stage_events WHERE application_id IN (SELECT id FROM applications WHERE rowid % 2 = 0); DELETE FROM applications WHERE rowid % 2 = 0`);
        committed = true;
      });
      expect(committed).toBe(true);
      expect(during).toEqual(before);
      const after = statisticsOf(stagingFile, path.join(dir, 'after.sqlite'));
      expect(after.statistics_facts.length).toBe(200);
    } finally {
      staging.sqlite.close();
    }
  });
});
