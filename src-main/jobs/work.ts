import type { ChannelOutput, JobChannel, ParsedInput } from '../../src-shared/contract';
import { toBackupInfo } from '../backups/info';
import { restoreBackup } from '../backups/restore';
import { runScheduledBackup, type ScheduledOutcome } from '../backups/schedule';
import type { AppContext } from '../context';
import { createBackup } from '../db/backups';
import { exportCalendar } from '../exports/calendar';
import { exportCsv } from '../exports/csv';
import { exportExcel } from '../exports/excel';
import { exportJson } from '../exports/json-backup';
import { exportStatisticsWorkbook } from '../exports/statistics-workbook';
import { previewImport } from '../imports/preview';
import { jobPasses, runImport } from '../imports/run';

type ContractJob = Exclude<JobChannel, 'backups.scheduled'>;

/** What each job takes and gives: a channel's parsed input and output, and the schedule's own. */
export type JobInputs = { [C in ContractJob]: ParsedInput<C> } & { 'backups.scheduled': { intervalMs: number } };
export type JobOutputs = { [C in ContractJob]: ChannelOutput<C> } & { 'backups.scheduled': ScheduledOutcome };

/** The work of each job, as it runs in the worker on the worker's own connection (or inline, see InlineJobs). */
export const jobWork: { [C in JobChannel]: (input: JobInputs[C], context: AppContext) => Promise<JobOutputs[C]> } = {
  'imports.preview': (input, context) => previewImport(context, input, jobPasses(context)),
  'imports.run': (input, context) => runImport(context, input),
  'exports.excel': (input, context) => exportExcel(context, input),
  'exports.statisticsWorkbook': (input, context) => exportStatisticsWorkbook(context, input),
  'exports.csv': (input, context) => exportCsv(context, input),
  'exports.json': (input, context) => exportJson(context, input),
  'exports.calendar': (input, context) => exportCalendar(context, input),
  'backups.create': async (_input, context) => toBackupInfo(await createBackup(context.db, context.dataDir, 'manual', context.job)),
  'backups.restore': (input, context) => restoreBackup(context, input.path),
  'backups.scheduled': (input, context) => runScheduledBackup(context, input.intervalMs),
};
