import {
  changePasswordRequest,
  deleteAccountRequest,
  deviceIdParam,
  deviceList,
  loginRequest,
  me,
  refreshRequest,
  registerRequest,
  session,
  tokens,
} from '../../src-shared/sync-protocol';
import type { ServerContext } from '../context';
import { clientAddress } from '../http/client-address';
import { notFound, ServerError, unauthenticated } from '../http/errors';
import type { RouteTable } from '../http/route-table';
import { deleteAccountData } from './delete';
import { checkCredentials, createAccount } from './sign-in';
import {
  constantTimeEqual,
  createDevice,
  findAccount,
  issueRefreshToken,
  openSession,
  revokeFamilies,
  toAccount,
  toDevice,
  type AccountRow,
} from './store';
import { hashRefreshToken } from './tokens';

const noContent = { 204: { description: 'Done' } };


/** Checks the password of the signed-in account; failures count against the e-mail's limit like failed log-ins. */
async function checkPassword(context: ServerContext, account: AccountRow, password: string): Promise<void> {
  context.limits.authPerEmail.check(account.email);
  if (await context.passwords.verify(account.password_hash, password)) return;
  context.limits.authPerEmail.record(account.email);
  throw new ServerError('FORBIDDEN', 'The password is wrong');
}

async function signedInAccount(context: ServerContext, accountId: string): Promise<AccountRow> {
  const account = await findAccount(context.db.kysely, accountId);
  if (!account) throw unauthenticated();
  return account;
}

/** Accounts and devices (docs/sync.md, "Accounts and devices"). */
export function accountRoutes(routes: RouteTable): void {
  const context = routes.context;
  const { kysely } = context.db;

  routes.add(
    {
      method: 'post',
      path: '/auth/register',
      tag: 'accounts',
      summary: 'Create an account and sign this device in',
      auth: false,
      body: registerRequest,
      responses: { 201: { description: 'The new session', json: session }, 409: { description: 'The e-mail is already registered' } },
    },
    async ({ c, body }) => {
      const created = await createAccount(context, c, body, async (trx, account) => {
        const device = await createDevice(trx, account.id, body.deviceName, account.created_at);
        return openSession(context, trx, account, device);
      });
      return c.json(created, 201);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/login',
      tag: 'accounts',
      summary: 'Sign a device in (a known, live deviceId of this account is reused)',
      auth: false,
      body: loginRequest,
      responses: { 200: { description: 'The new session', json: session }, 401: { description: 'Wrong e-mail or password' } },
    },
    async ({ c, body }) => {
      const account = await checkCredentials(context, c, body.email, body.password);
      const opened = await kysely.transaction().execute(async (trx) => {
        const known = body.deviceId
          ? await trx
              .selectFrom('devices')
              .selectAll()
              .where('id', '=', body.deviceId)
              .where('account_id', '=', account.id)
              .where('kind', '=', 'device')
              .where('revoked_at', 'is', null)
              .executeTakeFirst()
          : undefined;
        const now = context.nowIso();
        if (known) {
          await trx.updateTable('devices').set({ name: body.deviceName, last_seen_at: now }).where('id', '=', known.id).execute();
          known.name = body.deviceName;
          known.last_seen_at = now;
        }
        const device = known ?? (await createDevice(trx, account.id, body.deviceName, now));
        return openSession(context, trx, account, device);
      });
      return c.json(opened, 200);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/refresh',
      tag: 'accounts',
      summary: 'Trade a refresh token (single use) for a new pair; a reused one revokes its whole family',
      auth: false,
      body: refreshRequest,
      responses: { 200: { description: 'The new tokens', json: tokens }, 401: { description: 'Unknown, expired, revoked or reused' } },
    },
    async ({ c, body }) => {
      context.limits.authPerClient.take(clientAddress(c, context.config));
      const hash = hashRefreshToken(body.refreshToken);
      const outcome = await kysely.transaction().execute(async (trx) => {
        const stored = await trx
          .selectFrom('refresh_tokens')
          .innerJoin('token_families', 'token_families.id', 'refresh_tokens.family_id')
          .innerJoin('devices', 'devices.id', 'token_families.device_id')
          .select([
            'refresh_tokens.hash',
            'refresh_tokens.used_at',
            'refresh_tokens.expires_at',
            'refresh_tokens.account_id',
            'token_families.id as family_id',
            'token_families.revoked_at as family_revoked_at',
            'devices.id as device_id',
            'devices.revoked_at as device_revoked_at',
          ])
          .where('refresh_tokens.hash', '=', hash)
          .executeTakeFirst();
        if (!stored || !constantTimeEqual(stored.hash, hash)) return 'unknown' as const;
        const now = context.nowIso();
        if (stored.family_revoked_at !== null || stored.device_revoked_at !== null || stored.expires_at <= now) return 'unknown' as const;
        // Single use: the conditional update also catches two concurrent uses of one token.
        const used = await trx
          .updateTable('refresh_tokens')
          .set({ used_at: now })
          .where('hash', '=', hash)
          .where('used_at', 'is', null)
          .executeTakeFirst();
        if (stored.used_at !== null || Number(used.numUpdatedRows) !== 1) {
          await revokeFamilies(trx, now, { familyId: stored.family_id });
          return 'reused' as const;
        }
        const refreshToken = await issueRefreshToken(context, trx, stored.account_id, stored.family_id);
        return { refreshToken, accountId: stored.account_id, deviceId: stored.device_id, familyId: stored.family_id };
      });
      if (outcome === 'unknown') throw unauthenticated('This refresh token is not valid: sign in again');
      if (outcome === 'reused') {
        context.log({ level: 'warn', msg: 'refresh token reused; family revoked' });
        throw unauthenticated('This refresh token was already used: the session was ended, sign in again');
      }
      const access = await context.tokens.access(outcome);
      return c.json(
        { accessToken: access.token, refreshToken: outcome.refreshToken, accessExpiresAt: new Date(access.expiresAt).toISOString() },
        200,
      );
    },
  );

  routes.add(
    { method: 'post', path: '/auth/logout', tag: 'accounts', summary: "End this device's session (the device stays listed)", auth: true, responses: noContent },
    async ({ c, principal }) => {
      await revokeFamilies(kysely, context.nowIso(), { deviceId: principal.deviceId });
      return c.body(null, 204);
    },
  );

  routes.add(
    {
      method: 'post',
      path: '/auth/password',
      tag: 'accounts',
      summary: "Change the password; every other device's session ends",
      auth: true,
      body: changePasswordRequest,
      responses: { ...noContent, 403: { description: 'The current password is wrong' } },
    },
    async ({ c, body, principal }) => {
      const account = await signedInAccount(context, principal.accountId);
      await checkPassword(context, account, body.currentPassword);
      const passwordHash = await context.passwords.hash(body.newPassword);
      await kysely.transaction().execute(async (trx) => {
        await trx.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', account.id).execute();
        await revokeFamilies(trx, context.nowIso(), { accountId: account.id, exceptDeviceId: principal.deviceId });
      });
      return c.body(null, 204);
    },
  );

  routes.add(
    { method: 'get', path: '/auth/me', tag: 'accounts', summary: 'The signed-in account and device', auth: true, responses: { 200: { description: 'Who', json: me } } },
    async ({ c, principal }) => {
      const account = await signedInAccount(context, principal.accountId);
      const device = await kysely.selectFrom('devices').selectAll().where('id', '=', principal.deviceId).executeTakeFirstOrThrow();
      return c.json({ account: toAccount(account), device: toDevice(device, principal.deviceId) }, 200);
    },
  );

  routes.add(
    { method: 'get', path: '/devices', tag: 'accounts', summary: "The account's devices, revoked ones included", auth: true, responses: { 200: { description: 'Devices', json: deviceList } } },
    async ({ c, principal }) => {
      // A server's replicas are not the person's devices (they go with the account's mode, not with a revoke).
      const rows = await kysely
        .selectFrom('devices')
        .selectAll()
        .where('account_id', '=', principal.accountId)
        .where('kind', '!=', 'replica')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return c.json({ devices: rows.map((row) => toDevice(row, principal.deviceId)) }, 200);
    },
  );

  routes.add(
    {
      method: 'delete',
      path: '/devices/{id}',
      tag: 'accounts',
      summary: 'Revoke a device: its tokens stop working at once',
      auth: true,
      params: deviceIdParam,
      responses: { ...noContent, 404: { description: 'No device of this account by that id' } },
    },
    async ({ c, params, principal }) => {
      const now = context.nowIso();
      const found = await kysely.transaction().execute(async (trx) => {
        const device = await trx
          .selectFrom('devices')
          .select('revoked_at')
          .where('id', '=', params.id)
          .where('account_id', '=', principal.accountId)
          .where('kind', '!=', 'replica')
          .executeTakeFirst();
        if (!device) return false;
        if (device.revoked_at === null) await trx.updateTable('devices').set({ revoked_at: now }).where('id', '=', params.id).execute();
        await revokeFamilies(trx, now, { deviceId: params.id });
        return true;
      });
      if (!found) throw notFound('device');
      return c.body(null, 204);
    },
  );

  routes.add(
    {
      method: 'delete',
      path: '/account',
      tag: 'accounts',
      summary: 'Delete the account and everything stored for it',
      auth: true,
      body: deleteAccountRequest,
      responses: { ...noContent, 403: { description: 'The password is wrong' } },
    },
    async ({ c, body, principal }) => {
      const account = await signedInAccount(context, principal.accountId);
      await checkPassword(context, account, body.password);
      await deleteAccountData(context, account.id);
      context.log({ level: 'info', msg: 'account deleted', account: account.id });
      return c.body(null, 204);
    },
  );
}

