import { expect } from 'vitest';
import type { ApiResult } from '../../../src-main/api';
import type { AppErrorShape, ErrorCode, FieldIssue } from '../../../src-shared/errors';

/** The value of a successful call; fails the test with the error otherwise. */
export function expectOk<T = unknown>(result: ApiResult): T {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** The error of a failed call, checked to carry `code`. */
export function expectError(result: ApiResult, code: ErrorCode): AppErrorShape {
  if (result.ok) expect.fail(`expected ${code}, got success: ${JSON.stringify(result.value).slice(0, 300)}`);
  expect(result.error.code, result.error.message).toBe(code);
  expect(typeof result.error.message).toBe('string');
  return result.error;
}

/**
 * Whether an issue points at `field` (a dotted path such as `patch.salaryMax`). A field that should not be
 * there at all is reported by zod on its parent object, so its name must then appear in the message.
 */
export function issueNames(issue: FieldIssue, field: string): boolean {
  if (issue.path === field) return true;
  const dot = field.lastIndexOf('.');
  const parent = dot < 0 ? '' : field.slice(0, dot);
  const key = field.slice(dot + 1);
  return issue.path === parent && issue.code === 'unrecognized_keys' && issue.message.includes(`"${key}"`);
}

/** A VALIDATION error with at least one issue naming `field`. */
export function expectValidation(result: ApiResult, field: string): FieldIssue[] {
  const error = expectError(result, 'VALIDATION');
  expect(error.issues, 'a VALIDATION error lists its issues').toBeDefined();
  const issues = error.issues ?? [];
  expect(
    issues.some((issue) => issueNames(issue, field)),
    `an issue should name ${field}; got ${JSON.stringify(issues)}`,
  ).toBe(true);
  return issues;
}
