import { AppError } from '../../src-shared/errors';

/**
 * A refused `path` input, shaped like the exports' (src-main/exports/output.ts): VALIDATION with one issue on
 * `path` whose code the renderer translates (files:exports.pathIssue.<code>), and the facts the sentence names.
 */
export function pathIssue(code: string, message: string, details: Record<string, unknown>): AppError {
  return new AppError('VALIDATION', `Invalid input: path: ${message}`, {
    issues: [{ path: 'path', code, message }],
    details,
  });
}
