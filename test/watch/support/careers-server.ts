import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { page } from '../../capture/pages';

/** A posting as a careers page publishes it in JSON-LD (schema.org JobPosting). */
export interface PagePosting {
  title: string;
  location: string;
  identifier?: string;
  /** The posting's own page, relative to the site. */
  path?: string;
  remote?: boolean;
  description?: string;
  /** schema.org's employmentType; FULL_TIME (a schedule, no contract type) when not given. */
  employmentType?: string;
}

export type PageMode = 'ok' | 'error' | 'no-posting';

export interface PageRequest {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  cookie: string | undefined;
  status: number;
  at: number;
}

/** A company's careers page: its postings as JSON-LD blocks (one in a @graph), the way sites built on CMSs write them. */
function careersHtml(postings: PagePosting[], mode: PageMode): string {
  if (mode === 'no-posting') return page({ head: '<title>Careers at Umbrella</title>', body: '<main><h1>Careers</h1><p>We are redesigning this page.</p></main>' });
  const nodes = postings.map((posting) => ({
    '@type': 'JobPosting',
    title: posting.title,
    hiringOrganization: { '@type': 'Organization', name: 'Umbrella' },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: posting.location } },
    ...(posting.remote ? { jobLocationType: 'TELECOMMUTE' } : {}),
    ...(posting.identifier ? { identifier: { '@type': 'PropertyValue', name: 'Umbrella', value: posting.identifier } } : {}),
    ...(posting.path ? { url: posting.path } : {}),
    datePosted: '2026-11-18',
    employmentType: posting.employmentType ?? 'FULL_TIME',
    description: posting.description ?? `<p>Join us as ${posting.title}.</p>`,
  }));
  const [first, ...rest] = nodes;
  return page({
    head: '<title>Careers | Umbrella</title>',
    jsonLd: [
      ...(first ? [{ '@context': 'https://schema.org', ...first }] : []),
      ...(rest.length ? [{ '@context': 'https://schema.org', '@graph': rest }] : []),
    ],
    body: '<main><h1>Join Umbrella</h1></main>',
  });
}

/** Careers pages on 127.0.0.1 with ETag / Last-Modified and 304s, and modes the test switches (500, a page without postings). */
export class CareersServer {
  readonly requests = new Map<string, PageRequest[]>();
  private readonly pages = new Map<string, { postings: PagePosting[]; mode: PageMode; version: number }>();
  private readonly server = http.createServer((request, response) => this.answer(request, response));

  constructor(private readonly now: () => number) {}

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  setPostings(path: string, postings: PagePosting[]): void {
    const current = this.pages.get(path);
    this.pages.set(path, { postings, mode: current?.mode ?? 'ok', version: (current?.version ?? 0) + 1 });
  }

  /** A new mode changes the page (a new version): a 'no-posting' page is a changed page, not a 304. */
  setMode(path: string, mode: PageMode): void {
    const current = this.pages.get(path);
    if (!current) throw new Error(`no page ${path}`);
    this.pages.set(path, { ...current, mode, version: current.version + 1 });
  }

  requestsFor(path: string): PageRequest[] {
    return this.requests.get(path) ?? [];
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = request.url ?? '';
    const current = this.pages.get(path);
    const record = (status: number) => {
      const list = this.requests.get(path) ?? [];
      list.push({
        ifNoneMatch: request.headers['if-none-match'],
        ifModifiedSince: request.headers['if-modified-since'],
        cookie: request.headers.cookie,
        status,
        at: this.now(),
      });
      this.requests.set(path, list);
    };
    if (!current) {
      record(404);
      response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
      return;
    }
    if (current.mode === 'error') {
      record(500);
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    const etag = `"page-v${current.version}"`;
    const lastModified = new Date(Date.UTC(2026, 0, 1) + current.version * 60_000).toUTCString();
    if (request.headers['if-none-match'] === etag) {
      record(304);
      response.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    record(200);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag, 'last-modified': lastModified, 'set-cookie': 'visitor=1' });
    response.end(careersHtml(current.postings, current.mode));
  }
}
