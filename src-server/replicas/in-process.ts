import type { Hono } from 'hono';
import type { Principal } from '../accounts/authenticate';
import type { ServerEnv } from '../http/route-table';

/** The origin replicas use for their in-process requests; it names no host and is never resolved. */
export const replicaOrigin = 'http://replica.candid.invalid';

/**
 * A `fetch` that hands the request straight to the server's own Hono application, as `principal`: a replica syncs
 * with the server through the very routes a device uses (push, pull, snapshots, blobs), without a socket. The
 * principal travels in Hono's `env`, which requests from the network cannot set (the Node adapter fills it with
 * the socket's objects), so no header can claim it.
 */
export function inProcessFetch(app: Hono<ServerEnv>, principal: Principal): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    return app.fetch(request, { replica: principal });
  }) as typeof fetch;
}
