import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { ServerEnv } from './route-table';

/** Headers a page's script may read from an answer: why to wait, a download's file name, why a token was refused. */
const exposedHeaders = ['Retry-After', 'Content-Disposition', 'WWW-Authenticate'];

/**
 * Lets web pages call the server from a browser (CORS): the web clients of the REST APIs (a JobTracker SaaS front
 * end served from its own origin, a person's scripts in a page) are refused by the browser without it. Every route
 * takes a bearer token, never a cookie, so a page can only act with a token it was given: `*` (the default) is safe,
 * as it is for the FastAPI services those clients were written for. `origins` may instead list the pages' origins;
 * empty, no page is let in. `/metrics` is left out: it is for the operator's monitoring, not for pages.
 */
export function corsFor(origins: readonly string[]): MiddlewareHandler<ServerEnv> {
  const open = origins.includes('*');
  const allowed = cors({
    origin: open ? '*' : [...origins],
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposeHeaders: exposedHeaders,
    maxAge: 600,
  });
  return async (c, next) => {
    if (origins.length === 0 || c.req.path === '/metrics') return next();
    return allowed(c, next);
  };
}
