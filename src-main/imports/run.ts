import {
  importOptions,
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
import { planFile, planRows, RowChecker, unmappedRequired, type Analysis, type FilePlan, type PassOptions } from './analyse';
import { settleDerivedData } from '../changes/owed-derived';
import { importCandidBackup } from './candid-backup';
import { importError } from './errors';
import { withImportFile } from './read';
import { ImportStaging } from './staging';
import { ImportWriter } from './write';

/** Applications written to the staging database per transaction: where progress is reported and a cancel noticed. */
const stagingChunkRows = 1000;

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
}

/** Refuses what cannot be imported as chosen, before anything is written. */
function checkImportable(analysis: Analysis, options: ReturnType<typeof importOptions.parse>): void {
  const missing = unmappedRequired(analysis);
  if (missing.length > 0) throw importError('VALIDATION', 'unmapped_required', `No column is mapped to ${missing.join(' and ')}`, { fields: missing });
  const { rowsWithErrors, errors } = analysis.problemCount;
  if (rowsWithErrors > 0 && !options.skipInvalidRows) {
    throw importError('VALIDATION', 'rows_invalid', `${rowsWithErrors} of ${analysis.rowCount} rows have errors; nothing was imported`, {
      rowsWithErrors,
      errorCount: errors,
      problems: analysis.problems.filter((problem) => problem.severity === 'error').slice(0, problemsInError),
    });
  }
  const selected = analysis.importable - (options.skipDuplicates ? analysis.importableDuplicates : 0);
  if (selected <= 0) throw importError('VALIDATION', 'nothing_to_import', 'No row is left to import', { rows: analysis.rowCount });
}

type WriteSummary = ImportSummary & { skippedInvalid: number; skippedDuplicates: number };

/**
 * Checks every row of a planned file and writes each selected application into a staging database as it is
 * checked, so that the file is read and every row converted once (the check and the staging were two passes, each
 * converting every row), and accounts for each: created, skipped and why, kept with warnings (each naming the
 * application it concerns). Nothing of the file is held. Whether the file can be imported as chosen is only known
 * once every row is checked: the staging database is thrown away when it cannot (staging.ts: nobody reads it until
 * `apply`). Returns the check's result and the staging, to be applied or closed by the caller.
 */
async function checkAndStage(
  context: AppContext,
  plan: FilePlan,
  options: ReturnType<typeof importOptions.parse>,
  passes: PassOptions,
  rowByRow = false,
): Promise<{ analysis: Analysis; staging: ImportStaging; importWriter: ImportWriter; summary: Omit<WriteSummary, 'companies' | 'contacts' | 'stageEvents'> }> {
  const skipped: ImportSummary['skipped'] = [];
  const warnings = new Map<ImportProblemCode, ImportWarningGroup>();
  let skippedInvalid = 0;
  let skippedDuplicates = 0;
  let created = 0;
  let read = 0;
  const checker = new RowChecker(context.db, plan, false);
  const staging = await ImportStaging.create(context);
  try {
    const importWriter = new ImportWriter(staging.db);
    const rows = planRows(plan)[Symbol.iterator]();
    let finished = checker.missing.length > 0;
    while (!finished) {
      context.job?.progress('staging', read, plan.rowCount);
      passes.onProgress?.(read);
      passes.signal?.throwIfAborted();
      staging.changes.write((write) => {
        importWriter.use(write);
        for (let inChunk = 0; inChunk < stagingChunkRows; inChunk += 1) {
          const next = rows.next();
          if (next.done) {
            finished = true;
            return;
          }
          read += 1;
          for (const { application, duplicate } of checker.check(next.value)) {
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
            if (checker.refusesInvalid && !options.skipInvalidRows) continue;
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
      // Lets the event loop run between chunks, as the file's passes do (analyse.ts eachRow).
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The staged applications' current stages, full-text rows and statistics, once and set-based (bulk writes owe them).
    settleDerivedData(staging.db);
    return {
      analysis: checker.analysis(),
      staging,
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
  } catch (error) {
    staging.close();
    throw error;
  }
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
  return withImportFile(input.source, input.settings, async (file) => {
    observer.onPhase?.('read');
    if (file.kind === 'backup') {
      context.job?.commitPoint();
      return importCandidBackup(context, file, options.mergeBackup);
    }
    const plan = await planFile(context.db, file, input, jobPasses(context, passes));
    const missing = unmappedRequired(plan);
    if (missing.length > 0) throw importError('VALIDATION', 'unmapped_required', `No column is mapped to ${missing.join(' and ')}`, { fields: missing });
    observer.onPhase?.('validated');
    const countCompanies = () => context.db.sql(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`).pluck().get() as number;
    const companiesBefore = countCompanies();
    const { analysis, staging, importWriter, summary: staged } = await checkAndStage(context, plan, options, passes, observer.rowByRow);
    try {
      checkImportable(analysis, options);
      observer.onPhase?.('rows-written');
      context.job?.progress('backingUp');
      const snapshot = await backupBeforeImport(context);
      observer.onPhase?.('backed-up');
      passes.signal?.throwIfAborted();
      context.job?.commitPoint();
      context.job?.progress('applying');
      context.changes.announce(staging.apply(context.db, context.job));
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
      staging.close();
    }
  });
}

/**
 * Imports a file (CSV, XLSX, JSON rows or a Candid backup) the way `imports.run` does: validates every row first,
 * takes a backup, then writes all rows or none in one transaction. For scripts and benchmarks.
 */
export function importFile(context: AppContext, input: ImportRunInput, observer?: ImportObserver, passes?: PassOptions): Promise<ImportResult> {
  return runImport(context, importRunInput.parse(input), observer, passes);
}
