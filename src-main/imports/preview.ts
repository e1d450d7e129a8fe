import { importLimits, type ImportPreview, type ParsedInput } from '../../src-shared/contract';
import type { AppContext } from '../context';
import { analyse, type Analysis } from './analyse';
import { summariseBackup } from './candid-backup';
import type { ParsedBackup } from './parse';
import { readImportFile } from './read';
import { cellText } from './table';

function backupPreview(context: AppContext, parsed: ParsedBackup): ImportPreview {
  const backup = summariseBackup(context.db, parsed);
  return {
    fileName: parsed.fileName,
    bytes: parsed.bytes,
    format: 'candid-backup',
    settings: parsed.detected,
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
  const { parsed, problems, duplicates, rows } = analysis;
  const errors = problems.filter((problem) => problem.severity === 'error');
  return {
    fileName: parsed.fileName,
    bytes: parsed.bytes,
    format: parsed.format,
    settings: { ...parsed.detected, dateOrders: analysis.dateOrders },
    columns: analysis.columns,
    mapping: analysis.mapping,
    rows: parsed.table.rows.slice(0, importLimits.previewRows).map((row) => ({
      row: row.row,
      cells: parsed.table.headers.map((_, column) => cellText(row.cells[column] ?? null)),
    })),
    rowCount: parsed.table.rows.length,
    values: analysis.values,
    // Errors first: they are what stops the import.
    problems: [...errors, ...problems.filter((problem) => problem.severity === 'warning')].slice(0, importLimits.maxListed),
    problemCounts: {
      errors: errors.length,
      warnings: problems.length - errors.length,
      rowsWithErrors: new Set(errors.filter((problem) => problem.row !== null).map((problem) => problem.row)).size,
    },
    duplicates: duplicates.slice(0, importLimits.maxListed),
    duplicateCount: duplicates.length,
    backup: null,
    importableRows: rows.filter((row) => row.input !== null).length,
  };
}

/** What importing this file with these choices would do; nothing is written. */
export async function previewImport(context: AppContext, input: ParsedInput<'imports.preview'>): Promise<ImportPreview> {
  const parsed = await readImportFile(input.source, input.settings);
  if (parsed.kind === 'backup') return backupPreview(context, parsed);
  return toPreview(analyse(context.db, parsed, input));
}
