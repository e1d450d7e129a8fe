import { z } from 'zod';
import { syncError, tokens as tokensSchema } from '../../src-shared/sync-protocol';
import { SyncFailure } from './failure';

export type Tokens = z.infer<typeof tokensSchema>;

/** Where the client keeps the session's tokens between requests (the secret store, through the service). */
export interface TokenKeeper {
  get(): Tokens | null;
  set(tokens: Tokens): void;
  /** The session ended: the refresh token was refused. */
  clear(): void;
}

export interface ClientOptions {
  /** Per request, ms; snapshot and file transfers take `transferTimeoutMs`. */
  timeoutMs?: number;
  transferTimeoutMs?: number;
  fetch?: typeof fetch;
}

interface RequestOptions<T> {
  query?: Record<string, string | number>;
  json?: unknown;
  /** A binary body, made anew for a retry. */
  body?: () => BodyInit;
  bodyLength?: number;
  /** The answer's schema; omitted: no body expected (or the raw response is wanted, see `raw`). */
  schema?: z.ZodType<T>;
  /** Return the response itself (a streamed download). */
  raw?: boolean;
  auth?: boolean;
  transfer?: boolean;
}

/**
 * Candid Server's HTTP API as the device uses it (docs/sync.md): JSON in and out, parsed with the protocol's zod
 * schemas; a timeout on every request; an expired access token refreshed once, then the request retried once.
 * Every failure becomes a SyncFailure with the problem the person will see.
 */
export class SyncClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly transferTimeoutMs: number;

  constructor(
    readonly baseUrl: string,
    private readonly tokens: TokenKeeper | null,
    options: ClientOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.transferTimeoutMs = options.transferTimeoutMs ?? 10 * 60_000;
  }

  async request<T = undefined>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
    const auth = options.auth ?? true;
    let response = await this.send(method, path, options, auth);
    if (response.status === 401 && auth && this.tokens?.get()) {
      await response.body?.cancel();
      await this.refresh();
      response = await this.send(method, path, options, auth);
    }
    if (!response.ok) throw await this.failureOf(response);
    if (options.raw) return response as T;
    if (!options.schema) {
      await response.body?.cancel();
      return undefined as T;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new SyncFailure('incompatible', `${method} ${path} did not answer JSON`);
    }
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) throw new SyncFailure('incompatible', `${method} ${path} answered something unexpected: ${parsed.error.message.slice(0, 300)}`);
    return parsed.data;
  }

  private async send(method: string, path: string, options: RequestOptions<unknown>, auth: boolean): Promise<Response> {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      headers['Content-Type'] = 'application/octet-stream';
      if (options.bodyLength !== undefined) headers['Content-Length'] = String(options.bodyLength);
      body = options.body();
    }
    if (auth) {
      const tokens = this.tokens?.get();
      if (!tokens) throw new SyncFailure('signed_out', 'This device is not signed in');
      headers.Authorization = `Bearer ${tokens.accessToken}`;
    }
    const attempt = (content: BodyInit | undefined) =>
      this.fetch(url, {
        method,
        headers,
        body: content,
        signal: AbortSignal.timeout(options.transfer ? this.transferTimeoutMs : this.timeoutMs),
        // A streamed body (a snapshot read from its file) needs this in Node's fetch.
        ...(content instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
    const unreachable = (error: unknown) => new SyncFailure('unreachable', `${method} ${url.origin}${path}: ${(error as Error).message}`);
    try {
      return await attempt(body);
    } catch (error) {
      // A connection the server closed meanwhile (it restarted) fails at once: one more try on a new one. Every
      // request may be sent twice (a push repeats its batch ids; the rest are reads or idempotent).
      if ((error as Error).name === 'TimeoutError') throw unreachable(error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return attempt(options.json !== undefined ? body : options.body?.()).catch((again: unknown) => {
        throw unreachable(again);
      });
    }
  }

  /** A new pair for the refresh token; when it is refused, the session is over on this device. */
  private async refresh(): Promise<void> {
    const current = this.tokens!.get()!;
    const response = await this.send('POST', '/auth/refresh', { json: { refreshToken: current.refreshToken } }, false);
    if (response.status === 401) {
      await response.body?.cancel();
      this.tokens!.clear();
      throw new SyncFailure('signed_out', 'The server ended this device’s session');
    }
    if (!response.ok) throw await this.failureOf(response);
    const parsed = tokensSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new SyncFailure('incompatible', 'POST /auth/refresh answered something unexpected');
    this.tokens!.set(parsed.data);
  }

  private async failureOf(response: Response): Promise<SyncFailure> {
    const text = await response.text().catch(() => '');
    let parsed: z.infer<typeof syncError> | undefined;
    try {
      parsed = syncError.parse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    const serverCode = parsed?.code;
    const message = `${response.status} ${serverCode ?? ''} ${parsed?.message ?? text.slice(0, 200)}`.trim();
    const options = { status: response.status, serverCode };
    switch (response.status) {
      case 401:
        return new SyncFailure('signed_out', message, options);
      case 413:
        return new SyncFailure('too_large', message, options);
      case 429: {
        const seconds = Number(response.headers.get('Retry-After'));
        return new SyncFailure('rate_limited', message, { ...options, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined });
      }
      case 400:
        // Our request did not parse: this version and the server disagree on the protocol.
        return new SyncFailure('incompatible', message, options);
      case 502:
      case 503:
      case 504:
        return new SyncFailure('unreachable', message, options);
      default:
        return new SyncFailure('server', message, options);
    }
  }
}
