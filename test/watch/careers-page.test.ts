import { afterEach, describe, expect, it } from 'vitest';
import type { WatchJobOptions } from '../../src-main/watch/job';
import { detectBoard } from '../../src-shared/contract';
import { hour, minute, openAutomatedApp, type AutomatedApp } from '../automation/support/automated-app';
import { ManualClock } from '../support/manual-clock';
import { CareersServer, type PagePosting } from './support/careers-server';

/** The fourth board kind (#14 item 3): any page with JobPosting structured data, checked like the three APIs. */

const start = Date.parse('2026-11-23T09:00:00Z');
const opened: { app: AutomatedApp; server: CareersServer }[] = [];

afterEach(async () => {
  for (const { app, server } of opened.splice(0)) {
    app.close();
    await server.close();
  }
});

/** The app on a manual clock; the pages are on 127.0.0.1, so private addresses are allowed unless the test says not. */
async function open(watch: WatchJobOptions = { allowPrivateAddresses: true }) {
  const clock = new ManualClock(start);
  const server = await new CareersServer(() => clock.now()).start();
  const app = await openAutomatedApp({ clock, automation: { watch: { timeoutMs: 2000, ...watch } } });
  opened.push({ app, server });
  return { app, server, clock };
}

const engineer: PagePosting = { title: 'Platform Engineer', location: 'Paris', identifier: 'REQ-17', employmentType: 'CONTRACTOR' };
const designer: PagePosting = { title: 'Product Designer', location: 'Lyon', path: '/careers/product-designer' };

const titles = async (app: AutomatedApp, status: 'inbox' | 'closed' | 'all' = 'inbox') =>
  (await app.api.invoke('opportunities.list', { status, limit: 100 })).items.map((item) => item.title).sort();
const changeLogSize = (app: AutomatedApp) => (app.context.db.sqlite.prepare(`SELECT count(*) AS n FROM change_log`).get() as { n: number }).n;
const onlyWatch = async (app: AutomatedApp) => (await app.api.invoke('watches.list', undefined))[0];

async function watchPage(app: AutomatedApp, url: string, filters: { keywords?: string[] } = {}) {
  const watch = await app.api.invoke('watches.create', { kind: 'page', board: url, companyName: 'Umbrella', ...filters });
  await app.settle();
  return watch;
}

describe('watching a careers page', () => {
  it('fills the inbox once from two postings, asks conditionally (a 304 costs nothing), and closes a removed posting', async () => {
    const { app, server } = await open();
    server.setPostings('/careers', [engineer, designer]);
    const watch = await watchPage(app, server.url('/careers#open-roles'));
    // The fragment is never sent: the board is kept without it.
    expect(watch).toMatchObject({ kind: 'page', board: server.url('/careers') });

    expect(await titles(app)).toEqual(['Platform Engineer', 'Product Designer']);
    const items = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items;
    expect(items.find((item) => item.title === 'Platform Engineer')).toMatchObject({
      boardKind: 'page',
      companyName: 'Umbrella',
      location: 'Paris',
      employmentType: 'freelance',
      postedAt: '2026-11-18T00:00:00.000Z',
      description: 'Join us as Platform Engineer.',
      // Its identifier names it; the designer, without one, by its own address.
      externalId: 'id:REQ-17',
      url: server.url('/careers'),
    });
    expect(items.find((item) => item.title === 'Product Designer')).toMatchObject({
      externalId: `url:${server.url('/careers/product-designer')}`,
      url: server.url('/careers/product-designer'),
    });
    expect(server.requestsFor('/careers')).toEqual([expect.objectContaining({ status: 200, ifNoneMatch: undefined, cookie: undefined })]);
    expect(await onlyWatch(app)).toMatchObject({ error: null, failures: 0, newCount: 2, openCount: 2, checkedAt: new Date(start).toISOString() });

    // Due again, unchanged page: one conditional request, a 304, nothing written that syncs.
    const before = changeLogSize(app);
    await app.advance(3 * hour);
    await app.settle();
    expect(server.requestsFor('/careers')).toHaveLength(2);
    expect(server.requestsFor('/careers')[1]).toMatchObject({ status: 304, ifNoneMatch: '"page-v1"', ifModifiedSince: 'Thu, 01 Jan 2026 00:01:00 GMT' });
    expect(changeLogSize(app)).toBe(before);
    expect((await onlyWatch(app)).checkedAt).toBe(new Date(start + 3 * hour).toISOString());

    // The same postings again (a new ETag): nothing twice. Then the engineer is filled: closed, the designer stays.
    server.setPostings('/careers', [designer, engineer]);
    await app.advance(3 * hour);
    await app.settle();
    expect(await titles(app, 'all')).toEqual(['Platform Engineer', 'Product Designer']);
    server.setPostings('/careers', [designer]);
    await app.advance(3 * hour);
    await app.settle();
    expect(await titles(app)).toEqual(['Product Designer']);
    expect(await titles(app, 'closed')).toEqual(['Platform Engineer']);
    expect(server.requestsFor('/careers').map((request) => request.status)).toEqual([200, 304, 200, 200]);
  });

  it('a page without any posting is an error on the watch, and closes nothing', async () => {
    const { app, server } = await open();
    server.setPostings('/jobs', [engineer, designer]);
    await watchPage(app, server.url('/jobs'));
    expect(await titles(app)).toEqual(['Platform Engineer', 'Product Designer']);

    server.setMode('/jobs', 'no-posting');
    await app.advance(3 * hour);
    await app.settle();
    expect(await onlyWatch(app)).toMatchObject({ error: { code: 'no_posting' }, failures: 1, openCount: 2 });
    expect(await titles(app, 'closed')).toEqual([]);
    expect(await titles(app)).toEqual(['Platform Engineer', 'Product Designer']);

    // The postings are back: the error goes, and nothing appeared twice.
    server.setMode('/jobs', 'ok');
    await app.advance(15 * minute);
    await app.settle();
    expect(await onlyWatch(app)).toMatchObject({ error: null, failures: 0 });
    expect(await titles(app, 'all')).toEqual(['Platform Engineer', 'Product Designer']);
  });

  it('backs off when the page answers 500, doubling the wait, and recovers', async () => {
    const { app, server } = await open();
    server.setPostings('/careers', [engineer]);
    server.setMode('/careers', 'error');
    await watchPage(app, server.url('/careers'));
    expect(await onlyWatch(app)).toMatchObject({ error: { code: 'http_status', status: 500 }, failures: 1, succeededAt: null, nextCheckAt: new Date(start + 15 * minute).toISOString() });
    expect(await titles(app)).toEqual([]);
    await app.advance(14 * minute);
    expect(server.requestsFor('/careers')).toHaveLength(1);
    await app.advance(1 * minute);
    await app.settle();
    expect(server.requestsFor('/careers')).toHaveLength(2);
    expect(await onlyWatch(app)).toMatchObject({ failures: 2, nextCheckAt: new Date(start + 45 * minute).toISOString() });

    server.setMode('/careers', 'ok');
    await app.advance(30 * minute);
    await app.settle();
    expect(await onlyWatch(app)).toMatchObject({ error: null, failures: 0 });
    expect(await titles(app)).toEqual(['Platform Engineer']);
  });

  it('applies the keywords; a posting without identifier or address is known by its title and location', async () => {
    const { app, server } = await open();
    const analyst: PagePosting = { title: 'Data Analyst', location: 'Lille' };
    const support: PagePosting = { title: 'Support Engineer', location: 'Lille', description: '<p>Help our customers.</p>' };
    server.setPostings('/careers', [engineer, analyst, support, designer]);
    await watchPage(app, server.url('/careers'), { keywords: ['engineer', 'analyst'] });
    expect(await titles(app)).toEqual(['Data Analyst', 'Platform Engineer', 'Support Engineer']);
    const analystItem = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items.find((item) => item.title === 'Data Analyst');
    expect(analystItem?.externalId).toMatch(/^hash:[0-9a-f]{40}$/);

    // Listed again in another order (a new ETag): the same three, none twice; the designer still filtered out.
    server.setPostings('/careers', [support, designer, analyst, engineer]);
    await app.advance(3 * hour);
    await app.settle();
    expect(await titles(app, 'all')).toEqual(['Data Analyst', 'Platform Engineer', 'Support Engineer']);
  });

  it('tracks a posting of a page as a wishlist application with the posting frozen', async () => {
    const { app, server } = await open();
    server.setPostings('/careers', [{ ...designer, remote: true, description: '<p>Design <b>Umbrella</b>’s app.</p>' }]);
    await watchPage(app, server.url('/careers'));
    const [item] = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items;
    expect(item.remote).toBe(true);
    const { applicationId } = await app.api.invoke('opportunities.track', { id: item.id });
    const application = await app.api.invoke('applications.get', { id: applicationId });
    expect(application).toMatchObject({ position: 'Product Designer', companyName: 'Umbrella', workMode: 'remote', postingUrl: server.url('/careers/product-designer'), stageCategory: 'wishlist' });
    expect(application.capturedPosting).toMatchObject({ url: server.url('/careers/product-designer'), text: 'Design Umbrella’s app.' });
  });
});

describe('a careers page watch is checked as capture checks a link', () => {
  it('refuses a page on this computer or its network: an error on the watch, no request made', async () => {
    const { app, server } = await open({});
    server.setPostings('/careers', [engineer]);
    await watchPage(app, server.url('/careers'));
    expect(await onlyWatch(app)).toMatchObject({ error: { code: 'private_address' }, failures: 1 });
    expect(server.requestsFor('/careers')).toEqual([]);
    expect(await titles(app)).toEqual([]);
  });

  it('wants a page address for a page watch and a board name for the others, on create and on edit', async () => {
    const { app, server } = await open();
    const issuePath = async (channel: 'watches.create' | 'watches.update', input: object) => {
      const result = await app.api.call(channel, input as never);
      return result.ok ? 'ok' : `${result.error.code} ${result.error.issues?.[0]?.path}`;
    };
    expect(await issuePath('watches.create', { kind: 'page', board: 'acme', companyName: 'Acme' })).toBe('VALIDATION board');
    expect(await issuePath('watches.create', { kind: 'page', board: 'ftp://example.com/jobs', companyName: 'Acme' })).toBe('VALIDATION board');
    expect(await issuePath('watches.create', { kind: 'page', board: 'https://user:secret@example.com/jobs', companyName: 'Acme' })).toBe('VALIDATION board');
    expect(await issuePath('watches.create', { kind: 'greenhouse', board: 'https://example.com/jobs', companyName: 'Acme' })).toBe('VALIDATION board');

    const named = await app.api.invoke('watches.create', { kind: 'greenhouse', board: 'acme', companyName: 'Acme' });
    expect(await issuePath('watches.update', { id: named.id, patch: { kind: 'page' } })).toBe('VALIDATION patch.board');
    const page = await app.api.invoke('watches.update', { id: named.id, patch: { kind: 'page', board: server.url('/careers') } });
    expect(page).toMatchObject({ kind: 'page', board: server.url('/careers') });
    expect(await issuePath('watches.update', { id: named.id, patch: { kind: 'lever' } })).toBe('VALIDATION patch.board');
    expect(await issuePath('watches.create', { kind: 'page', board: server.url('/careers'), companyName: 'Umbrella' })).toBe('CONFLICT board');
  });
});

describe('detectBoard (the watch form reads a pasted address)', () => {
  it('reads the three boards and their names from their addresses, and anything else as a careers page', () => {
    expect(detectBoard('https://boards.greenhouse.io/acme/jobs/4001')).toEqual({ kind: 'greenhouse', board: 'acme' });
    expect(detectBoard('https://job-boards.eu.greenhouse.io/acme')).toEqual({ kind: 'greenhouse', board: 'acme' });
    expect(detectBoard('https://boards.greenhouse.io/embed/job_board?for=acme')).toEqual({ kind: 'greenhouse', board: 'acme' });
    expect(detectBoard('https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true')).toEqual({ kind: 'greenhouse', board: 'acme' });
    expect(detectBoard('https://jobs.lever.co/globex/7f1c?lever-source=x')).toEqual({ kind: 'lever', board: 'globex' });
    expect(detectBoard('https://jobs.ashbyhq.com/initech/')).toEqual({ kind: 'ashby', board: 'initech' });
    expect(detectBoard('https://www.umbrella.example/en/careers#roles')).toEqual({ kind: 'page', board: 'https://www.umbrella.example/en/careers' });
    // A board host without a board name in it: a page like any other.
    expect(detectBoard('https://boards.greenhouse.io/')).toEqual({ kind: 'page', board: 'https://boards.greenhouse.io/' });
    for (const notAnAddress of ['acme', 'ftp://example.com/jobs', 'https://user:pw@example.com/jobs', '']) expect(detectBoard(notAnAddress)).toBeNull();
  });
});
