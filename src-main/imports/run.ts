import fs from 'node:fs';
import type { ResourceLimits } from 'node:worker_threads';
import {
  importOptions,
  type ImportField,
  importRunInput,
  type ImportProblemCode,
  type ImportResult,
  type ImportRunInput,
  type ImportSummary,
  type ImportWarningGroup,
  type ParsedInput,
} from '../../src-shared/contract';
import { backupBeforeImport } from '../backups';
import type { AppContext } from '../context';
import { checkedBatches, checkOutcome, planFile, RowChecker, type PassOptions } from './analyse';
import type { CheckOutcome, StagedRow } from './check-protocol';
import { checksInThread } from './check-spare';
import { CheckThread } from './check-thread';
import { importCandidBackup } from './candid-backup';
import { importError } from './errors';
import { withImportFile } from './read';
import { pathSourceName } from './source';
import type { BackupFile, TableFile } from './reader';
import { ImportStaging } from './staging';
import { ImportWriter } from './write';

/** Applications written to the staging database per transaction: where progress is reported and a cancel noticed. */
const stagingChunkRows = 1000;

/**
 * Batches of checked rows the thread may send ahead of the writes: the queue bounds what waits in memory (a batch
 * of 1,000 rows is about 1-2 MB as a message), and is long enough that neither side waits for the other's jitter.
 */
const batchesInFlight = 4;

/** How many problems an error lists in its details (the preview lists them all). */
const problemsInError = 20;
/** Applications named per kind of warning and skipped rows listed in the summary (all are counted). */
const listedPerKind = 200;

/**
 * The steps of an import, in order, for callers that report progress or measure: `read` the file opened,
 * `validated` the first pass over it (where the header is, the mapping, how dates read) with every required field
 * mapped, `rows-written` every row checked and written into the staging database with its derived data (current
 * stages, search index, statistics) and the file found importable as chosen, `backed-up`, then `written` the copy
 * into the live database committed.
 */
export type ImportPhase = 'read' | 'validated' | 'backed-up' | 'rows-written' | 'written';
export interface ImportObserver {
  onPhase?(phase: ImportPhase): void;
  /**
   * The staging's rows written row by row, each chunk's derived data at its commit, instead of in bulk (the
   * default: multi-row INSERTs, the derived data once at the end). For the test that proves both write the same.
   */
  rowByRow?: boolean;
  /**
   * The file's rows read and checked in a thread of their own (true) or in this one (false), instead of by the
   * file's size and the cores. For the tests that prove both import the same.
   */
  checkThread?: boolean;
  /** The check thread's heap limits instead of those its file's size gives (check-thread.ts): for the tests. */
  checkThreadLimits?: ResourceLimits;
  /**
   * The copy into the live database by columns even where a first import's tables could be transferred whole
   * (staging.ts, raw-copy.ts). For the test that proves both write the same.
   */
  copyByColumns?: boolean;
  /**
   * The staged statistics computed in a thread of their own (true) or in the import's (false), instead of as the
   * file's rows are checked (staging.ts `settle`). For the tests that prove both import the same.
   */
  statisticsThread?: boolean;
  /** The statistics thread's heap limits: for the test of its failure. */
  statisticsThreadLimits?: ResourceLimits;
  /** How long the copy waits for the statistics thread in its lock (StagingOptions): for the test of a late thread. */
  statisticsWaitMs?: number;
}

/** Refuses what cannot be imported as chosen, before anything is written. */
function checkImportable(checks: RowChecks, options: ReturnType<typeof importOptions.parse>): void {
  if (checks.missing.length > 0) throw unmappedError(checks.missing);
  const outcome = checks.outcome();
  const { rowsWithErrors, errors } = outcome.problemCount;
  if (rowsWithErrors > 0 && !options.skipInvalidRows) {
    throw importError('VALIDATION', 'rows_invalid', `${rowsWithErrors} of ${outcome.rowCount} rows have errors; nothing was imported`, {
      rowsWithErrors,
      errorCount: errors,
      problems: outcome.problems.filter((problem) => problem.severity === 'error').slice(0, problemsInError),
    });
  }
  const selected = outcome.importable - (options.skipDuplicates ? outcome.importableDuplicates : 0);
  if (selected <= 0) throw importError('VALIDATION', 'nothing_to_import', 'No row is left to import', { rows: outcome.rowCount });
}

function unmappedError(missing: ImportField[]) {
  return importError('VALIDATION', 'unmapped_required', `No column is mapped to ${missing.join(' and ')}`, { fields: missing });
}

type WriteSummary = ImportSummary & { skippedInvalid: number; skippedDuplicates: number };

/**
 * A planned file's rows as they are checked, here or in a thread of their own (check-thread.ts), in batches of
 * `stagingChunkRows` rows; then what the check found (once every batch came).
 */
interface RowChecks {
  /** The file's data rows; null while the plan's pass still reads the file (the rows being checked meanwhile). */
  rowCount(): number | null;
  /** Rows the plan's pass has read so far. */
  rowsRead(): number;
  /** Required fields no column is mapped to: no row is checked. */
  missing: ImportField[];
  /** Each batch is read once (a thread's rows are decoded as they are reached). */
  batches: AsyncIterable<Iterable<StagedRow>> | Iterable<Iterable<StagedRow>>;
  outcome(): CheckOutcome;
  /** Ends the thread, if any: once every row came, or when the import stops. */
  stop(): Promise<void>;
}

/** The file's first pass and its rows' check in this thread (small files, JSON, one core). */
async function checkHere(context: AppContext, file: TableFile, input: ParsedInput<'imports.run'>, passes: PassOptions): Promise<RowChecks> {
  const plan = await planFile(context.db, file, input, jobPasses(context, passes));
  const checker = new RowChecker(context.db, plan, false);
  return {
    rowCount: () => plan.rowCount,
    rowsRead: () => plan.rowCount,
    missing: checker.missing,
    batches: checkedBatches(checker, plan, stagingChunkRows),
    outcome: () => checkOutcome(checker.analysis(plan)),
    stop: () => Promise.resolve(),
  };
}

/** The file's first pass and its rows' check in a thread of their own, on the other core, while the rows are staged here. */
async function checkInThread(context: AppContext, file: { fileName: string; bytes: number }, input: ParsedInput<'imports.run'>, passes: PassOptions, limits?: ResourceLimits): Promise<RowChecks> {
  const start = { databaseFile: context.db.path, nativeBinding: context.db.options.nativeBinding, input, batchRows: stagingChunkRows, batchesInFlight };
  const thread = new CheckThread(start, file, limits);
  try {
    const progress = jobPasses(context, passes);
    const { missing } = await thread.planned((rows) => {
      progress.onProgress?.(rows);
      passes.signal?.throwIfAborted();
    });
    return {
      rowCount: () => thread.rowCount(),
      rowsRead: () => thread.rowsRead(),
      missing,
      batches: thread.batches(),
      outcome: () => thread.outcome(),
      stop: () => thread.stop(),
    };
  } catch (error) {
    await thread.stop();
    throw error;
  }
}

/** Whether the file's rows are checked in a thread of their own: a table large enough, when there are two cores. */
function inCheckThread(file: TableFile, observer: ImportObserver): boolean {
  if (observer.checkThread !== undefined) return observer.checkThread;
  // JSON is read whole where it is opened: a thread would read it again.
  return file.format !== 'json' && checksInThread(file.bytes);
}

/**
 * The check thread begun from the file's path and size, before this thread opens the file: the thread reads and
 * plans it meanwhile (opening the bench's 25 MB CSV here, read and checked as UTF-8, took 0.1-0.2 s, during which the
 * thread waited for its start). Null where a thread is not what `inCheckThread` will choose by the name and size
 * alone; `adopt` then confirms it once the file is open, or stops it (a JSON file, a backup: the thread refuses those).
 */
function checkBeforeOpening(context: AppContext, input: ParsedInput<'imports.run'>, passes: PassOptions, observer: ImportObserver) {
  const source = input.source;
  if (!('path' in source) || observer.checkThread === false) return null;
  const fileName = pathSourceName(source);
  if (/\.json$/i.test(fileName)) return null;
  let bytes: number;
  try {
    bytes = fs.statSync(source.path).size;
  } catch {
    // Opening it says what is wrong, in the user's words.
    return null;
  }
  if (observer.checkThread !== true && !checksInThread(bytes)) return null;
  const checking = checkInThread(context, { fileName, bytes }, input, passes, observer.checkThreadLimits);
  checking.catch(() => undefined);
  const stop = () => void checking.then((started) => started.stop(), () => undefined);
  return {
    /** The thread's checks when the opened file is the one it began on and is checked in a thread; else it stops. */
    adopt(file: TableFile | BackupFile): Promise<RowChecks> | null {
      if (file.kind === 'table' && file.bytes === bytes && inCheckThread(file, observer)) return checking;
      stop();
      return null;
    },
    stop,
  };
}

/**
 * Writes each selected application of the checked rows into a staging database as the rows come, so that the
 * file is read and every row converted once (the check and the staging were two passes, each converting every
 * row), and accounts for each: created, skipped and why, kept with warnings (each naming the application it
 * concerns). Nothing of the file is held. Whether the file can be imported as chosen is only known once every row
 * is checked: the staging database is thrown away when it cannot (staging.ts: nobody reads it until `apply`).
 * The caller applies or closes the staging.
 */
async function stageRows(
  context: AppContext,
  staging: ImportStaging,
  checks: RowChecks,
  options: ReturnType<typeof importOptions.parse>,
  passes: PassOptions,
  rowByRow = false,
): Promise<{ importWriter: ImportWriter; summary: Omit<WriteSummary, 'companies' | 'contacts' | 'stageEvents'> }> {
  const skipped: ImportSummary['skipped'] = [];
  const warnings = new Map<ImportProblemCode, ImportWarningGroup>();
  let skippedInvalid = 0;
  let skippedDuplicates = 0;
  let created = 0;
  let read = 0;
  const importWriter = new ImportWriter(staging.db);
  const progress = () => {
    const rowCount = checks.rowCount();
    // The thread checks rows while the plan's pass still reads the file: its reading is the progress until then.
    if (rowCount === null) context.job?.progress('reading', checks.rowsRead(), null);
    else context.job?.progress('staging', read, rowCount);
    passes.onProgress?.(read);
    passes.signal?.throwIfAborted();
  };
  progress();
  for await (const batch of checks.batches) {
    staging.changes.write((write) => {
      importWriter.use(write);
      for (const { checked, refusesInvalid } of batch) {
        read += 1;
        for (const { application, duplicate } of checked) {
          const skippedAsDuplicate = options.skipDuplicates && duplicate;
          if (application.input === null || skippedAsDuplicate) {
            if (application.input === null) skippedInvalid += 1;
            else skippedDuplicates += 1;
            if (skipped.length < listedPerKind) {
              const reasons = application.input === null ? [...new Set(application.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code))] : ['duplicate' as const];
              skipped.push({ row: application.row, column: application.column, reasons });
            }
            continue;
          }
          // A file with rows in error is refused at the end (checkImportable) unless they are skipped: nothing
          // more is staged for nothing, the rows are only checked, for the error to count them all.
          if (refusesInvalid && !options.skipInvalidRows) continue;
          const applicationId = importWriter.writeRow(application);
          created += 1;
          for (const problem of application.problems) {
            let group = warnings.get(problem.code);
            if (!group) warnings.set(problem.code, (group = { code: problem.code, count: 0, items: [] }));
            group.count += 1;
            if (group.items.length < listedPerKind) group.items.push({ row: problem.row ?? application.row, column: problem.column, field: problem.field, value: problem.value, applicationId });
          }
        }
      }
    }, { bulk: !rowByRow });
    progress();
    // Lets the event loop run between chunks, as the file's passes do (analyse.ts eachRow).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return {
    importWriter,
    summary: {
      applications: created,
      skipped,
      skippedCount: skippedInvalid + skippedDuplicates,
      warnings: [...warnings.values()].sort((a, b) => b.count - a.count),
      skippedInvalid,
      skippedDuplicates,
    },
  };
}

/**
 * The passes' options in a job: the rows read are its progress (which is also where a cancel stops them), beside
 * the caller's own.
 */
export function jobPasses(context: AppContext, passes: PassOptions = {}): PassOptions {
  const job = context.job;
  if (!job) return passes;
  return {
    ...passes,
    onProgress: (rows) => {
      passes.onProgress?.(rows);
      job.progress('reading', rows, null);
    },
  };
}

/**
 * Imports an already parsed run input (the handler's): the file is planned, then every row checked and staged
 * (nothing is written into the live database when it cannot be imported as chosen), a backup is taken, then all
 * rows are copied in or none. The passes
 * take their inputs explicitly and report progress and honour an abort signal (`passes`), so they can run where the
 * caller likes (a worker).
 */
export function runImport(context: AppContext, input: ParsedInput<'imports.run'>, observer: ImportObserver = {}, passes: PassOptions = {}): Promise<ImportResult> {
  const options = importOptions.parse(input.options ?? {});
  context.job?.progress('reading');
  const early = checkBeforeOpening(context, input, passes, observer);
  let adopted = false;
  return withImportFile(input.source, input.settings, async (file) => {
    observer.onPhase?.('read');
    const begun = early?.adopt(file) ?? null;
    adopted = begun !== null;
    if (file.kind === 'backup') {
      context.job?.commitPoint();
      return importCandidBackup(context, file, options.mergeBackup);
    }
    // In a thread, the file is read and planned on the other core while the staging database is made here.
    const checking = begun ?? (inCheckThread(file, observer) ? checkInThread(context, file, input, passes, observer.checkThreadLimits) : null);
    // Awaited below: marked handled meanwhile, so that its failure is not reported as unhandled first.
    checking?.catch(() => undefined);
    let staging: ImportStaging | undefined;
    let checks: RowChecks | undefined;
    // The staged statistics on the second core, free since the check thread's last batch, when it checked them.
    const settling = { statisticsThread: observer.statisticsThread ?? (checking !== null && !observer.rowByRow), statisticsThreadLimits: observer.statisticsThreadLimits, statisticsWaitMs: observer.statisticsWaitMs };
    try {
      if (checking) {
        staging = await ImportStaging.create(context, settling);
        // Its code loads (about 0.3 s) while this thread waits for the first checked rows, a core to spare, not
        // later beside the writes, when both are busy.
        staging.launchStatisticsThread();
      }
      checks = checking ? await checking : await checkHere(context, file, input, passes);
      if (checks.missing.length > 0) throw unmappedError(checks.missing);
      observer.onPhase?.('validated');
      const countCompanies = () => context.db.sql(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`).pluck().get() as number;
      const companiesBefore = countCompanies();
      staging ??= await ImportStaging.create(context, settling);
      const { importWriter, summary: staged } = await stageRows(context, staging, checks, options, passes, observer.rowByRow);
      // Every row came: the thread's memory goes before the backup and the final transaction.
      await checks.stop();
      checkImportable(checks, options);
      // The staged applications' current stages, full-text rows and statistics, once and set-based (bulk writes owe
      // them).
      await staging.settle(context.db, { transfer: !observer.copyByColumns });
      observer.onPhase?.('rows-written');
      context.job?.progress('backingUp');
      const snapshot = await backupBeforeImport(context);
      observer.onPhase?.('backed-up');
      passes.signal?.throwIfAborted();
      context.job?.commitPoint();
      context.job?.progress('applying');
      context.changes.announce(await staging.apply(context.db, context.job));
      observer.onPhase?.('written');
      const summary: ImportSummary = {
        applications: staged.applications,
        companies: countCompanies() - companiesBefore,
        contacts: importWriter.contactsCreated,
        stageEvents: importWriter.events,
        skipped: staged.skipped,
        skippedCount: staged.skippedCount,
        warnings: staged.warnings,
      };
      return {
        format: file.format,
        created: summary.applications,
        skippedInvalid: staged.skippedInvalid,
        skippedDuplicates: staged.skippedDuplicates,
        companiesCreated: summary.companies,
        stageEvents: summary.stageEvents,
        backup: { path: snapshot.path, createdAt: snapshot.createdAt },
        summary,
      };
    } finally {
      staging?.close();
      if (checks) await checks.stop();
      // Failed before its plan came (the staging could not be made): the thread ends all the same.
      else await checking?.then((started) => started.stop(), () => undefined);
    }
  }).finally(() => {
    // The file could not be opened: the thread begun on its path ends too.
    if (!adopted) early?.stop();
  });
}

/**
 * Imports a file (CSV, XLSX, JSON rows or a Candid backup) the way `imports.run` does: validates every row first,
 * takes a backup, then writes all rows or none in one transaction. For scripts and benchmarks.
 */
export function importFile(context: AppContext, input: ImportRunInput, observer?: ImportObserver, passes?: PassOptions): Promise<ImportResult> {
  return runImport(context, importRunInput.parse(input), observer, passes);
}
