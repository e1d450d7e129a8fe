import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { SyncFailure } from '../../src-main/sync/failure';
import { AppError, httpStatusOf } from '../../src-shared/errors';
import type { ServerContext } from '../context';
import { readBody } from '../http/body';
import { ServerError, toServerError } from '../http/errors';
import type { ServerEnv } from '../http/route-table';
import { privateAccountMessage } from '../readable/mode';
import { NotReadable } from '../replicas/pool';
import { pydanticError } from './pydantic-errors';

/**
 * The error shapes of a FastAPI service, which compatible APIs keep: `{"detail": "…"}` with the status, and 422
 * `{"detail": [{"type", "loc", "msg"}]}` naming each failing field as pydantic does (`loc` starts with where the
 * value was: body, query or path).
 */
export interface FieldError {
  type: string;
  loc: (string | number)[];
  msg: string;
}

/** An HTTPException: status and detail, as FastAPI answers it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpError';
  }
}

export class RequestValidation extends Error {
  constructor(readonly errors: FieldError[]) {
    super('Unprocessable entity');
    this.name = 'RequestValidation';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function fieldErrors(error: z.ZodError, where: 'body' | 'query' | 'path', input: unknown): FieldError[] {
  return error.issues.map((issue) => {
    const raw = valueAt(input, issue.path);
    const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && raw === undefined;
    const { type, msg } = missing ? { type: 'missing', msg: 'Field required' } : pydanticError(issue, raw);
    return { type, loc: [where, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))], msg };
  });
}

export function parseIn<T extends z.ZodType>(schema: T, input: unknown, where: 'body' | 'query' | 'path'): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new RequestValidation(fieldErrors(result.error, where, input));
  return result.data;
}

/** The JSON body (whatever the Content-Type says, as FastAPI reads it), parsed with `schema`. */
export async function readBodyAs<T extends z.ZodType>(c: Context, schema: T, limit: number): Promise<z.output<T>> {
  const bytes = await readBody(c.req.raw, limit);
  let input: unknown;
  if (bytes.length > 0) {
    try {
      input = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new RequestValidation([{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error' }]);
    }
  }
  if (input === undefined) throw new RequestValidation([{ type: 'missing', loc: ['body'], msg: 'Field required' }]);
  return parseIn(schema, input, 'body');
}

/** The answer to any error of a compatible API's route, in FastAPI's shapes. */
export function fastApiErrors(context: ServerContext, messages: { notFound: string }) {
  return (error: unknown, c: Context<ServerEnv>): Response => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      return c.json(body as object, status as ContentfulStatusCode);
    };
    if (error instanceof HttpError) return send(error.status, { detail: error.detail }, error.headers);
    if (error instanceof RequestValidation) return send(422, { detail: error.errors });
    if (error instanceof NotReadable) return send(403, { detail: privateAccountMessage });
    if (error instanceof AppError) {
      if (error.code === 'NOT_FOUND') return send(404, { detail: messages.notFound });
      if (error.code === 'VALIDATION') {
        return send(422, { detail: (error.issues ?? []).map((issue) => ({ type: 'value_error', loc: ['body', ...issue.path.split('.').filter(Boolean)], msg: issue.message })) });
      }
      return send(httpStatusOf[error.code] ?? 500, { detail: error.message });
    }
    if (error instanceof SyncFailure) {
      context.log({ level: 'error', msg: 'replica sync failed', problem: error.problem, error: error.message });
      return send(503, { detail: 'The account’s data could not be brought up to date on the server; try again shortly' });
    }
    const server = toServerError(error);
    if (server.code === 'INTERNAL') context.log({ level: 'error', msg: 'compat route failed', error: (error as Error)?.message });
    if (server.code === 'VALIDATION') {
      const where = (server.extra.where ?? 'body') as 'body' | 'query' | 'path';
      // The route table's own parse of a query, a path or a body: worded as pydantic, like the bodies read here.
      if (server.extra.parse) return send(422, { detail: fieldErrors(server.extra.parse.error, where, server.extra.parse.input) });
      return send(422, {
        detail: (server.extra.issues ?? []).map((issue) => ({
          type: issue.code === 'invalid_type' ? 'type_error' : 'value_error',
          loc: [where, ...issue.path.split('.').filter(Boolean)],
          msg: issue.message,
        })),
      });
    }
    if (server.code === 'UNAUTHENTICATED') {
      const missing = !c.req.header('authorization');
      return send(401, { detail: missing ? 'Not authenticated' : 'Could not validate credentials' }, { 'WWW-Authenticate': 'Bearer' });
    }
    if (server.code === 'NOT_FOUND') return send(404, { detail: messages.notFound });
    return send(server.status, { detail: server.message }, server.extra.headers);
  };
}

/** FastAPI's `detail` shapes, for the OpenAPI document. */
export const httpErrorSchema = z.object({
  detail: z.union([z.string(), z.array(z.object({ type: z.string(), loc: z.array(z.union([z.string(), z.number()])), msg: z.string() }))]),
});

export { ServerError };
