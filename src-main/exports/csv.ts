import type { Writable } from 'node:stream';
import type { ApplicationFilters, ExportLanguage, ExportResult } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { csvText } from './cells';
import { cellContext } from './cells';
import { deliverExport, type Produced } from './output';
import { withExportReader } from './reader';
import { readApplicationsTable, type ApplicationRow } from './tables';
import { headerOf } from './table';
import { TextWriter } from './text-writer';

export type CsvDelimiter = ',' | ';';

export interface ExportCsvOptions {
  filters?: ApplicationFilters;
  path?: string;
  language?: ExportLanguage;
  timeZone?: string;
  delimiter?: CsvDelimiter;
  /** Starts the file with a UTF-8 byte order mark (Excel on Windows then reads it as UTF-8). */
  bom?: boolean;
}

/** RFC 4180: a field holding the delimiter, a quote, CR or LF is quoted, its quotes doubled. */
export function csvField(value: string, delimiter: CsvDelimiter): string {
  const needsQuotes = value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(values: string[], delimiter: CsvDelimiter): string {
  return `${values.map((value) => csvField(value, delimiter)).join(delimiter)}\r\n`;
}

export async function writeApplicationsCsv(context: AppContext, out: Writable, options: ExportCsvOptions): Promise<Produced> {
  const delimiter = options.delimiter ?? ',';
  const cells = cellContext(options.language ?? 'en', options.timeZone);
  const writer = new TextWriter(out);
  if (options.bom) await writer.write('\uFEFF');
  let rows = 0;
  await withExportReader(context.db, async (reader) => {
    const table = await readApplicationsTable(reader, options.filters ?? {});
    await writer.write(csvRecord(table.columns.map((column) => headerOf(column, cells.labels)), delimiter));
    for await (const batch of reader.batches<ApplicationRow>(table.select)) {
      for (const row of batch) {
        await writer.write(csvRecord(table.columns.map((column) => csvText(column.kind, column.get(row, cells.labels), cells)), delimiter));
      }
      rows += batch.length;
    }
  });
  await writer.end();
  return { rows };
}

/** The applications the filters select, one per line, with the columns of the Excel export's first sheet. */
export function exportCsv(context: AppContext, options: ExportCsvOptions = {}): Promise<ExportResult> {
  return deliverExport(context, 'csv', options.path, (out) => writeApplicationsCsv(context, out, options));
}
