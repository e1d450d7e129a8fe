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
import { analyseFile, convertDataRow, planRows, rowKey, unmappedRequired, type Analysis, type PassOptions } from './analyse';
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
 * The steps of an import, in order, for callers that report progress or measure. `rows-written`: every row is
 * written, the derived data (current stages, search index, statistics) and the commit are what `written` adds.
 */
export type ImportPhase = 'read' | 'validated' | 'backed-up' | 'rows-written' | 'written';
export interface ImportObserver {
  onPhase?(phase: ImportPhase): void;
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

/**
 * Writes every selected application of an analysed file through the write path, reading the file again row by row
 * (nothing of it is held), and accounts for each: created, skipped and why, kept with warnings (each naming the
 * application it concerns). All rows or none, without holding the live database's write lock for the whole import:
 * the rows are written into a staging database in several transactions, then copied into the live one in one
 * (staging.ts, docs/performance.md).
 */
async function writeAnalysed(context: AppContext, analysis: Analysis, options: ReturnType<typeof importOptions.parse>, observer: ImportObserver): Promise<ImportSummary & { skippedInvalid: number; skippedDuplicates: number }> {
  const { db } = context;
  const countCompanies = () => db.sql(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`).pluck().get() as number;
  const companiesBefore = countCompanies();
  const skipped: ImportSummary['skipped'] = [];
  const warnings = new Map<ImportProblemCode, ImportWarningGroup>();
  let skippedInvalid = 0;
  let skippedDuplicates = 0;
  let created = 0;
  const staging = await ImportStaging.create(context);
  const importWriter = new ImportWriter(staging.db);
  try {
    const rows = planRows(analysis)[Symbol.iterator]();
    let finished = false;
    while (!finished) {
      context.job?.progress('staging', created, analysis.importable);
      staging.changes.write((write) => {
        importWriter.use(write);
        for (let read = 0; read < stagingChunkRows; read += 1) {
          const next = rows.next();
          if (next.done) {
            finished = true;
            return;
          }
          for (const application of convertDataRow(next.value, analysis.rowPlan)) {
            const key = rowKey(application.row, application.column);
            const duplicate = options.skipDuplicates && analysis.duplicateKeys.has(key);
            if (application.input === null || duplicate) {
              if (application.input === null) skippedInvalid += 1;
              else skippedDuplicates += 1;
              if (skipped.length < listedPerKind) {
                const reasons = application.input === null ? [...new Set(application.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code))] : ['duplicate' as const];
                skipped.push({ row: application.row, column: application.column, reasons });
              }
              continue;
            }
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
      });
    }
    observer.onPhase?.('rows-written');
    context.job?.commitPoint();
    context.job?.progress('applying');
    context.changes.announce(staging.apply(db, context.job));
  } finally {
    staging.close();
  }
  return {
    applications: created,
    companies: countCompanies() - companiesBefore,
    contacts: importWriter.contactsCreated,
    stageEvents: importWriter.events,
    skipped,
    skippedCount: skippedInvalid + skippedDuplicates,
    warnings: [...warnings.values()].sort((a, b) => b.count - a.count),
    skippedInvalid,
    skippedDuplicates,
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
 * Imports an already parsed run input (the handler's): the file is read and every row checked first (nothing is
 * written when it cannot be imported as chosen), a backup is taken, then all rows are written or none. The passes
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
    const analysis = await analyseFile(context.db, file, input, jobPasses(context, passes));
    context.job?.progress('checking');
    checkImportable(analysis, options);
    observer.onPhase?.('validated');
    context.job?.progress('backingUp');
    const snapshot = await backupBeforeImport(context);
    observer.onPhase?.('backed-up');
    passes.signal?.throwIfAborted();
    const { skippedInvalid, skippedDuplicates, ...summary } = await writeAnalysed(context, analysis, options, observer);
    observer.onPhase?.('written');
    return {
      format: file.format,
      created: summary.applications,
      skippedInvalid,
      skippedDuplicates,
      companiesCreated: summary.companies,
      stageEvents: summary.stageEvents,
      backup: { path: snapshot.path, createdAt: snapshot.createdAt },
      summary,
    };
  });
}

/**
 * Imports a file (CSV, XLSX, JSON rows or a Candid backup) the way `imports.run` does: validates every row first,
 * takes a backup, then writes all rows or none in one transaction. For scripts and benchmarks.
 */
export function importFile(context: AppContext, input: ImportRunInput, observer?: ImportObserver, passes?: PassOptions): Promise<ImportResult> {
  return runImport(context, importRunInput.parse(input), observer, passes);
}
