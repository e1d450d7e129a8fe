/**
 * The one error shape every transport returns. `code` is stable (the renderer maps it to a translated
 * message); `message` is an English fallback for logs; `issues` name each wrong field of a VALIDATION error.
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_LARGE',
  'DATABASE_TOO_NEW',
  'DATABASE_CORRUPT',
  'NOT_A_DATABASE',
  'READ_ONLY',
  'DISK_FULL',
  'UNAVAILABLE',
  'RATE_LIMITED',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path of the field, e.g. `salary.min` or `ids.3`; empty for the whole input. */
  path: string;
  /** Machine-readable reason (zod issue code or ours). */
  code: string;
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Extra facts for the UI, e.g. the id that was not found. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { issues?: FieldIssue[]; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.details = options.details;
  }

  toJSON(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.issues) shape.issues = this.issues;
    if (this.details) shape.details = this.details;
    return shape;
  }
}

export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} was not found`, { details: { entity, id } });
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (errorCodes as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** HTTP status for each code, so the HTTP transport and its clients agree. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_CHANNEL: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  TOO_LARGE: 413,
  DATABASE_TOO_NEW: 409,
  DATABASE_CORRUPT: 500,
  NOT_A_DATABASE: 500,
  READ_ONLY: 500,
  DISK_FULL: 507,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  CANCELLED: 409,
  INTERNAL: 500,
};
