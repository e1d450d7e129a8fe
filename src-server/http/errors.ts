import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { syncErrorStatus, type SyncError, type SyncErrorCode } from '../../src-shared/sync-protocol';
import { isDatabaseUnavailable } from '../db/database';

/** An answer in the protocol's error shape (docs/sync.md, "Transport and errors"). */
export class ServerError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: {
      issues?: SyncError['issues'];
      details?: Record<string, unknown>;
      headers?: Record<string, string>;
      /** Of a VALIDATION error: which part of the request (body, query, path); APIs that name it use it. */
      where?: string;
      /** Of a VALIDATION error from a schema: the parse that failed and what it was given, for APIs that word each issue their own way. */
      parse?: { error: z.ZodError; input: unknown };
    } = {},
  ) {
    super(message);
    this.name = 'ServerError';
  }

  get status(): ContentfulStatusCode {
    return syncErrorStatus[this.code];
  }

  toJSON(): SyncError {
    const shape: SyncError = { code: this.code, message: this.message };
    if (this.extra.issues) shape.issues = this.extra.issues;
    if (this.extra.details) shape.details = this.extra.details;
    return shape;
  }
}

export const unauthenticated = (message = 'Sign in again: the access token is missing, expired or revoked') =>
  new ServerError('UNAUTHENTICATED', message);
export const notFound = (what: string) => new ServerError('NOT_FOUND', `No ${what} of this account by that id`);
export const tooLarge = (limit: number) =>
  new ServerError('TOO_LARGE', `The body is larger than ${limit} bytes`, { details: { limit } });

export function validationError(error: z.ZodError, where: string, input?: unknown): ServerError {
  return new ServerError('VALIDATION', `The ${where} does not have the expected shape`, {
    issues: error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message })),
    where,
    parse: { error, input },
  });
}

export function errorResponse(c: Context, error: ServerError): Response {
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) c.header(name, value);
  return c.json(error.toJSON(), error.status);
}

/** Maps anything thrown by a route to the error shape: ours as they are, a lost database as 503, the rest as 500. */
export function toServerError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  if (isDatabaseUnavailable(error)) return new ServerError('UNAVAILABLE', 'The database cannot be reached; try again shortly');
  return new ServerError('INTERNAL', 'Something went wrong on the server');
}
