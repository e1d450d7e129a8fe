import type { TFunction } from 'i18next';
import { customFieldIdOf, type ImportPreview, type ImportProblem, type ImportReason, type ImportTarget } from '../../../../../src-shared/contract';
import type { AppError } from '../../../../../src-shared/errors';
import { errorMessage } from '../../../ui/issues';
import { formatBytes } from './upload';

/** The name a column shows: its header, else "Column 3". */
export function columnName(t: TFunction, preview: Pick<ImportPreview, 'columns'>, index: number): string {
  return preview.columns[index]?.header || t('files:imports.columns.unnamed', { number: index + 1 });
}

/** The custom fields a preview lists, to name a column mapped onto one. */
export type CustomFieldNames = ImportPreview['customFields'];

/**
 * A field's label: the fields added with the import's judgement are in the imports namespace; a custom field is
 * named by the user.
 */
export function fieldLabel(t: TFunction, field: ImportTarget, customFields?: CustomFieldNames): string {
  if (customFieldIdOf(field) !== null) return customFields?.find((custom) => custom.target === field)?.name ?? t('imports:customFields.deleted');
  return t(`imports:fields.${field}`, { defaultValue: '' }) || t(`files:imports.fields.${field}`);
}

/** The first key of `keys` the catalogues have, else the last. */
function firstKnown(t: TFunction, keys: string[], options: Record<string, unknown>): string {
  for (const key of keys.slice(0, -1)) {
    const text = t(key, { ...options, defaultValue: '' });
    if (text) return text;
  }
  return t(keys[keys.length - 1], options);
}

/** A refused file or import, in the user's language, from the error's `details.reason`. */
export function importErrorMessage(t: TFunction, error: unknown, locale: string): string {
  const details = ((error as Partial<AppError> | null)?.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : null;
  if (!reason) return errorMessage(t, error);
  const options = {
    ...details,
    fileName: details.fileName ?? '',
    size: typeof details.bytes === 'number' ? formatBytes(details.bytes, locale) : '',
    limit:
      typeof details.limit === 'number' && (reason === 'file_too_large' || reason === 'part_too_large')
        ? formatBytes(details.limit, locale)
        : typeof details.limit === 'number'
          ? new Intl.NumberFormat(locale).format(details.limit)
          : details.limit,
    count: typeof details.rowsWithErrors === 'number' ? details.rowsWithErrors : 1,
  };
  for (const key of [`imports:errors.${reason}`, `files:imports.errors.${reason}`]) {
    const text = t(key, { ...options, defaultValue: '' });
    if (text) return text;
  }
  return errorMessage(t, error);
}

/** One problem of the preview, in the user's language. */
export function problemMessage(t: TFunction, problem: ImportProblem, customFields?: CustomFieldNames): string {
  return firstKnown(t, [`imports:problems.${problem.code}`, `files:imports.problems.${problem.code}`], {
    field: problem.field ? fieldLabel(t, problem.field, customFields) : '',
    value: problem.value ?? '',
    max: problem.params?.max ?? '',
    choices: problem.params?.choices ?? '',
  });
}

/** Why Candid proposes what it proposes for a column, as a short phrase. */
export function reasonText(t: TFunction, reason: ImportReason, locale: string): string {
  const share = reason.share === undefined ? '' : new Intl.NumberFormat(locale, { style: 'percent' }).format(reason.share);
  return t(`imports:reasons.${reason.code}`, {
    share,
    field: reason.field ? fieldLabel(t, reason.field).toLocaleLowerCase(locale) : '',
    examples: (reason.examples ?? []).map((example) => `“${example}”`).join(', '),
  });
}
