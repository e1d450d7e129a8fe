import type { Writable } from 'node:stream';
import type { ApplicationFilters, ExportLanguage, ExportResult } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { cellContext } from './cells';
import { deliverExport, type Produced } from './output';
import { withExportReader } from './reader';
import { applicationsTable, companiesTable, contactsTable, interviewsTable, stageHistoryTable } from './tables';
import { createWorkbookWriter, writeTableSheet } from './workbook';
import { readExportedFields } from '../custom-fields/exports';

export interface ExportExcelOptions {
  filters?: ApplicationFilters;
  /** Absolute path of the .xlsx to write; omitted: the workbook comes back as base64. */
  path?: string;
  language?: ExportLanguage;
  /** IANA zone for date-times; the machine's by default. */
  timeZone?: string;
}

/** Writes the workbook (Applications, Interviews, Companies, Contacts, Stage history) into `out`. */
export async function writeApplicationsWorkbook(context: AppContext, out: Writable, options: ExportExcelOptions): Promise<Produced> {
  const filters = options.filters ?? {};
  const cells = cellContext(options.language ?? 'en', options.timeZone);
  return withExportReader(context.db, async (reader) => {
    const workbook = createWorkbookWriter(out, cells.labels.language);
    const rows = await writeTableSheet(reader, workbook, applicationsTable(filters, await readExportedFields(reader)), cells);
    await writeTableSheet(reader, workbook, interviewsTable(filters), cells);
    await writeTableSheet(reader, workbook, companiesTable(filters), cells);
    await writeTableSheet(reader, workbook, contactsTable(filters), cells);
    await writeTableSheet(reader, workbook, stageHistoryTable(filters), cells);
    await workbook.commit();
    return { rows };
  });
}

/**
 * The Excel export of the applications the filters select, with their interviews, companies, contacts and stage
 * history, all read from one consistent state. Streams: memory stays flat whatever the number of rows. Used by
 * `exports.excel` and the benchmark.
 */
export function exportExcel(context: AppContext, options: ExportExcelOptions = {}): Promise<ExportResult> {
  return deliverExport(context, 'excel', options.path, (out) => writeApplicationsWorkbook(context, out, options));
}
