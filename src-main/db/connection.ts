import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable, type CompiledQuery } from 'kysely';
import { BackgroundCheckpoints } from './checkpointer';
import { forgetSchemaAnswers } from './schema-facts';
import { StatementCache } from './statement-cache';
import type { DB } from './schema';

export interface OpenOptions {
  /** Path of the better-sqlite3 addon built for the running ABI (Electron's differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Who may write now, when more than one connection of the app writes (main's and a job's worker, src-main/jobs):
 * `enter` runs before each outermost write transaction and may wait for the write lock, or refuse with
 * `WriteLockBusy`; `leave` runs once it has committed or rolled back.
 */
export interface WriteGate {
  enter(): void;
  leave(): void;
}

/**
 * Thrown instead of waiting when a job's worker holds the write lock: main never blocks its thread on the lock.
 * Nothing was written; the caller waits for the job's transaction to end and runs again (src-main/api.ts).
 */
export class WriteLockBusy extends Error {
  constructor() {
    super('A job is writing; this write waits for it.');
    this.name = 'WriteLockBusy';
  }
}

/** Pages of write-ahead log (4 KiB each) after which SQLite checkpoints in a commit: ten times its default. */
const walSafetyPages = 10_000;
export const idleCheckpointMs = 1000;

/**
 * One SQLite connection, used two ways that share one statement cache:
 * - `kysely`, the async query builder over the connection (migrations, anything that prefers it);
 * - `all` / `first` / `run`, which execute a Kysely-built query synchronously. Handlers use these so that a
 *   transaction (`transaction`) is one synchronous block that nothing else can interleave with.
 */
export class Database {
  readonly sqlite: BetterSqlite3.Database;
  readonly kysely: Kysely<DB>;
  readonly statements: StatementCache;

  constructor(
    readonly path: string,
    readonly options: OpenOptions = {},
  ) {
    this.sqlite = new BetterSqlite3(path, {
      nativeBinding: options.nativeBinding,
      readonly: options.readonly ?? false,
    });
    this.statements = new StatementCache(this.sqlite);
    const cached = { close: () => this.sqlite.close(), prepare: (sql: string) => this.statements.get(sql) };
    this.kysely = new Kysely<DB>({ dialect: new SqliteDialect({ database: cached }) });
  }

  /** WAL for concurrent reads during writes; NORMAL sync is durable in WAL except on power loss of the last commits. */
  applyPragmas(): void {
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma('busy_timeout = 5000');
    this.sqlite.pragma('temp_store = MEMORY');
    this.sqlite.pragma('cache_size = -32000');
    // Checkpoints run when the app is idle (checkpointWhenIdle); SQLite's own, in the commit that crosses its
    // threshold, cost 5-10 ms to an edit at 100,000 applications. It stays on as a safety net, ten times further,
    // for the connections other than main's (a job's worker, an import's staging); main's has none at all
    // (checkpointInBackground).
    this.sqlite.pragma(`wal_autocheckpoint = ${walSafetyPages}`);
  }

  /** Work put off until writes pause (checkpoints, full-text merges): cancelled when the connection closes. */
  private readonly idleWork = new Map<string, NodeJS.Timeout>();

  /**
   * Runs `work` once nothing asked for the same `name` for `delayMs`: each call puts it off again. A pending run
   * never keeps a process alive and is dropped at close, so closing leaves no timer behind.
   */
  whenIdle(name: string, delayMs: number, work: () => void): void {
    clearTimeout(this.idleWork.get(name));
    const timer = setTimeout(() => {
      this.idleWork.delete(name);
      if (this.sqlite.open) work();
    }, delayMs);
    timer.unref();
    this.idleWork.set(name, timer);
  }

  /** Main's connection: its checkpoints run in another thread (checkpointer.ts), never in one of its commits. */
  private background: BackgroundCheckpoints | undefined;

  /** Main's connection only: moves its checkpoints to the checkpoint thread (checkpointer.ts). */
  checkpointInBackground(): void {
    this.sqlite.pragma('wal_autocheckpoint = 0');
    this.background = new BackgroundCheckpoints(this.path, this.options.nativeBinding);
  }

  /** The background checkpoints of main's connection, if it has them (tests). */
  get backgroundCheckpoints(): BackgroundCheckpoints | undefined {
    return this.background;
  }

  /**
   * Copies the write-ahead log into the database file once no write came for `idleCheckpointMs`: called after
   * each write's commit, so an edit never waits for a checkpoint and the log stays small between bursts of work.
   * PASSIVE: it never waits for readers (an export's long read), and what it cannot copy now goes next time.
   * Main's connection asks the checkpoint thread, at once when the commit grew the log a lot, else when idle.
   */
  checkpointWhenIdle(): void {
    this.background?.afterCommit();
    this.whenIdle('checkpoint', idleCheckpointMs, () => {
      if (this.background) {
        void this.background.request('idle');
        return;
      }
      try {
        this.sqlite.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or a full disk: the next write schedules another, and SQLite's own checkpoint remains.
      }
    });
  }

  get userVersion(): number {
    return this.sqlite.pragma('user_version', { simple: true }) as number;
  }

  all<R>(query: Compilable<R> | CompiledQuery<R>): R[] {
    const compiled = 'compile' in query ? query.compile() : query;
    return this.statements.get(compiled.sql).all(compiled.parameters as unknown[]) as R[];
  }

  first<R>(query: Compilable<R> | CompiledQuery<R>): R | undefined {
    const compiled = 'compile' in query ? query.compile() : query;
    return this.statements.get(compiled.sql).get(compiled.parameters as unknown[]) as R | undefined;
  }

  run(query: Compilable<unknown> | CompiledQuery<unknown>): BetterSqlite3.RunResult {
    const compiled = 'compile' in query ? query.compile() : query;
    return this.statements.get(compiled.sql).run(compiled.parameters as unknown[]);
  }

  /** Raw SQL through the cache, for hot paths and statements Kysely does not model (FTS5). */
  sql(text: string): BetterSqlite3.Statement {
    return this.statements.get(text);
  }

  /** Set by src-main/jobs when another connection of the app may write at the same time. */
  writeGate: WriteGate | null = null;

  /**
   * Runs `fn` in one IMMEDIATE transaction; nested calls become savepoints. Rolls back on any throw. `mainOnly`:
   * the write lock taken on main alone, at once, where IMMEDIATE begins a write on every attached database, one
   * that another connection may still be writing too (an import's statistics, imports/staging.ts): the others are
   * read from the first statement that reads them.
   */
  transaction<T>(fn: () => T, { mainOnly = false }: { mainOnly?: boolean } = {}): T {
    const begin = () => {
      if (this.sqlite.inTransaction || !mainOnly) return this.sqlite.transaction(fn).immediate();
      // A statement that writes main begins its write (its lock) whether or not it changes a row.
      return this.sqlite.transaction(() => {
        this.sql(`DELETE FROM main.meta WHERE 0`).run();
        return fn();
      }).deferred();
    };
    try {
      if (this.sqlite.inTransaction || !this.writeGate) return begin();
      return this.withWriteLock(begin);
    } catch (error) {
      forgetSchemaAnswers(this);
      throw error;
    }
  }

  /** Runs `fn`, which writes outside `transaction` (a page copy, migrations), holding the write gate. */
  withWriteLock<T>(fn: () => T): T {
    const gate = this.writeGate;
    if (!gate) return fn();
    gate.enter();
    let pending = false;
    try {
      const result = fn();
      if (result instanceof Promise) {
        pending = true;
        return result.finally(() => gate.leave()) as T;
      }
      return result;
    } finally {
      if (!pending) gate.leave();
    }
  }

  close(): void {
    for (const timer of this.idleWork.values()) clearTimeout(timer);
    this.idleWork.clear();
    this.background?.close();
    this.statements.clear();
    if (!this.sqlite.open) return;
    // The app never runs ANALYZE otherwise; without statistics one index leading with a low-cardinality column
    // once made the list's default page sort 73,000 rows (156 ms). optimize is cheap and only analyses what needs it.
    if (!this.sqlite.readonly) {
      try {
        this.sqlite.pragma('optimize');
      } catch {
        // A full or read-only disk must not stop the app from closing.
      }
    }
    this.sqlite.close();
  }
}
