import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { SyncFailure } from '../../src-main/sync/failure';
import { channelInputs, channels, type Channel } from '../../src-shared/contract';
import { AppError, errorCodes, httpStatusOf, type AppErrorShape, type ErrorCode } from '../../src-shared/errors';
import { bodyLimitFor, defaultBodyLimit } from '../../src-shared/http-limits';
import type { ServerContext } from '../context';
import { readBody } from '../http/body';
import { ServerError, toServerError } from '../http/errors';
import type { RouteTable, ServerEnv } from '../http/route-table';
import { privateAccountMessage } from '../readable/mode';
import { NotReadable } from '../replicas/pool';

/** The contract's error shape (src-shared/errors.ts), for the OpenAPI document. */
const appError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Channels that make no sense on a server, and why. The server keeps the account's log and snapshots; its replica
 * is a cache, so its own backups would restore nothing worth having. A device's sync settings are the device's.
 */
const refusedChannels: Partial<Record<Channel, { code: ErrorCode; message: string }>> = {};
for (const channel of channels) {
  if (channel.startsWith('backups.')) {
    refusedChannels[channel] = {
      code: 'FORBIDDEN',
      message: 'Backups are made on your devices: the server keeps your account’s log and snapshots. Export JSON (exports.json) for a copy.',
    };
  } else if (channel.startsWith('ai.')) {
    refusedChannels[channel] = { code: 'NOT_FOUND', message: 'ai.* channels use a device’s own key and endpoint; they do not exist on the server' };
  } else if (channel.startsWith('sync.')) {
    refusedChannels[channel] = { code: 'NOT_FOUND', message: 'sync.* channels drive a device’s own sync; they do not exist on the server' };
  } else if (channel.startsWith('postings.')) {
    // The server fetches no page on anyone's behalf (a link would make it reach its own network).
    refusedChannels[channel] = { code: 'NOT_FOUND', message: 'postings.* read job pages on your device; they do not exist on the server' };
  } else if (channel.startsWith('extension.')) {
    refusedChannels[channel] = { code: 'NOT_FOUND', message: 'extension.* pair a browser with Candid on the same machine; they do not exist on the server' };
  }
}

/** Whether /v1 refuses the channel before reading its body (tests walk the routes with it). */
export const refusedOnServer = (channel: string): boolean => Object.hasOwn(refusedChannels, channel);

/** The sync protocol's errors (authentication, rate limits, body limits) in the contract's codes. */
const codeOf: Record<string, ErrorCode> = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_LARGE: 'TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
};

function answer(c: Context<ServerEnv>, shape: AppErrorShape, headers: Record<string, string> = {}): Response {
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return c.json(shape, httpStatusOf[shape.code] as ContentfulStatusCode);
}

/** Any error of a /v1 route in the contract's shape. */
export function v1Error(context: ServerContext) {
  return (error: unknown, c: Context<ServerEnv>): Response => {
    if (error instanceof NotReadable) return answer(c, { code: 'FORBIDDEN', message: privateAccountMessage, details: { reason: 'private' } });
    if (error instanceof AppError) return answer(c, error.toJSON());
    if (error instanceof SyncFailure) {
      // The replica could not be brought up to date from the log (or push to it): nothing was answered from stale data.
      context.log({ level: 'error', msg: 'replica sync failed', problem: error.problem, error: error.message });
      return answer(c, { code: 'UNAVAILABLE', message: 'The account’s data could not be brought up to date on the server; try again shortly', details: { problem: error.problem } });
    }
    const server = toServerError(error);
    if (server.code === 'INTERNAL') context.log({ level: 'error', msg: 'v1 failed', error: (error as Error)?.message });
    const code = codeOf[server.code] ?? (server.code === 'SNAPSHOT_REQUIRED' ? 'UNAVAILABLE' : 'INTERNAL');
    const shape: AppErrorShape = { code, message: server.message };
    if (server.extra.issues) shape.issues = server.extra.issues;
    if (server.extra.details) shape.details = server.extra.details;
    return answer(c, shape, server.extra.headers);
  };
}

/** Over the network, files travel as content: a `path` anywhere in an input would name a file of the server's. */
function namesAPath(input: unknown, depth = 0): boolean {
  if (typeof input !== 'object' || input === null || depth > 6) return false;
  return Object.entries(input).some(([key, value]) => (key === 'path' && typeof value === 'string') || namesAPath(value, depth + 1));
}

/**
 * Candid's own API (docs/server-api.md): every channel of the handler table as `POST /v1/<channel>` with the
 * account's access token, run by the account's replica; inputs, outputs and errors as in the contract.
 */
export function v1Routes(routes: RouteTable): void {
  const context = routes.context;
  const onError = v1Error(context);
  const restLimit = (channel: string) =>
    bodyLimitFor(channel) > defaultBodyLimit ? context.config.limits.restFileBytes : context.config.limits.restBytes;

  for (const channel of channels) {
    const refused = refusedChannels[channel];
    routes.add(
      {
        method: 'post',
        path: `/v1/${channel}`,
        tag: `v1 ${channel.split('.')[0]}`,
        summary: refused ? `Not on the server: ${refused.message}` : `The ${channel} channel (src-shared/contract)`,
        auth: true,
        rawJsonBody: channelInputs[channel],
        errorSchema: { name: 'AppError', schema: appError },
        responses: refused
          ? { [httpStatusOf[refused.code]]: { description: refused.message } }
          : {
              200: { description: `ChannelOutputs['${channel}'] of src-shared/contract (the same value the desktop's handler returns)` },
              403: { description: 'The account is private: the server cannot read its data' },
            },
        onError,
      },
      async ({ c, principal }) => {
        if (refused) throw new AppError(refused.code, refused.message);
        const contentType = c.req.header('content-type') ?? '';
        const bytes = await readBody(c.req.raw, restLimit(channel));
        if (bytes.length > 0 && !contentType.startsWith('application/json')) {
          throw new AppError('VALIDATION', 'The body must be application/json');
        }
        let input: unknown;
        try {
          input = bytes.length === 0 ? undefined : JSON.parse(bytes.toString('utf8'));
        } catch {
          throw new AppError('VALIDATION', 'The body is not valid JSON', { issues: [] });
        }
        if (namesAPath(input)) {
          throw new AppError('FORBIDDEN', 'Over the REST API files travel as content (base64), never as a path on the server', {
            details: { reason: 'path' },
          });
        }
        const pool = context.replicas;
        if (!pool) throw new ServerError('UNAVAILABLE', `This server cannot read accounts (${context.readable.unavailable})`);
        const result = await pool.use(principal.accountId, (replica) => replica.api.call(channel, input));
        if (!result.ok) return answer(c, result.error);
        return c.json(result.value === undefined ? null : (result.value as object), 200);
      },
    );
  }

  // Any other name: the contract's UNKNOWN_CHANNEL (desktop-only channels such as shell.* are not in the table).
  routes.app.post('/v1/:channel', (c) =>
    answer(c, { code: 'UNKNOWN_CHANNEL', message: `No channel named ${c.req.param('channel').slice(0, 100)} (the server answers the channels of src-shared/contract)` }),
  );
}
