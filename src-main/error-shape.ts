import { z } from 'zod';
import { AppError, type AppErrorShape, type FieldIssue } from '../src-shared/errors';

/** Errors as every transport returns them (src-shared/errors.ts); also how a job's worker reports its failure. */
export function validationError(error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
  return new AppError('VALIDATION', `Invalid input: ${summary}`, { issues });
}

export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof z.ZodError) return validationError(error).toJSON();
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'This change conflicts with existing data.', details: { sqliteCode: code } };
  }
  if (code === 'SQLITE_FULL') return { code: 'DISK_FULL', message: 'The disk is full.' };
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return { code: 'READ_ONLY', message: 'The database cannot be written.' };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return { code: 'DATABASE_CORRUPT', message: 'The database is damaged.' };
  }
  console.error('[candid] unexpected error in a handler:', error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Candid. Nothing was saved.' };
}
