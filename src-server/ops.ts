import { health } from '../src-shared/sync-protocol';
import type { RouteTable } from './http/route-table';
import { openApiDocument } from './openapi';

const serverVersion = '0.1.0';

/** Health, metrics and the API description: what operators and client generators read. */
export function opsRoutes(routes: RouteTable): void {
  const context = routes.context;

  routes.add(
    {
      method: 'get',
      path: '/health',
      tag: 'operations',
      summary: 'Whether the server and its database answer',
      auth: false,
      responses: { 200: { description: 'Healthy', json: health }, 503: { description: 'The database is unreachable', json: health } },
    },
    async ({ c }) => {
      const up = await context.db.ping();
      return up ? c.json({ status: 'ok', database: 'ok' }, 200) : c.json({ status: 'error', database: 'unreachable' }, 503);
    },
  );

  routes.add(
    { method: 'get', path: '/metrics', tag: 'operations', summary: 'Prometheus metrics', auth: false, responses: { 200: { description: 'Prometheus text', content: 'text/plain' } } },
    async ({ c }) => c.body(await context.metrics.registry.metrics(), 200, { 'Content-Type': context.metrics.registry.contentType }),
  );

  routes.add(
    { method: 'get', path: '/openapi.json', tag: 'operations', summary: 'This API, as OpenAPI 3.1', auth: false, responses: { 200: { description: 'The document' } } },
    async ({ c }) => c.json(openApiDocument(routes.specs, serverVersion), 200),
  );
}
