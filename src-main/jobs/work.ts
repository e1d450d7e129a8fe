import type { ChannelOutput, JobChannel, ParsedInput } from '../../src-shared/contract';
import type { ScheduledOutcome } from '../backups/schedule';
import type { AppContext } from '../context';
import type { DownloadedImage, ImageHeader, ImageLoad } from '../sync/image';

/**
 * Work after a job's answer (JobControl.afterAnswer) in a job's worker; at once where the job runs inline (scripts,
 * and a job another job runs, whose upkeep then follows the outer job's answer).
 */
function afterAnswer(context: AppContext, work: () => void): void {
  if (context.job) context.job.afterAnswer(work);
  else work();
}

type ContractJob = Exclude<JobChannel, 'backups.scheduled' | 'sync.writeImage' | 'sync.loadImage'>;

/** What each job takes and gives: a channel's parsed input and output, and the schedule's own. */
export type JobInputs = { [C in ContractJob]: ParsedInput<C> } & {
  'backups.scheduled': { intervalMs: number; now: number };
  'sync.writeImage': { file: string; covers: number };
  'sync.loadImage': DownloadedImage;
};
export type JobOutputs = { [C in ContractJob]: ChannelOutput<C> } & {
  'backups.scheduled': ScheduledOutcome;
  'sync.writeImage': ImageHeader | null;
  'sync.loadImage': ImageLoad;
};

/**
 * The code of the jobs a screen announces (jobs.prepare, `loadJobCode`): loaded when the job first runs, or ahead
 * in an idle worker.
 */
const jobCode = {
  'imports.preview': () => Promise.all([import('../imports/preview'), import('../imports/run')]),
  'imports.run': () => Promise.all([import('../imports/run'), import('../changes/text-index-merge')]),
  'exports.excel': () => import('../exports/excel'),
  'exports.statisticsWorkbook': () => import('../exports/statistics-workbook'),
  'exports.csv': () => import('../exports/csv'),
  'exports.json': () => import('../exports/json-backup'),
  'exports.calendar': () => import('../exports/calendar'),
  'exports.searchReport': () => import('../reports/search-report'),
} satisfies Partial<Record<JobChannel, () => Promise<unknown>>>;

/**
 * Loads a job's code before the job (an idle worker told it is next): at the bench's import, its first call's
 * `import()`s took 0.11-0.19 s of the job. Nothing for a job whose code is not listed.
 */
export function loadJobCode(channel: JobChannel): Promise<unknown> {
  const load: (() => Promise<unknown>) | undefined = (jobCode as Partial<Record<JobChannel, () => Promise<unknown>>>)[channel];
  return load ? load() : Promise.resolve();
}

/**
 * The work of each job, as it runs in the worker on the worker's own connection (or inline, see InlineJobs). Each
 * loads its code when it first runs: loading all of it (exceljs, the import readers) was most of a worker's start,
 * which the first job after a launch waited for whatever it was.
 */
export const jobWork: { [C in JobChannel]: (input: JobInputs[C], context: AppContext) => Promise<JobOutputs[C]> } = {
  'imports.preview': async (input, context) => {
    const [{ previewImport }, { jobPasses }] = await jobCode['imports.preview']();
    return previewImport(context, input, jobPasses(context));
  },
  'imports.run': async (input, context) => {
    const [{ runImport }, { mergeTextIndex }] = await jobCode['imports.run']();
    const result = await runImport(context, input);
    // Its full-text rows went in as one INSERT, which leaves FTS5 a segment per megabyte of them: merged in the
    // worker (not by main's idle merge, on main's thread), after the answer: the rows are searchable already.
    afterAnswer(context, () => mergeTextIndex(context.db));
    return result;
  },
  'exports.excel': async (input, context) => (await jobCode['exports.excel']()).exportExcel(context, input),
  'exports.statisticsWorkbook': async (input, context) => (await jobCode['exports.statisticsWorkbook']()).exportStatisticsWorkbook(context, input),
  'exports.csv': async (input, context) => (await jobCode['exports.csv']()).exportCsv(context, input),
  'exports.json': async (input, context) => (await jobCode['exports.json']()).exportJson(context, input),
  'exports.calendar': async (input, context) => (await jobCode['exports.calendar']()).exportCalendar(context, input),
  'exports.searchReport': async (input, context) => (await jobCode['exports.searchReport']()).exportSearchReport(context, input),
  'backups.create': async (_input, context) => {
    const [{ toBackupInfo }, { createBackup }] = await Promise.all([import('../backups/info'), import('../db/backups')]);
    return toBackupInfo(await createBackup(context.db, context.dataDir, 'manual', context.job));
  },
  'backups.restore': async (input, context) => (await import('../backups/restore')).restoreBackup(context, input.path),
  'backups.scheduled': async (input, context) => (await import('../backups/schedule')).runScheduledBackup(context, input.intervalMs, input.now),
  'sync.writeImage': async (input, context) => (await import('../sync/image')).writeImageDatabase(context, input.file, input.covers),
  'sync.loadImage': async (input, context) => {
    const [{ loadImage }, { SyncState }, { mergeTextIndex }] = await Promise.all([
      import('../sync/image'),
      import('../sync/state'),
      import('../changes/text-index-merge'),
    ]);
    const loaded = await loadImage(context, new SyncState(context.db), input);
    // Its full-text rows went in as one INSERT, as an import's do: merged in the worker after the answer (see imports.run).
    if (loaded === 'loaded') afterAnswer(context, () => mergeTextIndex(context.db));
    return loaded;
  },
};
