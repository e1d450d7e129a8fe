import type { Kysely } from 'kysely';
import { keys, putKeysRequest, type Keys } from '../../src-shared/sync-protocol';
import type { ServerDB } from '../db/schema';
import { notFound, ServerError } from '../http/errors';
import type { RouteTable } from '../http/route-table';
import { lockAccount } from './account-lock';
import { deleteObjects, findObject } from './objects';

/** The refusal of a push sealed with a key that is no longer the account's (another device rotated it): 409 key_changed. */
export function staleKeyError(currentKeyId: string): ServerError {
  return new ServerError('CONFLICT', 'The account’s key was changed on another device: unlock the new one with the passphrase', {
    details: { reason: 'key_changed', keyId: currentKeyId },
  });
}

/** Throws staleKeyError when `keyId` is not the account's key. Call it holding the account's lock (lockAccount). */
export async function refuseStaleKey(trx: Kysely<ServerDB>, accountId: string, keyId: string): Promise<void> {
  const current = await trx.selectFrom('keys').select('key_id').where('account_id', '=', accountId).executeTakeFirst();
  if (current && current.key_id !== keyId) throw staleKeyError(current.key_id);
}

/** The wrapped data key and its KDF parameters (docs/sync.md, "Keys"); the server never sees the key itself. */
export function keyRoutes(routes: RouteTable): void {
  const context = routes.context;
  const { kysely } = context.db;

  routes.add(
    { method: 'get', path: '/sync/keys', tag: 'sync', summary: 'The wrapped data key', auth: true, responses: { 200: { description: 'Keys', json: keys }, 404: { description: 'No device has set them yet' } } },
    async ({ c, principal }) => {
      const row = await kysely.selectFrom('keys').selectAll().where('account_id', '=', principal.accountId).executeTakeFirst();
      if (!row) throw notFound('keys');
      const stored: Keys = { keyId: row.key_id, kdf: JSON.parse(row.kdf), wrappedKey: row.wrapped_key, recoveryWrappedKey: row.recovery_wrapped_key };
      return c.json(stored, 200);
    },
  );

  routes.add(
    {
      method: 'put',
      path: '/sync/keys',
      tag: 'sync',
      summary: 'Set the wrapped data key, or replace it (previousKeyId = the current keyId)',
      auth: true,
      body: putKeysRequest,
      responses: { 201: { description: 'Stored', json: keys }, 409: { description: 'Keys are set and previousKeyId does not match' } },
    },
    async ({ c, body, principal }) => {
      const { previousKeyId, ...stored } = body;
      await kysely.transaction().execute(async (trx) => {
        await lockAccount(trx, principal.accountId);
        const current = await trx.selectFrom('keys').select('key_id').where('account_id', '=', principal.accountId).executeTakeFirst();
        const row = {
          key_id: stored.keyId,
          kdf: JSON.stringify(stored.kdf),
          wrapped_key: stored.wrappedKey,
          recovery_wrapped_key: stored.recoveryWrappedKey,
          updated_at: context.nowIso(),
        };
        if (!current) {
          await trx.insertInto('keys').values({ account_id: principal.accountId, ...row }).execute();
          return;
        }
        if (previousKeyId !== current.key_id) {
          throw new ServerError('CONFLICT', 'Keys are already set: give previousKeyId = the current keyId to replace them', {
            details: { keyId: current.key_id },
          });
        }
        await trx.updateTable('keys').set(row).where('account_id', '=', principal.accountId).execute();
        // A new key (a rotation, not a new passphrase for the same key): the snapshot is sealed with one no device
        // will hold; the rotating device uploads one under the new key next, which compacts the old batches.
        if (stored.keyId !== current.key_id) {
          const snapshot = await findObject(trx, principal.accountId, 'snapshot');
          if (snapshot) await deleteObjects(trx, [snapshot.id]);
        }
      });
      return c.json(stored, 201);
    },
  );
}
