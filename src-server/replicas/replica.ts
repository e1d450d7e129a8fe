import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { createApi, type Api } from '../../src-main/api';
import { closeAppContext, openAppContext, type AppContext } from '../../src-main/context';
import { SyncClient, type TokenKeeper } from '../../src-main/sync/client';
import { SyncKeys, toBase64Url } from '../../src-main/sync/crypto';
import { SyncEngine } from '../../src-main/sync/engine';
import type { SecretStore } from '../../src-main/sync/secrets';
import { secretNames } from '../../src-main/sync/service';
import { makeSnapshot } from '../../src-main/sync/snapshot';
import { SyncState } from '../../src-main/sync/state';
import type { Principal } from '../accounts/authenticate';
import { createDevice } from '../accounts/store';
import type { ServerContext } from '../context';
import type { ServerEnv } from '../http/route-table';
import type { EscrowedKey } from '../readable/escrow';
import { inProcessFetch, replicaOrigin } from './in-process';

export const replicaDeviceName = 'Candid Server (readable copy)';

/** What every replica of one server process is made with. */
export interface ReplicaSetting {
  server: ServerContext;
  app: Hono<ServerEnv>;
  /** The folder holding one folder per account. */
  dir: string;
  /** The id of that folder (its devices are told apart from other processes' by it). */
  instance: string;
  /** SQLite page cache of each open replica, KiB. */
  cacheKiB: number;
}

/** Sync's secrets for a replica: in memory only (the data key comes from the escrow each time a replica opens). */
class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>();
  get(name: string): string | null {
    return this.values.get(name) ?? null;
  }
  set(name: string, value: string): void {
    this.values.set(name, value);
  }
  delete(name: string): void {
    this.values.delete(name);
  }
}

/** A replica's requests are authenticated in-process (in-process.ts): its "token" only has to be present. */
const inProcessTokens = { accessToken: 'in-process', refreshToken: 'in-process', accessExpiresAt: '9999-12-31T23:59:59.000Z' };
const tokenKeeper: TokenKeeper = { get: () => inProcessTokens, set: () => undefined, clear: () => undefined };

export const replicaFolder = (dir: string, accountId: string): string => {
  // The account id comes from a verified token, but it names a folder: nothing but a UUID may.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(accountId)) throw new Error('Not an account id');
  return path.join(dir, accountId);
};

/**
 * One readable account's data as the desktop keeps it: src-main's handler table on a SQLite file of its own,
 * kept up to date from the account's log by src-main's sync engine, as a device of the account. A write made here
 * is pushed to the log like a device's (sealed with the account's key, given a seq) before it is answered.
 * Not safe for concurrent use: the pool runs one operation of an account at a time.
 */
export class Replica {
  private suggested = false;

  private constructor(
    readonly accountId: string,
    readonly keyId: string,
    readonly folder: string,
    private readonly principal: Principal,
    readonly context: AppContext,
    readonly api: Api,
    private readonly state: SyncState,
    private readonly engine: SyncEngine,
    private readonly client: SyncClient,
    private readonly keys: SyncKeys,
  ) {}

  static async open(setting: ReplicaSetting, accountId: string, key: EscrowedKey): Promise<Replica> {
    const folder = replicaFolder(setting.dir, accountId);
    const existing = fs.existsSync(folder) ? await Replica.reuse(setting, folder, accountId, key) : null;
    if (existing) return existing;
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const replica = await Replica.build(setting, folder, accountId, key);
    try {
      const { db } = setting.server;
      const now = setting.server.nowIso();
      // A new file is a new device: the log's batches of the replica it replaces must come to this one too.
      const device = await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('devices')
          .set({ revoked_at: now })
          .where('account_id', '=', accountId)
          .where('kind', '=', 'replica')
          .where('instance', '=', setting.instance)
          .where('revoked_at', 'is', null)
          .execute();
        return createDevice(trx, accountId, replicaDeviceName, now, 'replica', setting.instance);
      });
      const account = await db.kysely.selectFrom('accounts').select('email').where('id', '=', accountId).executeTakeFirstOrThrow();
      replica.principal.deviceId = device.id;
      replica.state.connect(
        { server_url: replicaOrigin, account_id: accountId, email: account.email, device_id: device.id, device_name: replicaDeviceName, key_id: key.keyId },
        now,
      );
      return replica;
    } catch (error) {
      replica.close();
      throw error;
    }
  }

  /** The replica already on disk, when it is this account's, sealed with the current key, and its device is live. */
  private static async reuse(setting: ReplicaSetting, folder: string, accountId: string, key: EscrowedKey): Promise<Replica | null> {
    let replica: Replica;
    try {
      replica = await Replica.build(setting, folder, accountId, key);
    } catch (error) {
      // A damaged or foreign file is only a cache: it is rebuilt from the log.
      setting.server.log({ level: 'warn', msg: 'replica discarded', account: accountId, error: (error as Error).message });
      return null;
    }
    const row = replica.state.get();
    const device =
      row && row.account_id === accountId && row.key_id === key.keyId
        ? await setting.server.db.kysely
            .selectFrom('devices')
            .select('id')
            .where('id', '=', row.device_id)
            .where('account_id', '=', accountId)
            .where('kind', '=', 'replica')
            .where('revoked_at', 'is', null)
            .executeTakeFirst()
        : undefined;
    if (!row || !device) {
      replica.close();
      return null;
    }
    replica.principal.deviceId = row.device_id;
    return replica;
  }

  private static async build(setting: ReplicaSetting, folder: string, accountId: string, key: EscrowedKey): Promise<Replica> {
    const secrets = new MemorySecrets();
    secrets.set(secretNames.tokens, JSON.stringify(inProcessTokens));
    secrets.set(secretNames.dataKey, toBase64Url(key.dataKey));
    // The device is known once the file is read (or made): the principal is filled in then.
    const principal = { accountId, deviceId: '', familyId: '' };
    const fetch = inProcessFetch(setting.app, principal);
    const context = await openAppContext({ dataDir: folder, secrets, sync: { client: { fetch } } });
    try {
      // Many replicas stay open at once: each gets a small page cache (the app's 32 MB is for one database).
      context.db.sqlite.pragma(`cache_size = -${setting.cacheKiB}`);
      const state = new SyncState(context.db);
      const client = new SyncClient(replicaOrigin, tokenKeeper, { fetch });
      const keys = new SyncKeys(key.dataKey, accountId);
      const engine = new SyncEngine(context, state, client, keys);
      return new Replica(accountId, key.keyId, folder, principal, context, createApi(context), state, engine, client, keys);
    } catch (error) {
      closeAppContext(context);
      throw error;
    }
  }

  /** Applies what the log holds beyond this replica's cursor (other devices' writes); the first time, everything. */
  async catchUp(): Promise<void> {
    this.suggested = (await this.engine.pull()) || this.suggested;
  }

  /** Pushes this replica's writes (and the repairs applying others' may have made) to the log. */
  async pushWrites(): Promise<void> {
    if (this.state.hasUnpushed()) await this.engine.push();
  }

  get needsMaintenance(): boolean {
    return this.suggested;
  }

  /** Work that may wait until after the answer: a snapshot when the server suggested one (compaction). */
  async maintain(): Promise<void> {
    if (!this.suggested || this.state.hasUnpushed()) return;
    this.suggested = false;
    await this.engine.pull();
    await makeSnapshot(this.context, this.client, this.keys);
  }

  /** The log position this replica has applied (its sync cursor). */
  get cursor(): number {
    return this.state.get()?.cursor ?? 0;
  }

  close(): void {
    closeAppContext(this.context);
  }
}
