import type { CheckError } from '../../src-shared/contract';

export interface FetchLimits {
  /** The whole request, answer included. */
  timeoutMs: number;
  /** The largest answer read; a larger one is abandoned as it streams in. */
  maxBytes: number;
}

export type BoardAnswer =
  | { kind: 'not-modified' }
  | { kind: 'ok'; body: unknown; etag: string | null; lastModified: string | null }
  | { kind: 'error'; error: CheckError };

/**
 * The one request of a board check: conditional (the ETag and Last-Modified of the last answer), without cookies,
 * with a timeout and a size limit. Never throws: what went wrong comes back as a `CheckError`.
 */
export async function fetchBoard(
  url: string,
  previous: { etag: string | null; lastModified: string | null },
  limits: FetchLimits,
  userAgent: string,
): Promise<BoardAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
    const response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow', credentials: 'omit' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'error', error: { code: 'http_status', status: response.status } };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel();
      return { kind: 'error', error: { code: 'too_large' } };
    }
    const text = await readLimited(response, limits.maxBytes);
    if (text === null) return { kind: 'error', error: { code: 'too_large' } };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { kind: 'error', error: { code: 'bad_response' } };
    }
    return { kind: 'ok', body, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } catch {
    return { kind: 'error', error: { code: controller.signal.aborted ? 'timeout' : 'network' } };
  } finally {
    clearTimeout(timer);
  }
}

/** The answer's text, or null once it passes `maxBytes` (the rest is not read). */
async function readLimited(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
