import crypto from 'node:crypto';
import type { z } from 'zod';
import type { session as sessionSchema } from '../../../src-shared/sync-protocol';

export type Session = z.infer<typeof sessionSchema>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of every shape
export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  /** A raw body (octet-stream). */
  bytes?: Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
}

/** One HTTP request to the server; JSON answers are parsed, others are returned as bytes. */
export async function call(baseUrl: string, method: string, route: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = options.bytes as BodyInit;
  }
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const type = response.headers.get('content-type') ?? '';
  const parsed =
    method === 'HEAD' ? null : type.includes('application/json') ? await response.json() : Buffer.from(await response.arrayBuffer());
  return { status: response.status, body: parsed, headers: response.headers };
}

let accounts = 0;
export const uniqueEmail = (label = 'someone') => `${label}.${process.pid}.${++accounts}.${crypto.randomBytes(3).toString('hex')}@example.org`;

/** A test's view of one device: its session, and calls made with its access token. */
export class Device {
  constructor(
    readonly baseUrl: string,
    public session: Session,
    readonly password: string,
  ) {}

  get token(): string {
    return this.session.tokens.accessToken;
  }
  get accountId(): string {
    return this.session.account.id;
  }
  get deviceId(): string {
    return this.session.device.id;
  }

  call(method: string, route: string, options: Omit<CallOptions, 'token'> = {}): Promise<Answer> {
    return call(this.baseUrl, method, route, { token: this.token, ...options });
  }

  /** Refreshes this device's tokens (the old refresh token is then used). */
  async refresh(): Promise<Answer> {
    const answer = await call(this.baseUrl, 'POST', '/auth/refresh', { json: { refreshToken: this.session.tokens.refreshToken } });
    if (answer.status === 200) this.session = { ...this.session, tokens: answer.body };
    return answer;
  }

  push(batches: { id: string; payload: string }[]): Promise<Answer> {
    return this.call('POST', '/sync/push', { json: { batches, clientTime: new Date().toISOString() } });
  }

  pull(after: number, limit?: number): Promise<Answer> {
    return this.call('GET', `/sync/pull?after=${after}${limit ? `&limit=${limit}` : ''}`);
  }
}

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
}

export async function register(baseUrl: string, options: { email?: string; password?: string; deviceName?: string } = {}): Promise<Device> {
  const password = options.password ?? 'correct horse battery';
  const answer = await call(baseUrl, 'POST', '/auth/register', {
    json: { email: options.email ?? uniqueEmail(), password, deviceName: options.deviceName ?? 'Laptop' },
  });
  expectStatus(answer, 201, 'register');
  return new Device(baseUrl, answer.body, password);
}

/** Another device of the same account (a new log-in). */
export async function login(baseUrl: string, email: string, password: string, deviceName = 'Desktop', deviceId?: string): Promise<Device> {
  const answer = await call(baseUrl, 'POST', '/auth/login', { json: { email, password, deviceName, deviceId } });
  expectStatus(answer, 200, 'login');
  return new Device(baseUrl, answer.body, password);
}

/** A random batch id and an opaque payload (base64url), as a device would send once sealed. */
export function batch(bytes = 64): { id: string; payload: string } {
  return { id: crypto.randomUUID(), payload: crypto.randomBytes(bytes).toString('base64url') };
}
