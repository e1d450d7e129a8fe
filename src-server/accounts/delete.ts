import type { ServerContext } from '../context';
import { lockAccount } from '../sync/account-lock';

/**
 * Deletes an account and everything stored for it, in one transaction (children first: the foreign keys hold
 * until the end), then scrubs the database files so that the deleted bytes do not linger in them.
 */
export async function deleteAccountData(context: ServerContext, accountId: string): Promise<void> {
  await context.db.kysely.transaction().execute(async (trx) => {
    await lockAccount(trx, accountId);
    const objects = trx.selectFrom('objects').select('id').where('account_id', '=', accountId);
    await trx.deleteFrom('object_chunks').where('object_id', 'in', objects).execute();
    await trx.deleteFrom('objects').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('batches').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('keys').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('escrowed_keys').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('third_party_keys').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('refresh_tokens').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('token_families').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('devices').where('account_id', '=', accountId).execute();
    await trx.deleteFrom('accounts').where('id', '=', accountId).execute();
  });
  await context.db.scrub();
}
