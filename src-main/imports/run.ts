import {
  importOptions,
  responseStageCategories,
  importRunInput,
  type ImportResult,
  type ImportRunInput,
  type ParsedInput,
} from '../../src-shared/contract';
import { changeStage, createApplication, instantOfDate } from '../applications/mutations';
import { backupBeforeImport } from '../backups';
import type { WriteContext } from '../changes/writer';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import { analyse } from './analyse';
import { importCandidBackup } from './candid-backup';
import type { ConvertedRow, CreateInput } from './convert';
import { importError } from './errors';
import { readImportFile } from './read';

/** How many problems an error lists in its details (the preview lists them all). */
const problemsInError = 20;

/** One millisecond later: an event that must sort after another on the same day. */
function justAfter(instant: string): string {
  return new Date(new Date(instant).getTime() + 1).toISOString();
}

/** Absent fields are the columns' defaults already: writing nulls would only grow the change log. */
function withoutNulls(input: CreateInput): CreateInput {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== null && value !== undefined) result[key] = value;
  return result as CreateInput;
}

/**
 * Creates one application and its history: it starts in its first stage on the applied date (else the response
 * date, else now); when the file says it went further, an event at the response date moves it there (on the
 * applied date when the file has no response date; always after the first event).
 */
function writeRow(db: Database, write: WriteContext, row: ConvertedRow): number {
  const input = withoutNulls(row.input!);
  const responseAt = row.responseOn ? instantOfDate(row.responseOn) : null;
  const startAt = input.appliedOn ? instantOfDate(input.appliedOn) : (responseAt ?? write.now);
  const at = row.stageId !== null && responseAt && responseAt > startAt ? responseAt : justAfter(startAt);
  // The first response is known up front: giving it with the row spares changeStage a second update of the row.
  if (row.stageId !== null && responseStageCategories.includes(row.stageCategory!)) input.firstResponseOn = at.slice(0, 10);
  const applicationId = createApplication(db, write, { ...input, stageAt: startAt });
  if (row.stageId === null) return 1;
  changeStage(db, write, { applicationId, stageId: row.stageId, occurredAt: at });
  return 2;
}

/** The steps of an import, in order, for callers that report progress or measure. */
export type ImportPhase = 'read' | 'validated' | 'backed-up' | 'written';
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
  const stageEvents = context.changes.write((write) => selected.reduce((events, row) => events + writeRow(db, write, row), 0));
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
