import fs from 'node:fs';
import { escrowedKey } from '../readable/escrow';
import { Replica, replicaFolder, type ReplicaSetting } from './replica';

/** The account is not readable (private, or gone): its data routes are refused. */
export class NotReadable extends Error {
  constructor(readonly accountId: string) {
    super('This account is private: the server cannot read its data');
    this.name = 'NotReadable';
  }
}

export interface PoolLimits {
  /** Replicas kept open at once; the least recently used beyond this are closed. */
  maxOpen: number;
  /** A replica unused this long is closed. */
  idleSeconds: number;
}

interface Entry {
  replica: Replica;
  lastUsed: number;
  busy: number;
}

/**
 * The replicas of one server process: opened on demand, at most `maxOpen` at once (least recently used closed
 * first), closed when idle, one operation per account at a time. Memory stays bounded by the open replicas
 * (each a SQLite connection with a small page cache), whatever the number of readable accounts.
 */
export class ReplicaPool {
  private readonly open = new Map<string, Entry>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly setting: ReplicaSetting,
    private readonly masterKey: Uint8Array,
    private readonly limits: PoolLimits,
  ) {
    fs.mkdirSync(setting.dir, { recursive: true, mode: 0o700 });
    this.timer = setInterval(() => void this.closeIdle(), Math.min(60, limits.idleSeconds) * 1000);
    this.timer.unref();
  }

  /** How many replicas are open now (for metrics and the bench). */
  get openCount(): number {
    return this.open.size;
  }

  /** Runs `task` after the account's previous operations, never two at once for one account. */
  private exclusive<T>(accountId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(accountId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.queues.set(accountId, settled);
    void settled.then(() => {
      if (this.queues.get(accountId) === settled) this.queues.delete(accountId);
    });
    return run;
  }

  /**
   * Runs `fn` on the account's replica, caught up with the log first; whatever it wrote is in the log (pushed,
   * with its seq) before this resolves. Throws NotReadable for a private account (and removes its replica).
   */
  use<T>(accountId: string, fn: (replica: Replica) => Promise<T> | T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The server is stopping'));
    return this.exclusive(accountId, async () => {
      const entry = await this.acquire(accountId);
      entry.busy += 1;
      try {
        await entry.replica.catchUp();
        const result = await fn(entry.replica);
        await entry.replica.pushWrites();
        return result;
      } finally {
        entry.busy -= 1;
        entry.lastUsed = Date.now();
        this.afterUse(accountId, entry);
      }
    });
  }

  private async acquire(accountId: string): Promise<Entry> {
    const key = await escrowedKey(this.setting.server.db.kysely, this.masterKey, accountId);
    const current = this.open.get(accountId);
    if (!key) {
      await this.discard(accountId);
      throw new NotReadable(accountId);
    }
    if (current && current.replica.keyId === key.keyId) {
      // Most recently used last: the map's order is the eviction order.
      this.open.delete(accountId);
      this.open.set(accountId, current);
      return current;
    }
    if (current) this.closeEntry(accountId, current);
    const entry: Entry = { replica: await Replica.open(this.setting, accountId, key), lastUsed: Date.now(), busy: 0 };
    this.open.set(accountId, entry);
    return entry;
  }

  private afterUse(accountId: string, entry: Entry): void {
    // A snapshot (compaction), when the server suggested one, is made after the answer, in the account's turn.
    if (entry.replica.needsMaintenance) {
      void this.exclusive(accountId, async () => {
        if (this.open.get(accountId) === entry) await entry.replica.maintain();
      }).catch((error: unknown) =>
        this.setting.server.log({ level: 'warn', msg: 'replica maintenance failed', account: accountId, error: (error as Error).message }),
      );
    }
    for (const [id, candidate] of this.open) {
      if (this.open.size <= this.limits.maxOpen) break;
      if (candidate.busy === 0 && !this.queues.has(id)) this.closeEntry(id, candidate);
    }
  }

  private closeEntry(accountId: string, entry: Entry): void {
    if (this.open.get(accountId) === entry) this.open.delete(accountId);
    entry.replica.close();
  }

  /** Closes the account's replica and deletes its files (the account went private, or was deleted). */
  private async discard(accountId: string): Promise<void> {
    const entry = this.open.get(accountId);
    if (entry) this.closeEntry(accountId, entry);
    await fs.promises.rm(replicaFolder(this.setting.dir, accountId), { recursive: true, force: true });
  }

  /** Removes the account's replica now, after its operations in progress. */
  remove(accountId: string): Promise<void> {
    return this.exclusive(accountId, () => this.discard(accountId));
  }

  /**
   * Removes the replicas of accounts that are no longer readable: another process may have made one private, or
   * deleted it. Run at start and on a timer.
   */
  async sweep(): Promise<void> {
    const folders = fs.existsSync(this.setting.dir) ? fs.readdirSync(this.setting.dir) : [];
    const accounts = folders.filter((name) => /^[0-9a-f-]{36}$/.test(name));
    if (accounts.length === 0) return;
    const readable = new Set(
      (
        await this.setting.server.db.kysely
          .selectFrom('escrowed_keys')
          .select('account_id')
          .where('account_id', 'in', accounts)
          .execute()
      ).map((row) => row.account_id),
    );
    for (const accountId of accounts) if (!readable.has(accountId)) await this.remove(accountId);
  }

  private async closeIdle(): Promise<void> {
    const before = Date.now() - this.limits.idleSeconds * 1000;
    for (const [accountId, entry] of [...this.open]) {
      if (entry.busy === 0 && entry.lastUsed < before && !this.queues.has(accountId)) this.closeEntry(accountId, entry);
    }
    await this.sweep().catch((error: unknown) => this.setting.server.log({ level: 'warn', msg: 'replica sweep failed', error: (error as Error).message }));
  }

  /** Waits for the operations in progress, then closes every replica. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.queues.values()]);
    for (const [accountId, entry] of [...this.open]) this.closeEntry(accountId, entry);
  }
}
