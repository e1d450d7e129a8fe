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

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async access(claims: AccessClaims): Promise<{ token: string; expiresAt: number }> {
    const now = Math.floor(this.clock.now() / 1000);
    const expiresAt = now + syncLimits.accessTokenSeconds;
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
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer,
        currentDate: new Date(this.clock.now()),
        clockTolerance: 0,
      });
      const { sub, did, fam } = payload;
      if (typeof sub !== 'string' || typeof did !== 'string' || typeof fam !== 'string') return null;
      return { accountId: sub, deviceId: did, familyId: fam };
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
