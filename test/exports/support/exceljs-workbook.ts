/**
 * The workbook writer the Excel exports used until exceljs's streaming writer was replaced by our own
 * (src-main/exports/workbook.ts), kept as the reference the new one is compared with, cell by cell
 * (test/exports/excel-writer.test.ts). Not used by the app.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportLanguage } from '../../../src-shared/contract';
import { cellContext, excelCell, type CellContext } from '../../../src-main/exports/cells';
import { withExportReader, type ExportReader } from '../../../src-main/exports/reader';
import { readApplicationsTable, companiesTable, contactsTable, interviewsTable, stageHistoryTable } from '../../../src-main/exports/tables';
import type { AppContext } from '../../../src-main/context';
import type { ExportExcelOptions } from '../../../src-main/exports/excel';
import { headerOf, type ColumnKind, type TableSpec } from '../../../src-main/exports/table';

/** Number formats: ISO dates in English (unambiguous), day/month/year in French; thousands separators for money. */
const dateFormats: Record<ExportLanguage, { date: string; dateTime: string }> = {
  en: { date: 'yyyy-mm-dd', dateTime: 'yyyy-mm-dd hh:mm' },
  fr: { date: 'dd/mm/yyyy', dateTime: 'dd/mm/yyyy hh:mm' },
};

function columnStyle(kind: ColumnKind, language: ExportLanguage): Partial<ExcelJS.Style> {
  switch (kind) {
    case 'date':
      return { numFmt: dateFormats[language].date, alignment: { horizontal: 'left' } };
    case 'dateTime':
      return { numFmt: dateFormats[language].dateTime, alignment: { horizontal: 'left' } };
    case 'money':
      return { numFmt: '#,##0' };
    case 'integer':
      return { numFmt: '0' };
    case 'number':
      return { numFmt: 'General' };
    case 'decimal':
      return { numFmt: '0.0' };
    case 'percent':
      return { numFmt: '0.0%' };
    case 'url':
      return { font: { color: { argb: 'FF0563C1' }, underline: true } };
    case 'longText':
      return { alignment: { vertical: 'top', wrapText: false } };
    default:
      return {};
  }
}

const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true, color: { argb: 'FF1F2937' } },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5EDF7' } },
  border: { bottom: { style: 'thin', color: { argb: 'FF94A3B8' } } },
  alignment: { vertical: 'middle', horizontal: 'left' },
  numFmt: 'General',
};

/** A streaming workbook writing into `out` (ended by `commit`). Shared strings off: memory stays flat. */
export function createWorkbookWriter(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
  workbook.creator = 'Candid';
  workbook.lastModifiedBy = 'Candid';
  workbook.created = new Date();
  return workbook;
}

export interface SheetWriter {
  sheet: ExcelJS.Worksheet;
  /** Adds and commits one data row, each cell with its column's style; null and undefined leave a cell empty. */
  addRow(values: readonly (ExcelJS.CellValue | undefined)[]): void;
  /** Waits until the zip has taken in what was written, so rows never pile up in memory. */
  drained(): Promise<void>;
  /** Sets the filter over every row and commits the sheet. */
  finish(): void;
}

/**
 * The streams the zip reads a sheet through. ExcelJS writes into them without waiting (it exposes no
 * backpressure), so the export waits for them itself. They come from the `readable-stream` 2 package, whose
 * writables predate `writableNeedDrain`: their state says whether they are full.
 */
type ZipInput = Writable & { _writableState?: { needDrain?: boolean } };
function zipInputsOf(sheet: ExcelJS.Worksheet): ZipInput[] {
  const stream = (sheet as unknown as { stream?: { pipes?: ZipInput[] } }).stream;
  return stream?.pipes ?? [];
}
const isFull = (input: ZipInput) => input.writableNeedDrain ?? input._writableState?.needDrain ?? false;

const shortly = () => new Promise<void>((resolve) => setTimeout(resolve, 2));

/**
 * Adds a sheet with a styled, frozen header row. Each cell is given its column's style object itself: ExcelJS
 * recognises a style object it has seen, whereas the copies it makes from column styles cost a hash per cell.
 */
export function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: { header: string; kind: ColumnKind; width: number }[],
  language: ExportLanguage,
): SheetWriter {
  const output = (workbook as unknown as { stream: Writable }).stream;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: Math.max(column.width, Math.min(40, column.header.length + 3)) }));
  const styles = columns.map((column) => columnStyle(column.kind, language));
  const rowStyle: Partial<ExcelJS.Style> = {};
  const header = sheet.addRow(columns.map((column) => column.header));
  header.height = 20;
  header.eachCell((cell) => {
    cell.style = headerStyle;
  });
  header.commit();
  let rows = 0;
  return {
    sheet,
    addRow(values) {
      const row = sheet.addRow([]);
      // The row's own style too: a shared object ExcelJS has seen costs nothing, a new `{}` per row a hash.
      (row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle;
      for (let index = 0; index < values.length; index += 1) {
        const value = values[index];
        // Empty cells are left out (a sparse row): no cell object, no XML.
        if (value === null || value === undefined) continue;
        const cell = row.getCell(index + 1);
        cell.value = value;
        cell.style = styles[index];
      }
      row.commit();
      rows += 1;
    },
    async drained() {
      // Until the zip has finished the previous sheet, this one's rows wait in its buffer: let it get there.
      while (zipInputsOf(sheet).length === 0) {
        if (output.destroyed) throw new Error('The output was closed before the workbook was complete.');
        await shortly();
      }
      for (const input of zipInputsOf(sheet)) if (isFull(input)) await once(input, 'drain');
    },
    finish() {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns.length } };
      sheet.commit();
    },
  };
}

/** Streams one table into a new sheet, batch by batch; returns its number of data rows. */
export async function writeTableSheet<Row>(
  reader: ExportReader,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: TableSpec<Row>,
  context: CellContext,
): Promise<number> {
  const { labels } = context;
  const sheet = addSheet(
    workbook,
    labels.sheet(table.sheet),
    table.columns.map((column) => ({ header: headerOf(column, labels), kind: column.kind, width: column.width })),
    labels.language,
  );
  const { columns } = table;
  // One array for every row: ExcelJS copies the values into its cells.
  const values: ExcelJS.CellValue[] = new Array<ExcelJS.CellValue>(columns.length);
  let count = 0;
  for await (const batch of reader.batches<Row>(table.select)) {
    for (const row of batch) {
      for (let index = 0; index < columns.length; index += 1) values[index] = excelCell(columns[index].kind, columns[index].get(row, labels), context);
      sheet.addRow(values);
    }
    count += batch.length;
    await sheet.drained();
  }
  sheet.finish();
  return count;
}

/** The applications workbook as exceljs wrote it (src-main/exports/excel.ts before its own writer). */
export async function writeReferenceWorkbook(context: AppContext, out: Writable, options: ExportExcelOptions): Promise<void> {
  const filters = options.filters ?? {};
  const cells = cellContext(options.language ?? 'en', options.timeZone);
  await withExportReader(context.db, async (reader) => {
    const workbook = createWorkbookWriter(out);
    await writeTableSheet(reader, workbook, await readApplicationsTable(reader, filters), cells);
    await writeTableSheet(reader, workbook, interviewsTable(filters), cells);
    await writeTableSheet(reader, workbook, companiesTable(filters), cells);
    await writeTableSheet(reader, workbook, contactsTable(filters), cells);
    await writeTableSheet(reader, workbook, stageHistoryTable(filters), cells);
    await workbook.commit();
  });
}
