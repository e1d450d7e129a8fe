import crypto from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { syncLimits } from '../../src-shared/sync-protocol';
import type { Clock } from '../clock';

export interface AccessClaims {
  accountId: string;
  deviceId: string;
  familyId: string;
}

const issuer = 'candid-server';

/**
 * Access tokens: HS256 JWTs (jose 6) of 15 minutes with `sub` (account), `did` (device) and `fam` (refresh
 * family), checked against the injected clock. Refresh tokens: 32 random bytes, of which only the SHA-256 is stored.
 */
export class TokenIssuer {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, with their expiry: a device sends the same token for 15 minutes, and jose's
   * WebCrypto HMAC costs a tenth of a push. Expiry is still checked on every use; revocation is the caller's.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** `seconds`: the token's lifetime (a device's 15 minutes unless a compatible API's clients need longer). */
  async access(claims: AccessClaims, seconds: number = syncLimits.accessTokenSeconds): Promise<{ token: string; expiresAt: number }> {
    const now = Math.floor(this.clock.now() / 1000);
    const expiresAt = now + seconds;
    const token = await new SignJWT({ did: claims.deviceId, fam: claims.familyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.accountId)
      .setIssuer(issuer)
      .setIssuedAt(now)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: expiresAt * 1000 };
  }

  /** The claims of a valid, unexpired token, or null (whatever is wrong with it). */
  async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) return this.clock.now() < known.expiresAt ? known.claims : null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer,
        currentDate: new Date(this.clock.now()),
        clockTolerance: 0,
      });
      const { sub, did, fam, exp } = payload;
      if (typeof sub !== 'string' || typeof did !== 'string' || typeof fam !== 'string' || typeof exp !== 'number') return null;
      const claims = { accountId: sub, deviceId: did, familyId: fam };
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, { claims, expiresAt: exp * 1000 });
      return claims;
    } catch {
      return null;
    }
  }
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');
