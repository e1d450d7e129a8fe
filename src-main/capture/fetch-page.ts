import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import type { LookupFunction } from 'node:net';
import { maxPostingHtmlChars } from '../../src-shared/contract';
import { postingError } from './errors';

export interface FetchPageOptions {
  /** Whole-request budget, redirects included. */
  timeoutMs?: number;
  /** Bytes of body read before giving up (after decompression). */
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Loopback, private, link-local and other non-public addresses are refused unless this is set (tests serve pages
   * on 127.0.0.1). A posting is a public page; a link pasted from anywhere must not make the app reach the router's
   * admin page, a cloud metadata service or another local program.
   */
  allowPrivateAddresses?: boolean;
}

export interface FetchedPage {
  html: string;
  /** The address after redirects. */
  url: string;
  /** The answer's validators, for asking again conditionally (a watched careers page). */
  etag: string | null;
  lastModified: string | null;
}

/** What the last answer said about itself: sent back as If-None-Match / If-Modified-Since. */
export interface PageValidators {
  etag: string | null;
  lastModified: string | null;
}

/** A conditional fetch's answer: the page, or the site's word that it has not changed since (a 304). */
export type PageAnswer = ({ notModified: false } & FetchedPage) | { notModified: true; url: string };

export const fetchDefaults = { timeoutMs: 15_000, maxBytes: maxPostingHtmlChars, maxRedirects: 5 } as const;

const nonPublic = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) nonPublic.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) nonPublic.addSubnet(address, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = net.isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The lookup the connection itself uses, so the address that is checked is the address connected to (a name that
 * resolves to a public address when checked and a private one when connecting cannot slip through).
 */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const allowed = (addresses as dns.LookupAddress[]).filter((entry) => isPublicAddress(entry.address));
    if (allowed.length === 0) return callback(Object.assign(new Error(`${hostname} is not a public address`), { code: 'CANDID_PRIVATE' }), '', 0);
    if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0].address, allowed[0].family);
  });
};

function checkedUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw postingError('VALIDATION', 'bad_url', 'This is not a web address', { url: raw.slice(0, 200) });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw postingError('VALIDATION', 'not_http', 'Only http and https addresses can be read', { url: url.href.slice(0, 200) });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (net.isIP(host) ? !isPublicAddress(host) : host === 'localhost' || host.endsWith('.localhost'))) {
    throw postingError('FORBIDDEN', 'private_address', 'Addresses on this computer or its local network are not read', { url: url.href.slice(0, 200) });
  }
  return url;
}

/**
 * Fetches a posting page: http(s) only, no cookies or credentials sent, redirects followed up to a bound, one time
 * budget for the whole, the body cut off at a size limit, HTML (or XHTML) only. Every failure is a posting error
 * whose `details.reason` the UI translates.
 */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const answer = await fetchPageIfChanged(address, null, options);
  // Asked without validators, a site has nothing to answer 304 to; one that does anyway gave no page.
  if (answer.notModified) throw postingError('VALIDATION', 'http_status', 'The site answered 304', { status: 304, url: answer.url });
  return answer;
}

/**
 * `fetchPage` made conditional: with the validators of the last answer, a site that answers 304 costs no body
 * (the board watcher asks a careers page this way, src-main/watch/careers-page.ts). Same limits, same refusals.
 */
export async function fetchPageIfChanged(address: string, validators: PageValidators | null, options: FetchPageOptions = {}): Promise<PageAnswer> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...fetchDefaults, ...options };
  const allowPrivate = options.allowPrivateAddresses === true;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let url = checkedUrl(address, allowPrivate);
    for (let hop = 0; ; hop++) {
      const response = await request(url, controller.signal, allowPrivate, validators);
      const status = response.statusCode ?? 0;
      if (status === 304 && validators) {
        response.resume();
        return { notModified: true, url: url.href };
      }
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (hop >= maxRedirects) throw postingError('VALIDATION', 'too_many_redirects', `More than ${maxRedirects} redirects`, { url: url.href });
        url = checkedUrl(new URL(response.headers.location, url).href, allowPrivate);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw postingError('VALIDATION', 'http_status', `The site answered ${status}`, { status, url: url.href });
      }
      const type = (response.headers['content-type'] ?? '').toLowerCase();
      if (type && !/^(text\/html|application\/xhtml\+xml)\b/.test(type.trim())) {
        response.resume();
        throw postingError('VALIDATION', 'not_html', `The address gives ${type.split(';')[0]}, not a web page`, { contentType: type.split(';')[0], url: url.href });
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes && !response.headers['content-encoding']) {
        response.resume();
        throw postingError('TOO_LARGE', 'too_large', 'The page is too large', { limit: maxBytes, url: url.href });
      }
      const body = await readBody(response, maxBytes, url.href);
      const header = (name: string) => {
        const value = response.headers[name];
        return typeof value === 'string' && value.length <= 500 ? value : null;
      };
      return { notModified: false, html: decode(body, type), url: url.href, etag: header('etag'), lastModified: header('last-modified') };
    }
  } catch (error) {
    if (controller.signal.aborted) throw postingError('UNAVAILABLE', 'timeout', `The site did not answer within ${Math.round(timeoutMs / 1000)} s`, { timeoutMs });
    if ((error as NodeJS.ErrnoException)?.code === 'CANDID_PRIVATE') {
      throw postingError('FORBIDDEN', 'private_address', 'Addresses on this computer or its local network are not read');
    }
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw postingError('UNAVAILABLE', 'unreachable', `The site could not be reached (${(error as Error)?.message ?? 'unknown error'})`);
  } finally {
    clearTimeout(timer);
  }
}

function request(url: URL, signal: AbortSignal, allowPrivate: boolean, validators: PageValidators | null): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      signal,
      // A plain browser-like request: no cookies, no credentials, no referrer.
      headers: {
        'user-agent': 'Mozilla/5.0 (compatible; Candid job tracker)',
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'en, fr;q=0.9, *;q=0.5',
        ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
        ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {}),
      },
      ...(allowPrivate ? {} : { lookup: publicLookup }),
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

function readBody(response: http.IncomingMessage, maxBytes: number, url: string): Promise<Buffer> {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase();
  const stream =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? response.pipe(zlib.createGunzip())
      : encoding === 'deflate'
        ? response.pipe(zlib.createInflate())
        : encoding === 'br'
          ? response.pipe(zlib.createBrotliDecompress())
          : response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        stream.destroy();
        reject(postingError('TOO_LARGE', 'too_large', 'The page is too large', { limit: maxBytes, url }));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    response.on('error', reject);
  });
}

/** The charset of the Content-Type header, else of a <meta> in the first bytes, else UTF-8. */
function decode(body: Buffer, contentType: string): string {
  const declared = contentType.match(/charset="?([\w-]+)/)?.[1] ?? body.subarray(0, 2048).toString('latin1').match(/<meta[^>]+charset="?([\w-]+)/i)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
