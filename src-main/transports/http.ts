import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { httpStatusOf, type AppErrorShape } from '../../src-shared/errors';
import type { Api } from '../api';
import { contentSecurityPolicy } from '../../src-shared/security';
import { bodyLimitFor } from '../../src-shared/http-limits';
import { toErrorShape } from '../api';
import { BrowserSessions, comesFromOwnPage, sameSecret } from './browser-session';
import { guardFilePaths } from './file-paths';
import { launchPage } from './launch-page';
import type { BridgeEventName } from '../../src-shared/bridge';

export interface HttpServerOptions {
  api: Api;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Always loopback; the option exists so tests can assert it cannot be widened. */
  host?: '127.0.0.1';
  /** Folder of the built renderer to serve at `/`; omitted: API only. */
  staticDir?: string;
  /** Random when omitted. */
  token?: string;
  /** Largest accepted request body, in bytes, for every channel (tests); default: bodyLimitFor(channel). */
  maxBodyBytes?: number;
  /** Called each time a launch address has let a browser in (the browser shell then prints a new one). */
  onLaunched?: () => void;
}

export interface HttpServer {
  url: string;
  port: number;
  /** The bearer token for scripts (the browser shell writes it to the api-token file). */
  token: string;
  /** A new launch address: opening it lets one browser in, once (see browser-session.ts). */
  launchUrl(): string;
  close(): Promise<void>;
}


const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The handler table over HTTP on 127.0.0.1: `POST /api/<channel>` with a JSON body, answered with the JSON
 * result or the error object (4xx/5xx). Guarded by a bearer token (scripts) or the session cookie a launch
 * address sets (browsers, see browser-session.ts), and by Host and Origin checks that stop DNS rebinding and
 * cross-site requests from other pages in the user's browser. `GET /api/events` streams `changed` and `job` events
 * (server-sent events). Everything else serves the renderer to a browser that was let in, and to any other the
 * page saying how to open Candid; no page ever holds a secret.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('hex');
  const host = '127.0.0.1';
  let port = 0;
  // The cookie's name holds the port, known once the server listens.
  const sessions = new BrowserSessions(() => port);
  const streams = new Set<http.ServerResponse>();

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('[candid] http transport error:', error);
      if (!response.headersSent) sendError(response, { code: 'INTERNAL', message: 'Internal error' });
      else response.end();
    });
  });

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!allowedHosts().has(request.headers.host ?? '')) {
      return sendError(response, { code: 'FORBIDDEN', message: 'Unknown Host header' });
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(response, { code: 'FORBIDDEN', message: 'Cross-origin requests are refused' });
    }
    // URL parsing silently resolves `..` (and `%2e%2e`): refuse them before it, so traversal is an error, not a fallback.
    if (hasDotDotSegment(request.url ?? '/')) {
      return sendError(response, { code: 'FORBIDDEN', message: 'Paths with .. are refused' });
    }
    const url = new URL(request.url ?? '/', `http://${host}:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const byToken = tokenMatches(request.headers.authorization, token);
      if (!byToken && !sessions.isLetIn(request)) {
        // details.reason tells the page this is its own session that ended, not a channel's answer (a wrong passphrase).
        return sendError(response, { code: 'UNAUTHORIZED', message: 'Missing or wrong API token', details: { reason: 'not_let_in' } });
      }
      if (!byToken && !comesFromOwnPage(request, allowedOrigins())) {
        return sendError(response, { code: 'FORBIDDEN', message: 'Cross-origin requests are refused' });
      }
      if (url.pathname === '/api/events' && request.method === 'GET') return openEventStream(response);
      if (request.method !== 'POST') return sendError(response, { code: 'NOT_FOUND', message: 'Use POST /api/<channel>' }, 405);
      const contentType = request.headers['content-type'] ?? '';
      if (!contentType.startsWith('application/json')) {
        return sendError(response, { code: 'VALIDATION', message: 'The body must be application/json' }, 415);
      }
      const channel = decodeChannel(url.pathname);
      const maxBody = options.maxBodyBytes ?? bodyLimitFor(channel ?? '');
      const body = await readBody(request, maxBody);
      if (body === 'too-large') {
        return sendError(response, { code: 'TOO_LARGE', message: `The body exceeds ${maxBody} bytes` });
      }
      let input: unknown;
      try {
        input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(response, { code: 'VALIDATION', message: 'The body is not valid JSON', issues: [] });
      }
      if (channel === null) return sendError(response, { code: 'UNKNOWN_CHANNEL', message: 'No such channel' });
      // Over HTTP files travel as content: a path may only name one of the app's own backups (restore, undo an import).
      try {
        guardFilePaths(channel, input, { dataDir: options.api.context.dataDir });
      } catch (error) {
        return sendError(response, toErrorShape(error));
      }
      const result = await options.api.call(channel, input);
      if (result.ok) return sendJson(response, 200, result.value === undefined ? null : result.value);
      return sendError(response, result.error);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, { code: 'NOT_FOUND', message: 'Not found' }, 405);
    }
    const launch = url.searchParams.get('launch');
    if (launch !== null) {
      if (!sessions.redeem(launch)) return sendLaunchPage(request, response, true);
      // The secret is spent: set the cookie and move to the clean address, so the secret leaves the address bar.
      response.writeHead(303, {
        Location: '/',
        'Set-Cookie': sessions.cookie(),
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      response.end();
      options.onLaunched?.();
      return;
    }
    return serveStatic(url.pathname, request, response);
  }

  function sendLaunchPage(request: http.IncomingMessage, response: http.ServerResponse, used: boolean): void {
    response.writeHead(401, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
    response.end(launchPage(`http://${host}:${port}`, { used, acceptLanguage: request.headers['accept-language'] }));
  }

  function openEventStream(response: http.ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const sendEvent = (name: BridgeEventName, payload: unknown) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  const unsubscribeChanged = options.api.context.changes.onChanged((event) => sendEvent('changed', { tables: event.tables }));
  const unsubscribeJobs = options.api.context.jobs.onEvent((event) => sendEvent('job', event));
  const unsubscribe = () => {
    unsubscribeChanged();
    unsubscribeJobs();
  };

  function serveStatic(pathname: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    const root = options.staticDir;
    if (!root) return sendError(response, { code: 'NOT_FOUND', message: 'Not found' });
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendError(response, { code: 'NOT_FOUND', message: 'Not found' });
    }
    const resolvedRoot = path.resolve(root);
    let file = path.resolve(resolvedRoot, `.${path.posix.normalize(decoded)}`);
    if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) {
      return sendError(response, { code: 'FORBIDDEN', message: 'Outside the app folder' });
    }
    // Client-side routes fall back to the app shell.
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(resolvedRoot, 'index.html');
    // The app itself only to a browser that was let in (built or not, a stranger learns nothing but how to open
    // Candid); its scripts and styles hold nothing secret.
    if (path.basename(file) === 'index.html' && !sessions.isLetIn(request)) return sendLaunchPage(request, response, false);
    if (!fs.existsSync(file)) return sendError(response, { code: 'NOT_FOUND', message: 'Not found' });
    const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
    const content = fs.readFileSync(file);
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': path.basename(file) === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    response.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    token,
    launchUrl: () => `http://${host}:${port}/?launch=${sessions.issue()}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether the path, percent-decoded once, has a `..` segment (either slash counts: Windows reads both). */
function hasDotDotSegment(rawUrl: string): boolean {
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    decoded = rawPath;
  }
  return decoded.split(/[\\/]/).includes('..');
}

/** The channel named by `/api/<channel>`, or null when its %-escapes are malformed. */
function decodeChannel(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match !== null && sameSecret(match[1], token);
}

export function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

export function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}

export function sendError(response: http.ServerResponse, error: AppErrorShape, status = httpStatusOf[error.code]): void {
  sendJson(response, status, error);
}
