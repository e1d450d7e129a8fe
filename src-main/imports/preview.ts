import type { DetectedImportSettings, ImportPreview, ParsedInput } from '../../src-shared/contract';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import { analyseFile, describeColumns, type Analysis, type PassOptions } from './analyse';
import { summariseBackup } from './candid-backup';
import { describeCustomFields } from './custom-fields';
import { withImportFile } from './read';
import type { BackupFile, FileFacts } from './reader';

function detected(facts: FileFacts, extra: Partial<DetectedImportSettings> = {}): DetectedImportSettings {
  return { ...facts, hasHeader: true, headerRow: null, headerCandidates: [], dateOrders: {}, layout: 'rows', ...extra };
}

function backupPreview(db: Database, file: BackupFile): ImportPreview {
  const backup = summariseBackup(db, file);
  return {
    fileName: file.fileName,
    bytes: file.bytes,
    format: 'candid-backup',
    settings: detected(file.facts),
    columns: [],
    mapping: [],
    rows: [],
    rowCount: backup.tables.applications ?? 0,
    values: {},
    problems: [],
    problemCounts: { errors: 0, warnings: 0, rowsWithErrors: 0 },
    duplicates: [],
    duplicateCount: 0,
    backup,
    importableRows: backup.tables.applications ?? 0,
  };
}

export function toPreview(analysis: Analysis): ImportPreview {
  const { file } = analysis;
  const board = analysis.rowPlan.columnsOf.has('stageCards');
  return {
    fileName: file.fileName,
    bytes: file.bytes,
    format: file.format,
    settings: detected(file.facts, {
      hasHeader: analysis.headerRow !== null || file.fixedHeaders !== null,
      headerRow: analysis.headerRow,
      headerCandidates: analysis.candidates,
      dateOrders: analysis.dateOrders,
      layout: board ? 'board' : 'rows',
    }),
    columns: describeColumns(analysis),
    mapping: analysis.mapping,
    customFields: describeCustomFields(analysis.customFields),
    rows: analysis.previewRows,
    rowCount: analysis.rowCount,
    values: analysis.values,
    problems: analysis.problems,
    problemCounts: {
      errors: analysis.problemCount.errors,
      warnings: analysis.problemCount.warnings,
      rowsWithErrors: analysis.problemCount.rowsWithErrors,
    },
    problemsByCode: analysis.problemCount.byCode,
    duplicates: analysis.duplicates,
    duplicateCount: analysis.duplicateCount,
    backup: null,
    importableRows: analysis.importable,
    applicationCount: analysis.applicationCount,
  };
}

/** What importing this file with these choices would do; nothing is written. */
export function previewImport(context: AppContext, input: ParsedInput<'imports.preview'>, options: PassOptions = {}): Promise<ImportPreview> {
  return withImportFile(input.source, input.settings, async (file) => {
    if (file.kind === 'backup') return backupPreview(context.db, file);
    return toPreview(await analyseFile(context.db, file, input, options));
  });
}
