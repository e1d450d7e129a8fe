import type { Kysely, Transaction } from 'kysely';
import { open, seal } from '../../src-main/sync/crypto';
import { SyncFailure } from '../../src-main/sync/failure';
import type { ServerDB } from '../db/schema';

type Db = Kysely<ServerDB> | Transaction<ServerDB>;

/** Binds a sealed key to its account and key id: a row copied to another account does not open. */
const escrowAad = (accountId: string, keyId: string) => `candid-escrow-v1|${accountId}|${keyId}`;

export interface EscrowedKey {
  keyId: string;
  dataKey: Uint8Array;
}

/** Stores (or replaces) the account's data key, sealed with the master key (XChaCha20-Poly1305, as sync seals). */
export async function escrowKey(db: Db, masterKey: Uint8Array, accountId: string, key: EscrowedKey, now: string): Promise<void> {
  const sealed = Buffer.from(seal(masterKey, key.dataKey, escrowAad(accountId, key.keyId)));
  await db
    .insertInto('escrowed_keys')
    .values({ account_id: accountId, key_id: key.keyId, sealed_key: sealed, created_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ key_id: key.keyId, sealed_key: sealed, created_at: now }))
    .execute();
}

/** The account's escrowed data key, or null when it has none (a private account). */
export async function escrowedKey(db: Db, masterKey: Uint8Array, accountId: string): Promise<EscrowedKey | null> {
  const row = await db.selectFrom('escrowed_keys').select(['key_id', 'sealed_key']).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return null;
  const failure = new SyncFailure('tampered', `The escrowed key of account ${accountId} does not open with this master key`);
  return { keyId: row.key_id, dataKey: open(masterKey, new Uint8Array(row.sealed_key), escrowAad(accountId, row.key_id), failure) };
}

export async function forgetKey(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('escrowed_keys').where('account_id', '=', accountId).execute();
}
