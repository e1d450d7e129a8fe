import os from 'node:os';
import type { Writable } from 'node:stream';
import type { ApplicationFilters, ExportLanguage, ExportResult } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { cellContext } from './cells';
import { deliverExport, type Produced } from './output';
import { withExportReader } from './reader';
import { companiesTable, CompanyCounts, readApplicationsTable } from './tables';
import { createWorkbookWriter, SheetXmlWriter, writeTableSheet, type SheetColumn } from './workbook';
import { HeldSheetParts } from './held-sheet';
import { InterviewedApplications } from './interviewed-applications';
import { ContactedApplications } from './contacted-applications';
import { historySourceFor, writeApplicationsWithHistory } from './history-walk';
import { SheetThread } from './sheet-thread';
import type { ThreadSheet } from './sheet-protocol';

export interface ExportExcelOptions {
  filters?: ApplicationFilters;
  /** Absolute path of the .xlsx to write; omitted: the workbook comes back as base64. */
  path?: string;
  language?: ExportLanguage;
  /** IANA zone for date-times; the machine's by default. */
  timeZone?: string;
  /** Prepare the sheets after the applications in a second thread (sheet-thread.ts); by default, when the data is large and a core is free for it. */
  sheetThread?: boolean;
}

/** About this many stage events (the table's largest rowid: read at once) make a second thread worth its start. */
const threadFromEvents = 20_000;

/**
 * Main's thread, the job's worker and the sheet thread each want a core. On 2 cores the third thread only took
 * turns from the others: at 100,000 applications (load average 14 to 17) the export took more wall clock with it
 * (78 s against 70 s), the list's p95 meanwhile rose (115 against 71 ms) and the process's peak RSS too (459 against
 * 314 MB; docs/performance.md). So it runs only where a core is left for it.
 */
const threadFromCores = 3;

function inSecondThread(context: AppContext, options: ExportExcelOptions): boolean {
  if (options.sheetThread !== undefined) return options.sheetThread;
  if (os.availableParallelism() < threadFromCores) return false;
  const events = context.db.sqlite.prepare('SELECT max(rowid) FROM stage_events').pluck().get() as number | null;
  return (events ?? 0) >= threadFromEvents;
}

/** Writes the workbook (Applications, Interviews, Companies, Contacts, Stage history) into `out`. */
export async function writeApplicationsWorkbook(context: AppContext, out: Writable, options: ExportExcelOptions): Promise<Produced> {
  const filters = options.filters ?? {};
  const cells = cellContext(options.language ?? 'en', options.timeZone);
  const language = cells.labels.language;
  // The applications come first (their columns depend on the custom fields, read from the snapshot); the others,
  // in this order, from the second thread when there is one.
  const others: { sheet: ThreadSheet; number: number }[] = (['interviews', 'companies', 'contacts', 'stageHistory'] as const).map((sheet, index) => ({ sheet, number: index + 2 }));
  const thread = inSecondThread(context, options)
    ? new SheetThread({ databaseFile: context.db.path, nativeBinding: context.db.options.nativeBinding, filters, language, timeZone: options.timeZone, sheets: others })
    : undefined;
  try {
    return await withExportReader(context.db, async (reader) => {
      await thread?.takeSnapshots(context.db, reader);
      const workbook = createWorkbookWriter(out, language);
      const applications = await readApplicationsTable(reader, filters);
      if (thread) {
        const rows = await writeTableSheet(reader, workbook, applications, cells);
        for (const { sheet } of others) await workbook.addPreparedSheet(cells.labels.sheet(sheet), (number, zip) => thread.place(number, zip));
        await workbook.commit();
        return { rows };
      }
      // One thread: the stage history is written in the applications' walk, its part held in a file until that walk
      // ends, as is the applications sheet's links' part, written as its rows go; the companies' counts, and what the
      // interviews and contacts sheets show of their applications, are taken from the applications written.
      const history = new HeldSheetParts((folder) => context.job?.temporary(folder));
      const historyNumber = others.find(({ sheet }) => sheet === 'stageHistory')!.number;
      try {
        const companyCounts = new CompanyCounts();
        const interviewed = await InterviewedApplications.read(reader);
        const contacted = await ContactedApplications.read(reader);
        const withHeldLinks = { addSheet: (name: string, columns: readonly SheetColumn[]) => workbook.addSheet(name, columns, history) };
        const rows = await writeApplicationsWithHistory(reader, withHeldLinks, applications, (columns) => new SheetXmlWriter(history, historyNumber, columns), cells, {
          source: historySourceFor(filters),
          companyCounts,
          interviewed,
          contacted,
        });
        // Its part (and the links') goes into the archive right after the applications' (the workbook's list of
        // sheets, not the order of the archive's files, orders the sheets): the buffers it is read back in are then
        // freed while the next sheets are written, instead of adding about 10 MB at the export's end, where its memory
        // peaks.
        await workbook.addPartsAhead((zip) => history.place(zip));
        history.discard();
        for (const { sheet } of others) {
          if (sheet === 'stageHistory') workbook.nameSheetPlacedAhead(cells.labels.sheet(sheet), historyNumber);
          else if (sheet === 'interviews') await writeTableSheet(reader, workbook, interviewed.table(), cells);
          else if (sheet === 'companies') await writeTableSheet(reader, workbook, companiesTable(filters, companyCounts), cells);
          else await writeTableSheet(reader, workbook, contacted.table(filters, companyCounts), cells);
        }
        await workbook.commit();
        return { rows };
      } finally {
        history.discard();
      }
    });
  } finally {
    await thread?.stop();
  }
}

/**
 * The Excel export of the applications the filters select, with their interviews, companies, contacts and stage
 * history, all read from one consistent state. Streams: memory stays flat whatever the number of rows. Used by
 * `exports.excel` and the benchmark.
 */
export function exportExcel(context: AppContext, options: ExportExcelOptions = {}): Promise<ExportResult> {
  return deliverExport(context, 'excel', options.path, (out) => writeApplicationsWorkbook(context, out, options));
}
