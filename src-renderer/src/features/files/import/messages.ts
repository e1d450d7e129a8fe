import type { TFunction } from 'i18next';
import type { ImportPreview, ImportProblem } from '../../../../../src-shared/contract';
import type { AppError } from '../../../../../src-shared/errors';
import { errorMessage } from '../../../ui/issues';
import { formatBytes } from './upload';

/** The name a column shows: its header, else "Column 3". */
export function columnName(t: TFunction, preview: Pick<ImportPreview, 'columns'>, index: number): string {
  return preview.columns[index]?.header || t('files:imports.columns.unnamed', { number: index + 1 });
}

/** A refused file or import, in the user's language, from the error's `details.reason`. */
export function importErrorMessage(t: TFunction, error: unknown, locale: string): string {
  const details = ((error as Partial<AppError> | null)?.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : null;
  const key = `files:imports.errors.${reason}`;
  if (!reason || !t(key, { defaultValue: '', count: 1 })) return errorMessage(t, error);
  return t(key, {
    ...details,
    fileName: details.fileName ?? '',
    size: typeof details.bytes === 'number' ? formatBytes(details.bytes, locale) : '',
    limit: typeof details.limit === 'number' ? formatBytes(details.limit, locale) : details.limit,
    count: typeof details.rowsWithErrors === 'number' ? details.rowsWithErrors : 1,
  });
}

/** One problem of the preview, in the user's language. */
export function problemMessage(t: TFunction, problem: ImportProblem): string {
  return t(`files:imports.problems.${problem.code}`, {
    field: problem.field ? t(`files:imports.fields.${problem.field}`) : '',
    value: problem.value ?? '',
    max: problem.params?.max ?? '',
  });
}
