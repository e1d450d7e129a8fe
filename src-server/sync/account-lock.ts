import type { Transaction } from 'kysely';
import type { AccountsTable, ServerDB } from '../db/schema';

/**
 * Takes the account row's lock for the rest of the transaction and returns the row. Every transaction that
 * changes an account's batches, snapshot or blobs starts here, so on PostgreSQL they take turns per account
 * (pushes get their seq in commit order; a snapshot's compaction never races a push). On SQLite a write
 * transaction already excludes every other. A no-op UPDATE is the one statement both engines lock with.
 */
export async function lockAccount(trx: Transaction<ServerDB>, accountId: string): Promise<AccountsTable | undefined> {
  return trx
    .updateTable('accounts')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirst();
}
