/**
 * The Excel export's applications walk alone (the applications sheet and, in the same walk, the stage history, with
 * the companies' counts and what the interviews and contacts sheets keep), into a sink that only counts bytes: no
 * zlib, no file, no jobs' worker, no list calls meanwhile: the thread's own CPU and the process's (V8's helpers).
 *   node --import tsx test/bench/probe-excel-walk.ts <data dir>
 * Run from each worktree to compare two versions of the walk; on a COPY of a bench database.
 */
import { closeAppContext, openAppContext } from '../../src-main/context';
import { cellContext } from '../../src-main/exports/cells';
import { ContactedApplications } from '../../src-main/exports/contacted-applications';
import { historySourceFor, writeApplicationsWithHistory } from '../../src-main/exports/history-walk';
import { InterviewedApplications } from '../../src-main/exports/interviewed-applications';
import { withExportReader } from '../../src-main/exports/reader';
import { CompanyCounts, readApplicationsTable } from '../../src-main/exports/tables';
import { SheetXmlWriter, type SheetColumn, type SheetZip } from '../../src-main/exports/workbook';
import { mainThreadCpuMs, loadAverage } from './cpu';

const [dataDir] = process.argv.slice(2);
if (!dataDir) {
  console.error('Usage: node --import tsx test/bench/probe-excel-walk.ts <data dir>');
  process.exit(2);
}

let bytes = 0;
const sink: SheetZip = {
  entry: () => ({
    write: (data, deflated) => {
      bytes += data.length;
      deflated?.();
    },
    room: () => Promise.resolve(),
    end: () => undefined,
  }),
  room: () => Promise.resolve(),
  file: (_name, text) => void (bytes += text.length),
};

const filters = { archived: 'all' as const };
const context = await openAppContext({ dataDir });
try {
  const cells = cellContext('en', 'UTC');
  const cpu = process.cpuUsage();
  const thread = mainThreadCpuMs();
  const started = performance.now();
  const rows = await withExportReader(context.db, async (reader) => {
    const applications = await readApplicationsTable(reader, filters);
    const interviewed = await InterviewedApplications.read(reader);
    const contacted = await ContactedApplications.read(reader);
    const workbook = { addSheet: (_name: string, columns: readonly SheetColumn[]) => new SheetXmlWriter(sink, 1, columns, sink) };
    return writeApplicationsWithHistory(reader, workbook, applications, (columns) => new SheetXmlWriter(sink, 5, columns), cells, {
      source: historySourceFor(filters),
      companyCounts: new CompanyCounts(),
      interviewed,
      contacted,
    });
  });
  const spent = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      rows,
      mb: Math.round(bytes / 1048576),
      wallMs: Math.round(performance.now() - started),
      threadCpuMs: Math.round(mainThreadCpuMs() - thread),
      processCpuMs: Math.round((spent.user + spent.system) / 1000),
      load: loadAverage(),
    }),
  );
} finally {
  closeAppContext(context);
}
