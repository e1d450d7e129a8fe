import type { TFunction } from 'i18next';
import type { AppError } from '../../../../src-shared/errors';
import { errorMessage } from '../../ui/issues';
import { formatBytes } from '../files/import/upload';

/** A refused document (too large, empty, file missing …) in the user's language, from the error's `details.reason`. */
export function documentErrorMessage(t: TFunction, error: unknown, locale: string): string {
  const details = ((error as Partial<AppError> | null)?.details ?? {}) as Record<string, unknown>;
  const reason = typeof details.reason === 'string' ? details.reason : null;
  const key = `documents:errors.${reason}`;
  if (!reason || !t(key, { defaultValue: '' })) return errorMessage(t, error);
  return t(key, {
    fileName: details.fileName ?? '',
    size: typeof details.bytes === 'number' ? formatBytes(details.bytes, locale) : '',
    limit: typeof details.limit === 'number' ? formatBytes(details.limit, locale) : '',
  });
}
