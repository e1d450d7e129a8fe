import {
  importOptions,
  importRunInput,
  type ImportResult,
  type ImportRunInput,
  type ParsedInput,
} from '../../src-shared/contract';
import { backupBeforeImport } from '../backups';
import type { AppContext } from '../context';
import { analyse } from './analyse';
import { importCandidBackup } from './candid-backup';
import { importError } from './errors';
import { readImportFile } from './read';
import { ImportWriter } from './write';

/** How many problems an error lists in its details (the preview lists them all). */
const problemsInError = 20;

/**
 * The steps of an import, in order, for callers that report progress or measure. `rows-written`: every row is
 * written, the derived data (current stages, search index, statistics) and the commit are what `written` adds.
 */
export type ImportPhase = 'read' | 'validated' | 'backed-up' | 'rows-written' | 'written';
export interface ImportObserver {
  onPhase?(phase: ImportPhase): void;
}

/** Imports an already parsed run input (the handler's); see `importFile`. */
export async function runImport(context: AppContext, input: ParsedInput<'imports.run'>, observer: ImportObserver = {}): Promise<ImportResult> {
  const options = importOptions.parse(input.options ?? {});
  const parsed = await readImportFile(input.source, input.settings);
  observer.onPhase?.('read');
  if (parsed.kind === 'backup') return importCandidBackup(context, parsed, options.mergeBackup);

  const analysis = analyse(context.db, parsed, input);
  const unmapped = analysis.problems.filter((problem) => problem.code === 'unmapped_required');
  if (unmapped.length > 0) {
    const fields = unmapped.map((problem) => problem.field);
    throw importError('VALIDATION', 'unmapped_required', `No column is mapped to ${fields.join(' and ')}`, { fields });
  }
  const invalid = analysis.rows.filter((row) => row.input === null);
  if (invalid.length > 0 && !options.skipInvalidRows) {
    const errors = analysis.problems.filter((problem) => problem.severity === 'error');
    throw importError('VALIDATION', 'rows_invalid', `${invalid.length} of ${analysis.rows.length} rows have errors; nothing was imported`, {
      rowsWithErrors: invalid.length,
      errorCount: errors.length,
      problems: errors.slice(0, problemsInError),
    });
  }
  const duplicateRows = new Set(options.skipDuplicates ? analysis.duplicates.map((duplicate) => duplicate.row) : []);
  const selected = analysis.rows.filter((row) => row.input !== null && !duplicateRows.has(row.row));
  if (selected.length === 0) {
    throw importError('VALIDATION', 'nothing_to_import', 'No row is left to import', { rows: analysis.rows.length });
  }

  observer.onPhase?.('validated');
  const snapshot = await backupBeforeImport(context);
  observer.onPhase?.('backed-up');
  const { db } = context;
  const countCompanies = () => db.sql(`SELECT count(*) FROM companies WHERE deleted_at IS NULL`).pluck().get() as number;
  const companiesBefore = countCompanies();
  // All rows or none: one transaction through the write path, which rolls back on any error.
  const stageEvents = context.changes.write((write) => {
    const writer = new ImportWriter(db, write);
    for (const row of selected) writer.writeRow(row);
    observer.onPhase?.('rows-written');
    return writer.events;
  });
  observer.onPhase?.('written');
  return {
    format: parsed.format,
    created: selected.length,
    skippedInvalid: invalid.length,
    skippedDuplicates: analysis.rows.filter((row) => row.input !== null && duplicateRows.has(row.row)).length,
    companiesCreated: countCompanies() - companiesBefore,
    stageEvents,
    backup: { path: snapshot.path, createdAt: snapshot.createdAt },
  };
}

/**
 * Imports a file (CSV, XLSX, JSON rows or a Candid backup) the way `imports.run` does: validates every row first,
 * takes a backup, then writes all rows or none in one transaction. For scripts and benchmarks.
 */
export function importFile(context: AppContext, input: ImportRunInput, observer?: ImportObserver): Promise<ImportResult> {
  return runImport(context, importRunInput.parse(input), observer);
}
