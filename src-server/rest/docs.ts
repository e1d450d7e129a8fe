import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RouteTable } from '../http/route-table';

/**
 * Interactive API documentation at /docs: Swagger UI (swagger-ui-dist 5.35.0, SmartBear's long-kept viewer, as
 * plain static files) served by the server itself from node_modules, so the page loads nothing from another
 * host and works without a network. The validator badge (which calls validator.swagger.io) is off. It shows the
 * server's OpenAPI document and the compatible APIs' own.
 */
const require = createRequire(import.meta.url);
const assetsDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** The documents the viewer offers, in its menu. */
export const apiDocuments = [
  { url: '/openapi.json', name: 'Candid Server (accounts, sync, /v1)' },
  { url: '/compat/jobtracker/openapi.json', name: 'JobTracker SaaS compatibility (/compat/jobtracker)' },
];

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Candid Server API</title>
    <link rel="icon" href="/docs/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-standalone-preset.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

const init = `window.ui = SwaggerUIBundle({
  urls: ${JSON.stringify(apiDocuments)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: false,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

/** Scripts only from this server, no inline script, no framing; Swagger UI sets inline styles and data: icons. */
export const docsSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function docsRoutes(routes: RouteTable): void {
  const headers = (type: string, cache: string) => ({
    'Content-Type': type,
    'Content-Security-Policy': docsSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cache,
  });
  routes.add(
    { method: 'get', path: '/docs', tag: 'operations', summary: 'Interactive documentation of these APIs (Swagger UI, served locally)', auth: false, responses: { 200: { description: 'An HTML page' } } },
    async ({ c }) => c.body(page, 200, headers('text/html; charset=utf-8', 'no-store')),
  );
  routes.app.get('/docs/init.js', (c) => c.body(init, 200, headers('text/javascript; charset=utf-8', 'no-store')));
  routes.app.get('/docs/:asset', (c) => {
    const name = c.req.param('asset');
    const type = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!type) return c.json({ code: 'NOT_FOUND', message: 'No such file' }, 404);
    return c.body(fs.readFileSync(path.join(assetsDir, name)), 200, headers(type, 'public, max-age=86400'));
  });
}
