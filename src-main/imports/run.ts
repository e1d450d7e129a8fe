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
import { ImportWriter } from './write';

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
 * Writes every selected application of an analysed file in one transaction through the write path, reading the
 * file again row by row (nothing of it is held), and accounts for each: created, skipped and why, kept with
 * warnings (each naming the application it concerns).
 */
function writeAnalysed(context: AppContext, analysis: Analysis, options: ReturnType<typeof importOptions.parse>, observer: ImportObserver): ImportSummary & { skippedInvalid: number; skippedDuplicates: number } {
  const { db } = context;
  const countCompanies = () => db.sql(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`).pluck().get() as number;
  const companiesBefore = countCompanies();
  const skipped: ImportSummary['skipped'] = [];
  const warnings = new Map<ImportProblemCode, ImportWarningGroup>();
  let skippedInvalid = 0;
  let skippedDuplicates = 0;
  let created = 0;
  // All rows or none: one transaction through the write path, which rolls back on any error.
  const writer = context.changes.write((write) => {
    const importWriter = new ImportWriter(db, write);
    for (const row of planRows(analysis)) {
      for (const application of convertDataRow(row, analysis.rowPlan)) {
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
    observer.onPhase?.('rows-written');
    return importWriter;
  });
  return {
    applications: created,
    companies: countCompanies() - companiesBefore,
    contacts: writer.contactsCreated,
    stageEvents: writer.events,
    skipped,
    skippedCount: skippedInvalid + skippedDuplicates,
    warnings: [...warnings.values()].sort((a, b) => b.count - a.count),
    skippedInvalid,
    skippedDuplicates,
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
  return withImportFile(input.source, input.settings, async (file) => {
    observer.onPhase?.('read');
    if (file.kind === 'backup') return importCandidBackup(context, file, options.mergeBackup);
    const analysis = await analyseFile(context.db, file, input, passes);
    checkImportable(analysis, options);
    observer.onPhase?.('validated');
    const snapshot = await backupBeforeImport(context);
    observer.onPhase?.('backed-up');
    passes.signal?.throwIfAborted();
    const { skippedInvalid, skippedDuplicates, ...summary } = writeAnalysed(context, analysis, options, observer);
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
