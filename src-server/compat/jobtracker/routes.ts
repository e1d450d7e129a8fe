import crypto from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../../../src-main/context';
import { checkCredentials, createAccount } from '../../accounts/sign-in';
import { findAccount, openApiSession } from '../../accounts/store';
import { ServerError } from '../../http/errors';
import type { RouteInput, RouteSpec, RouteTable, ServerEnv } from '../../http/route-table';
import { makeReadableIn } from '../../readable/mode';
import { parseDate } from '../dates';
import { fastApiErrors, HttpError, httpErrorSchema, readBodyAs } from '../fastapi';
import { invoke } from '../invoke';
import { readKept } from '../kept';
import {
  applicationRow,
  applicationRows,
  candidFields,
  interviewExtras,
  keepWritten,
  setReponse,
  storeKept,
  toJobApplication,
  writtenValues,
  type JobApplication,
} from './applications';
import { api, apiDeviceName, notFoundDetail } from './common';
import { applicationsCsv, applicationsJson, applicationsWorkbook, statisticsWorkbook } from './exports';
import { byMethod, byStatus, byType, dashboard, interviewStats, responseRate, timeline } from './statistics';
import { candidInterviewFields, interviewRow, interviewRows, keepWrittenInterview, toJobInterview } from './interviews';
import { thirdPartyKeysSet, updateThirdPartyKeys } from './api-keys';
import {
  apiKeysUpdate,
  applicationCreate,
  applicationUpdate,
  bulkUpdate,
  idParam,
  interviewCreate,
  interviewsQuery,
  interviewUpdate,
  listQuery,
  loginRequest,
  periodQuery,
  profileUpdate,
  registerRequest,
  upcomingQuery,
} from './schemas';
import { categoryOfReponse, type Reponse } from './values';

/** Where JobTracker SaaS's API is served: a client pointed at `<server>/compat/jobtracker` works unchanged. */
export const jobtrackerPrefix = '/compat/jobtracker';
const base = `${jobtrackerPrefix}/api`;
const tag = 'JobTracker SaaS compatibility';

/**
 * JobTracker SaaS's REST API (FastAPI) mapped onto Candid's model (docs/server-api.md): every data route runs on
 * the account's replica through src-main's handlers, so a write reaches the person's devices like any other.
 */
export function jobtrackerRoutes(routes: RouteTable): void {
  const context = routes.context;
  const errorSchema = { name: 'HTTPError', schema: httpErrorSchema };
  const applicationErrors = fastApiErrors(context, { notFound: notFoundDetail.application });
  const routeErrors = fastApiErrors(context, { notFound: notFoundDetail.route });
  const bodyLimit = () => context.config.limits.restBytes;

  function add<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
    spec: Omit<RouteSpec<B, Q, P>, 'tag' | 'errorSchema'>,
    handler: (input: RouteInput<B, Q, P>) => Promise<Response>,
  ): void {
    routes.add({ onError: applicationErrors, ...spec, path: `${base}${spec.path}`, tag, errorSchema }, handler);
  }

  /** Runs `fn` on the account's replica, in one transaction of its write path (its writes are logged before the answer). */
  function onReplica<T>(accountId: string, fn: (app: AppContext) => T): Promise<T> {
    const pool = context.replicas;
    if (!pool) throw new HttpError(503, `This server cannot read accounts (${context.readable.unavailable ?? 'not configured'})`);
    return pool.use(accountId, (replica) => replica.context.changes.write(() => fn(replica.context)));
  }

  async function user(accountId: string) {
    const account = await findAccount(context.db.kysely, accountId);
    if (!account) throw new HttpError(401, 'Could not validate credentials', { 'WWW-Authenticate': 'Bearer' });
    const name =
      account.mode === 'readable' && context.replicas
        ? await context.replicas.use(accountId, (replica) => invoke(replica.context, 'profile.get', undefined).name)
        : null;
    return {
      id: account.id,
      email: account.email,
      full_name: name,
      is_active: true,
      created_at: account.created_at,
      ...(await thirdPartyKeysSet(context, accountId)),
    };
  }

  const now = () => ({ nowMs: context.clock.now() });
  const one = (app: AppContext, accountId: string, id: string, history = true): JobApplication => {
    const row = applicationRow(app, id);
    return toJobApplication(app, row, accountId, interviewExtras(app, [row.id], context.nowIso()).get(row.id), { ...now(), history });
  };

  // ---- Service -------------------------------------------------------------------------------------------------

  for (const path of ['', '/']) {
    add(
      { method: 'get', path, summary: 'What answers here', auth: false, onError: routeErrors, responses: { 200: { description: 'The service' } } },
      async ({ c }) => c.json({ message: 'JobTracker SaaS API', version: '2.0.0', status: 'running' }, 200),
    );
  }
  add(
    {
      method: 'get',
      path: '/health',
      summary: 'Whether the service and its database answer',
      auth: false,
      onError: routeErrors,
      responses: { 200: { description: 'Healthy' }, 503: { description: 'The database is unreachable' } },
    },
    async ({ c }) =>
      (await context.db.ping())
        ? c.json({ status: 'healthy', database: 'connected' }, 200)
        : c.json({ status: 'unhealthy', database: 'disconnected' }, 503),
  );

  // ---- Accounts ------------------------------------------------------------------------------------------------

  add(
    {
      method: 'post',
      path: '/auth/register',
      summary: 'Create an account, readable by the server from the start (its clients could not work otherwise)',
      auth: false,
      rawJsonBody: registerRequest,
      onError: routeErrors,
      responses: { 201: { description: 'The user' }, 400: { description: 'The e-mail is already registered' } },
    },
    async ({ c }) => {
      const body = await readBodyAs(c, registerRequest, bodyLimit());
      let account;
      try {
        account = await createAccount(context, c, body, async (trx, created) => {
          // The server draws the data key: a Candid device that signs in later fetches it and sets a passphrase.
          await makeReadableIn(trx, context, created.id, { keyId: crypto.randomUUID(), dataKey: new Uint8Array(crypto.randomBytes(32)) });
          return created;
        });
      } catch (error) {
        if (error instanceof ServerError && error.code === 'CONFLICT') throw new HttpError(400, 'A user with this email already exists');
        throw error;
      }
      await onReplica(account.id, (app) => invoke(app, 'profile.update', { name: body.full_name }));
      return c.json(await user(account.id), 201);
    },
  );

  add(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Log in: a bearer token (its sessions are listed, and revocable, in Candid as one API device)',
      auth: false,
      rawJsonBody: loginRequest,
      onError: routeErrors,
      responses: { 200: { description: '{access_token, token_type}' }, 401: { description: 'Wrong e-mail or password' } },
    },
    async ({ c }) => {
      const body = await readBodyAs(c, loginRequest, bodyLimit());
      let account;
      try {
        account = await checkCredentials(context, c, body.email, body.password);
      } catch (error) {
        if (error instanceof ServerError && error.code === 'UNAUTHENTICATED') {
          throw new HttpError(401, 'Incorrect email or password', { 'WWW-Authenticate': 'Bearer' });
        }
        throw error;
      }
      const session = await openApiSession(context, account, apiDeviceName, context.config.compat.tokenHours * 3600);
      return c.json({ access_token: session.token, token_type: 'bearer' }, 200);
    },
  );

  add(
    { method: 'get', path: '/auth/me', summary: 'The user', auth: true, onError: routeErrors, responses: { 200: { description: 'The user' } } },
    async ({ c, principal }) => c.json(await user(principal.accountId), 200),
  );

  add(
    {
      method: 'put',
      path: '/auth/update-profile',
      summary: 'Change the name (Candid’s profile name)',
      auth: true,
      rawJsonBody: profileUpdate,
      onError: routeErrors,
      responses: { 200: { description: 'The user' } },
    },
    async ({ c, principal }) => {
      const body = await readBodyAs(c, profileUpdate, bodyLimit());
      if (body.full_name !== undefined && body.full_name !== null) {
        const name = body.full_name;
        await onReplica(principal.accountId, (app) => invoke(app, 'profile.update', { name }));
      }
      await updateThirdPartyKeys(context, principal.accountId, body);
      return c.json(await user(principal.accountId), 200);
    },
  );

  add(
    {
      method: 'put',
      path: '/auth/update-api-keys',
      summary: 'Keep the user’s AI providers’ keys with the account (sealed with the server’s master key; never answered back)',
      auth: true,
      rawJsonBody: apiKeysUpdate,
      onError: routeErrors,
      responses: { 200: { description: 'The user, with which keys are set (has_openai_key…)' } },
    },
    async ({ c, principal }) => {
      await updateThirdPartyKeys(context, principal.accountId, await readBodyAs(c, apiKeysUpdate, bodyLimit()));
      return c.json(await user(principal.accountId), 200);
    },
  );

  // ---- Applications --------------------------------------------------------------------------------------------

  for (const path of ['/applications', '/applications/']) {
    add(
      {
        method: 'get',
        path,
        summary: 'Applications, filtered, sorted and paginated',
        auth: true,
        query: listQuery,
        responses: { 200: { description: '{items, total, page, per_page, total_pages}' } },
      },
      async ({ c, principal, query }) => {
        const all = await onReplica(principal.accountId, (app) => {
          const rows = applicationRows(app);
          const extras = interviewExtras(app, rows.map((row) => row.id), context.nowIso());
          return rows.map((row) => toJobApplication(app, row, principal.accountId, extras.get(row.id), now()));
        });
        const items = sortApplications(filterApplications(all, query), query.sort_by, query.sort_order);
        const start = (query.page - 1) * query.per_page;
        return c.json(
          { items: items.slice(start, start + query.per_page), total: items.length, page: query.page, per_page: query.per_page, total_pages: Math.ceil(items.length / query.per_page) },
          200,
        );
      },
    );

    add(
      { method: 'post', path, summary: 'Create an application', auth: true, rawJsonBody: applicationCreate, responses: { 201: { description: 'The application' } } },
      async ({ c, principal }) => {
        const given = await readBodyAs(c, applicationCreate, bodyLimit());
        const body = { ...given, date_candidature: given.date_candidature ?? parseDate(new Date(context.clock.now()).toISOString()) ?? undefined };
        const created = await onReplica(principal.accountId, (app) => {
          const category = categoryOfReponse[(body.reponse ?? 'pending') as Reponse];
          const stage = invoke(app, 'stages.list', undefined).find((candidate) => candidate.category === category);
          const detail = invoke(app, 'applications.create', {
            ...candidFields(body),
            companyName: body.entreprise,
            ...(stage ? { stageId: stage.id } : {}),
          } as Parameters<typeof invoke<'applications.create'>>[2]);
          const row = applicationRow(app, detail.id);
          storeKept(app, 'applications', row.id, row.external_fields, keepWritten(row, {}, writtenValues(body)));
          return one(app, principal.accountId, detail.id);
        });
        return c.json(created, 201);
      },
    );
  }

  add(
    { method: 'get', path: '/applications/favorites/list', summary: 'The favourite applications', auth: true, responses: { 200: { description: 'A list' } } },
    async ({ c, principal }) => {
      const favorites = await onReplica(principal.accountId, (app) => {
        const rows = applicationRows(app);
        const extras = interviewExtras(app, rows.map((row) => row.id), context.nowIso());
        return rows.map((row) => toJobApplication(app, row, principal.accountId, extras.get(row.id), now())).filter((item) => item.is_favorite === true);
      });
      return c.json(sortApplications(favorites, 'date_candidature', 'desc'), 200);
    },
  );

  add(
    {
      method: 'post',
      path: '/applications/bulk-update',
      summary: 'Set the reponse of several applications (each moves stage, with a history event)',
      auth: true,
      rawJsonBody: bulkUpdate,
      responses: { 200: { description: '{message, updated_count}' } },
    },
    async ({ c, principal }) => {
      const body = await readBodyAs(c, bulkUpdate, bodyLimit());
      const updated = await onReplica(principal.accountId, (app) => {
        let count = 0;
        for (const id of new Set(body.application_ids)) {
          let row;
          try {
            row = applicationRow(app, id);
          } catch {
            continue; // Not one of this account's: skipped, as JobTracker does.
          }
          setReponse(app, row, body.reponse);
          const moved = applicationRow(app, id);
          storeKept(app, 'applications', id, moved.external_fields, keepWritten(moved, readKept(moved.external_fields, api), { reponse: body.reponse }));
          count += 1;
        }
        return count;
      });
      return c.json({ message: `${updated} candidature(s) mise(s) à jour`, updated_count: updated }, 200);
    },
  );

  add(
    { method: 'get', path: '/applications/{id}', summary: 'One application, with its history', auth: true, params: idParam, responses: { 200: { description: 'The application' }, 404: { description: 'Not found' } } },
    async ({ c, principal, params }) => c.json(await onReplica(principal.accountId, (app) => one(app, principal.accountId, params.id)), 200),
  );

  add(
    {
      method: 'put',
      path: '/applications/{id}',
      summary: 'Change an application (the fields given; a null leaves a field as it is)',
      auth: true,
      params: idParam,
      rawJsonBody: applicationUpdate,
      responses: { 200: { description: 'The application' }, 404: { description: 'Not found' } },
    },
    async ({ c, principal, params }) => {
      const body = await readBodyAs(c, applicationUpdate, bodyLimit());
      const updated = await onReplica(principal.accountId, (app) => {
        const row = applicationRow(app, params.id);
        const { companyName: _ignored, ...fields } = candidFields(body) as Record<string, unknown>;
        const patch = body.entreprise !== undefined ? { ...fields, companyName: body.entreprise } : fields;
        if (Object.keys(patch).length > 0) invoke(app, 'applications.update', { id: row.id, patch } as Parameters<typeof invoke<'applications.update'>>[2]);
        if (body.reponse) setReponse(app, applicationRow(app, row.id), body.reponse);
        const after = applicationRow(app, row.id);
        storeKept(app, 'applications', row.id, after.external_fields, keepWritten(after, readKept(after.external_fields, api), writtenValues(body)));
        return one(app, principal.accountId, row.id);
      });
      return c.json(updated, 200);
    },
  );

  add(
    {
      method: 'delete',
      path: '/applications/{id}',
      summary: 'Delete an application and its interviews',
      auth: true,
      params: idParam,
      responses: { 204: { description: 'Deleted' }, 404: { description: 'Not found' } },
    },
    async ({ c, principal, params }) => {
      await onReplica(principal.accountId, (app) => {
        const row = applicationRow(app, params.id);
        const interviews = app.db.sql(`SELECT id FROM interviews WHERE application_id = ? AND deleted_at IS NULL`).all(row.id) as { id: string }[];
        for (const interview of interviews) invoke(app, 'interviews.delete', { id: interview.id });
        invoke(app, 'applications.delete', { id: row.id });
      });
      return c.body(null, 204);
    },
  );

  add(
    { method: 'post', path: '/applications/{id}/favorite', summary: 'Flip is_favorite', auth: true, params: idParam, responses: { 200: { description: 'The application' } } },
    async ({ c, principal, params }) => {
      const flipped = await onReplica(principal.accountId, (app) => {
        const row = applicationRow(app, params.id);
        invoke(app, 'applications.toggleFavorite', { id: row.id });
        const after = applicationRow(app, row.id);
        // A kept is_favorite would read back the old value: the flip is Candid's own now.
        const kept = readKept(after.external_fields, api);
        delete kept.is_favorite;
        storeKept(app, 'applications', row.id, after.external_fields, kept);
        return one(app, principal.accountId, row.id);
      });
      return c.json(flipped, 200);
    },
  );

  // ---- Interviews ----------------------------------------------------------------------------------------------

  const interviewErrors = fastApiErrors(context, { notFound: notFoundDetail.interview });
  const allInterviews = (app: AppContext, accountId: string) => interviewRows(app).map((row) => toJobInterview(row, accountId));
  /** What a request wrote, as it should read back (dates as written). */
  const asWritten = (input: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(input).map(([key, value]) => [key, typeof value === 'object' && value !== null && 'text' in value ? (value as { text: string }).text : value]),
    );

  for (const path of ['/interviews', '/interviews/']) {
    add(
      { method: 'get', path, summary: 'Interviews, by date', auth: true, query: interviewsQuery, onError: interviewErrors, responses: { 200: { description: 'A list' } } },
      async ({ c, principal, query }) => {
        const items = await onReplica(principal.accountId, (app) => allInterviews(app, principal.accountId));
        return c.json(
          items.filter(
            (item) =>
              (!query.status || item.statut === query.status) &&
              (!query.interview_type || item.type_entretien === query.interview_type) &&
              (!query.interview_format || item.format_entretien === query.interview_format) &&
              (!query.candidature_id || item.candidature_id === query.candidature_id.toLowerCase()),
          ),
          200,
        );
      },
    );

    add(
      { method: 'post', path, summary: 'Plan an interview', auth: true, rawJsonBody: interviewCreate, responses: { 201: { description: 'The interview' }, 404: { description: 'No such application' } } },
      async ({ c, principal }) => {
        const body = await readBodyAs(c, interviewCreate, bodyLimit());
        const created = await onReplica(principal.accountId, (app) => {
          const application = applicationRow(app, body.candidature_id);
          const { candidature_id: _application, ...fields } = body;
          const interview = invoke(app, 'interviews.create', { applicationId: application.id, ...candidInterviewFields(fields) } as Parameters<typeof invoke<'interviews.create'>>[2]);
          const row = interviewRow(app, interview.id);
          storeKept(app, 'interviews', row.id, row.external_fields, keepWrittenInterview(row, {}, asWritten(fields)));
          return toJobInterview(interviewRow(app, interview.id), principal.accountId);
        });
        return c.json(created, 201);
      },
    );
  }

  add(
    { method: 'get', path: '/interviews/upcoming', summary: 'The next planned interviews', auth: true, query: upcomingQuery, onError: interviewErrors, responses: { 200: { description: 'A list' } } },
    async ({ c, principal, query }) => {
      const nowIso = context.nowIso();
      const rows = await onReplica(principal.accountId, (app) => interviewRows(app).filter((row) => row.status === 'planned' && row.scheduled_at >= nowIso));
      return c.json(rows.slice(0, query.limit).map((row) => toJobInterview(row, principal.accountId)), 200);
    },
  );

  add(
    { method: 'get', path: '/interviews/{id}', summary: 'One interview', auth: true, params: idParam, onError: interviewErrors, responses: { 200: { description: 'The interview' }, 404: { description: 'Not found' } } },
    async ({ c, principal, params }) => c.json(await onReplica(principal.accountId, (app) => toJobInterview(interviewRow(app, params.id), principal.accountId)), 200),
  );

  add(
    {
      method: 'put',
      path: '/interviews/{id}',
      summary: 'Change an interview (the fields given)',
      auth: true,
      params: idParam,
      rawJsonBody: interviewUpdate,
      onError: interviewErrors,
      responses: { 200: { description: 'The interview' }, 404: { description: 'Not found' } },
    },
    async ({ c, principal, params }) => {
      const body = await readBodyAs(c, interviewUpdate, bodyLimit());
      const updated = await onReplica(principal.accountId, (app) => {
        const row = interviewRow(app, params.id);
        const patch = candidInterviewFields(body);
        if (Object.keys(patch).length > 0) invoke(app, 'interviews.update', { id: row.id, patch } as Parameters<typeof invoke<'interviews.update'>>[2]);
        const after = interviewRow(app, row.id);
        storeKept(app, 'interviews', row.id, after.external_fields, keepWrittenInterview(after, readKept(after.external_fields, api), asWritten(body)));
        return toJobInterview(interviewRow(app, row.id), principal.accountId);
      });
      return c.json(updated, 200);
    },
  );

  add(
    { method: 'delete', path: '/interviews/{id}', summary: 'Delete an interview', auth: true, params: idParam, onError: interviewErrors, responses: { 204: { description: 'Deleted' }, 404: { description: 'Not found' } } },
    async ({ c, principal, params }) => {
      await onReplica(principal.accountId, (app) => invoke(app, 'interviews.delete', { id: interviewRow(app, params.id).id }));
      return c.body(null, 204);
    },
  );

  // ---- Statistics ----------------------------------------------------------------------------------------------

  /** The applications (as this API answers them) whose date_candidature is within the period's calendar days. */
  const applicationsIn = async (accountId: string, period: { date_from?: string; date_to?: string }) => {
    const all = await onReplica(accountId, (app) => {
      const rows = applicationRows(app);
      const extras = interviewExtras(app, rows.map((row) => row.id), context.nowIso());
      return rows.map((row) => toJobApplication(app, row, accountId, extras.get(row.id), now()));
    });
    return filterApplications(all, { date_from: period.date_from, date_to: period.date_to } as ListQuery);
  };
  const statistic = (path: string, summary: string, compute: (items: JobApplication[]) => unknown) =>
    add(
      { method: 'get', path: `/statistics/${path}`, summary, auth: true, query: periodQuery, responses: { 200: { description: summary } } },
      async ({ c, principal, query }) => c.json(compute(await applicationsIn(principal.accountId, query)) as object, 200),
    );
  statistic('dashboard', 'Totals by reponse and the response rate (percent)', dashboard);
  statistic('timeline', 'Applications per day of date_candidature, with the running total', timeline);
  statistic('by-status', 'Applications by reponse', byStatus);
  statistic('by-type', 'Applications by type_poste', byType);
  statistic('by-method', 'Applications by moyen', byMethod);
  statistic('response-rate', 'Responses (positive, negative, contacted) over applications', responseRate);

  add(
    { method: 'get', path: '/statistics/overview', summary: 'Every statistic at once', auth: true, query: periodQuery, responses: { 200: { description: 'The overview' } } },
    async ({ c, principal, query }) => {
      const items = await applicationsIn(principal.accountId, query);
      const interviews = await onReplica(principal.accountId, (app) => allInterviews(app, principal.accountId));
      return c.json(
        {
          dashboard: dashboard(items),
          timeline: timeline(items),
          by_status: byStatus(items),
          by_type: byType(items),
          by_method: byMethod(items),
          interviews_stats: interviewStats(interviews, context.clock.now()),
        },
        200,
      );
    },
  );

  // ---- Exports -------------------------------------------------------------------------------------------------

  const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  add(
    { method: 'get', path: '/export/json', summary: 'The applications and interviews, as JSON', auth: true, responses: { 200: { description: '{exported_at, total, applications, interviews}' } } },
    async ({ c, principal }) => {
      const items = await applicationsIn(principal.accountId, {});
      const interviews = await onReplica(principal.accountId, (app) => allInterviews(app, principal.accountId));
      return c.json(applicationsJson(items, interviews, context.nowIso()), 200, attachment('candidatures.json'));
    },
  );
  add(
    { method: 'get', path: '/export/csv', summary: 'The applications, as CSV', auth: true, responses: { 200: { description: 'CSV', content: 'text/plain' } } },
    async ({ c, principal }) =>
      c.body(applicationsCsv(await applicationsIn(principal.accountId, {})), 200, { 'Content-Type': 'text/csv; charset=utf-8', ...attachment('candidatures.csv') }),
  );
  add(
    { method: 'get', path: '/export/excel', summary: 'The applications, as an Excel workbook', auth: true, responses: { 200: { description: 'XLSX', content: 'application/octet-stream' } } },
    async ({ c, principal }) =>
      c.body(new Uint8Array(await applicationsWorkbook(await applicationsIn(principal.accountId, {}))), 200, { 'Content-Type': xlsx, ...attachment('candidatures.xlsx') }),
  );
  add(
    { method: 'get', path: '/export/statistics/excel', summary: 'The statistics, as an Excel workbook', auth: true, responses: { 200: { description: 'XLSX', content: 'application/octet-stream' } } },
    async ({ c, principal }) =>
      c.body(new Uint8Array(await statisticsWorkbook(await applicationsIn(principal.accountId, {}))), 200, { 'Content-Type': xlsx, ...attachment('statistiques.xlsx') }),
  );

  // Anything else under the prefix: FastAPI's 404.
  routes.app.all(`${jobtrackerPrefix}/*`, (c: Context<ServerEnv>) => c.json({ detail: notFoundDetail.route }, 404));
}

type ListQuery = z.output<typeof listQuery>;

/** Calendar day of a JobTracker date value (as written, or derived). */
const dayOf = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

function filterApplications(items: JobApplication[], query: ListQuery): JobApplication[] {
  const search = query.search?.trim().toLowerCase();
  const type = query.type_poste ?? query.job_type;
  const method = query.moyen ?? query.method;
  const from = query.date_from?.slice(0, 10);
  const to = query.date_to?.slice(0, 10);
  return items.filter((item) => {
    if (search) {
      const haystack = [item.entreprise, item.poste, item.lieu, item.commentaire].map((value) => String(value ?? '').toLowerCase());
      if (!haystack.some((value) => value.includes(search))) return false;
    }
    if (query.status && item.reponse !== query.status) return false;
    if (type && item.type_poste !== type) return false;
    if (method && item.moyen !== method) return false;
    if (query.is_favorite !== undefined && item.is_favorite !== query.is_favorite) return false;
    if (query.needs_followup !== undefined && item.needs_followup !== query.needs_followup) return false;
    if (from && dayOf(item.date_candidature) < from) return false;
    if (to && dayOf(item.date_candidature) > to) return false;
    return true;
  });
}

const sortable = new Set(['date_candidature', 'created_at', 'updated_at', 'entreprise', 'poste', 'reponse', 'type_poste', 'lieu', 'moyen', 'date_reponse']);

function sortApplications(items: JobApplication[], sortBy: string, sortOrder: string): JobApplication[] {
  const key = (sortable.has(sortBy) ? sortBy : 'date_candidature') as keyof JobApplication;
  const direction = sortOrder.toLowerCase() === 'asc' ? 1 : -1;
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  return [...items].sort((a, b) => direction * text(a[key]).localeCompare(text(b[key])) || a.id.localeCompare(b.id));
}
