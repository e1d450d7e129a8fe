import type { CellContext } from './cells';
import type { ExportReader } from './reader';
import { batchSize, type TableSpec } from './table';
import { readStageNames, stageEventColumns, stageEventsOfApplications, type ApplicationRow, type BatchStageEventRow, type StageEventRow } from './tables';
import { sheetColumns, tableRowWriter, writeTableSheet, type SheetColumn, type SheetWriter, type WorkbookWriter } from './workbook';

/**
 * Writes the applications sheet and, in the same walk, the stage history: after each batch of applications, their
 * events (read through the events' index on the application) go into `history`, a sheet whose part waits for its
 * turn in the archive (excel.ts: HeldSheetParts). The stage history's own query (stageHistoryTable) walked the
 * applications a second time in their index order, each row's page read again: about 2 s of SQLite's CPU at 100,000
 * applications (docs/performance.md). The same rows in the same order (test/exports/history-walk.test.ts). `history`
 * is given the sheet's columns and makes its writer. Returns the number of applications.
 */
export async function writeApplicationsWithHistory(
  reader: ExportReader,
  workbook: Pick<WorkbookWriter, 'addSheet'>,
  applications: TableSpec<ApplicationRow>,
  history: (columns: SheetColumn[]) => SheetWriter,
  context: CellContext,
  size = batchSize,
): Promise<number> {
  const sheet = history(sheetColumns(stageEventColumns, context.labels));
  const write = tableRowWriter(sheet, stageEventColumns, context);
  const eventsOf = reader.repeated<BatchStageEventRow>(stageEventsOfApplications);
  const stages = readStageNames(reader);
  const rows = await writeTableSheet(
    reader,
    workbook,
    applications,
    context,
    async (batch) => {
      for (const event of eventsOf(JSON.stringify(batch.map((application) => application.id)))) {
        const application = batch[event.application_index];
        const from = event.from_stage_id === null ? undefined : stages.get(event.from_stage_id);
        const to = event.to_stage_id === null ? undefined : stages.get(event.to_stage_id);
        write({
          application_id: event.application_id,
          occurred_at: event.occurred_at,
          note: event.note,
          company_name: application.company_name,
          position: application.position,
          from_name: from?.name ?? null,
          from_category: from?.category ?? null,
          to_name: to?.name ?? null,
          to_category: to?.category ?? null,
        } satisfies StageEventRow);
      }
      await sheet.drained();
    },
    size,
  );
  await sheet.finish();
  return rows;
}
