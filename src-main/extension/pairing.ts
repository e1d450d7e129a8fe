import crypto from 'node:crypto';
import type { PairedBrowser, PairingCode } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import { WriteLockBusy, type Database } from '../db/connection';
import type { PairedBrowsersTable } from '../db/schema';

/**
 * Pairing a browser's extension with this Candid (docs/capture.md, "The browser extension"). Settings shows a short
 * code; the extension sends it once and receives a capture token. Only digests are stored: the code's until it
 * expires or is used, the token's until the user revokes the browser. Local tables (migration 0230): nothing here
 * is synced or backed up, and nothing goes through the change log.
 */

/** No 0/O, 1/I/L: the code is read off the screen and typed. 31^8 ≈ 8.5·10^11 codes. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 8;
export const pairingCodeLifetimeMs = 10 * 60 * 1000;

const digest = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

/** Upper case, without the dash and spaces the user may type. */
export const normalizeCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

function randomCode(): string {
  let code = '';
  for (let index = 0; index < codeLength; index += 1) code += codeAlphabet[crypto.randomInt(codeAlphabet.length)];
  return code;
}

/** A new code; the codes shown before it stop working (one browser is paired at a time). */
export function issuePairingCode(db: Database, now: number): PairingCode {
  const code = randomCode();
  const expiresAt = new Date(now + pairingCodeLifetimeMs).toISOString();
  db.transaction(() => {
    db.sql(`DELETE FROM browser_pairing_codes`).run();
    db.sql(`INSERT INTO browser_pairing_codes (code_hash, expires_at) VALUES (?, ?)`).run(digest(code), expiresAt);
  });
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

/**
 * Spends a code: the new browser's capture token when the code was issued, is not expired and was not used; null
 * otherwise. The token is returned once and only its digest is kept.
 */
export function redeemPairingCode(db: Database, typed: string, browserName: string, now: number): string | null {
  const code = normalizeCode(typed);
  if (code.length !== codeLength) return null;
  return db.transaction(() => {
    const row = db.sql(`SELECT expires_at FROM browser_pairing_codes WHERE code_hash = ?`).get(digest(code)) as { expires_at: string } | undefined;
    if (!row) return null;
    db.sql(`DELETE FROM browser_pairing_codes WHERE code_hash = ?`).run(digest(code));
    if (Date.parse(row.expires_at) <= now) return null;
    const token = `cdx_${crypto.randomBytes(32).toString('base64url')}`;
    db.sql(`INSERT INTO paired_browsers (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)`).run(
      crypto.randomUUID(),
      browserName.slice(0, 120),
      digest(token),
      new Date(now).toISOString(),
    );
    return token;
  });
}

/** The paired browser a capture token belongs to, or null (unknown, or revoked); notes when it was last used. */
export function browserOfToken(db: Database, token: string, now: number): string | null {
  if (!token.startsWith('cdx_') || token.length > 200) return null;
  // The lookup is by digest: comparing digests leaks nothing usable about the token through timing.
  const row = db.sql(`SELECT id FROM paired_browsers WHERE token_hash = ? AND revoked_at IS NULL`).get(digest(token)) as { id: string } | undefined;
  if (!row) return null;
  try {
    db.transaction(() => db.sql(`UPDATE paired_browsers SET last_used_at = ? WHERE id = ?`).run(new Date(now).toISOString(), row.id));
  } catch (error) {
    // A long job holds the write lock: the capture itself waits for it (api.call); "last used" can stay behind.
    if (!(error instanceof WriteLockBusy)) throw error;
  }
  return row.id;
}

export function listPairedBrowsers(db: Database): PairedBrowser[] {
  const rows = db.sql(`SELECT * FROM paired_browsers WHERE revoked_at IS NULL ORDER BY created_at, id`).all() as PairedBrowsersTable[];
  return rows.map((row) => ({ id: row.id, name: row.name, pairedAt: row.created_at, lastUsedAt: row.last_used_at }));
}

export function revokePairedBrowser(db: Database, id: string, now: number): void {
  const result = db.transaction(() =>
    db.sql(`UPDATE paired_browsers SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`).run(new Date(now).toISOString(), id),
  );
  if (result.changes === 0) throw notFound('Paired browser', id);
}
