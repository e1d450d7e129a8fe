import { describe, expect, it } from 'vitest';
import { checkedBatches, planFile, RowChecker } from '../../src-main/imports/analyse';
import { openImportFile } from '../../src-main/imports/read';
import type { TableFile } from '../../src-main/imports/reader';
import { ImportStaging } from '../../src-main/imports/staging';
import { ImportWriter } from '../../src-main/imports/write';
import { closedAfterEach } from '../support/closed-after-each';
import { openStillApp } from '../support/still-app';
import type { TempApp } from '../support/temp-app';
import { upload } from './support/files';
import { writtenTables } from './support/labelled-rows';

/**
 * An import's statistics thread reads the current stages the import wrote with each application, while the
 * import's thread checks them with the write path's recompute (staging.ts `settle`), which normally changes none.
 * Where the check changes some, the statistics must be those of the checked stages, as when the import's thread
 * settles everything itself: here the staged stages are made wrong before the settle, for a third of the rows.
 */

const openStill = closedAfterEach(openStillApp);

function trackerCsv(rows: number): string {
  const lines = ['Company,Position,Applied on,Status,Source,Tags'];
  for (let index = 0; index < rows; index += 1) {
    const day = String(1 + (index % 27)).padStart(2, '0');
    lines.push([`Company ${index % 7}`, `Engineer ${index % 5}`, `2024-0${1 + (index % 9)}-${day}`, ['Applied', 'Interview', 'Rejected', 'Offer'][index % 4], ['LinkedIn', 'Referral', ''][index % 3], 'remote'].join(','));
  }
  return lines.join('\n');
}

/** Stages the rows of `csv` as an import does, the stages of a third of them made wrong, then settles and copies. */
async function importWithWrongStages(app: TempApp, csv: string, statisticsThread: boolean): Promise<void> {
  const opened = openImportFile(upload(csv, 'tracker.csv'));
  const staging = await ImportStaging.create(app.context, { statisticsThread });
  try {
    const plan = await planFile(app.context.db, opened.file as TableFile, { source: upload(csv, 'tracker.csv') });
    const writer = new ImportWriter(staging.db);
    for (const batch of checkedBatches(new RowChecker(app.context.db, plan, false), plan, 100)) {
      staging.changes.write(
        (write) => {
          writer.use(write);
          for (const { checked } of batch) for (const { application } of checked) if (application.input) writer.writeRow(application);
        },
        { bulk: true },
      );
    }
    const wrong = staging.db.sqlite.prepare(`SELECT id, category FROM stages WHERE category = 'rejected' LIMIT 1`).get() as { id: string; category: string };
    const made = staging.db.sqlite.prepare(`UPDATE applications SET stage_id = ?, stage_category = ? WHERE rowid % 3 = 0 AND stage_id <> ?`).run(wrong.id, wrong.category, wrong.id).changes;
    expect(made).toBeGreaterThan(50);
    await staging.settle(app.context.db);
    app.context.changes.announce(await staging.apply(app.context.db));
  } finally {
    staging.close();
    opened.close();
  }
}

describe("the current stages checked while the import's statistics thread reads them", () => {
  it('gives the statistics of the checked stages when the check changes some', async () => {
    const csv = trackerCsv(600);
    const [inThread, here] = [await openStill(), await openStill()];
    await importWithWrongStages(inThread, csv, true);
    await importWithWrongStages(here, csv, false);
    const written = writtenTables(inThread.context.db).written;
    const expected = writtenTables(here.context.db).written;
    for (const table of Object.keys(expected)) expect(written[table], table).toEqual(expected[table]);
    // The stages were put right: as many applications rejected as the file says, and the facts agree.
    const rejected = (app: TempApp) => app.context.db.sqlite.prepare(`SELECT count(*) FROM statistics_facts WHERE category = 'rejected'`).pluck().get();
    expect(rejected(inThread)).toBe(150);
    expect(rejected(here)).toBe(150);
  });
});
