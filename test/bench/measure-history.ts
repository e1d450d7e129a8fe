/**
 * The Excel export's applications walk with its stage history (src-main/exports/history-walk.ts), both sources of
 * events alternating in one process, into sheets that take the cells and write nothing: the CPU and wall clock of
 * reading the rows and making their cells, without zlib or the file.
 *   node --import tsx test/bench/measure-history.ts DATA_DIR [rounds]
 * Run it on a COPY of a bench database (it opens the app's context, which may write to the folder).
 */
import { closeAppContext, openAppContext } from '../../src-main/context';
import { cellContext } from '../../src-main/exports/cells';
import { writeApplicationsWithHistory, type HistorySource } from '../../src-main/exports/history-walk';
import { withExportReader } from '../../src-main/exports/reader';
import { readApplicationsTable } from '../../src-main/exports/tables';
import type { SheetWriter } from '../../src-main/exports/workbook';

const [dataDir, roundsText] = process.argv.slice(2);
if (!dataDir) {
  console.error('Usage: node --import tsx test/bench/measure-history.ts DATA_DIR [rounds]');
  process.exit(2);
}
const context = await openAppContext({ dataDir });
const cells = cellContext('en', 'Europe/Paris');
let written = 0;
const nullSheet = (): SheetWriter => ({
  addRow: () => void (written += 1),
  drained: () => Promise.resolve(),
  finish: () => Promise.resolve(),
});

for (let round = 0; round < Number(roundsText ?? 2); round += 1) {
  for (const source of ['perBatch', 'held'] as HistorySource[]) {
    written = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const rows = await withExportReader(context.db, async (reader) =>
      writeApplicationsWithHistory(reader, { addSheet: nullSheet }, await readApplicationsTable(reader, { archived: 'all' }), nullSheet, cells, { source }),
    );
    const spent = process.cpuUsage(cpu);
    console.log(
      JSON.stringify({ source, applications: rows, rowsWritten: written, ms: Math.round(performance.now() - started), userMs: Math.round(spent.user / 1000), systemMs: Math.round(spent.system / 1000), rssMB: Math.round(process.memoryUsage().rss / 2 ** 20) }),
    );
  }
}
closeAppContext(context);
