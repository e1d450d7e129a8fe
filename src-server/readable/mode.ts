import type { Transaction } from 'kysely';
import { open, SyncKeys } from '../../src-main/sync/crypto';
import { SyncFailure } from '../../src-main/sync/failure';
import type { AccountMode } from '../../src-shared/sync-protocol';
import type { ServerContext } from '../context';
import type { ServerDB } from '../db/schema';
import { ServerError } from '../http/errors';
import { lockAccount } from '../sync/account-lock';
import { findObject } from '../sync/objects';
import { escrowKey, forgetKey, type EscrowedKey } from './escrow';

/** Why a data route of a private account is refused (403), in every API's own shape. */
export const privateAccountMessage =
  'This account is private: its data is end-to-end encrypted and the server cannot read it. To use the REST API, ' +
  'let the server read the data in Candid (Settings ▸ Sync ▸ Who can read your data).';

/** The master key, or a 503 saying why this server holds no readable account. */
export function requireMasterKey(context: ServerContext): Uint8Array {
  if (context.readable.masterKey && context.replicas) return context.readable.masterKey;
  throw new ServerError('UNAVAILABLE', `This server cannot hold readable accounts (${context.readable.unavailable ?? 'not configured'})`);
}

/**
 * Whether `dataKey` opens the account's data: its newest stored batch, else the first chunk of its snapshot.
 * An account with neither has nothing to check against (a new account).
 */
async function opensTheData(context: ServerContext, accountId: string, dataKey: Uint8Array): Promise<boolean> {
  const keys = new SyncKeys(dataKey, accountId);
  const failed = new SyncFailure('passphrase', '');
  const attempt = (key: Uint8Array, sealed: Uint8Array, aad: string) => {
    try {
      open(key, sealed, aad, failed);
      return true;
    } catch {
      return false;
    }
  };
  const { kysely } = context.db;
  const batch = await kysely
    .selectFrom('batches')
    .select(['id', 'payload'])
    .where('account_id', '=', accountId)
    .where('payload', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (batch?.payload) return attempt(keys.batch, new Uint8Array(batch.payload), keys.batchAad(batch.id));
  const snapshot = await findObject(kysely, accountId, 'snapshot');
  if (!snapshot) return true;
  // Its first frame: u32 length || nonce || ciphertext (docs/sync.md), which may be the last too. A frame holds up
  // to 1 MiB of plaintext plus its overhead, so it may straddle the server's stored chunks (objects.ts).
  let data = Buffer.alloc(0);
  for (let idx = 0; ; idx += 1) {
    if (data.length >= 4) {
      if (data.readUInt32BE(0) > 2 * 1024 * 1024) return false;
      if (data.length >= 4 + 24 + data.readUInt32BE(0)) break;
    }
    const chunk = await kysely.selectFrom('object_chunks').select('data').where('object_id', '=', snapshot.id).where('idx', '=', idx).executeTakeFirst();
    if (!chunk) return false;
    data = Buffer.concat([data, chunk.data]);
  }
  const length = data.readUInt32BE(0);
  const sealed = new Uint8Array(data.subarray(4, 4 + 24 + length));
  const aad = keys.snapshotAad(snapshot.name);
  return attempt(keys.snapshot, sealed, aad(0, false)) || attempt(keys.snapshot, sealed, aad(0, true));
}

/** Escrows the key and makes the account readable, inside `trx` (which holds the account's lock). */
export async function makeReadableIn(trx: Transaction<ServerDB>, context: ServerContext, accountId: string, key: EscrowedKey): Promise<void> {
  await escrowKey(trx, requireMasterKey(context), accountId, key, context.nowIso());
  await trx.updateTable('accounts').set({ mode: 'readable' }).where('id', '=', accountId).execute();
}

/**
 * Switches an account between private and readable (docs/sync.md, "Private or readable"). Readable: the device's
 * data key is checked against the stored data, then escrowed. Private: the escrowed key goes, the replicas'
 * devices are revoked and this process's replica is deleted at once (other processes delete theirs at their next
 * request for the account or their next sweep).
 */
export async function setMode(
  context: ServerContext,
  accountId: string,
  request: { mode: 'private' } | { mode: 'readable'; keyId: string; dataKey: string },
): Promise<AccountMode> {
  const { kysely } = context.db;
  if (request.mode === 'readable') {
    requireMasterKey(context);
    const dataKey = new Uint8Array(Buffer.from(request.dataKey, 'base64url'));
    const keys = await kysely.selectFrom('keys').select('key_id').where('account_id', '=', accountId).executeTakeFirst();
    if (keys && keys.key_id !== request.keyId) {
      throw new ServerError('CONFLICT', 'This is not the account’s current key', { details: { keyId: keys.key_id } });
    }
    if (dataKey.length !== 32 || !(await opensTheData(context, accountId, dataKey))) {
      throw new ServerError('VALIDATION', 'This key does not open the account’s data', {
        issues: [{ path: 'dataKey', code: 'invalid_key', message: 'does not open the stored data' }],
      });
    }
    await kysely.transaction().execute(async (trx) => {
      await lockAccount(trx, accountId);
      await makeReadableIn(trx, context, accountId, { keyId: request.keyId, dataKey });
    });
    return 'readable';
  }
  await kysely.transaction().execute(async (trx) => {
    await lockAccount(trx, accountId);
    // An account made readable by the server (a compatible API's registration) has its key nowhere else until a
    // Candid device sets a passphrase: forgetting it then would lose the data for good.
    if (!(await trx.selectFrom('keys').select('key_id').where('account_id', '=', accountId).executeTakeFirst())) {
      throw new ServerError('CONFLICT', 'Connect a Candid device and set a sync passphrase first: the server holds this account’s only key', {
        details: { reason: 'no_passphrase' },
      });
    }
    await forgetKey(trx, accountId);
    await trx.updateTable('accounts').set({ mode: 'private' }).where('id', '=', accountId).execute();
    await trx
      .updateTable('devices')
      .set({ revoked_at: context.nowIso() })
      .where('account_id', '=', accountId)
      .where('kind', '=', 'replica')
      .where('revoked_at', 'is', null)
      .execute();
  });
  await context.replicas?.remove(accountId);
  return 'private';
}
