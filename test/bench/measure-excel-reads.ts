/**
 * The Excel export's queries read alone, one after the other in one export reader (its cache and transaction), each
 * stepped to its end without making cells: CPU, wall clock and read system calls (SQLite's page reads; the file is
 * in the OS's cache) per query. For choosing how a sheet reads its rows:
 *   node --import tsx test/bench/measure-excel-reads.ts DATA_DIR [query names…]
 * Run it on a COPY of a bench database (it opens the app's context, which may write to the folder).
 */
import fs from 'node:fs';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { withExportReader, type ExportReader } from '../../src-main/exports/reader';
import { applicationsTable, companiesTable, everyContactSelect, contactsTable, interviewsTable, type CompanyCounts } from '../../src-main/exports/tables';
import type { SqlPart } from '../../src-main/exports/table';
import { InterviewedApplications } from '../../src-main/exports/interviewed-applications';
import { tagNamesQuery } from '../../src-main/exports/tag-names';

const [dataDir, ...only] = process.argv.slice(2);
if (!dataDir) {
  console.error('Usage: node --import tsx test/bench/measure-excel-reads.ts DATA_DIR [query names…]');
  process.exit(2);
}
const filters = { archived: 'all' as const };
const counted = { of: () => 0 } as unknown as CompanyCounts;

const queries: Record<string, SqlPart> = {
  // The passes before the applications' walk (tag-names.ts, held-histories.ts), then each sheet's query.
  tags: tagNamesQuery,
  history: {
    sql: `SELECT a.seq, e.occurred_at, e.note, e.from_stage_id, e.to_stage_id
      FROM stage_events e JOIN applications a ON a.id = e.application_id
      WHERE e.deleted_at IS NULL ORDER BY e.application_id, e.occurred_at, e.rowid`,
    params: [],
  },
  applications: applicationsTable(filters, new Map()).select,
  interviews: interviewsTable(filters).select,
  // The one-thread export's: the interviews alone, each with its application's rowid (interviewed-applications.ts).
  interviewsAfterWalk: { sql: InterviewedApplications.sheetQuery, params: [] },
  companies: companiesTable(filters).select,
  // The one-thread export's: the companies alone, counted and selected from the walk.
  companiesAfterWalk: companiesTable(filters, counted).select,
  contacts: contactsTable(filters).select,
  // The one-thread export's: the contacts' links read before the walk, then the contacts alone
  // (contacted-applications.ts).
  contactLinks: {
    sql: `SELECT ac.contact_id, a.seq FROM application_contacts ac CROSS JOIN applications a ON a.id = ac.application_id
      WHERE ac.deleted_at IS NULL ORDER BY ac.contact_id, ac.rowid`,
    params: [],
  },
  contactsAfterWalk: everyContactSelect,
};

const readCalls = () => Number(/syscr: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);

async function step(reader: ExportReader, query: SqlPart): Promise<number> {
  let rows = 0;
  for await (const batch of reader.rawBatches(query)) rows += batch.length;
  return rows;
}

const context = await openAppContext({ dataDir });
try {
  await withExportReader(context.db, async (reader) => {
    for (const [name, query] of Object.entries(queries)) {
      if (only.length > 0 && !only.includes(name)) continue;
      const calls = readCalls();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const rows = await step(reader, query);
      const spent = process.cpuUsage(cpu);
      console.log(JSON.stringify({ name, rows, ms: Math.round(performance.now() - started), cpuMs: Math.round((spent.user + spent.system) / 1000), reads: readCalls() - calls }));
    }
  });
} finally {
  closeAppContext(context);
}
