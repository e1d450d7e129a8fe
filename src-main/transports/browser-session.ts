import crypto from 'node:crypto';
import type http from 'node:http';

/**
 * How the browser shell lets a browser in without ever putting a key in a page (what Jupyter does): the address
 * printed for the user carries a one-time launch secret; opening it sets an HttpOnly, SameSite=Strict session
 * cookie and redirects to the clean address. Any page served later holds no secret, so another local user who
 * loads `GET /` learns nothing (issue 18, finding 2: the page used to carry the API token for every request).
 *
 * Scripts keep using the bearer token (the api-token file, 0600); the cookie is only for browsers.
 */

const secretBytes = 32;
const randomSecret = () => crypto.randomBytes(secretBytes).toString('base64url');
const digest = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

/** Constant-time equality of two strings (their lengths are not secret). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export class BrowserSessions {
  /** One per server run: a restart lets no browser in until it opens a new launch address. */
  private readonly session = randomSecret();
  /** Digests of the launch secrets not used yet (the secrets themselves are only in the printed addresses). */
  private readonly pending = new Set<string>();

  /** Launch secrets waiting at once; the oldest go first (a launcher asked many times keeps the latest ones). */
  static readonly maxPending = 20;

  constructor(private readonly port: () => number) {}

  /** Cookies are not separated by port: two Candids on one machine must not overwrite each other's. */
  get cookieName(): string {
    return `candid-session-${this.port()}`;
  }

  /** A new one-time secret for a launch address. */
  issue(): string {
    const secret = randomSecret();
    this.pending.add(digest(secret));
    while (this.pending.size > BrowserSessions.maxPending) this.pending.delete(this.pending.values().next().value!);
    return secret;
  }

  /** Uses up the secret: true the first time a secret that was issued is presented, false ever after. */
  redeem(secret: string): boolean {
    if (secret.length === 0 || secret.length > 200) return false;
    // Looking up a digest leaks nothing usable about the secrets through timing.
    return this.pending.delete(digest(secret));
  }

  /** The Set-Cookie header that lets this browser in. */
  cookie(): string {
    return `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Whether the request carries this run's session cookie. */
  isLetIn(request: http.IncomingMessage): boolean {
    const value = cookieValue(request.headers.cookie, this.cookieName);
    return value !== null && sameSecret(value, this.session);
  }
}

/** The value of one cookie of a Cookie header, or null. */
function cookieValue(header: string | undefined, name: string): string | null {
  if (!header || header.length > 8192) return null;
  for (const part of header.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim();
  }
  return null;
}

/**
 * For a request authenticated by the cookie: it must come from a page of this origin. SameSite=Strict already keeps
 * other sites' requests from carrying the cookie, and the transport refuses a foreign Origin; this also refuses
 * what a browser marks as coming from elsewhere, and a write that carries neither Origin nor Sec-Fetch-Site (every
 * browser sends one of them with a POST).
 */
export function comesFromOwnPage(request: http.IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) return false;
  if (request.method !== 'GET' && origin === undefined && site === undefined) return false;
  return true;
}
