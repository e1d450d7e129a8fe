import type { AccountModeName, AccountModeResult, ParsedInput } from '../../src-shared/contract';
import { dataKeyResponse, me as meSchema, modeResponse, type Keys } from '../../src-shared/sync-protocol';
import { newId } from '../changes/ids';
import type { AppContext } from '../context';
import { isStored } from '../documents/files';
import { fetchBlob } from './blobs';
import type { SyncClient } from './client';
import { defaultKdfCost, deriveKeyFromPassphrase, fromBase64Url, newKdfParams, newRecoveryKey, randomBytes, SyncKeys, toBase64Url, wrapDataKey, type KdfParams } from './crypto';
import { SyncEngine } from './engine';
import { SyncFailure } from './failure';
import { makeSnapshot } from './snapshot';
import type { SecretStore } from './secrets';
import type { SyncState } from './state';

/**
 * Who can read the account's data, from the device (docs/sync.md, "Private or readable").
 *
 * Readable: the device escrows its data key with the server (PUT /account/mode).
 *
 * Private again: the server forgets the key and deletes its readable copy, but it held the key, so the device
 * rotates it: a new data key (and key id), wrapped with the passphrase (new KDF salt) and a new recovery key, set
 * with PUT /sync/keys; from then on the server refuses pushes sealed with the old key (409 key_changed). The device
 * then pulls what other devices pushed meanwhile (old key), reseals what it had not pushed, re-uploads its files
 * under the new key, and uploads a snapshot sealed with the new key, which compacts every batch sealed with the old
 * one. Other devices learn of the change at their next run (a refused push, or a batch or snapshot their key does
 * not open while the server's key id differs) and ask for the passphrase once, which unwraps the new key as it
 * unwrapped the old one (sign in again); behind the new snapshot, they bootstrap from it.
 *
 * The old key is kept in the secret store until the snapshot is up (`retiredDataKey`): a rotation cut short (a crash,
 * the network) is finished by the next run.
 */
export const retiredKeySecret = 'sync.retiredDataKey';

export interface ModeDeps {
  context: AppContext;
  state: SyncState;
  secrets: SecretStore;
  dataKeySecret: string;
  kdfCost?: Omit<KdfParams, 'algorithm' | 'salt'>;
  /** Opens the current key with the passphrase (or recovery key): proves it is the person. */
  unlock(keys: Keys, accountId: string, secret: string): Promise<{ dataKey: Uint8Array; keyId: string }>;
  fetchKeys(client: SyncClient): Promise<Keys | null>;
}

export async function fetchAccountMode(client: SyncClient): Promise<AccountModeName> {
  return (await client.request('GET', '/auth/me', { schema: meSchema })).account.mode;
}

/** Lets the server read the account: the device escrows the key it syncs with. */
export async function makeReadable(deps: ModeDeps, client: SyncClient): Promise<AccountModeResult> {
  const row = deps.state.get()!;
  const dataKey = deps.secrets.get(deps.dataKeySecret)!;
  const answer = await client.request('PUT', '/account/mode', { json: { mode: 'readable', keyId: row.key_id, dataKey }, schema: modeResponse });
  return { mode: answer.mode, recoveryKey: null };
}

/** Makes the account private again and rotates the key (see above). */
export async function makePrivate(deps: ModeDeps, client: SyncClient, input: Extract<ParsedInput<'sync.setAccountMode'>, { mode: 'private' }>): Promise<AccountModeResult> {
  const { context, state } = deps;
  const row = state.get()!;
  const current = await deps.fetchKeys(client);
  if (!current) throw new SyncFailure('server', 'The server has no key for this account');
  if (current.keyId !== row.key_id) throw new SyncFailure('key_changed', 'Another device replaced the account’s key');
  const { dataKey: oldKey } = await deps.unlock(current, row.account_id, input.passphrase);
  const oldKeys = new SyncKeys(oldKey, row.account_id);

  // Everything up to date under the old key, and every document's file here to re-upload under the new one.
  await new SyncEngine(context, state, client, oldKeys).run();
  await fetchMissingFiles(context, client, oldKeys);

  await client.request('PUT', '/account/mode', { json: { mode: 'private' }, schema: modeResponse });

  const dataKey = randomBytes(32);
  const keyId = newId();
  const kdf = newKdfParams(deps.kdfCost ?? defaultKdfCost);
  const recovery = newRecoveryKey();
  // The retired key is kept first: from the PUT on, the server refuses pushes sealed with it.
  deps.secrets.set(retiredKeySecret, toBase64Url(oldKey));
  await client.request('PUT', '/sync/keys', {
    json: {
      keyId,
      kdf,
      wrappedKey: wrapDataKey(await deriveKeyFromPassphrase(input.passphrase, kdf), dataKey, row.account_id, keyId),
      recoveryWrappedKey: wrapDataKey(recovery.key, dataKey, row.account_id, keyId),
      previousKeyId: current.keyId,
    },
  });
  await context.jobs.whenWritable();
  deps.secrets.set(deps.dataKeySecret, toBase64Url(dataKey));
  state.update({ key_id: keyId });
  await finishRotation(deps, client);
  return { mode: 'private', recoveryKey: recovery.text };
}

/**
 * The end of a rotation, resumable: what other devices pushed under the retired key is pulled with it, what this
 * device sealed with it is sealed again, and a snapshot under the new key compacts the old batches.
 */
export async function finishRotation(deps: ModeDeps, client: SyncClient): Promise<void> {
  const { context, state, secrets } = deps;
  const retired = secrets.get(retiredKeySecret);
  if (!retired) return;
  const row = state.get()!;
  await new SyncEngine(context, state, client, new SyncKeys(fromBase64Url(retired), row.account_id)).pull();
  await context.jobs.whenWritable();
  state.discardSealed();
  const keys = new SyncKeys(fromBase64Url(secrets.get(deps.dataKeySecret)!), row.account_id);
  const engine = new SyncEngine(context, state, client, keys);
  // Local writes made meanwhile are pushed first: a snapshot is made only with nothing left to push.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await engine.run();
    // Not made with nothing left to push: the server has one covering as much, which only this device, holding
    // the new key, can have uploaded since the key changed (the server dropped the old one then).
    if ((await makeSnapshot(context, client, keys)) || !state.hasUnpushed()) {
      secrets.delete(retiredKeySecret);
      return;
    }
  }
  throw new SyncFailure('server', 'The snapshot under the new key could not be made: this device keeps trying');
}

/** Files of documents this device has never opened: fetched now, while the old key still opens them. */
async function fetchMissingFiles(context: AppContext, client: SyncClient, keys: SyncKeys): Promise<void> {
  const hashes = context.db.sql(`SELECT DISTINCT sha256 FROM documents WHERE sha256 <> ''`).pluck().all() as string[];
  for (const sha256 of hashes) {
    if (/^[0-9a-f]{64}$/.test(sha256) && !isStored(context.dataDir, sha256)) await fetchBlob(context, client, keys, sha256);
  }
}

/**
 * The key of an account a compatible API's register route made (readable from the start, the server drew its key):
 * the first Candid device fetches it and wraps it with the person's passphrase, so the data already there syncs.
 */
export async function adoptEscrowedKey(
  deps: Pick<ModeDeps, 'kdfCost'>,
  client: SyncClient,
  accountId: string,
  passphrase: string,
): Promise<{ dataKey: Uint8Array; keyId: string; recoveryKey: string; keys: Keys }> {
  const escrowed = await client.request('GET', '/account/data-key', { schema: dataKeyResponse });
  const dataKey = fromBase64Url(escrowed.dataKey);
  const kdf = newKdfParams(deps.kdfCost ?? defaultKdfCost);
  const recovery = newRecoveryKey();
  const keys: Keys = {
    keyId: escrowed.keyId,
    kdf,
    wrappedKey: wrapDataKey(await deriveKeyFromPassphrase(passphrase, kdf), dataKey, accountId, escrowed.keyId),
    recoveryWrappedKey: wrapDataKey(recovery.key, dataKey, accountId, escrowed.keyId),
  };
  return { dataKey, keyId: escrowed.keyId, recoveryKey: recovery.text, keys };
}
