import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A posting as the test describes it; each board's answer is built from these in that board's own JSON shape. */
export interface TestPosting {
  id: string;
  title: string;
  location: string;
  remote?: boolean;
  html?: string;
  department?: string;
  commitment?: string;
  salary?: { min: number; max: number; currency: string };
}

export type BoardMode = 'ok' | 'error' | 'slow';

interface Board {
  postings: TestPosting[];
  mode: BoardMode;
  /** Changes whenever the postings change: the ETag and Last-Modified of the answer. */
  version: number;
}

export interface BoardRequest {
  path: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  cookie: string | undefined;
  status: number;
  /** The app's clock when the request arrived (the test's manual clock). */
  at: number;
}

/** A posting's text as the boards' plain-text fields give it. */
const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

const lastModifiedOf = (version: number) => new Date(Date.UTC(2026, 0, 1) + version * 60_000).toUTCString();

/** Greenhouse's Job Board API: the job's HTML content escaped as entities. */
function greenhouseBody(postings: TestPosting[]) {
  const escape = (html: string) => html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return {
    jobs: postings.map((posting) => ({
      absolute_url: `https://boards.greenhouse.io/acme/jobs/${posting.id}`,
      data_compliance: [{ type: 'gdpr', requires_consent: false, retention_period: null }],
      internal_job_id: Number(posting.id) + 1000,
      location: { name: posting.location },
      metadata: null,
      id: Number(posting.id),
      updated_at: '2026-11-20T10:15:00-05:00',
      requisition_id: `REQ-${posting.id}`,
      title: posting.title,
      company_name: 'Acme',
      first_published: '2026-11-18T09:00:00-05:00',
      content: escape(posting.html ?? '<p>About the role</p>'),
      departments: [{ id: 4, name: posting.department ?? 'Engineering', child_ids: [], parent_id: null }],
      offices: [{ id: 7, name: posting.location, location: posting.location, child_ids: [], parent_id: null }],
    })),
    meta: { total: postings.length },
  };
}

/** Lever's Postings API (mode=json): a bare array. */
function leverBody(postings: TestPosting[]) {
  return postings.map((posting) => ({
    additional: '<div>We offer a lot.</div>',
    additionalPlain: 'We offer a lot.',
    categories: { commitment: posting.commitment ?? 'Full-time', department: posting.department ?? 'Engineering', location: posting.location, team: 'Platform', allLocations: [posting.location] },
    createdAt: 1763400000000,
    descriptionPlain: plain(posting.html ?? 'About the role'),
    description: posting.html ?? '<div>About the role</div>',
    id: posting.id,
    lists: [{ text: 'What you will do', content: '<li>Build things</li><li>Ship them</li>' }],
    text: posting.title,
    country: 'FR',
    workplaceType: posting.remote === true ? 'remote' : posting.remote === false ? 'onsite' : 'unspecified',
    hostedUrl: `https://jobs.lever.co/globex/${posting.id}`,
    applyUrl: `https://jobs.lever.co/globex/${posting.id}/apply`,
    ...(posting.salary ? { salaryRange: { ...posting.salary, interval: 'per-year-salary' } } : {}),
  }));
}

/** Ashby's public posting API, with compensation. */
function ashbyBody(postings: TestPosting[]) {
  return {
    apiVersion: '1',
    jobs: postings.map((posting) => ({
      id: posting.id,
      title: posting.title,
      location: posting.location,
      secondaryLocations: [],
      department: posting.department ?? 'Engineering',
      team: 'Platform',
      isListed: true,
      isRemote: posting.remote ?? false,
      workplaceType: posting.remote ? 'Remote' : 'OnSite',
      descriptionHtml: posting.html ?? '<p>About the role</p>',
      descriptionPlain: plain(posting.html ?? 'About the role'),
      publishedAt: '2026-11-18T09:00:00.000+00:00',
      employmentType: posting.commitment ?? 'FullTime',
      address: { postalAddress: { addressLocality: posting.location } },
      jobUrl: `https://jobs.ashbyhq.com/initech/${posting.id}`,
      applyUrl: `https://jobs.ashbyhq.com/initech/${posting.id}/application`,
      compensation: posting.salary
        ? {
            compensationTierSummary: `€${posting.salary.min / 1000}K – €${posting.salary.max / 1000}K`,
            scrapeableCompensationSalarySummary: `€${posting.salary.min / 1000}K - €${posting.salary.max / 1000}K`,
            summaryComponents: [
              { compensationType: 'Salary', interval: '1 YEAR', currencyCode: posting.salary.currency, minValue: posting.salary.min, maxValue: posting.salary.max },
            ],
          }
        : { compensationTierSummary: null, summaryComponents: [] },
    })),
  };
}

const routes: { pattern: RegExp; body: (postings: TestPosting[]) => unknown }[] = [
  { pattern: /^\/v1\/boards\/([^/]+)\/jobs\?content=true$/, body: greenhouseBody },
  { pattern: /^\/v0\/postings\/([^/?]+)\?mode=json$/, body: leverBody },
  { pattern: /^\/posting-api\/job-board\/([^/?]+)\?includeCompensation=true$/, body: ashbyBody },
];

/**
 * The three boards' public APIs on 127.0.0.1, answering in their JSON shapes, with ETag and Last-Modified and
 * conditional answers (304), and modes the test switches: an HTTP 500, or an answer slower than the app waits.
 */
export class BoardServer {
  readonly requests: BoardRequest[] = [];
  private readonly boards = new Map<string, Board>();
  private readonly server = http.createServer((request, response) => this.answer(request, response));
  private readonly slow = new Set<http.ServerResponse>();

  constructor(private readonly now: () => number) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    for (const response of this.slow) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sets a board's postings (its name as in the request path). */
  setPostings(name: string, postings: TestPosting[]): void {
    const board = this.boards.get(name);
    this.boards.set(name, { postings, mode: board?.mode ?? 'ok', version: (board?.version ?? 0) + 1 });
  }

  setMode(name: string, mode: BoardMode): void {
    const board = this.boards.get(name);
    if (!board) throw new Error(`no board ${name}`);
    board.mode = mode;
  }

  requestsFor(name: string): BoardRequest[] {
    return this.requests.filter((request) => request.path.includes(`/${name}`));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    const path = request.url ?? '';
    const route = routes.find((candidate) => candidate.pattern.test(path));
    const name = route ? decodeURIComponent(route.pattern.exec(path)![1]) : '';
    const board = this.boards.get(name);
    const record = (status: number) =>
      this.requests.push({
        path,
        ifNoneMatch: request.headers['if-none-match'],
        ifModifiedSince: request.headers['if-modified-since'],
        cookie: request.headers.cookie,
        status,
        at: this.now(),
      });
    if (!route || !board) {
      record(404);
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    if (board.mode === 'error') {
      record(500);
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      return;
    }
    if (board.mode === 'slow') {
      // Headers never come: the app's timeout must end the wait.
      record(0);
      this.slow.add(response);
      return;
    }
    const etag = `"v${board.version}"`;
    const lastModified = lastModifiedOf(board.version);
    if (request.headers['if-none-match'] === etag) {
      record(304);
      response.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    record(200);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag, 'last-modified': lastModified });
    response.end(JSON.stringify(route.body(board.postings)));
  }
}
