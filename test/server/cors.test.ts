import { afterEach, describe, expect, it } from 'vitest';
import { serverConfig } from '../../src-server/config';
import { startTestServer, type TestServer } from './support/server';

/**
 * CORS: the server's answers let a web page of another origin read them (the REST APIs' web clients), as the
 * browser reads the headers. A real browser doing so is in test/e2e/server-cors.e2e.ts.
 */
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } });

describe('CORS', () => {
  it('lets any page call the APIs by default: preflights, answers and errors carry the headers', async () => {
    server = await startTestServer();
    const origin = 'http://localhost:3000';
    const answer = await preflight(`${server.url}/compat/jobtracker/api/applications`, origin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    expect(answer.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(answer.headers.get('access-control-max-age')).toBe('600');

    const root = await fetch(`${server.url}/compat/jobtracker/api/`, { headers: { Origin: origin } });
    expect(root.status).toBe(200);
    expect(root.headers.get('access-control-allow-origin')).toBe('*');
    // A refusal is readable too, with why (the page needs to know it must log in again).
    const refused = await fetch(`${server.url}/compat/jobtracker/api/auth/me`, { headers: { Origin: origin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
    const v1 = await fetch(`${server.url}/v1/applications.list`, { method: 'POST', headers: { Origin: origin } });
    expect(v1.status).toBe(401);
    expect(v1.headers.get('access-control-allow-origin')).toBe('*');
    const unknown = await fetch(`${server.url}/nowhere`, { headers: { Origin: origin } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe('*');

    // The operator's monitoring is not for pages.
    const metrics = await fetch(`${server.url}/metrics`, { headers: { Origin: origin } });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets in only the listed origins when the operator lists them, and none with an empty list', async () => {
    server = await startTestServer({ config: { corsOrigins: ['https://app.example.org/'] } });
    const listed = await preflight(`${server.url}/v1/applications.list`, 'https://app.example.org');
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.org');
    expect(listed.headers.get('vary')).toContain('Origin');
    const other = await fetch(`${server.url}/compat/jobtracker/api/`, { headers: { Origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await server.close();

    server = await startTestServer({ config: { corsOrigins: [] } });
    const none = await fetch(`${server.url}/compat/jobtracker/api/`, { headers: { Origin: 'http://localhost:3000' } });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a listed origin that is not one (a path, no scheme)', () => {
    expect(serverConfig.safeParse({ dataDir: '/tmp/x', corsOrigins: ['https://app.example.org/login'] }).success).toBe(false);
    expect(serverConfig.safeParse({ dataDir: '/tmp/x', corsOrigins: ['app.example.org'] }).success).toBe(false);
    expect(serverConfig.parse({ dataDir: '/tmp/x', corsOrigins: ['HTTPS://App.Example.org/', 'chrome-extension://abcdef'] }).corsOrigins).toEqual([
      'https://app.example.org',
      'chrome-extension://abcdef',
    ]);
  });
});
