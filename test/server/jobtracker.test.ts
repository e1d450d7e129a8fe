import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, login, register, uniqueEmail, type Answer } from './support/client';
import { v1 } from './support/readable';
import { findEverywhere } from './support/storage';
import { describeEngines, type TestServer } from './support/server';

/** A JobTracker SaaS client: its own paths under the prefix, its bearer token. */
class JobTrackerClient {
  token = '';
  constructor(readonly baseUrl: string) {}

  request(method: string, route: string, json?: unknown, token = this.token): Promise<Answer> {
    return call(`${this.baseUrl}/compat/jobtracker`, method, route, { json, token: token || undefined });
  }

  /** Registers and logs in a new user; returns its e-mail. */
  async signUp(fullName = 'Camille Martin'): Promise<{ email: string; password: string; user: Answer }> {
    const email = uniqueEmail('jobtracker');
    const password = 'motdepasse-solide';
    const user = await this.request('POST', '/api/auth/register', { email, password, full_name: fullName });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const login = await this.request('POST', '/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    this.token = login.body.access_token;
    return { email, password, user };
  }

  create(fields: Record<string, unknown>): Promise<Answer> {
    return this.request('POST', '/api/applications/', { entreprise: 'Acme', poste: 'Développeur', type_poste: 'cdi', date_candidature: '2025-03-14', ...fields });
  }
}

describeEngines('JobTracker SaaS compatibility', (start) => {
  let server: TestServer;
  let client: JobTrackerClient;

  beforeAll(async () => {
    server = await start();
    client = new JobTrackerClient(server.url);
    await client.signUp();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('answers the service routes as that API does', async () => {
    expect((await client.request('GET', '/api/', undefined, '')).body).toEqual({ message: 'JobTracker SaaS API', version: '2.0.0', status: 'running' });
    const health = await client.request('GET', '/api/health', undefined, '');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'healthy', database: 'connected' });
    const missing = await client.request('GET', '/api/nothing-here', undefined, '');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Not Found' });
  });

  it('registers (readable from the start), logs in, and refuses what FastAPI refuses in its shapes', async () => {
    const other = new JobTrackerClient(server.url);
    const { email, password, user } = await other.signUp('Alex Dupont');
    expect(user.body).toMatchObject({ email, full_name: 'Alex Dupont', is_active: true });
    expect(typeof user.body.id).toBe('string');
    const me = await other.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: user.body.id, email, full_name: 'Alex Dupont' });

    const taken = await other.request('POST', '/api/auth/register', { email, password, full_name: 'Again' }, '');
    expect(taken.status).toBe(400);
    expect(taken.body.detail).toMatch(/already exists/);
    const wrong = await other.request('POST', '/api/auth/login', { email, password: 'not-the-password' }, '');
    expect(wrong.status).toBe(401);
    expect(typeof wrong.body.detail).toBe('string');
    const malformed = await other.request('POST', '/api/auth/login', { email: 'not-an-email', password }, '');
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0]).toMatchObject({ loc: ['body', 'email'] });
    expect(typeof malformed.body.detail[0].msg).toBe('string');
    expect(typeof malformed.body.detail[0].type).toBe('string');
    const anonymous = await other.request('GET', '/api/auth/me', undefined, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: 'Not authenticated' });
    expect((await other.request('GET', '/api/auth/me', undefined, 'not.a.token')).status).toBe(401);

    const renamed = await other.request('PUT', '/api/auth/update-profile', { full_name: 'Alex Martin' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.full_name).toBe('Alex Martin');
  });

  it('keeps the user’s API keys (PUT /auth/update-api-keys), sealed at rest, never answered back', async () => {
    const other = new JobTrackerClient(server.url);
    await other.signUp('Alex Clé');
    expect((await other.request('GET', '/api/auth/me')).body).toMatchObject({ has_openai_key: false, has_groq_key: false, has_google_ai_key: false });
    const openaiKey = `sk-test-${crypto.randomUUID()}`;
    const groqKey = `gsk-test-${crypto.randomUUID()}`;
    const set = await other.request('PUT', '/api/auth/update-api-keys', { openai_key: openaiKey, groq_key: groqKey, unknown_field: 1 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ full_name: 'Alex Clé', has_openai_key: true, has_groq_key: true, has_google_ai_key: false });
    expect(JSON.stringify(set.body)).not.toContain(openaiKey);
    // Partial: a null leaves a key as it is, an empty text removes it.
    const partial = await other.request('PUT', '/api/auth/update-api-keys', { openai_key: null, groq_key: '' });
    expect(partial.body).toMatchObject({ has_openai_key: true, has_groq_key: false });
    expect((await other.request('GET', '/api/auth/me')).body).toMatchObject({ has_openai_key: true, has_groq_key: false });
    // Encrypted at rest: in no table or file of the server.
    expect(await findEverywhere(server, openaiKey)).toEqual([]);
    // Another account does not see them; bad input answers FastAPI's 422; no token, 401.
    expect((await client.request('GET', '/api/auth/me')).body).toMatchObject({ has_openai_key: false });
    const invalid = await other.request('PUT', '/api/auth/update-api-keys', { openai_key: 42 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail[0]).toMatchObject({ loc: ['body', 'openai_key'] });
    expect((await other.request('PUT', '/api/auth/update-api-keys', { openai_key: 'x' }, '')).status).toBe(401);
  });

  it('creates an application with that API’s fields and values, and reads back what was written', async () => {
    const created = await client.create({
      entreprise: 'Société Générale',
      poste: 'Data analyst',
      type_poste: 'alternance',
      lieu: 'Paris',
      moyen: 'welcome_to_jungle',
      date_candidature: '2025-03-14T09:30:00',
      lien: 'https://example.org/offre/42',
      commentaire: 'Envoyé avec lettre',
      salaire_min: 30000,
      salaire_max: 38000,
      competences: ['SQL', 'Python'],
      contact_email: 'rh@example.org',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      entreprise: 'Société Générale',
      poste: 'Data analyst',
      type_poste: 'alternance',
      lieu: 'Paris',
      moyen: 'welcome_to_jungle',
      date_candidature: '2025-03-14T09:30:00',
      lien: 'https://example.org/offre/42',
      commentaire: 'Envoyé avec lettre',
      reponse: 'pending',
      date_reponse: null,
      is_favorite: false,
      salaire_min: 30000,
      salaire_max: 38000,
      competences: ['SQL', 'Python'],
      contact_email: 'rh@example.org',
    });
    for (const field of ['id', 'created_at', 'updated_at']) expect(typeof created.body[field]).toBe('string');
    const read = await client.request('GET', `/api/applications/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ ...created.body, history: [], updated_at: created.body.updated_at });

    // Newer values, and dates with a zone or as a Unix time.
    const newer = await client.create({ type_poste: 'mastere', moyen: 'jobteaser', reponse: 'contacted', date_candidature: '2025-04-01T10:00:00+02:00' });
    expect(newer.status, JSON.stringify(newer.body)).toBe(201);
    expect(newer.body).toMatchObject({ type_poste: 'mastere', moyen: 'jobteaser', reponse: 'contacted', date_candidature: '2025-04-01T10:00:00+02:00' });
  });

  it('maps onto Candid’s model both ways: reponse moves the stage with a history event, Candid’s changes read through', async () => {
    const created = await client.create({ entreprise: 'Mapping SA', poste: 'Chef de projet', type_poste: 'cdd', moyen: 'linkedin' });
    const id = created.body.id as string;
    const candid = await v1Device(server, client);
    const detail = await v1(candid, 'applications.get', { id });
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    expect(detail.body).toMatchObject({ position: 'Chef de projet', employmentType: 'fixed_term', source: 'linkedin', appliedOn: '2025-03-14' });
    expect(detail.body.stageCategory).toBe('applied');

    const moved = await client.request('PUT', `/api/applications/${id}`, { reponse: 'negative', commentaire: 'Refus poli', lieu: null });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ reponse: 'negative', commentaire: 'Refus poli', entreprise: 'Mapping SA' });
    expect(moved.body.history).toEqual([expect.objectContaining({ event_type: 'status_change', old_value: 'pending', new_value: 'negative' })]);
    const after = await v1(candid, 'applications.get', { id });
    expect(after.body.stageCategory).toBe('rejected');
    expect(after.body.notes).toBe('Refus poli');

    // A change made in Candid reads through JobTracker's fields.
    expect((await v1(candid, 'applications.update', { id, patch: { position: 'Cheffe de projet', employmentType: 'permanent' } })).status).toBe(200);
    const reread = await client.request('GET', `/api/applications/${id}`);
    expect(reread.body).toMatchObject({ poste: 'Cheffe de projet', type_poste: 'cdi', reponse: 'negative' });
  });

  it('lists with pagination and every filter', async () => {
    const lister = new JobTrackerClient(server.url);
    await lister.signUp();
    const made = [
      await lister.create({ entreprise: 'Alpha', poste: 'Backend', type_poste: 'cdi', moyen: 'linkedin', date_candidature: '2025-01-10' }),
      await lister.create({ entreprise: 'Beta', poste: 'Frontend', type_poste: 'stage', moyen: 'indeed', date_candidature: '2025-02-10', reponse: 'positive' }),
      await lister.create({ entreprise: 'Gamma', poste: 'Backend senior', type_poste: 'cdi', moyen: 'apec', date_candidature: '2025-03-10', reponse: 'negative' }),
    ];
    for (const answer of made) expect(answer.status).toBe(201);
    expect((await lister.request('POST', `/api/applications/${made[2].body.id}/favorite`)).body.is_favorite).toBe(true);

    const page = await lister.request('GET', '/api/applications/?page=1&per_page=2');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, per_page: 2, total_pages: 2 });
    expect(page.body.items.map((item: { entreprise: string }) => item.entreprise)).toEqual(['Gamma', 'Beta']);
    const second = await lister.request('GET', '/api/applications?page=2&per_page=2');
    expect(second.body.items.map((item: { entreprise: string }) => item.entreprise)).toEqual(['Alpha']);

    const names = async (query: string) =>
      ((await lister.request('GET', `/api/applications/?${query}`)).body.items as { entreprise: string }[]).map((item) => item.entreprise).sort();
    expect(await names('search=backend')).toEqual(['Alpha', 'Gamma']);
    expect(await names('status=positive')).toEqual(['Beta']);
    expect(await names('type_poste=cdi')).toEqual(['Alpha', 'Gamma']);
    expect(await names('moyen=indeed')).toEqual(['Beta']);
    expect(await names('is_favorite=true')).toEqual(['Gamma']);
    expect(await names('date_from=2025-02-01&date_to=2025-02-28')).toEqual(['Beta']);
    expect(await names('sort_by=entreprise&sort_order=asc')).toEqual(['Alpha', 'Beta', 'Gamma']);
    const favorites = await lister.request('GET', '/api/applications/favorites/list');
    expect(favorites.body.map((item: { entreprise: string }) => item.entreprise)).toEqual(['Gamma']);
    const invalid = await lister.request('GET', '/api/applications/?per_page=1000&status=maybe');
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((issue: { loc: string[] }) => issue.loc.join('.')).sort()).toEqual(['query.per_page', 'query.status']);
    // The query's errors read as pydantic writes them, as the bodies' do.
    const worded = await lister.request('GET', '/api/applications/?page=deux&per_page=1000');
    expect(worded.body.detail).toEqual([
      { type: 'int_parsing', loc: ['query', 'page'], msg: 'Input should be a valid integer, unable to parse string as an integer' },
      { type: 'less_than_equal', loc: ['query', 'per_page'], msg: 'Input should be less than or equal to 100' },
    ]);

    const bulk = await lister.request('POST', '/api/applications/bulk-update', { application_ids: [made[0].body.id, made[1].body.id, 'unknown'], reponse: 'no_response' });
    expect(bulk.status).toBe(200);
    expect(bulk.body.updated_count).toBe(2);
    expect(await names('status=no_response')).toEqual(['Alpha', 'Beta']);
  });

  it('answers 404 for unknown and other accounts’ ids whatever their shape, 422 for bad fields, and deletes with 204', async () => {
    const mine = await client.create({ entreprise: 'Mine Only' });
    const stranger = new JobTrackerClient(server.url);
    await stranger.signUp();
    for (const id of [mine.body.id, crypto.randomUUID(), '42', 'not-an-id']) {
      for (const [method, body] of [['GET'], ['PUT', { poste: 'Pris' }], ['DELETE'], ['POST']] as const) {
        const route = method === 'POST' ? `/api/applications/${id}/favorite` : `/api/applications/${id}`;
        const answer = await stranger.request(method, route, body);
        expect(answer.status, `${method} ${id}`).toBe(404);
        expect(typeof answer.body.detail).toBe('string');
      }
    }
    const missingFields = await client.request('POST', '/api/applications/', { type_poste: 'cdi', lieu: 'Lyon' });
    expect(missingFields.status).toBe(422);
    const locs = missingFields.body.detail.map((issue: { loc: string[]; type: string }) => `${issue.loc.join('.')}:${issue.type}`);
    expect(locs.sort()).toEqual(['body.entreprise:missing', 'body.poste:missing']);
    // Left out, type_poste is cdi and the application date is the time of the request.
    const undated = await client.request('POST', '/api/applications/', { entreprise: 'Sans date', poste: 'Testeur' });
    expect(undated.status).toBe(201);
    expect(undated.body.type_poste).toBe('cdi');
    expect(Date.parse(undated.body.date_candidature)).toBeGreaterThan(Date.parse('2025-01-01'));
    const badValue = await client.create({ reponse: 'peut-être', date_candidature: '14/03/2025' });
    expect(badValue.status).toBe(422);
    expect(badValue.body.detail.map((issue: { loc: string[] }) => issue.loc.join('.')).sort()).toEqual(['body.date_candidature', 'body.reponse']);

    const deleted = await client.request('DELETE', `/api/applications/${mine.body.id}`);
    expect(deleted.status).toBe(204);
    expect((await client.request('GET', `/api/applications/${mine.body.id}`)).status).toBe(404);
  });

  it('plans, lists, filters, changes and deletes interviews, with that API’s values both ways', async () => {
    const application = await client.create({ entreprise: 'Entretiens SA', poste: 'Ingénieur' });
    const id = application.body.id as string;
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 19);
    const planned = await client.request('POST', '/api/interviews/', {
      candidature_id: id,
      date_entretien: future,
      type_entretien: 'manager',
      format_entretien: 'in_person',
      lieu_entretien: '1 rue de la Paix, Paris',
      interviewer: 'Mme Durand',
      commentaire: 'Apporter le portfolio',
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    expect(planned.body).toMatchObject({
      candidature_id: id,
      date_entretien: future,
      type_entretien: 'manager',
      format_entretien: 'in_person',
      lieu_entretien: '1 rue de la Paix, Paris',
      interviewer: 'Mme Durand',
      commentaire: 'Apporter le portfolio',
      statut: 'planned',
    });
    const interviewId = planned.body.id as string;
    const past = await client.request('POST', '/api/interviews', { candidature_id: id, date_entretien: '2025-01-05T14:00:00Z', type_entretien: 'rh', format_entretien: 'phone', statut: 'completed' });
    expect(past.status).toBe(201);

    const candid = await v1Device(server, client);
    const inCandid = await v1(candid, 'interviews.get', { id: interviewId });
    expect(inCandid.body).toMatchObject({ applicationId: id, format: 'in_person', location: '1 rue de la Paix, Paris', interviewers: 'Mme Durand', status: 'planned' });
    expect((await client.request('GET', `/api/applications/${id}`)).body).toMatchObject({ interviews_count: 2 });

    const ids = async (query: string) => ((await client.request('GET', `/api/interviews/${query}`)).body as { id: string }[]).map((item) => item.id);
    expect(await ids(`?candidature_id=${id}`)).toEqual([past.body.id, interviewId]);
    expect(await ids(`?candidature_id=${id}&status=completed`)).toEqual([past.body.id]);
    expect(await ids(`?candidature_id=${id}&interview_type=manager`)).toEqual([interviewId]);
    expect(await ids(`?candidature_id=${id}&interview_format=phone`)).toEqual([past.body.id]);
    const upcoming = await client.request('GET', '/api/interviews/upcoming?limit=20');
    expect(upcoming.body.map((item: { id: string }) => item.id)).toContain(interviewId);
    expect(upcoming.body.map((item: { id: string }) => item.id)).not.toContain(past.body.id);
    expect((await client.request('GET', '/api/interviews/upcoming?limit=0')).status).toBe(422);

    const changed = await client.request('PUT', `/api/interviews/${interviewId}`, { statut: 'cancelled', commentaire: null, type_entretien: 'final' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ statut: 'cancelled', commentaire: 'Apporter le portfolio', type_entretien: 'final' });
    expect((await v1(candid, 'interviews.get', { id: interviewId })).body).toMatchObject({ status: 'cancelled', type: 'final' });

    const stranger = new JobTrackerClient(server.url);
    await stranger.signUp();
    expect((await stranger.request('GET', `/api/interviews/${interviewId}`)).status).toBe(404);
    expect((await stranger.request('PUT', `/api/interviews/${interviewId}`, { statut: 'completed' })).status).toBe(404);
    expect((await stranger.request('DELETE', `/api/interviews/${interviewId}`)).status).toBe(404);
    const foreign = await stranger.request('POST', '/api/interviews/', { candidature_id: id, date_entretien: future, type_entretien: 'rh', format_entretien: 'video' });
    expect(foreign.status).toBe(404);
    expect(await stranger.request('GET', '/api/interviews/').then((answer) => answer.body)).toEqual([]);
    const invalid = await client.request('POST', '/api/interviews/', { candidature_id: id, date_entretien: 'demain', type_entretien: 'lunch', format_entretien: 'video' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((issue: { loc: string[] }) => issue.loc.join('.')).sort()).toEqual(['body.date_entretien', 'body.type_entretien']);

    expect((await client.request('DELETE', `/api/interviews/${interviewId}`)).status).toBe(204);
    expect((await client.request('GET', `/api/interviews/${interviewId}`)).status).toBe(404);
    // Deleting the application deletes its other interview too.
    expect((await client.request('DELETE', `/api/applications/${id}`)).status).toBe(204);
    expect((await client.request('GET', `/api/interviews/${past.body.id}`)).status).toBe(404);
    expect((await v1(candid, 'interviews.get', { id: past.body.id })).status).toBe(404);
  });

  it('answers the statistics as that API does, for a period too', async () => {
    const counter = new JobTrackerClient(server.url);
    await counter.signUp();
    for (const fields of [
      { entreprise: 'Un', type_poste: 'cdi', moyen: 'linkedin', date_candidature: '2025-01-10', reponse: 'positive' },
      { entreprise: 'Deux', type_poste: 'cdi', moyen: 'linkedin', date_candidature: '2025-01-10', reponse: 'negative' },
      { entreprise: 'Trois', type_poste: 'stage', moyen: 'indeed', date_candidature: '2025-02-01' },
      { entreprise: 'Quatre', type_poste: 'stage', moyen: 'jobteaser', date_candidature: '2025-03-01', reponse: 'no_response' },
    ]) {
      expect((await counter.create(fields)).status).toBe(201);
    }
    const get = async (path: string) => {
      const answer = await counter.request('GET', `/api/statistics/${path}`);
      expect(answer.status, path).toBe(200);
      return answer.body;
    };
    expect(await get('dashboard')).toMatchObject({ total_applications: 4, pending: 1, positive: 1, negative: 1, no_response: 1, cancelled: 0, response_rate: 50 });
    // One not sent yet (Candid's wishlist) changes no figure of the sent ones; the dashboard counts it apart.
    const sentFigures = await Promise.all(['timeline', 'by-status', 'by-type', 'by-method', 'response-rate'].map(get));
    expect((await counter.create({ entreprise: 'Cinq', type_poste: 'cdd', moyen: 'indeed', date_candidature: '2025-03-02', reponse: 'to_apply', is_favorite: true })).status).toBe(201);
    expect(await get('dashboard')).toMatchObject({ total_applications: 4, to_apply: 1, favorites: 0, response_rate: 50 });
    expect(await Promise.all(['timeline', 'by-status', 'by-type', 'by-method', 'response-rate'].map(get))).toEqual(sentFigures);
    expect(await get('timeline')).toEqual([
      { date: '2025-01-10', count: 2, cumulative: 2 },
      { date: '2025-02-01', count: 1, cumulative: 3 },
      { date: '2025-03-01', count: 1, cumulative: 4 },
    ]);
    const byStatus = await get('by-status');
    expect(byStatus).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'positive', count: 1, percentage: 25 })]));
    expect(byStatus.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(4);
    expect((await get('by-type')).map((row: { type: string; count: number }) => [row.type, row.count])).toEqual([['cdi', 2], ['stage', 2]]);
    expect((await get('by-method')).map((row: { method: string; count: number }) => [row.method, row.count])).toEqual([['linkedin', 2], ['indeed', 1], ['jobteaser', 1]]);
    expect(await get('response-rate')).toMatchObject({ total_applications: 4, responses: 2, response_rate: 50 });
    const overview = await get('overview');
    expect(Object.keys(overview).sort()).toEqual(['by_method', 'by_status', 'by_type', 'dashboard', 'interviews_stats', 'timeline']);
    expect(overview.interviews_stats).toMatchObject({ total: 0 });
    expect(await get('dashboard?date_from=2025-02-01&date_to=2025-12-31')).toMatchObject({ total_applications: 2, pending: 1, no_response: 1 });
    expect((await counter.request('GET', '/api/statistics/dashboard', undefined, '')).status).toBe(401);
  });

  it('exports as JSON, CSV and Excel in that API’s fields', async () => {
    const exporter = new JobTrackerClient(server.url);
    await exporter.signUp();
    expect((await exporter.create({ entreprise: '=HYPERLINK("x")', poste: 'Comptable, senior', competences: ['Excel', 'SAP'] })).status).toBe(201);
    const json = await exporter.request('GET', '/api/export/json');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ total: 1, applications: [expect.objectContaining({ entreprise: '=HYPERLINK("x")', poste: 'Comptable, senior' })], interviews: [] });
    const csv = await exporter.request('GET', '/api/export/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = Buffer.from(csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['id', 'entreprise', 'poste']);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"Comptable, senior"');
    for (const path of ['/api/export/excel', '/api/export/statistics/excel']) {
      const workbook = await exporter.request('GET', path);
      expect(workbook.status, path).toBe(200);
      expect(workbook.headers.get('content-type')).toMatch(/spreadsheetml/);
      expect(Buffer.from(workbook.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
    }
    expect((await exporter.request('GET', '/api/export/csv', undefined, '')).status).toBe(401);
  });

  it('refuses a private account’s data routes with 403 and why', async () => {
    const device = await register(server.url);
    const compat = new JobTrackerClient(server.url);
    const login = await compat.request('POST', '/api/auth/login', { email: device.session.account.email, password: device.password }, '');
    expect(login.status).toBe(200);
    compat.token = login.body.access_token;
    const refused = await compat.request('GET', '/api/applications/');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/private/);
  });
});

/** A Candid client of the same account (POST /v1/…), as a person's script would use it: a device log-in. */
async function v1Device(server: TestServer, client: JobTrackerClient) {
  const me = await client.request('GET', '/api/auth/me');
  return login(server.url, me.body.email, 'motdepasse-solide', 'Script');
}
