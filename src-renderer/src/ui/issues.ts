import type { TFunction } from 'i18next';
import type { AppError, FieldIssue } from '../../../src-shared/errors';

/** A validation issue from zod (path as an array) or from a handler (path as a dotted string). */
export interface IssueLike {
  path: string | readonly PropertyKey[];
  code: string;
  message: string;
}

/**
 * English messages the contract uses, mapped to translation keys under `common:issues`. The contract speaks
 * English (logs, API users); the interface says the same thing in the user's language.
 */
const knownMessages: [RegExp, string][] = [
  [/must not be empty/, 'required'],
  [/must be an http\(s\) URL/, 'url'],
  [/must be an http:, https: or mailto: URL/, 'url'],
  [/must be a date YYYY-MM-DD|must be a real calendar date/, 'date'],
  [/ISO 4217/, 'currency'],
  [/below the minimum salary/, 'salaryOrder'],
  [/a company is required/, 'companyRequired'],
  [/already exists/, 'duplicateName'],
  [/must be a UUID/, 'invalid'],
  [/email/i, 'email'],
  [/datetime/i, 'dateTime'],
];

function numberIn(message: string): number | undefined {
  const match = /(-?\d[\d_,]*)/.exec(message);
  return match ? Number(match[1].replace(/[_,]/g, '')) : undefined;
}

/** The translated message of one issue. */
export function issueMessage(t: TFunction, issue: IssueLike): string {
  const years = /must be a date from (\d{4}) to (\d{4})/.exec(issue.message);
  if (years) return t('common:issues.dateRange', { from: years[1], to: years[2] });
  for (const [pattern, key] of knownMessages) if (pattern.test(issue.message)) return t(`common:issues.${key}`);
  const limit = numberIn(issue.message);
  switch (issue.code) {
    case 'too_small':
      if (/string|character/.test(issue.message)) return limit === 1 ? t('common:issues.required') : t('common:issues.tooShort', { count: limit });
      if (/array/.test(issue.message)) return t('common:issues.required');
      return t('common:issues.tooSmall', { limit: limit ?? 0 });
    case 'too_big':
      if (/string|character/.test(issue.message)) return t('common:issues.tooLong', { count: limit });
      if (/array/.test(issue.message)) return t('common:issues.tooMany', { count: limit });
      return t('common:issues.tooBig', { limit: limit ?? 0 });
    case 'invalid_type':
      if (/expected int/.test(issue.message)) return t('common:issues.integer');
      return /number/.test(issue.message) ? t('common:issues.number') : t('common:issues.invalid');
    case 'invalid_value':
    case 'invalid_enum_value':
      return t('common:issues.choice');
    default:
      return /int/.test(issue.message) ? t('common:issues.integer') : t('common:issues.invalid');
  }
}

/** The field an issue is about: `patch.salaryMax` → `salaryMax`, `tags.3` → `tags`. */
export function issueField(issue: IssueLike, dropPrefixes: readonly string[] = ['patch']): string {
  const parts = (typeof issue.path === 'string' ? issue.path.split('.') : issue.path.map(String)).filter((part) => part !== '');
  while (parts.length > 0 && dropPrefixes.includes(parts[0])) parts.shift();
  return parts[0] ?? '';
}

/** Translated messages by field (first issue of each field wins); the whole-input issues under ''. */
export function fieldErrors(t: TFunction, issues: readonly IssueLike[], dropPrefixes?: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issueField(issue, dropPrefixes);
    errors[field] ??= issueMessage(t, issue);
  }
  return errors;
}

/** A one-line translated message for any error thrown by `invoke`. */
export function errorMessage(t: TFunction, error: unknown): string {
  const appError = error as Partial<AppError> | null;
  if (appError?.details && (appError.details as { network?: boolean }).network) return t('common:errors.NETWORK');
  if (appError?.code) return t(`common:errors.${appError.code}`);
  return t('common:errors.INTERNAL');
}

export type { FieldIssue };
