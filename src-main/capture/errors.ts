import type { PostingReadFailure } from '../../src-shared/contract';
import { AppError, type ErrorCode } from '../../src-shared/errors';

/**
 * Why no posting was read. The UI translates `details.reason` (capture namespace, errors.*); the English message
 * is the fallback for logs and scripts.
 */
export function postingError(code: ErrorCode, reason: PostingReadFailure, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { details: { reason, ...details } });
}
