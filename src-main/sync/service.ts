import os from 'node:os';
import type { AccountModeResult, ConnectSyncResult, ParsedInput, SyncDevice, SyncProblem, SyncStatus } from '../../src-shared/contract';
import { AppError, type ErrorCode } from '../../src-shared/errors';
import type { AccountMode } from '../../src-shared/sync-protocol';
import { deviceList, keys as keysSchema, session as sessionSchema, tokens as tokensSchema, type Keys } from '../../src-shared/sync-protocol';
import { newId } from '../changes/ids';
import type { AppContext } from '../context';
import { SyncClient, type ClientOptions, type TokenKeeper, type Tokens } from './client';
import {
  defaultKdfCost,
  deriveKeyFromPassphrase,
  fromBase64Url,
  newKdfParams,
  newRecoveryKey,
  parseRecoveryKey,
  randomBytes,
  SyncKeys,
  toBase64Url,
  unwrapDataKey,
  wrapDataKey,
  type KdfParams,
} from './crypto';
import { describeIgnoredDates } from './dates';
import { readImageRefusal, recordImageRefusal } from './image-refusal';
import { asSyncFailure, SyncFailure } from './failure';
import { SyncRunner, type RunnerOptions } from './runner';
import type { SecretStore } from './secrets';
import { SyncState } from './state';

export interface SyncServiceOptions {
  runner?: RunnerOptions;
  client?: ClientOptions;
  /** The cost of the passphrase's key derivation when this device creates the key (tests lower it). */
  kdfCost?: Omit<KdfParams, 'algorithm' | 'salt'>;
  /** Upload a snapshot after every complete run, not only when the server suggests one (tests, the bench). */
  snapshotEveryRun?: boolean;
  /** Make and load database images (docs/sync.md, "Database images"); false: snapshots' entries only (tests, the bench). */
  images?: boolean;
}

/** A clock more than this off the server's (or entries stamped this far ahead) is worth a warning. */
const clockWarningMs = 5 * 60_000;
export const secretNames = { tokens: 'sync.tokens', dataKey: 'sync.dataKey' } as const;

/** How a sync problem reaches a caller of the channels: an AppError whose details name the problem. */
function toAppError(failure: SyncFailure): AppError {
  const codes: Partial<Record<SyncFailure['problem'], ErrorCode>> = {
    credentials: 'UNAUTHORIZED',
    signed_out: 'UNAUTHORIZED',
    passphrase: 'UNAUTHORIZED',
    key_changed: 'UNAUTHORIZED',
    email_taken: 'CONFLICT',
    too_large: 'TOO_LARGE',
    local: 'INTERNAL',
  };
  return new AppError(codes[failure.problem] ?? 'UNAVAILABLE', failure.message, { details: { problem: failure.problem } });
}

/**
 * Sync on this device: what the `sync.*` channels do, and the background runner. The state lives in the
 * database (sync_state, sync_outbox, sync_blobs); the tokens and the data key in the secret store.
 */
export class SyncService {
  readonly runner: SyncRunner;
  private readonly state: SyncState;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly context: AppContext,
    private readonly secrets: SecretStore,
    private readonly options: SyncServiceOptions = {},
  ) {
    this.state = new SyncState(context.db);
    this.runner = new SyncRunner(() => this.runOnce(), options.runner);
  }

  /** The background runner of a shell: at start, after local writes, on the interval. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.context.changes.onChanged((event) => {
      if (event.origin === 'local') this.runner.notifyWrite();
    });
    this.runner.start();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.runner.stop();
  }

  status(): SyncStatus {
    const row = this.state.get();
    const state = !row ? 'off' : row.signed_in && this.secrets.get(secretNames.tokens) && this.secrets.get(secretNames.dataKey) ? 'on' : 'signed_out';
    let clockWarning: SyncStatus['clockWarning'] = null;
    if (row?.clock_offset_ms !== null && row?.clock_offset_ms !== undefined && Math.abs(row.clock_offset_ms) > clockWarningMs) {
      clockWarning = { offsetMs: row.clock_offset_ms, source: 'this_device' };
    } else if (row?.remote_ahead_ms && row.remote_ahead_ms > clockWarningMs) {
      clockWarning = { offsetMs: row.remote_ahead_ms, source: 'other_device' };
    }
    return {
      state,
      serverUrl: row?.server_url ?? null,
      email: row?.email ?? null,
      deviceId: row?.device_id ?? null,
      deviceName: row?.device_name ?? null,
      suggestedDeviceName: os.hostname() || 'Candid',
      running: this.runner.running,
      lastSyncedAt: row?.last_synced_at ?? null,
      pendingChanges: this.state.pendingChanges(),
      lastError: row?.last_error_code
        ? { problem: row.last_error_code as SyncProblem, message: row.last_error_message ?? '', at: row.last_error_at ?? '' }
        : null,
      clockWarning,
      ignoredDates: describeIgnoredDates(this.context.db),
      imageRefused: readImageRefusal(this.context.db),
    };
  }

  private client(serverUrl: string, tokens: TokenKeeper | null): SyncClient {
    return new SyncClient(serverUrl, tokens, this.options.client);
  }

  private storedTokens(): TokenKeeper {
    return {
      get: () => {
        const text = this.secrets.get(secretNames.tokens);
        if (!text) return null;
        const parsed = tokensSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      },
      set: (tokens) => this.secrets.set(secretNames.tokens, JSON.stringify(tokens)),
      clear: () => {
        this.secrets.delete(secretNames.tokens);
        this.state.update({ signed_in: 0 });
      },
    };
  }

  /** The client and keys of the current connection, or null when sync is off or signed out. */
  private connection(): { client: SyncClient; keys: SyncKeys } | null {
    const row = this.state.get();
    const dataKey = this.secrets.get(secretNames.dataKey);
    if (!row || !row.signed_in || !dataKey || !this.secrets.get(secretNames.tokens)) return null;
    return { client: this.client(row.server_url, this.storedTokens()), keys: new SyncKeys(fromBase64Url(dataKey), row.account_id) };
  }

  /** One run of the engine; its outcome (or failure) is recorded for the status. */
  private async runOnce(): Promise<void> {
    const connection = this.connection();
    if (!connection) {
      // A bootstrap cut short (a crash) owes derived data; with sync on, the run resumes the bootstrap and settles
      // it (see SyncEngine.pull), with sync off or signed out it is settled here.
      const [{ derivedDataPending }, { catchUpWhenWritable }] = await Promise.all([import('../changes/bulk-rows'), import('./bootstrap')]);
      if (derivedDataPending(this.context.db)) await catchUpWhenWritable(this.context, () => this.context.jobs.whenWritable());
      return;
    }
    const startedAt = new Date().toISOString();
    // Each write of sync waits while a job's worker holds the write lock (src-main/jobs refuses main's writes then).
    await this.context.jobs.whenWritable();
    this.state.update({ last_attempt_at: startedAt });
    try {
      // The engine and what it uses load with the first run, not with every start of the app.
      const [{ SyncEngine }, { finishRotation }] = await Promise.all([import('./engine'), import('./account-mode')]);
      await finishRotation(this.modeDeps(), connection.client);
      const engine = new SyncEngine(this.context, this.state, connection.client, connection.keys, {
        snapshotEveryRun: this.options.snapshotEveryRun,
        images: this.options.images,
      });
      const outcome = await engine.run();
      await this.context.jobs.whenWritable();
      this.state.update({
        last_synced_at: new Date().toISOString(),
        last_error_code: null,
        last_error_message: null,
        last_error_at: null,
        ...(outcome.clockOffsetMs !== null ? { clock_offset_ms: outcome.clockOffsetMs } : {}),
        ...(outcome.applied > 0 ? { remote_ahead_ms: outcome.remoteAheadMs } : {}),
      });
      if (outcome.imageRefused) recordImageRefusal(this.context.db, outcome.imageRefused, startedAt);
    } catch (error) {
      const failure = await this.keyChangedOr(asSyncFailure(error), connection.client);
      await this.context.jobs.whenWritable();
      if (this.state.get()) {
        this.state.update({ last_error_code: failure.problem, last_error_message: failure.message.slice(0, 1000), last_error_at: new Date().toISOString() });
      }
      throw failure;
    }
  }

  /**
   * A failure that comes from another device having replaced the account's key (a push refused as key_changed, or
   * a batch or snapshot this key does not open while the server's key id is another): this device forgets its key
   * and what it sealed with it, and asks for the passphrase (sign in again) to unlock the new one.
   */
  private async keyChangedOr(failure: SyncFailure, client: SyncClient): Promise<SyncFailure> {
    const suspicious = failure.problem === 'tampered' || failure.options.serverCode === 'CONFLICT' || failure.options.serverCode === 'SNAPSHOT_REQUIRED';
    const row = this.state.get();
    if (!suspicious || !row) return failure;
    const keys = await this.fetchKeys(client).catch(() => null);
    if (!keys || keys.keyId === row.key_id) return failure;
    await this.context.jobs.whenWritable();
    this.secrets.delete(secretNames.dataKey);
    this.state.discardSealed();
    this.state.update({ signed_in: 0 });
    return new SyncFailure('key_changed', `The account’s key was replaced on another device (${keys.keyId}): sign in again with the passphrase`);
  }

  private modeDeps() {
    return {
      context: this.context,
      state: this.state,
      secrets: this.secrets,
      dataKeySecret: secretNames.dataKey,
      kdfCost: this.options.kdfCost,
      unlock: (keys: Keys, accountId: string, secret: string) => this.unlock(keys, accountId, secret),
      fetchKeys: (client: SyncClient) => this.fetchKeys(client),
    };
  }

  /** Who can read the account's data, as the server says; null when sync is not on here. */
  async accountMode(): Promise<AccountModeResult> {
    const connection = this.connection();
    if (!connection) return { mode: null, recoveryKey: null };
    try {
      const { fetchAccountMode } = await import('./account-mode');
      return { mode: await fetchAccountMode(connection.client), recoveryKey: null };
    } catch (error) {
      throw toAppError(asSyncFailure(error));
    }
  }

  /** Lets the server read the data, or makes the account private again (rotating the key): see account-mode.ts. */
  async setAccountMode(input: ParsedInput<'sync.setAccountMode'>): Promise<AccountModeResult> {
    const { client } = this.requireConnection();
    const started = this.unsubscribe !== null;
    // No run of the runner while the key may change under it.
    this.stop();
    await this.runner.whenIdle();
    try {
      const { makePrivate, makeReadable } = await import('./account-mode');
      return input.mode === 'readable' ? await makeReadable(this.modeDeps(), client) : await makePrivate(this.modeDeps(), client, input);
    } catch (error) {
      throw toAppError(await this.keyChangedOr(asSyncFailure(error), client));
    } finally {
      if (started) this.start();
    }
  }

  /** Signs in (or creates the account), unlocks or creates the encryption key, and starts syncing. */
  async connect(input: ParsedInput<'sync.connect'>): Promise<ConnectSyncResult> {
    await this.runner.whenIdle();
    try {
      let tokens: Tokens | null = null;
      const keeper: TokenKeeper = { get: () => tokens, set: (next) => (tokens = next), clear: () => (tokens = null) };
      const client = this.client(input.serverUrl, keeper);
      const previous = this.state.get();
      const sameAccount = previous?.server_url === input.serverUrl && previous.email === input.email;
      const session = await client
          .request('POST', input.createAccount ? '/auth/register' : '/auth/login', {
          auth: false,
          json: input.createAccount
            ? { email: input.email, password: input.password, deviceName: input.deviceName }
            : { email: input.email, password: input.password, deviceName: input.deviceName, ...(sameAccount ? { deviceId: previous.device_id } : {}) },
          schema: sessionSchema,
        })
        .catch((error: unknown) => {
          const failure = asSyncFailure(error);
          if (failure.options.status === 401) throw new SyncFailure('credentials', 'Wrong e-mail or password', failure.options);
          if (failure.options.status === 409) throw new SyncFailure('email_taken', 'An account with this e-mail exists', failure.options);
          throw failure;
        });
      tokens = session.tokens;
      let unlocked: { dataKey: Uint8Array; keyId: string; recoveryKey: string | null };
      try {
        unlocked = await this.unlockOrCreateKey(client, session.account.id, session.account.mode, input);
      } catch (error) {
        await client.request('POST', '/auth/logout').catch(() => undefined);
        throw error;
      }
      await this.context.jobs.whenWritable();
      this.secrets.set(secretNames.tokens, JSON.stringify(tokens));
      this.secrets.set(secretNames.dataKey, toBase64Url(unlocked.dataKey));
      this.state.connect(
        {
          server_url: input.serverUrl,
          account_id: session.account.id,
          email: input.email,
          device_id: session.device.id,
          device_name: session.device.name,
          key_id: unlocked.keyId,
        },
        new Date().toISOString(),
      );
      // The first run (a whole search to download, perhaps) goes on in the background.
      this.start();
      void this.runner.runNow().catch(() => undefined);
      return { status: this.status(), recoveryKey: unlocked.recoveryKey };
    } catch (error) {
      throw toAppError(asSyncFailure(error));
    }
  }

  private async unlockOrCreateKey(
    client: SyncClient,
    accountId: string,
    mode: AccountMode,
    input: ParsedInput<'sync.connect'>,
  ): Promise<{ dataKey: Uint8Array; keyId: string; recoveryKey: string | null }> {
    const existing = await this.fetchKeys(client);
    if (existing) return { ...(await this.unlock(existing, accountId, input.passphrase ?? input.recoveryKey!)), recoveryKey: null };
    if (!input.passphrase) throw new SyncFailure('passphrase', 'This account has no key yet: a passphrase is needed to create it');
    if (mode === 'readable') {
      // Made by a compatible API's register route: the server drew the key, and the data there is sealed with it.
      const { adoptEscrowedKey } = await import('./account-mode');
      const adopted = await adoptEscrowedKey(this.options, client, accountId, input.passphrase);
      await client.request('PUT', '/sync/keys', { json: adopted.keys });
      return { dataKey: adopted.dataKey, keyId: adopted.keyId, recoveryKey: adopted.recoveryKey };
    }
    const dataKey = randomBytes(32);
    const keyId = newId();
    const kdf = newKdfParams(this.options.kdfCost ?? defaultKdfCost);
    const recovery = newRecoveryKey();
    const keys: Keys = {
      keyId,
      kdf,
      wrappedKey: wrapDataKey(await deriveKeyFromPassphrase(input.passphrase, kdf), dataKey, accountId, keyId),
      recoveryWrappedKey: wrapDataKey(recovery.key, dataKey, accountId, keyId),
    };
    try {
      await client.request('PUT', '/sync/keys', { json: keys });
    } catch (error) {
      // Another device set the key meanwhile: use that one.
      if (error instanceof SyncFailure && error.options.serverCode === 'CONFLICT') {
        const theirs = await this.fetchKeys(client);
        if (theirs) return { ...(await this.unlock(theirs, accountId, input.passphrase)), recoveryKey: null };
      }
      throw error;
    }
    return { dataKey, keyId, recoveryKey: recovery.text };
  }

  private async fetchKeys(client: SyncClient): Promise<Keys | null> {
    try {
      return await client.request('GET', '/sync/keys', { schema: keysSchema });
    } catch (error) {
      if (error instanceof SyncFailure && error.options.status === 404) return null;
      throw error;
    }
  }

  /** The data key, opened with a recovery key (when `secret` is one) or a passphrase. */
  private async unlock(keys: Keys, accountId: string, secret: string): Promise<{ dataKey: Uint8Array; keyId: string }> {
    const recovery = parseRecoveryKey(secret);
    if (recovery) {
      try {
        return { dataKey: unwrapDataKey(recovery, keys.recoveryWrappedKey, accountId, keys.keyId), keyId: keys.keyId };
      } catch {
        // A passphrase that happens to look like a recovery key: try it as one below.
      }
    }
    const kek = await deriveKeyFromPassphrase(secret, keys.kdf);
    return { dataKey: unwrapDataKey(kek, keys.wrappedKey, accountId, keys.keyId), keyId: keys.keyId };
  }

  /** Signs out (the local data stays; signing in again continues where it was), or turns sync off and forgets. */
  async disconnect(forget: boolean): Promise<SyncStatus> {
    this.stop();
    await this.runner.whenIdle();
    const row = this.state.get();
    if (row && this.secrets.get(secretNames.tokens)) {
      const client = this.client(row.server_url, this.storedTokens());
      await client.request('POST', '/auth/logout').catch(() => undefined);
    }
    await this.context.jobs.whenWritable();
    this.secrets.delete(secretNames.tokens);
    this.secrets.delete(secretNames.dataKey);
    if (forget) this.state.forget();
    else if (row) this.state.update({ signed_in: 0 });
    return this.status();
  }

  /** Syncs now and answers the status after; a failure is in the status's last error. */
  async now(): Promise<SyncStatus> {
    await this.runner.runNow().catch(() => undefined);
    return this.status();
  }

  private requireConnection(): { client: SyncClient; keys: SyncKeys } {
    const connection = this.connection();
    if (!connection) throw toAppError(new SyncFailure('signed_out', 'Sync is not on for this device'));
    return connection;
  }

  async devices(): Promise<{ devices: SyncDevice[] }> {
    const connection = this.connection();
    if (!connection) return { devices: [] };
    try {
      return await connection.client.request('GET', '/devices', { schema: deviceList });
    } catch (error) {
      throw toAppError(asSyncFailure(error));
    }
  }

  async revokeDevice(id: string): Promise<{ devices: SyncDevice[] }> {
    const { client } = this.requireConnection();
    try {
      await client.request('DELETE', `/devices/${id}`);
    } catch (error) {
      const failure = asSyncFailure(error);
      if (failure.options.status === 404) throw new AppError('NOT_FOUND', `No device ${id} in this account`, { details: { id } });
      throw toAppError(failure);
    }
    // This very device: its session is over.
    if (id === this.state.get()?.device_id) {
      await this.disconnect(false);
      return { devices: [] };
    }
    return this.devices();
  }

  /** Rewraps the same data key with a new passphrase (the recovery key stays valid). */
  async changePassphrase(input: ParsedInput<'sync.changePassphrase'>): Promise<SyncStatus> {
    const { client } = this.requireConnection();
    const row = this.state.get()!;
    try {
      const keys = await this.fetchKeys(client);
      if (!keys) throw new SyncFailure('server', 'The server has no key for this account');
      const { dataKey } = await this.unlock(keys, row.account_id, input.current);
      const kdf = newKdfParams(this.options.kdfCost ?? defaultKdfCost);
      const wrappedKey = wrapDataKey(await deriveKeyFromPassphrase(input.next, kdf), dataKey, row.account_id, keys.keyId);
      await client.request('PUT', '/sync/keys', { json: { ...keys, kdf, wrappedKey, previousKeyId: keys.keyId } });
    } catch (error) {
      throw toAppError(asSyncFailure(error));
    }
    return this.status();
  }

  /**
   * Brings a document's file from the server when this device does not have it (a document added on another
   * device, opened here for the first time). False when sync is off or the server does not have it either.
   */
  async fetchDocument(sha256: string): Promise<boolean> {
    const connection = this.connection();
    if (!connection) return false;
    try {
      const { fetchBlob } = await import('./blobs');
      return await fetchBlob(this.context, connection.client, connection.keys, sha256);
    } catch (error) {
      throw toAppError(asSyncFailure(error));
    }
  }
}
