import { z } from 'zod';
import { open, seal } from '../../../src-main/sync/crypto';
import { SyncFailure } from '../../../src-main/sync/failure';
import type { ServerContext } from '../../context';
import { requireMasterKey } from '../../readable/mode';

/**
 * The AI providers' keys JobTracker SaaS keeps for its user (PUT /auth/update-api-keys): stored with the account,
 * sealed with the server's master key as escrowed data keys are (src-server/readable/escrow.ts), never answered
 * back (the user shape says only which are set). They are not Candid data: they stay out of the synced log, so they
 * are not copied to the person's devices.
 */
export const thirdPartyKeyNames = ['google_ai_key', 'openai_key', 'groq_key'] as const;
type KeyName = (typeof thirdPartyKeyNames)[number];
type StoredKeys = Partial<Record<KeyName, string>>;

const stored = z.object(Object.fromEntries(thirdPartyKeyNames.map((name) => [name, z.string().optional()]))).strict();
const aad = (accountId: string) => `candid-third-party-keys-v1|${accountId}`;

async function read(context: ServerContext, accountId: string): Promise<StoredKeys> {
  const row = await context.db.kysely.selectFrom('third_party_keys').select('sealed').where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return {};
  const failure = new SyncFailure('tampered', `The third-party keys of account ${accountId} do not open with this master key`);
  const plain = open(requireMasterKey(context), new Uint8Array(row.sealed), aad(accountId), failure);
  return stored.parse(JSON.parse(Buffer.from(plain).toString('utf8'))) as StoredKeys;
}

/**
 * Sets the keys given: a text sets (an empty one removes the key), null or absent leaves it as it is (a PUT of
 * that API is partial).
 */
export async function updateThirdPartyKeys(context: ServerContext, accountId: string, update: Partial<Record<KeyName, string | null>>): Promise<void> {
  const given = thirdPartyKeyNames.filter((name) => typeof update[name] === 'string');
  if (given.length === 0) return;
  const masterKey = requireMasterKey(context);
  const keys = await read(context, accountId);
  for (const name of given) {
    const value = update[name]!.trim();
    if (value === '') delete keys[name];
    else keys[name] = value;
  }
  const sealed = Buffer.from(seal(masterKey, new TextEncoder().encode(JSON.stringify(keys)), aad(accountId)));
  const now = context.nowIso();
  await context.db.kysely
    .insertInto('third_party_keys')
    .values({ account_id: accountId, sealed, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ sealed, updated_at: now }))
    .execute();
}

/** Which keys are set, as the user shape says it (`has_openai_key`…): the keys themselves are never answered. */
export async function thirdPartyKeysSet(context: ServerContext, accountId: string): Promise<Record<`has_${KeyName}`, boolean>> {
  const keys = context.readable.masterKey ? await read(context, accountId) : {};
  return Object.fromEntries(thirdPartyKeyNames.map((name) => [`has_${name}`, Boolean(keys[name])])) as Record<`has_${KeyName}`, boolean>;
}
