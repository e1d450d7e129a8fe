import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { captureRequest, connectorPorts, openRequest, pairRequest, type ConnectorPing } from '../../src-shared/connector';
import type { AppErrorShape } from '../../src-shared/errors';
import { toErrorShape, type Api } from '../api';
import { captureFromBrowser } from '../extension/capture';
import { applicationExists } from '../extension/show';
import { WriteLockBusy } from '../db/connection';
import { browserOfToken, redeemPairingCode } from '../extension/pairing';
import { readBody, sendError, sendJson } from './http';

/**
 * The connector: what the browser extension reaches (docs/capture.md, "The browser extension"). A listener of its
 * own on 127.0.0.1, on the first free port of a fixed range (connectorPorts), serving four routes and nothing else:
 *
 * - `GET /connector/ping`: "this is Candid" (and whether the bearer token, if any, is a paired browser's);
 * - `POST /connector/pair` `{code, browser}` → `{token}`: spends a pairing code; failed attempts are rate-limited;
 * - `POST /connector/capture` with `Authorization: Bearer <capture token>`: saves the page (extension/capture.ts);
 * - `POST /connector/open` `{applicationId}` with the capture token: the app shows that application (204, nothing
 *   about it in the answer), when the shell can (showApplication; the desktop app).
 *
 * The capture token opens nothing else: the handler table (`/api/*`) is not served here, and the HTTP transport
 * (http.ts) knows only its own token and session cookie. `chrome-extension://` is the one foreign Origin accepted,
 * and only here; a web page's Origin is refused, so a page the user visits cannot pair or save.
 */

export interface ConnectorServerOptions {
  api: Api;
  /** Tried in order; default connectorPorts. */
  ports?: readonly number[];
  /** Where the app shows an application (the browser shell's address), or null when it has none to offer. */
  openUrl?: (applicationId: string) => string | null;
  /**
   * Brings the app forward on an application (the desktop window, navigated to it). Absent where the app has no
   * window of its own to show (the browser shell: its openUrl is the way there); /connector/open then answers 404.
   */
  showApplication?: (applicationId: string) => void;
}

export interface ConnectorServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Failed pairing attempts allowed in a window before the connector answers 429 until the window ends. */
export const pairingAttemptLimit = { failures: 5, windowMs: 60_000 };
const maxCaptureBody = 6 * 1024 * 1024;
const maxPairBody = 4 * 1024;
const maxOpenBody = 4 * 1024;
const postRoutes = new Set(['POST /connector/pair', 'POST /connector/capture', 'POST /connector/open']);
const extensionOrigin = /^chrome-extension:\/\/[a-p]{32}$/;

/** Listens on the first free port of the range; null (and a line in the log) when all are taken. */
export async function startConnectorServer(options: ConnectorServerOptions): Promise<ConnectorServer | null> {
  for (const port of options.ports ?? connectorPorts) {
    const server = await listen(port, options);
    if (server) return server;
  }
  console.warn(`[candid] the browser extension's connector found no free port among ${(options.ports ?? connectorPorts).join(', ')}`);
  return null;
}

async function listen(port: number, options: ConnectorServerOptions): Promise<ConnectorServer | null> {
  const { api } = options;
  const clock = api.context.clock;
  let failedPairings: number[] = [];
  // The port asked for, or the one the system chose for 0 (tests).
  let bound = port;

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('[candid] connector error:', error);
      if (!response.headersSent) sendError(response, { code: 'INTERNAL', message: 'Internal error' });
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // DNS rebinding: a page whose name resolves to 127.0.0.1 still sends its own name as Host.
    if (request.headers.host !== `127.0.0.1:${bound}` && request.headers.host !== `localhost:${bound}`) {
      return sendError(response, { code: 'FORBIDDEN', message: 'Unknown Host header' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !extensionOrigin.test(origin)) {
      return sendError(response, { code: 'FORBIDDEN', message: 'Only the browser extension may call the connector' });
    }
    const route = `${request.method} ${(request.url ?? '').split('?', 1)[0]}`;
    const token = bearer(request.headers.authorization);
    if (route === 'GET /connector/ping') {
      const ping: ConnectorPing = { app: 'candid', version: api.context.version, paired: token !== null && browserOfToken(api.context.db, token, clock.now()) !== null };
      return sendJson(response, 200, ping);
    }
    if (!postRoutes.has(route)) {
      return sendError(response, { code: 'NOT_FOUND', message: 'The connector serves /connector/ping, /connector/pair, /connector/capture and /connector/open only' });
    }
    // JSON only: a form or text/plain post (a "simple" cross-site request) never reaches a route.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(response, { code: 'VALIDATION', message: 'The body must be application/json' }, 415);
    }
    if (route === 'POST /connector/pair') return pair(request, response);
    if (token === null || browserOfToken(api.context.db, token, clock.now()) === null) {
      return sendError(response, { code: 'UNAUTHORIZED', message: 'This browser is not paired with Candid', details: { reason: 'not_paired' } });
    }
    if (route === 'POST /connector/open') return open(request, response);
    const input = await parsedBody(request, maxCaptureBody, captureRequest);
    if (!input.ok) return sendError(response, input.error);
    try {
      const opening = { openUrl: options.openUrl ?? (() => null), canShow: options.showApplication !== undefined };
      return sendJson(response, 200, await captureFromBrowser(api, input.value, opening));
    } catch (error) {
      return sendError(response, toErrorShape(error));
    }
  }

  /** Shows an application the extension saved or found; the answer says nothing about it (204). */
  async function open(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const input = await parsedBody(request, maxOpenBody, openRequest);
    if (!input.ok) return sendError(response, input.error);
    const notFound = () => sendError(response, { code: 'NOT_FOUND', message: 'No such application to show', details: { reason: 'not_found' } });
    if (!options.showApplication) return notFound();
    if (!applicationExists(api.context.db, input.value.applicationId)) return notFound();
    options.showApplication(input.value.applicationId);
    response.writeHead(204).end();
  }

  async function pair(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const now = clock.now();
    failedPairings = failedPairings.filter((at) => at > now - pairingAttemptLimit.windowMs);
    if (failedPairings.length >= pairingAttemptLimit.failures) {
      const retryAfter = Math.max(1, Math.ceil((failedPairings[0] + pairingAttemptLimit.windowMs - now) / 1000));
      response.setHeader('Retry-After', String(retryAfter));
      return sendError(response, { code: 'RATE_LIMITED', message: 'Too many wrong codes: wait a minute', details: { reason: 'too_many_attempts', retryAfter } });
    }
    const input = await parsedBody(request, maxPairBody, pairRequest);
    if (!input.ok) return sendError(response, input.error);
    let token: string | null;
    try {
      token = redeemPairingCode(api.context.db, input.value.code, input.value.browser, now);
    } catch (error) {
      // A long job (an import, a restore) holds the write lock: the code is not spent, the user tries again.
      if (error instanceof WriteLockBusy) return sendError(response, { code: 'UNAVAILABLE', message: 'Candid is busy: try again in a moment' });
      throw error;
    }
    if (token === null) {
      failedPairings.push(now);
      return sendError(response, { code: 'UNAUTHORIZED', message: 'Wrong or expired pairing code', details: { reason: 'bad_code' } });
    }
    return sendJson(response, 200, { token });
  }

  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
  if (!listening) return null;
  bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match ? match[1] : null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

async function parsedBody<S extends z.ZodType>(request: http.IncomingMessage, limit: number, schema: S): Promise<Parsed<z.output<S>>> {
  const body = await readBody(request, limit);
  if (body === 'too-large') return { ok: false, error: { code: 'TOO_LARGE', message: `The body exceeds ${limit} bytes` } };
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: { code: 'VALIDATION', message: 'The body is not valid JSON', issues: [] } };
  }
  const result = schema.safeParse(json);
  if (!result.success) return { ok: false, error: toErrorShape(result.error) };
  return { ok: true, value: result.data };
}
