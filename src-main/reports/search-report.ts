import type { Writable } from 'node:stream';
import type { ExportResult, ParsedInput } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { csvRecord } from '../exports/csv';
import { deliverExport, type Produced } from '../exports/output';
import { TextWriter } from '../exports/text-writer';
import { readSearchActivities } from './activities';
import { writeReportPdf } from './pdf';
import { reportText } from './templates';

type Input = ParsedInput<'exports.searchReport'>;

function personName(context: AppContext): string | null {
  const row = context.db.sql(`SELECT name FROM profile WHERE deleted_at IS NULL AND name IS NOT NULL AND name <> '' LIMIT 1`).get() as { name: string } | undefined;
  return row?.name ?? null;
}

/** The CSV: the template's columns, dates as YYYY-MM-DD (a spreadsheet sorts them), one activity a line. */
async function writeReportCsv(out: Writable, input: Input, rows: ReturnType<typeof readSearchActivities>, text: ReturnType<typeof reportText>): Promise<void> {
  const writer = new TextWriter(out);
  if (input.bom) await writer.write('\uFEFF');
  await writer.write(csvRecord(text.columns.map((column) => text.header(column.column)), input.delimiter));
  for (const activity of rows) await writer.write(csvRecord(text.columns.map((column) => text.cell(activity, column.column, 'iso')), input.delimiter));
  await writer.end();
}

/**
 * A proof-of-search report of a period (issue 15, item 4), as a PDF or a CSV in one agency's columns.
 */
export function exportSearchReport(context: AppContext, input: Input): Promise<ExportResult> {
  const timeZone = input.timeZone ?? 'UTC';
  const produce = async (out: Writable): Promise<Produced> => {
    context.job?.progress('reading');
    const activities = readSearchActivities(context.db, input.from, input.to, timeZone);
    const text = reportText(input.language, input.template);
    context.job?.progress('writing', 0, activities.length);
    if (input.format === 'csv') await writeReportCsv(out, input, activities, text);
    else {
      await writeReportPdf(
        out,
        { text, from: input.from, to: input.to, person: personName(context), producedOn: new Date(context.clock.now()).toISOString().slice(0, 10), activities },
        (done) => context.job?.progress('writing', done, activities.length),
      );
    }
    return { rows: activities.length };
  };
  return deliverExport(context, input.format === 'pdf' ? 'searchReportPdf' : 'searchReportCsv', input.path, produce);
}
