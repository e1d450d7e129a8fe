import type { TFunction } from 'i18next';
import { syncProblems, type SyncProblem } from '../../../../src-shared/contract';
import { AppError } from '../../../../src-shared/errors';
import { errorMessage } from '../../ui/issues';

/** The translated sentence of a sync problem. */
export function problemMessage(t: TFunction, problem: SyncProblem): string {
  return t(`sync:problem.${problem}`);
}

/** The message of a failed sync channel call: its sync problem when it names one, else the generic error. */
export function syncErrorMessage(t: TFunction, error: unknown): string {
  const problem = error instanceof AppError ? (error.details as { problem?: string } | undefined)?.problem : undefined;
  if (problem && (syncProblems as readonly string[]).includes(problem)) return problemMessage(t, problem as SyncProblem);
  return errorMessage(t, error);
}
