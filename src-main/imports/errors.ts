import { AppError, type ErrorCode } from '../../src-shared/errors';

/**
 * Why a file was refused as a whole. The UI translates `details.reason` (files namespace, imports.errors.*);
 * the English message is the fallback for logs and scripts.
 */
export type ImportFailure =
  | 'file_not_found'
  | 'not_a_file'
  | 'relative_path'
  | 'file_too_large'
  | 'too_many_rows'
  | 'too_many_cells'
  | 'too_large_to_check'
  | 'too_large_to_settle'
  | 'too_many_parts'
  | 'part_too_large'
  | 'empty_file'
  | 'binary_file'
  | 'legacy_xls'
  | 'ods_unsupported'
  | 'corrupt_xlsx'
  | 'sheet_not_found'
  | 'empty_workbook'
  | 'bad_json'
  | 'json_shape'
  | 'no_rows'
  | 'too_many_columns'
  | 'unmapped_required'
  | 'rows_invalid'
  | 'nothing_to_import'
  | 'unknown_custom_field'
  | 'backup_invalid'
  | 'backup_unknown_column'
  | 'backup_text_too_long'
  | 'backup_nul_character'
  | 'backup_bad_link'
  | 'backup_too_new'
  | 'backup_not_empty';

export function importError(
  code: ErrorCode,
  reason: ImportFailure,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message, { details: { reason, ...details } });
}
