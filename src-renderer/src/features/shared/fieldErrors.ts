import type { TFunction } from 'i18next';
import { AppError } from '../../../../src-shared/errors';
import { errorMessage, fieldErrors } from '../../ui/issues';

/** Translated messages by field of a handler's VALIDATION/CONFLICT error (none for other errors). */
export function errorsByField(t: TFunction, error: unknown): Record<string, string> {
  return error instanceof AppError && error.issues ? fieldErrors(t, error.issues) : {};
}

/** The message of an error no field shows (anything but field issues), for the form's own error line; else null. */
export function unplacedError(t: TFunction, error: unknown, byField: Record<string, string>): string | null {
  return error && !Object.keys(byField).length ? errorMessage(t, error) : null;
}
