import type { Context } from 'hono';
import type { ServerContext } from '../context';
import { unauthenticated } from '../http/errors';
import type { ServerEnv } from '../http/route-table';

export interface Principal {
  accountId: string;
  deviceId: string;
  familyId: string;
}

/**
 * The caller of an authenticated route: a valid access token whose device and refresh family are still live
 * (checked in the database on every request, so a revoked device stops at once), within its account's request rate.
 */
export function authenticator(context: ServerContext) {
  return async function authenticate(c: Context<ServerEnv>): Promise<Principal> {
    // A replica of this very process (in-process requests only: see replicas/in-process.ts). Its device is its
    // own; it is not rate-limited, since its requests are made on behalf of requests that already were.
    const internal = c.env?.replica;
    if (internal) {
      c.set('principal', internal);
      return internal;
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match) throw unauthenticated('An access token is required (Authorization: Bearer …)');
    const claims = await context.tokens.verify(match[1]);
    if (!claims) throw unauthenticated();
    const live = await context.db.kysely
      .selectFrom('token_families')
      .innerJoin('devices', 'devices.id', 'token_families.device_id')
      .select(['devices.id'])
      .where('token_families.id', '=', claims.familyId)
      .where('token_families.account_id', '=', claims.accountId)
      .where('token_families.device_id', '=', claims.deviceId)
      .where('token_families.revoked_at', 'is', null)
      .where('devices.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!live) throw unauthenticated();
    c.set('principal', claims);
    context.limits.accountRequests.take(claims.accountId);
    // Written off the request path (see LastSeen).
    context.lastSeen.seen(claims.deviceId);
    return claims;
  };
}
