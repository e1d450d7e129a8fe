import type { ApplicationFilters } from '../../src-shared/contract';
import type { CellContext } from './cells';
import { HeldHistories } from './held-histories';
import type { ContactedApplications } from './contacted-applications';
import type { InterviewedApplications } from './interviewed-applications';
import type { ExportReader } from './reader';
import { batchSize, type TableSpec } from './table';
import { narrowsBeyondArchived, readStageNames, stageEventColumns, type CompanyCounts, stageEventsOfApplications, stageEventRow, type ApplicationRow, type BatchStageEventRow, type StageEventRow } from './tables';
import { sheetColumns, tableRowWriter, writeTableSheet, type SheetColumn, type SheetWriter, type WorkbookWriter } from './workbook';

/**
 * Where the walk finds a batch's events: `held`, every event read in one pass first and held until written
 * (held-histories.ts: for an export of (nearly) every application); `perBatch`, each batch's events read by their
 * applications' ids (for a narrowed export, which would otherwise read every event of the database).
 */
export type HistorySource = 'held' | 'perBatch';

/**
 * The events are read in one pass and held when no filter but the archived flag narrows the export, which then
 * writes most events of the database; a narrower export reads its batches' events only. Narrowing is what the
 * filters add to the applications' WHERE clause, so an empty list (no tags, no sources) or a blank text narrows
 * nothing, as for the list.
 */
export function historySourceFor(filters: ApplicationFilters): HistorySource {
  return narrowsBeyondArchived(filters) ? 'perBatch' : 'held';
}

/** A batch's stage history rows, in order, handed to `emit`. */
type BatchHistory = (batch: ApplicationRow[], emit: (row: StageEventRow) => void) => void;

function perBatch(reader: ExportReader): BatchHistory {
  const eventsOf = reader.repeated<BatchStageEventRow>(stageEventsOfApplications);
  const stages = readStageNames(reader);
  return (batch, emit) => {
    for (const event of eventsOf(JSON.stringify(batch.map((application) => application.id)))) {
      const application = batch[event.application_index];
      const from = event.from_stage_id === null ? undefined : stages.get(event.from_stage_id);
      const to = event.to_stage_id === null ? undefined : stages.get(event.to_stage_id);
      emit(stageEventRow(application, event, from, to));
    }
  };
}

async function batchHistory(reader: ExportReader, source: HistorySource): Promise<BatchHistory> {
  const held = source === 'held' ? await HeldHistories.read(reader) : null;
  if (!held) return perBatch(reader);
  return (batch, emit) => {
    for (const application of batch) held.rowsOf(application, emit);
  };
}

/**
 * Writes the applications sheet and, in the same walk, the stage history: after each batch of applications, their
 * events go into `history`, a sheet whose part waits for its turn in the archive (excel.ts: HeldSheetParts). The
 * stage history's own query (stageHistoryTable) walked the applications a second time in their index order, each
 * row's page read again: about 2 s of SQLite's CPU at 100,000 applications (docs/performance.md). The same rows in
 * the same order (test/exports/history-walk.test.ts). `history` is given the sheet's columns and makes its writer;
 * `companyCounts`, if given, counts the applications written by company for the companies sheet;
 * `interviewed` and `contacted` keep what the interviews and contacts sheets show of them. Returns the number of
 * applications.
 */
export async function writeApplicationsWithHistory(
  reader: ExportReader,
  workbook: Pick<WorkbookWriter, 'addSheet'>,
  applications: TableSpec<ApplicationRow>,
  history: (columns: SheetColumn[]) => SheetWriter,
  context: CellContext,
  options: { size?: number; source?: HistorySource; companyCounts?: CompanyCounts; interviewed?: InterviewedApplications; contacted?: ContactedApplications } = {},
): Promise<number> {
  const { size = batchSize, source = 'perBatch', companyCounts, interviewed, contacted } = options;
  const sheet = history(sheetColumns(stageEventColumns, context.labels));
  const write = tableRowWriter(sheet, stageEventColumns, context);
  const eventsOf = await batchHistory(reader, source);
  const rows = await writeTableSheet(
    reader,
    workbook,
    applications,
    context,
    async (batch) => {
      companyCounts?.add(batch);
      interviewed?.add(batch);
      contacted?.add(batch);
      eventsOf(batch, write);
      await sheet.drained();
    },
    size,
  );
  await sheet.finish();
  return rows;
}
