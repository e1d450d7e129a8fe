import type { TFunction } from 'i18next';
import type { AppError } from '../../../../src-shared/errors';
import { errorMessage } from '../../ui/issues';

/**
 * The translated message of a failed preview or analysis, with the next step. The handlers name the cause in
 * `details.reason` (off, timeout, http_status, network, malformed, no_posting); nothing is written on any of them.
 */
export function aiErrorMessage(t: TFunction, error: unknown, timeoutSeconds: number): string {
  const details = ((error as Partial<AppError> | null)?.details ?? {}) as { reason?: string; status?: number };
  switch (details.reason) {
    case 'timeout':
      return t('ai:errors.timeout', { seconds: timeoutSeconds });
    case 'http_status':
      return t(details.status === 401 || details.status === 403 ? 'ai:errors.http_status_auth' : 'ai:errors.http_status', { status: details.status });
    case 'off':
    case 'network':
    case 'malformed':
    case 'no_posting':
      return t(`ai:errors.${details.reason}`);
    default:
      return `${errorMessage(t, error)} ${t('ai:errors.nothingWritten')}`;
  }
}
