import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { ServerConfig } from '../config';

/**
 * The address rate limits count by. Behind a proxy it is the last address in X-Forwarded-For (the one our proxy
 * appended; earlier ones are whatever the client claimed); otherwise the socket's peer.
 */
export function clientAddress(c: Context, config: ServerConfig): string {
  if (config.behindProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return getConnInfo(c).remote.address ?? 'unknown';
}
