import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/manual-clock';
import { hour, minute, openAutomatedApp, type AutomatedApp } from '../automation/support/automated-app';
import { BoardServer, type TestPosting } from './support/board-server';

const start = Date.parse('2026-11-23T09:00:00Z');
const opened: { app: AutomatedApp; server: BoardServer }[] = [];

afterEach(async () => {
  for (const { app, server } of opened.splice(0)) {
    app.close();
    await server.close();
  }
});

/** The app with its scheduler on a manual clock, its board addresses pointing at the local board server. */
async function open() {
  const clock = new ManualClock(start);
  const server = await new BoardServer(() => clock.now()).start();
  // A short timeout: the slow board must not hold the test for the default twenty seconds.
  const app = await openAutomatedApp({ clock, automation: { watch: { timeoutMs: 400 } } });
  opened.push({ app, server });
  await app.api.invoke('watches.updateSettings', { greenhouseBaseUrl: server.baseUrl, leverBaseUrl: `${server.baseUrl}/`, ashbyBaseUrl: server.baseUrl });
  return { app, server, clock };
}

const posting = (id: string, title: string, location = 'Paris, France', extra: Partial<TestPosting> = {}): TestPosting => ({ id, title, location, ...extra });

const inbox = async (app: AutomatedApp, status: 'inbox' | 'closed' | 'all' = 'inbox') =>
  (await app.api.invoke('opportunities.list', { status, limit: 100 })).items.map((item) => item.title).sort();
const changeLogSize = (app: AutomatedApp) => app.context.db.sqlite.prepare(`SELECT count(*) AS n FROM change_log`).get() as { n: number };
const watchNotifications = async (app: AutomatedApp) =>
  (await app.api.invoke('notifications.list', { status: 'all' })).items.filter((item) => item.kind === 'new-opportunities');

describe('watching a Greenhouse board', () => {
  it('fills the inbox once, asks conditionally, closes removed postings and notifies of new ones', async () => {
    const { app, server } = await open();
    server.setPostings('acme', [
      posting('101', 'Senior Software Engineer', 'Paris, France', { html: '<p>Build <strong>TypeScript</strong> services &amp; more.</p><ul><li>Node</li><li>SQLite</li></ul>' }),
      posting('102', 'Account Executive', 'Paris, France'),
      posting('103', 'Frontend Engineer', 'Lyon, France'),
    ]);
    const watch = await app.api.invoke('watches.create', { kind: 'greenhouse', board: 'acme', companyName: 'Acme', keywords: ['engineer'] });
    await app.settle();

    expect(await inbox(app)).toEqual(['Frontend Engineer', 'Senior Software Engineer']);
    const [first] = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items.filter((item) => item.externalId === '101');
    expect(first).toMatchObject({
      companyName: 'Acme',
      boardKind: 'greenhouse',
      status: 'new',
      location: 'Paris, France',
      url: 'https://boards.greenhouse.io/acme/jobs/101',
      department: 'Engineering',
      description: 'Build TypeScript services & more.\n\n• Node\n• SQLite',
      postedAt: '2026-11-18T14:00:00.000Z',
    });
    expect(server.requestsFor('acme')).toHaveLength(1);
    expect(server.requestsFor('acme')[0]).toMatchObject({ ifNoneMatch: undefined, cookie: undefined, status: 200 });
    const notifications = await watchNotifications(app);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: 'new-opportunities', count: 2, company: 'Acme', target: '/opportunities' });
    const listed = (await app.api.invoke('watches.list', undefined))[0];
    expect(listed).toMatchObject({ id: watch.id, newCount: 2, openCount: 2, error: null, failures: 0, checkedAt: new Date(start).toISOString() });
    expect(listed.nextCheckAt).toBe(new Date(start + 3 * hour).toISOString());

    // Not due yet: no request.
    await app.advance(2 * hour);
    expect(server.requestsFor('acme')).toHaveLength(1);

    // Due, unchanged board: a conditional request, a 304, and nothing written that syncs.
    const before = changeLogSize(app);
    await app.advance(1 * hour);
    await app.settle();
    expect(server.requestsFor('acme')).toHaveLength(2);
    expect(server.requestsFor('acme')[1]).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: 'Thu, 01 Jan 2026 00:01:00 GMT', status: 304 });
    expect(changeLogSize(app)).toEqual(before);
    expect((await app.api.invoke('watches.list', undefined))[0].checkedAt).toBe(new Date(start + 3 * hour).toISOString());

    // A posting filled (gone from the board), a new one, one that does not match.
    server.setPostings('acme', [
      posting('101', 'Senior Software Engineer'),
      posting('102', 'Account Executive'),
      posting('104', 'Staff Engineer, Data'),
      posting('105', 'Office Manager'),
    ]);
    await app.advance(3 * hour);
    await app.settle();
    expect(await inbox(app)).toEqual(['Senior Software Engineer', 'Staff Engineer, Data']);
    expect(await inbox(app, 'closed')).toEqual(['Frontend Engineer']);
    expect((await watchNotifications(app)).map((item) => item.count).sort()).toEqual([1, 2]);

    // Checked again with the same postings (and a new ETag): nothing appears twice, nothing new is announced.
    server.setPostings('acme', [posting('101', 'Senior Software Engineer'), posting('104', 'Staff Engineer, Data')]);
    await app.advance(3 * hour);
    await app.settle();
    expect(await inbox(app, 'all')).toEqual(['Frontend Engineer', 'Senior Software Engineer', 'Staff Engineer, Data']);
    expect(await watchNotifications(app)).toHaveLength(2);

    // Listed again: open again.
    server.setPostings('acme', [posting('101', 'Senior Software Engineer'), posting('103', 'Frontend Engineer'), posting('104', 'Staff Engineer, Data')]);
    await app.advance(3 * hour);
    await app.settle();
    expect(await inbox(app, 'closed')).toEqual([]);
    expect(await watchNotifications(app)).toHaveLength(2);
  });

  it('backs off on 500s and timeouts, doubling the wait up to a cap, and recovers', async () => {
    const { app, server } = await open();
    server.setPostings('acme', [posting('101', 'Software Engineer')]);
    server.setMode('acme', 'error');
    await app.api.invoke('watches.create', { kind: 'greenhouse', board: 'acme', companyName: 'Acme' });
    await app.settle();
    let [watch] = await app.api.invoke('watches.list', undefined);
    expect(watch).toMatchObject({ error: { code: 'http_status', status: 500 }, failures: 1, succeededAt: null });
    expect(watch.nextCheckAt).toBe(new Date(start + 15 * minute).toISOString());
    expect(await inbox(app)).toEqual([]);

    // Each failure doubles the wait: 15 min, 30, 60, 120… up to a day.
    await app.advance(14 * minute);
    expect(server.requestsFor('acme')).toHaveLength(1);
    await app.advance(1 * minute);
    await app.settle();
    expect(server.requestsFor('acme')).toHaveLength(2);
    server.setMode('acme', 'slow');
    await app.advance(30 * minute);
    await app.settle();
    [watch] = await app.api.invoke('watches.list', undefined);
    expect(watch).toMatchObject({ error: { code: 'timeout' }, failures: 3 });
    server.setMode('acme', 'error');
    await app.advance(24 * hour);
    await app.settle();
    const times = server.requestsFor('acme').map((request) => (request.at - start) / minute);
    // After ten failures in a row the wait stays at the one-day cap.
    expect(times.slice(0, 9)).toEqual([0, 15, 45, 105, 225, 465, 945, 1905, 3825].filter((at) => at <= 24 * 60 + 45));
    await app.advance(10 * 24 * hour);
    await app.settle();
    const gaps = server
      .requestsFor('acme')
      .map((request) => request.at)
      .map((at, index, all) => (index === 0 ? 0 : (at - all[index - 1]) / minute));
    expect(gaps.slice(1, 9)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
    expect(gaps.at(-1)).toBe(1440);

    // The board answers again: the inbox fills and the count of failures is back to zero.
    server.setMode('acme', 'ok');
    await app.advance(24 * hour);
    await app.settle();
    [watch] = await app.api.invoke('watches.list', undefined);
    expect(watch).toMatchObject({ error: null, failures: 0 });
    expect(await inbox(app)).toEqual(['Software Engineer']);
  });
});

describe('the filters and the other boards', () => {
  it('Lever: locations and remote preference', async () => {
    const { app, server } = await open();
    server.setPostings('globex', [
      posting('a1', 'Backend Developer', 'Lyon', { remote: false, salary: { min: 50000, max: 65000, currency: 'EUR' } }),
      posting('a2', 'Backend Developer', 'Remote - Europe', { remote: true }),
      posting('a3', 'Backend Developer', 'Berlin', { remote: true }),
      posting('a4', 'Data Analyst', 'Lyon', { remote: false, commitment: 'Intern' }),
    ]);
    await app.api.invoke('watches.create', { kind: 'lever', board: 'globex', companyName: 'Globex', locations: ['lyon', 'Europe'], remote: 'any' });
    await app.settle();
    expect(await inbox(app)).toEqual(['Backend Developer', 'Backend Developer', 'Data Analyst']);
    const items = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items;
    expect(items.find((item) => item.externalId === 'a1')).toMatchObject({
      salaryMin: 50000,
      salaryMax: 65000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      remote: false,
      employmentType: 'permanent',
      url: 'https://jobs.lever.co/globex/a1',
    });
    expect(items.find((item) => item.externalId === 'a4')?.employmentType).toBe('internship');
    expect(items.find((item) => item.externalId === 'a1')?.description).toBe('About the role\n\nWhat you will do\n• Build things\n• Ship them\n\nWe offer a lot.');

    // Only remote ones, in Europe; a changed filter asks the board afresh (no 304 for the old filter's answer).
    const [watch] = await app.api.invoke('watches.list', undefined);
    await app.api.invoke('watches.update', { id: watch.id, patch: { remote: 'remote', locations: ['europe', 'berlin'] } });
    await app.settle();
    expect(server.requestsFor('globex').map((request) => request.status)).toEqual([200, 200]);
    // Nothing already in the inbox is taken away; the Berlin remote posting now matches.
    expect((await app.api.invoke('opportunities.list', { status: 'inbox' })).items.map((item) => item.externalId).sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('Ashby: keywords are whole words, accents and case ignored; remote on_site leaves remote postings out', async () => {
    const { app, server } = await open();
    server.setPostings('initech', [
      posting('x1', 'Développeur Java', 'Nantes', { salary: { min: 45000, max: 55000, currency: 'EUR' } }),
      posting('x2', 'JavaScript Engineer', 'Nantes'),
      posting('x3', 'Product Designer', 'Nantes', { html: '<p>You will pair with our <b>developpeur</b> team.</p>' }),
      posting('x4', 'Developpeur Go', 'Remote', { remote: true }),
    ]);
    await app.api.invoke('watches.create', { kind: 'ashby', board: 'initech', companyName: 'Initech', keywords: ['DEVELOPPEUR', 'java'], remote: 'on_site' });
    await app.settle();
    expect(await inbox(app)).toEqual(['Développeur Java', 'Product Designer']);
    const java = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items.find((item) => item.externalId === 'x1');
    expect(java).toMatchObject({ salaryMin: 45000, salaryMax: 55000, salaryCurrency: 'EUR', salaryPeriod: 'year', url: 'https://jobs.ashbyhq.com/initech/x1', employmentType: 'permanent' });
  });
});

describe('the inbox', () => {
  it('marks seen, dismisses with undo, and tracks a posting as a wishlist application', async () => {
    const { app, server } = await open();
    server.setPostings('globex', [
      posting('a1', 'Backend Developer', 'Lyon', { remote: true, html: '<div>Rust &amp; SQL</div>', salary: { min: 50000, max: 65000, currency: 'EUR' } }),
      posting('a2', 'Data Analyst', 'Lyon'),
    ]);
    await app.api.invoke('watches.create', { kind: 'lever', board: 'globex', companyName: 'Globex' });
    await app.settle();
    const items = (await app.api.invoke('opportunities.list', { status: 'inbox' })).items;
    const backend = items.find((item) => item.externalId === 'a1')!;
    const analyst = items.find((item) => item.externalId === 'a2')!;

    expect(await app.api.invoke('opportunities.act', { action: 'seen', ids: [backend.id, analyst.id] })).toEqual({ count: 2 });
    expect((await app.api.invoke('opportunities.list', { status: 'new' })).total).toBe(0);
    await app.api.invoke('opportunities.act', { action: 'dismiss', ids: [analyst.id] });
    expect(await inbox(app)).toEqual(['Backend Developer']);
    await app.api.invoke('opportunities.act', { action: 'restore', ids: [analyst.id] });
    expect(await inbox(app)).toEqual(['Backend Developer', 'Data Analyst']);

    const { applicationId, opportunity } = await app.api.invoke('opportunities.track', { id: backend.id });
    expect(opportunity).toMatchObject({ status: 'tracked', applicationId });
    const application = await app.api.invoke('applications.get', { id: applicationId });
    expect(application).toMatchObject({
      position: 'Backend Developer',
      location: 'Lyon',
      workMode: 'remote',
      postingUrl: 'https://jobs.lever.co/globex/a1',
      salaryMin: 50000,
      salaryMax: 65000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      source: 'company_site',
    });
    expect(application.companyName).toBe('Globex');
    expect(application.stageCategory).toBe('wishlist');
    expect(application.description).toContain('Rust & SQL');
    expect(application.capturedPosting).toMatchObject({ url: 'https://jobs.lever.co/globex/a1' });
    expect(application.capturedPosting?.text).toContain('Rust & SQL');
    // Tracking twice gives the same application; dismissing a tracked posting does nothing.
    expect((await app.api.invoke('opportunities.track', { id: backend.id })).applicationId).toBe(applicationId);
    expect(await app.api.invoke('opportunities.act', { action: 'dismiss', ids: [backend.id] })).toEqual({ count: 0 });
    expect((await app.api.invoke('applications.list', { stageCategories: ['wishlist'] })).total).toBe(1);
  });

  it('deletes a watch with undo, refuses the same board twice, and validates the board addresses', async () => {
    const { app } = await open();
    const watch = await app.api.invoke('watches.create', { kind: 'greenhouse', board: 'acme', companyName: 'Acme' });
    await expect(app.api.invoke('watches.create', { kind: 'greenhouse', board: 'ACME', companyName: 'Acme again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await app.api.invoke('watches.delete', { id: watch.id });
    expect(await app.api.invoke('watches.list', undefined)).toEqual([]);
    expect((await app.api.invoke('watches.restore', { id: watch.id })).id).toBe(watch.id);
    expect(await app.api.invoke('watches.list', undefined)).toHaveLength(1);

    for (const bad of ['ftp://127.0.0.1/boards', 'http://user:secret@127.0.0.1', 'https://example.com/?x=1', 'not a url']) {
      const result = await app.api.call('watches.updateSettings', { greenhouseBaseUrl: bad });
      expect(result.ok ? 'ok' : result.error.code, bad).toBe('VALIDATION');
    }
    const result = await app.api.call('watches.create', { kind: 'greenhouse', board: '../admin', companyName: 'Acme' });
    expect(result.ok ? 'ok' : result.error.issues?.[0]?.path).toBe('board');
  });
});
