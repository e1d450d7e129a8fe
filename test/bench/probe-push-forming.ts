/**
 * The first push's forming of batches after the bench's import (100,000 rows, logged without their values since
 * session 22): the entries as `SyncEngine.formBatches` reads and forms them, 5,000 at a time (`wireEntriesOf`),
 * timed, beside the same rows' JSON that the push parsed before (each formed entry's fields as JSON text, parsed the
 * old way, `toWire`). Sealing and the outbox are left out (the same either way). Not a test:
 * `npx tsx test/bench/probe-push-forming.ts <csv>` (the bench's file: import.csv in the cache folder).
 */
import path from 'node:path';
import { wireEntriesOf, type LoggedChange } from '../../src-main/sync/creation-entry';
import { toWire } from '../../src-main/sync/entries';
import { setup, teardown } from '../support/jobs-worker-bundle';
import { openTempApp } from '../support/temp-app';
import { loadAverage, mainThreadCpuMs } from './cpu';

const csv = path.resolve(process.argv[2] ?? '');
await setup();
const app = await openTempApp();
try {
  await app.api.invoke('imports.run', { source: { path: csv }, options: { skipInvalidRows: true } });
  const read = app.context.db.sqlite.prepare(
    `SELECT seq, hlc, table_name, row_id, column_name, value FROM change_log WHERE seq > ? AND origin = 'local' ORDER BY seq LIMIT 5000`,
  );
  let from = 0;
  let entries = 0;
  let formMs = 0;
  let formCpu = 0;
  let parseMs = 0;
  for (;;) {
    const rows = read.all(from) as (LoggedChange & { seq: number })[];
    if (rows.length === 0) break;
    let wall = performance.now();
    const cpu = mainThreadCpuMs();
    const formed = wireEntriesOf(app.context, rows);
    formMs += performance.now() - wall;
    formCpu += mainThreadCpuMs() - cpu;
    // What the push did with a valued log: each entry's JSON text parsed.
    const texts = formed.map((entry, index) => ({ ...rows[index]!, value: JSON.stringify(entry![4]) }));
    wall = performance.now();
    for (const row of texts) toWire({ hlc: row.hlc, table: row.table_name, rowId: row.row_id, column: row.column_name, value: row.value });
    parseMs += performance.now() - wall;
    entries += rows.length;
    from = rows.at(-1)!.seq;
  }
  console.log(JSON.stringify({ entries, formMs: Math.round(formMs), formCpuMs: Math.round(formCpu), parseBeforeMs: Math.round(parseMs), load: loadAverage() }));
} finally {
  app.close();
  await teardown();
}
