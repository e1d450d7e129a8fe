/**
 * The applications sheet's query stepped alone, as the export reads it, with the company's name joined by SQLite
 * or looked up in memory from a map read first: CPU and read calls of each, alternating.
 *   node --import tsx test/bench/probe-excel-company-join.ts DATA_DIR [rounds]
 * Run it on a COPY of a bench database (it opens the app's context, which may write to the folder).
 */
import fs from 'node:fs';
import { closeAppContext, openAppContext } from '../../src-main/context';
import { withExportReader } from '../../src-main/exports/reader';
import { applicationsTable } from '../../src-main/exports/tables';

const [dataDir, roundsText] = process.argv.slice(2);
const rounds = Number(roundsText ?? 3);
const joined = applicationsTable({ archived: 'all' }, new Map()).select;
const alone = { sql: joined.sql.replace(', c.name AS company_name', '').replace('JOIN companies c ON c.id = a.company_id ', ''), params: joined.params };
const readCalls = () => Number(/syscr: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);

async function measure(name: string, work: () => Promise<number>): Promise<void> {
  const calls = readCalls();
  const cpu = process.cpuUsage();
  const rows = await work();
  const spent = process.cpuUsage(cpu);
  console.log(JSON.stringify({ name, rows, cpuMs: Math.round((spent.user + spent.system) / 1000), reads: readCalls() - calls }));
}

const context = await openAppContext({ dataDir });
try {
  for (let round = 0; round < rounds; round += 1) {
    await withExportReader(context.db, (reader) =>
      measure('joined', async () => {
        let rows = 0;
        for await (const batch of reader.batches<{ company_name: string }>(joined)) for (const row of batch) if (row.company_name) rows += 1;
        return rows;
      }),
    );
    await withExportReader(context.db, (reader) =>
      measure('map', async () => {
        const names = new Map<string, string>();
        for await (const batch of reader.rawBatches({ sql: 'SELECT id, name FROM companies', params: [] }, 5_000)) for (const [id, name] of batch as [string, string][]) names.set(id, name);
        let rows = 0;
        for await (const batch of reader.batches<{ company_id: string }>(alone)) for (const row of batch) if (names.get(row.company_id)) rows += 1;
        return rows;
      }),
    );
  }
} finally {
  closeAppContext(context);
}
