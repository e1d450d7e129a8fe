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
