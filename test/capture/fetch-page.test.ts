import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, isPublicAddress } from '../../src-main/capture/fetch-page';
import { AppError } from '../../src-shared/errors';
import { openTempApp, type TempApp } from '../support/temp-app';
import { ashby } from './pages';

/** A local site with the answers real ones give: pages, redirects, slow and huge answers, non-HTML. */
let server: http.Server;
let base: string;
const seenCookies: (string | undefined)[] = [];
const hanging = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenCookies.push(req.headers.cookie);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/posting') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=1' }).end(ashby);
    if (path === '/latin1') return void res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from('<title>Ingénieur chez Élan</title>', 'latin1'));
    if (path === '/gzip') return void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(zlib.gzipSync(ashby));
    if (path.startsWith('/hop/')) {
      const left = Number(path.slice(5));
      return void res.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/posting' }).end();
    }
    if (path === '/slow') {
      hanging.add(res);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<title>');
      return;
    }
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      res.on('error', () => {});
      return pump();
    }
    if (path === '/declared-huge') return void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50_000_000) }).end();
    if (path === '/pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    if (path === '/json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (path === '/gone') return void res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    if (path === '/to-file') return void res.writeHead(301, { location: 'file:///etc/passwd' }).end();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const local = { allowPrivateAddresses: true, timeoutMs: 3000 };

async function reason(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return ((error as AppError).details as { reason: string }).reason;
}

describe('fetchPage', () => {
  it('fetches a page without sending cookies, even those the site sets', async () => {
    const page = await fetchPage(`${base}/posting`, local);
    expect(page).toMatchObject({ url: `${base}/posting` });
    expect(page.html).toContain('Staff Software Engineer');
    await fetchPage(`${base}/posting`, local);
    expect(seenCookies.filter(Boolean)).toEqual([]);
  });

  it('decodes gzip and the declared charset', async () => {
    expect((await fetchPage(`${base}/gzip`, local)).html).toContain('Staff Software Engineer');
    expect((await fetchPage(`${base}/latin1`, local)).html).toBe('<title>Ingénieur chez Élan</title>');
  });

  it('follows redirects up to a bound, and reports where it ended', async () => {
    expect((await fetchPage(`${base}/hop/3`, local)).url).toBe(`${base}/posting`);
    expect(await reason(fetchPage(`${base}/hop/9`, { ...local, maxRedirects: 5 }))).toBe('too_many_redirects');
    expect(await reason(fetchPage(`${base}/to-file`, local))).toBe('not_http');
  });

  it('gives up on a site that does not answer in time', async () => {
    expect(await reason(fetchPage(`${base}/slow`, { ...local, timeoutMs: 300 }))).toBe('timeout');
  });

  it('stops reading a page above the size limit, whether declared or streamed', async () => {
    expect(await reason(fetchPage(`${base}/huge`, { ...local, maxBytes: 1_000_000 }))).toBe('too_large');
    expect(await reason(fetchPage(`${base}/declared-huge`, local))).toBe('too_large');
  });

  it('refuses what is not a web page, and error statuses', async () => {
    expect(await reason(fetchPage(`${base}/pdf`, local))).toBe('not_html');
    expect(await reason(fetchPage(`${base}/json`, local))).toBe('not_html');
    expect(await reason(fetchPage(`${base}/gone`, local))).toBe('http_status');
    expect(await reason(fetchPage(`${base}/error`, local))).toBe('http_status');
  });

  it('refuses other schemes, bad addresses, and unreachable hosts', async () => {
    expect(await reason(fetchPage('ftp://example.com/job', local))).toBe('not_http');
    expect(await reason(fetchPage('javascript:alert(1)', local))).toBe('not_http');
    expect(await reason(fetchPage('not a url', local))).toBe('bad_url');
    expect(await reason(fetchPage('http://127.0.0.1:1/', local))).toBe('unreachable');
  });

  it('refuses this computer and the local network unless allowed, whether named or resolved', async () => {
    expect(await reason(fetchPage(`${base}/posting`))).toBe('private_address');
    expect(await reason(fetchPage('http://localhost:1/posting'))).toBe('private_address');
    expect(await reason(fetchPage('http://[::1]:1/'))).toBe('private_address');
    expect(await reason(fetchPage('http://169.254.169.254/latest/meta-data/'))).toBe('private_address');
    // A public-looking name that resolves to loopback is caught at connection time.
    expect(await reason(fetchPage(`http://localtest.me:${new URL(base).port}/posting`, { timeoutMs: 3000 }))).toMatch(/private_address|unreachable/);
    for (const address of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '100.64.0.1', '::ffff:127.0.0.1', 'fd00::1', 'fe80::1', '0.0.0.0']) expect(isPublicAddress(address)).toBe(false);
    for (const address of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8']) expect(isPublicAddress(address)).toBe(true);
  });
});

describe('postings.read', () => {
  let app: TempApp;
  beforeAll(async () => {
    app = await openTempApp();
  });
  afterAll(() => app.close());

  it('reads a fetched address into drafts with the capture time', async () => {
    app.context.capture = local;
    const result = await app.api.invoke('postings.read', { url: `${base}/hop/1` });
    expect(result.pageUrl).toBe(`${base}/posting`);
    expect(result.postings).toHaveLength(1);
    expect(result.postings[0]).toMatchObject({ position: 'Staff Software Engineer, Infrastructure', companyName: 'Nimbus', salaryMin: 180000 });
    expect(Date.parse(result.capturedAt)).not.toBeNaN();
  });

  it('reads pasted HTML, keeping only an http(s) address to resolve its links', async () => {
    const result = await app.api.invoke('postings.read', { html: '<title>Welder at Forge</title>', url: 'javascript:void(0)' });
    expect(result).toMatchObject({ pageUrl: null, postings: [{ position: 'Welder', companyName: 'Forge', origin: 'page' }] });
  });

  it('answers bad pages with a typed error and writes nothing', async () => {
    app.context.capture = local;
    const before = app.context.db.sql('SELECT COUNT(*) AS n FROM change_log').get() as { n: number };
    const html = await app.api.call('postings.read', { html: '<html><body></body></html>' });
    expect(html).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'no_posting' } } });
    const pdf = await app.api.call('postings.read', { url: `${base}/pdf` });
    expect(pdf).toMatchObject({ ok: false, error: { details: { reason: 'not_html' } } });
    expect(app.context.db.sql('SELECT COUNT(*) AS n FROM change_log').get()).toEqual(before);
    app.context.capture = undefined;
    expect(await app.api.call('postings.read', { url: `${base}/posting` })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'private_address' } } });
  });
});
