import type { TFunction } from 'i18next';
import { AppError } from '../../../../src-shared/errors';
import { fieldErrors } from '../../ui/issues';

/** Translated messages by field of a handler's VALIDATION/CONFLICT error (none for other errors). */
export function errorsByField(t: TFunction, error: unknown): Record<string, string> {
  return error instanceof AppError && error.issues ? fieldErrors(t, error.issues) : {};
}
