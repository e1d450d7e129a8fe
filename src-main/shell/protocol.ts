/**
 * The `app://candid/` protocol that serves the built renderer (out/renderer). Privileged (standard + secure) so
 * the page gets a real origin, web storage, fetch and ES modules. Every file is resolved inside the folder:
 * `..` segments, encoded separators, absolute paths and other hosts are refused with 404. Every response,
 * including errors, carries the Content-Security-Policy header.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../src-shared/security';
import { appHost, appScheme } from './origin';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Must run before the app is ready (Chromium locks its scheme registry then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // No corsEnabled: other origins must not be able to read app:// responses.
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After ready: serve `rendererDir` at app://candid/. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, createAppProtocolHandler(rendererDir));
}

/**
 * The file an app:// URL names inside `root`, or null when the URL is not ours or would leave the folder.
 * The path is split on both separators after decoding, so `..%2f` and `..%5c` are caught as well as `..`.
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[\\/]+/).filter((segment) => segment.length > 0);
  // `:` would let a segment name a Windows drive (C:) or an alternate data stream.
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;
  const base = path.resolve(root);
  const candidate = path.join(base, ...segments);
  const relative = path.relative(base, candidate);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return candidate;
}

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}

function errorResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

async function fileStat(file: string) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** The protocol handler, as a plain function of a Request so it can be tested under Node. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, 'Method not allowed');
    const requested = resolveAppPath(root, request.url);
    if (requested === null) return errorResponse(404, 'Not found');

    let file = requested;
    let stat = await fileStat(file);
    if (stat?.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fileStat(file);
    }
    if (!stat?.isFile()) {
      // A client-side route (no extension) reloaded: serve the app; a missing asset is a 404.
      if (path.extname(requested) !== '') return errorResponse(404, 'Not found');
      file = path.join(root, 'index.html');
      stat = await fileStat(file);
      if (!stat?.isFile()) return errorResponse(404, 'Not found');
    }

    const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers: headers(type) });
    try {
      const body = await fs.readFile(file);
      return new Response(new Uint8Array(body), { status: 200, headers: headers(type) });
    } catch {
      return errorResponse(404, 'Not found');
    }
  };
}
