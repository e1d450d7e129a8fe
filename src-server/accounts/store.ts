import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { account as accountSchema, device as deviceSchema, session as sessionSchema } from '../../src-shared/sync-protocol';
import type { ServerContext } from '../context';
import type { AccountsTable, DevicesTable, ServerDB } from '../db/schema';
import { newRefreshToken } from './tokens';

type Db = Kysely<ServerDB> | Transaction<ServerDB>;
export type AccountRow = AccountsTable;
export type DeviceRow = DevicesTable;

export const toAccount = (row: AccountRow): z.infer<typeof accountSchema> => ({
  id: row.id,
  email: row.email,
  createdAt: row.created_at,
  mode: row.mode,
});

export const toDevice = (row: DeviceRow, currentDeviceId: string): z.infer<typeof deviceSchema> => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
  current: row.id === currentDeviceId,
  kind: row.kind === 'api' ? 'api' : 'device',
});

export function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createDevice(
  db: Db,
  accountId: string,
  name: string,
  now: string,
  kind: DeviceRow['kind'] = 'device',
  instance: string | null = null,
): Promise<DeviceRow> {
  const row: DeviceRow = { id: uuidv7(), account_id: accountId, name, created_at: now, last_seen_at: now, revoked_at: null, kind, instance };
  await db.insertInto('devices').values(row).execute();
  return row;
}

/** A refresh token of `familyId`, valid `refreshTokenDays`; only its hash is stored. */
export async function issueRefreshToken(context: ServerContext, db: Db, accountId: string, familyId: string): Promise<string> {
  const { token, hash } = newRefreshToken();
  const now = context.clock.now();
  await db
    .insertInto('refresh_tokens')
    .values({
      hash,
      family_id: familyId,
      account_id: accountId,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + context.config.refreshTokenDays * 86_400_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** A new log-in of `device`: a new refresh family, its first refresh token and an access token. */
export async function openSession(
  context: ServerContext,
  db: Db,
  account: AccountRow,
  device: DeviceRow,
): Promise<z.infer<typeof sessionSchema>> {
  const familyId = uuidv7();
  await db
    .insertInto('token_families')
    .values({ id: familyId, account_id: account.id, device_id: device.id, created_at: context.nowIso(), revoked_at: null })
    .execute();
  const refreshToken = await issueRefreshToken(context, db, account.id, familyId);
  const access = await context.tokens.access({ accountId: account.id, deviceId: device.id, familyId });
  return {
    account: toAccount(account),
    device: toDevice(device, device.id),
    tokens: { accessToken: access.token, refreshToken, accessExpiresAt: new Date(access.expiresAt).toISOString() },
  };
}

/** Revokes refresh families (and with them the access tokens they issued) matching `where`. */
export async function revokeFamilies(
  db: Db,
  now: string,
  where: { familyId?: string; deviceId?: string; accountId?: string; exceptDeviceId?: string },
): Promise<void> {
  let query = db.updateTable('token_families').set({ revoked_at: now }).where('revoked_at', 'is', null);
  if (where.familyId) query = query.where('id', '=', where.familyId);
  if (where.deviceId) query = query.where('device_id', '=', where.deviceId);
  if (where.accountId) query = query.where('account_id', '=', where.accountId);
  if (where.exceptDeviceId) query = query.where('device_id', '!=', where.exceptDeviceId);
  await query.execute();
}

/** Equal-length strings compared in constant time (hashes, ids). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * A log-in of a compatible API's client: one 'api' device per account and API (listed in Settings ▸ Sync, where
 * revoking it ends every such session at once), a new refresh family per log-in, and an access token of
 * `seconds` without a refresh token (those APIs have none).
 */
export async function openApiSession(
  context: ServerContext,
  account: AccountRow,
  deviceName: string,
  seconds: number,
): Promise<{ token: string; expiresAt: number }> {
  const familyId = uuidv7();
  const deviceId = await context.db.kysely.transaction().execute(async (trx) => {
    const now = context.nowIso();
    const existing = await trx
      .selectFrom('devices')
      .select('id')
      .where('account_id', '=', account.id)
      .where('kind', '=', 'api')
      .where('name', '=', deviceName)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const id = existing?.id ?? (await createDevice(trx, account.id, deviceName, now, 'api')).id;
    if (existing) await trx.updateTable('devices').set({ last_seen_at: now }).where('id', '=', id).execute();
    // Sessions whose token has expired are dead weight (they have no refresh token): one client logs in often.
    const expired = new Date(context.clock.now() - seconds * 1000).toISOString();
    await trx.deleteFrom('token_families').where('device_id', '=', id).where('created_at', '<', expired).execute();
    await trx.insertInto('token_families').values({ id: familyId, account_id: account.id, device_id: id, created_at: now, revoked_at: null }).execute();
    return id;
  });
  return context.tokens.access({ accountId: account.id, deviceId, familyId }, seconds);
}
