import { Hono } from 'hono';
import { matchedRoutes } from 'hono/route';
import { accountRoutes } from './accounts/routes';
import { authenticator } from './accounts/authenticate';
import type { ServerContext } from './context';
import { corsFor } from './http/cors';
import { errorResponse, ServerError, toServerError } from './http/errors';
import { RouteTable, type ServerEnv } from './http/route-table';
import { opsRoutes } from './ops';
import { syncRoutes } from './sync/routes';
import { readableRoutes } from './readable/routes';
import { setUpReplicas } from './replicas/setup';
import { docsRoutes } from './rest/docs';
import { v1Routes } from './rest/v1';
import { jobtrackerRoutes } from './compat/jobtracker/routes';

/**
 * The HTTP application (hono 4): one module per concern mounts its routes on one route table (so the OpenAPI
 * document lists them all): accounts, the sync relay, who can read the data, Candid's own REST API (/v1) and its docs.
 */
export function createApp(context: ServerContext): { app: Hono<ServerEnv>; routes: RouteTable } {
  const app = new Hono<ServerEnv>();

  // One log line and one metric sample per request: route pattern, status, time, account; never a body or a token.
  app.use(async (c, next) => {
    // A replica's in-process requests are part of the request that caused them: not logged or counted again.
    if (c.env?.replica) return next();
    const started = performance.now();
    await next();
    const ms = performance.now() - started;
    // The pattern (`/devices/:id`), not the path: ids stay out of logs and the metrics' label set stays small.
    const route = matchedRoutes(c).findLast((matched) => matched.method !== 'ALL')?.path ?? 'unmatched';
    context.metrics.observe(route, c.req.method, c.res.status, ms / 1000);
    context.log({
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      route,
      status: c.res.status,
      ms: Math.round(ms * 100) / 100,
      account: c.get('principal')?.accountId ?? null,
    });
  });

  app.use(corsFor(context.config.corsOrigins));

  app.onError((error, c) => {
    const answer = toServerError(error);
    if (answer.code === 'INTERNAL' || answer.code === 'UNAVAILABLE') {
      context.log({ level: 'error', msg: 'request failed', route: c.req.routePath, error: (error as Error).message });
    }
    return errorResponse(c, answer);
  });
  app.notFound((c) => errorResponse(c, new ServerError('NOT_FOUND', 'No such route')));

  const routes = new RouteTable(app, context, authenticator(context));
  opsRoutes(routes);
  accountRoutes(routes);
  syncRoutes(routes);
  readableRoutes(routes);
  v1Routes(routes);
  jobtrackerRoutes(routes);
  docsRoutes(routes);
  setUpReplicas(context, app);
  return { app, routes };
}
