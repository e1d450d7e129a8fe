import { EventEmitter } from 'node:events';
import type { Statement } from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import { isSyncedColumn, isSyncedTable } from '../db/columns';
import { WriteLockBusy, type Database } from '../db/connection';
import type { DB, SyncedTable } from '../db/schema';
import { HybridLogicalClock } from './hlc';
import { affectedApplications, FreshRows, recomputeCurrentStage, reindexApplications } from './derive';
import { moveArchivedFacts, refreshStatistics } from '../statistics/maintained/refresh';
import { columnsFactsIgnore } from '../statistics/maintained/facts';
import { newId } from './ids';
import { mergeTextIndexWhenIdle } from './text-index-merge';
import { QueuedInserts } from './queued-inserts';
import { oweDerivedData } from './owed-derived';
import { markStatisticsPending, refreshPendingStatistics, settlePendingStatistics } from './pending-statistics';

export type SqlValue = string | number | null;
export type Fields = Record<string, SqlValue>;

/**
 * One change-log entry, as recorded and as sync will ship it. Two forms:
 * - a field change: `column` names the column, `value` is its new SQL value;
 * - a row creation: `column` is `*` and `value` is the JSON text of an object holding every synced field the new
 *   row was written with (`{"company_id":"…","position":"Developer","created_at":"…"}`; columns left out keep
 *   their defaults). One entry instead of one per field keeps an import of 100,000 rows from logging 1.8 million.
 *   An import's entries are recorded with a NULL `value`: the push forms it from the row (WriterOptions.newRowValues).
 * Applying either is last writer wins per field: a `*` entry applies each field it carries at its HLC, unless that
 * field was already written at a later HLC (as a field change or by a later `*` entry).
 */
export interface Change {
  hlc: string;
  table: SyncedTable;
  rowId: string;
  column: string;
  value: SqlValue;
  /**
   * A row creation's fields already parsed from `value` (sync's EntryParser has them, checked): applying then
   * skips parsing the JSON text again. Whoever sets it must set `value` from the same object.
   */
  fields?: Fields;
}

/** The column name of a row-creation entry (see `Change`). */
export const wholeRow = '*';

/** A name shown in an error message: quoted, and cut so that a hostile one cannot flood a log. */
const quoted = (name: unknown) => JSON.stringify(String(name).slice(0, 80));

/** Refuses a table that is not synced: table names are put into SQL text. */
export function checkTable(table: unknown): asserts table is SyncedTable {
  if (!isSyncedTable(table)) {
    throw new AppError('VALIDATION', `${quoted(table)} is not a table Candid writes`, { details: { reason: 'unknown_table', table: String(table).slice(0, 80) } });
  }
}

/**
 * Refuses any field that is not a column of the table, before any SQL is built: column names are put into SQL
 * text, so they may only come from the schema (src-main/db/columns.ts), never from a caller's keys.
 */
export function checkColumns(table: SyncedTable, fields: Fields): void {
  for (const column of Object.keys(fields)) {
    if (!isSyncedColumn(table, column)) {
      throw new AppError('VALIDATION', `${quoted(column)} is not a column of ${table}`, {
        details: { reason: 'unknown_column', table, column: column.slice(0, 80) },
      });
    }
  }
}

/** The fields a change sets: one for a field change, all those it carries for a row creation. Checked names only. */
export function fieldsOfChange(change: Change): Fields {
  checkTable(change.table);
  if (change.column !== wholeRow) {
    const fields: Fields = { [change.column]: change.value };
    checkColumns(change.table, fields);
    return fields;
  }
  const refuse = (why: string) => new Error(`The ${wholeRow} change of ${change.table}/${change.rowId} ${why}`);
  let fields: unknown = change.fields;
  if (fields === undefined) {
    try {
      fields = JSON.parse(String(change.value));
    } catch {
      throw refuse('is not JSON');
    }
  }
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw refuse('does not hold an object of fields');
  checkColumns(change.table, fields as Fields);
  for (const [column, value] of Object.entries(fields)) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw refuse(`has a field ${column} that is not an SQL value`);
  }
  return fields as Fields;
}

/** Columns that are never synced: identity, the local cache of times and derived data. */
export const localColumns = new Set(['id', 'seq', 'updated_at', 'stage_id', 'stage_category', 'stage_changed_at']);
/** Columns of an application its full-text entry is made of (derive.ts reindexApplications), and whether it is live. */
const textColumns = new Set(['company_id', 'position', 'location', 'notes', 'description', 'deleted_at']);
/** Derived columns a caller may fill in on insert (they are written, not logged, and checked again at commit). */
const derivedColumns = new Set(['stage_id', 'stage_category', 'stage_changed_at']);

/**
 * A row's clocks after `accepted` columns were written at `hlc`. A creation (`whole`) wrote every column: when it
 * is the row's newest, `*` moves to it and the per-column clocks it covers are dropped, which keeps the row's clocks
 * the same on every device whatever order the entries arrived in.
 */
export function advanceClocks(clocks: Record<string, string>, accepted: readonly string[], hlc: string, whole: boolean): Record<string, string> {
  if (whole && (clocks[wholeRow] === undefined || clocks[wholeRow] < hlc)) {
    const next: Record<string, string> = { [wholeRow]: hlc };
    for (const [column, seen] of Object.entries(clocks)) if (column !== wholeRow && seen > hlc) next[column] = seen;
    return next;
  }
  for (const column of accepted) clocks[column] = hlc;
  return clocks;
}

/** The synced columns of `fields` that a write at `hlc` wins on a row holding these clocks: last writer wins per field. */
export function winningColumns(fields: Fields, clocks: Readonly<Record<string, string>>, hlc: string): string[] {
  const accepted: string[] = [];
  for (const column in fields) {
    if (localColumns.has(column)) continue;
    const seen = clocks[column] ?? clocks[wholeRow];
    if (seen === undefined || seen < hlc) accepted.push(column);
  }
  return accepted;
}

/**
 * The entries of one row at one HLC: one write of the other device, applied together. `entries` holds the columns
 * of each entry, so that an entry counts as applied when any of them was.
 */
export interface RemoteWrite {
  table: SyncedTable;
  rowId: string;
  hlc: string;
  /** Whether a creation (`*`) is among them: every synced column is then written, at its default if not carried. */
  whole: boolean;
  fields: Fields;
  entries: string[][];
}

/** How many of a write's entries the accepted columns applied. */
export function appliedEntries(write: RemoteWrite, accepted: ReadonlySet<string>): number {
  return write.entries.filter((columns) => columns.some((column) => accepted.has(column))).length;
}

/** The value of a column default as PRAGMA table_info gives it: NULL, a number or a quoted string. */
function sqlDefault(text: string | null): SqlValue {
  if (text === null || text.toUpperCase() === 'NULL') return null;
  if (text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  const number = Number(text);
  if (Number.isFinite(number)) return number;
  throw new Error(`Unsupported column default ${text}`);
}

export interface WriteContext {
  /** ISO time of this write, the same for every row it touches. */
  readonly now: string;
  /**
   * `stampedAt` (ms) stamps the new row as made at that earlier moment rather than now: a row a rule makes late (a
   * catch-up) loses to what the user did to the same row (same deterministic id) on another device meanwhile.
   */
  insert(table: SyncedTable, fields: Fields, id?: string, options?: { stampedAt?: number }): string;
  /** Writes the fields that differ from the stored row; returns whether anything changed. */
  update(table: SyncedTable, id: string, fields: Fields): boolean;
  /**
   * Sets the same fields on many rows at once, set-based (one statement per column, not per row): a bulk action on
   * 73,000 rows. Each row's fields are logged and clocked as `update` does, under one timestamp (one user action).
   * Returns the ids of the rows that changed.
   */
  updateMany(table: SyncedTable, ids: readonly string[], fields: Fields): string[];
  /**
   * Sets the same fields, as `updateMany` does, on every row that `rows` selects when it runs: a one-column change
   * is chosen and written by the same statement ("select all" of 73,000 reads each row once). Returns the ids of
   * the rows that changed.
   */
  updateWhere(table: SyncedTable, rows: RowCondition, fields: Fields, options?: RowsUpdateOptions): string[];
  softDelete(table: SyncedTable, id: string): boolean;
  restore(table: SyncedTable, id: string): boolean;
}

export interface RowsUpdateOptions {
  /**
   * The caller keeps the derived data these rows feed (current stage, full-text rows, statistics) right itself,
   * set-based, in the same write (a stage deleted into another of its category: src-main/stages/repoint-events.ts);
   * the rows are logged and clocked as usual, and the table is announced as changed.
   */
  derivedByCaller?: boolean;
}

/**
 * Rows of a table chosen by a condition: SQL built by our own code on the table aliased `alias` (the application
 * filters, applications/filters.ts), never text from outside; its values are bound from `params`.
 */
export interface RowCondition {
  alias: string;
  where: string;
  params: readonly SqlValue[];
  /**
   * The condition keeps most of the table (a "select all" with no filter): the rows are found by a scan of the
   * table in rowid order (`NOT INDEXED`) instead of through an index in another order, whose every entry then
   * reads its row from a page anywhere in the table.
   */
  wholeTable?: boolean;
}

/** The table a condition's rows are in, under the condition's alias (a name checked here: it goes into SQL). */
function targetOf(table: SyncedTable, rows: RowCondition): string {
  const scan = rows.wholeTable ? ' NOT INDEXED' : '';
  if (rows.alias === table) return `${table}${scan}`;
  if (!/^[a-z_]+$/.test(rows.alias)) throw new Error(`Unsupported alias ${quoted(rows.alias)}`);
  return `${table} AS ${rows.alias}${scan}`;
}

export interface WriteOptions {
  /**
   * A bulk insert (an import's staging writes 100,000 rows this way): set-based where the row-by-row path writes a
   * statement per row, the same rows, change-log entries and clocks. New rows are queued and written with multi-row
   * INSERTs (QueuedInserts), before anything of the write path reads a table and before the commit; the caller's
   * own reads inside `fn` do not see them, so it must look up only rows written before (an import remembers what
   * it created). The derived data of the applications it inserts (current stage, full-text row, statistics) is
   * not computed at its commit but owed, written down in `meta` as a bootstrap's is (bulk-rows.ts), and computed
   * once for all of them by `settleDerivedData` after the last bulk write. Rows it changes that existed before get
   * their derived data at the commit, as usual. test/changes/bulk-insert.test.ts compares both paths.
   */
  bulk?: boolean;
}

/** `origin` says whether the write was made here or applied from another device (sync). */
export interface ChangedEvent {
  tables: string[];
  origin: 'local' | 'remote';
}
type ChangedListener = (event: ChangedEvent) => void;

export interface RemoteResult {
  /** Entries that changed at least one field. */
  applied: number;
  /** Entries older than what the rows hold, or repeated. */
  ignored: number;
  /** How far ahead of this device's clock the furthest entry was stamped (ms, 0 when none was). */
  aheadMs: number;
}

export interface RemoteOptions {
  /**
   * Runs inside the same transaction after the entries are applied and before derived data is refreshed: local
   * writes that must accompany them (sync's convergence repairs) and the sync state (the cursor) commit with them.
   * `remote` holds the rows the entries changed.
   */
  then?(write: WriteContext, remote: ReadonlyMap<SyncedTable, ReadonlySet<string>>): void;
  /**
   * Writes the rows this device does not have yet in bulk, their derived data left to it (a bootstrap: see
   * BulkRows). The others go through last writer wins here as usual.
   */
  bulk?: BulkRemoteRows;
}

/** What applyRemote hands rows to when they are new here (src-main/changes/bulk-rows.ts). */
export interface BulkRemoteRows {
  /** Of these rows (by table), the ids it will write. */
  takes(rows: ReadonlyMap<SyncedTable, readonly string[]>): ReadonlySet<string>;
  /** Writes one row from its writes, oldest first; returns how many entries applied. */
  write(table: SyncedTable, rowId: string, writes: readonly RemoteWrite[]): number;
  /** Writes what is still pending, before anything reads the rows (converge) and before the commit. */
  flush(): void;
}

const insertClocks = `INSERT INTO row_clocks (row_id, table_name, clocks) VALUES`;
/** One new local row's entry (PendingRows): its hlc, table, row id and fields bound, the rest fixed. */
const newRowLog = `(?, ?, ?, '${wholeRow}', ?, 'local'), `;
const upsertClocks = `ON CONFLICT (row_id) DO UPDATE SET clocks = excluded.clocks`;

/**
 * The change-log entry and the clocks of each new local row, gathered to be written 64 rows per statement: one
 * statement run per new row for each cost a fifth of an import (and new rows are most of what an import writes).
 * They are written before anything reads them (a change to a row made earlier in the write) and before the commit.
 * Every entry is a `*` entry of origin local (`newRowLog`): those two columns are in the statement, not bound.
 */
class PendingRows {
  static readonly batch = 64;
  log: SqlValue[] = [];
  clocks: SqlValue[] = [];
  rows = 0;

  /**
   * `fields` null: the entry holds no value, the push forms it from the row (WriterOptions.newRowValues); `clocks`
   * false: the writer leaves new rows' clocks to be derived from their log entries (see WriterOptions).
   */
  add(hlc: string, table: SyncedTable, rowId: string, fields: string | null, clocks: boolean): void {
    this.log.push(hlc, table, rowId, fields);
    if (clocks) this.clocks.push(rowId, table, `{"${wholeRow}":"${hlc}"}`);
    this.rows += 1;
  }

  get full(): boolean {
    return this.rows >= PendingRows.batch;
  }

  clear(): void {
    this.log = [];
    this.clocks = [];
    this.rows = 0;
  }
}

export interface WriterOptions {
  /**
   * false: a new row's clocks ({"*": the hlc of its one log entry}) are not written; whoever owns the database
   * derives them from the log. An import's staging (src-main/imports/staging.ts), whose rows are all new and whose
   * copy writes the live clocks from the staged log: 413,000 rows it would otherwise write twice at 100,000. Such a
   * writer only inserts: any other change is refused (a change reads the row's clocks).
   */
  newRowClocks?: boolean;
  /**
   * false: a new row's `*` entry is written without its value (NULL): the push forms it from the row, with the
   * fields its creation clock still covers, as a snapshot does (sync/creation-entry.ts). An import's staging, whose
   * entries repeated each row it writes (a third of the staging's bytes at 100,000 applications, and about a fifth
   * of its thread's CPU, JSON.stringify and the bytes written twice: staged, then copied).
   */
  newRowValues?: boolean;
}

/**
 * The one write path. Every create, update and delete of a synced table comes here: it stamps an HLC
 * timestamp, records the change (one entry for a new row, one per changed field after: see `Change`), applies it,
 * refreshes derived data (current stage, full-text index, statistics facts and counts),
 * all in one transaction; after the commit it emits `changed` with the table names. Remote changes take the
 * same path through `applyRemote`, where last writer wins per field.
 */
export class ChangeWriter {
  private readonly emitter = new EventEmitter();
  private active: { touched: Map<SyncedTable, Set<string>>; context: WriteContext } | null = null;

  constructor(
    private readonly db: Database,
    readonly clock: HybridLogicalClock,
    private readonly options: WriterOptions = {},
  ) {
    this.emitter.setMaxListeners(100);
  }

  static open(db: Database, now?: () => number, options: WriterOptions = {}): ChangeWriter {
    let node = db.first(db.kysely.selectFrom('meta').select('value').where('key', '=', 'node_id'))?.value;
    if (!node) {
      node = newId().replace(/-/g, '').slice(-16);
      db.run(db.kysely.insertInto('meta').values({ key: 'node_id', value: node }));
    }
    const last = db.first(db.kysely.selectFrom('meta').select('value').where('key', '=', 'hlc_last'))?.value;
    return new ChangeWriter(db, new HybridLogicalClock(node, last, now), options);
  }

  onChanged(listener: ChangedListener): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }

  /**
   * Tells listeners that tables changed without a write through here (a restored backup replaced every row; derived
   * data caught up after a bootstrap, `origin` remote).
   */
  announce(tables: readonly string[], origin: ChangedEvent['origin'] = 'local'): void {
    if (tables.length === 0) return;
    this.db.checkpointWhenIdle();
    mergeTextIndexWhenIdle(this.db);
    this.emitter.emit('changed', { tables: [...tables].sort(), origin } satisfies ChangedEvent);
  }

  /**
   * Whether the writes made now leave their statistics to be refreshed after the answer (see
   * answerBeforeStatistics), and whether this writer left some that are not refreshed yet.
   */
  private answering = false;
  private owed = false;
  private settleScheduled = false;

  /**
   * Runs `fn` (synchronous: the handler dispatch wraps the synchronous part of a call, src-main/api.ts) with its
   * writes committing everything but the statistics of the applications they touch, plus a durable mark of them
   * (pending-statistics.ts); the refresh runs on the next turn of the event loop, in its own transaction. Until
   * then nothing may read statistics: every way in settles first (settleStatistics: the dispatch, the next write,
   * a job's start, an automation tick, opening the database).
   */
  answerBeforeStatistics<T>(fn: () => T): T {
    this.answering = true;
    try {
      return fn();
    } finally {
      this.answering = false;
    }
  }

  /** Refreshes the statistics this writer's writes left owed, if any (cheap when none). */
  settleStatistics(): void {
    if (!this.owed || !this.db.sqlite.open) return;
    settlePendingStatistics(this.db);
    this.owed = false;
  }

  private scheduleSettle(): void {
    if (this.settleScheduled) return;
    this.settleScheduled = true;
    setImmediate(() => {
      this.settleScheduled = false;
      try {
        this.settleStatistics();
      } catch (error) {
        // The next call's dispatch, or the next write, settles it (a job's worker held the write lock).
        if (!(error instanceof WriteLockBusy)) console.error('[candid] refreshing the statistics after a write failed:', error);
      }
    });
  }

  /** Runs `fn` in one transaction; nested calls join the outer one (and its options). */
  write<T>(fn: (context: WriteContext) => T, options: WriteOptions = {}): T {
    if (this.active) return fn(this.active.context);
    const touched = new Map<SyncedTable, Set<string>>();
    const context = this.createContext(touched);
    const answering = this.answering && !options.bulk;
    let result!: T;
    let deferred = false;
    this.db.transaction(() => {
      this.active = { touched, context };
      try {
        this.observeStoredClock();
        // A write reads facts (their moves between scopes) and refreshes them: what an earlier one left owed first.
        refreshPendingStatistics(this.db);
        if (options.bulk) {
          oweDerivedData(this.db);
          this.queued = new QueuedInserts(this.db, this.queuedStatements);
        }
        result = fn(context);
        this.writePending();
        deferred = this.finish(touched, false, options.bulk === true, answering);
      } finally {
        // Rolled back with the transaction when fn threw.
        this.queued = null;
        this.pending.clear();
        this.fresh.clear();
        this.quietText.clear();
        this.archivedOnly.clear();
        this.quietStatistics.clear();
        this.active = null;
      }
    });
    this.owed = deferred;
    if (deferred) this.scheduleSettle();
    this.emitChanged(touched.keys(), 'local');
    return result;
  }

  /**
   * Applies changes from another device: idempotent, and an older change never overwrites a newer one. Every
   * entry is applied whatever its timestamp (last writer wins must converge on every device), but the local clock
   * follows a timestamp ahead of the wall clock only up to a cap (see HybridLogicalClock.observe).
   */
  applyRemote(changes: readonly Change[], options: RemoteOptions = {}): RemoteResult {
    const touched = new Map<SyncedTable, Set<string>>();
    /** Rows written in bulk: their derived data is the bulk writer's, the repairs and listeners still see them. */
    const bulkTouched = new Map<SyncedTable, Set<string>>();
    let applied = 0;
    let aheadMs = 0;
    this.db.transaction(() => {
      this.observeStoredClock();
      refreshPendingStatistics(this.db);
      const byRow = new Map<string, RemoteWrite[]>();
      for (const change of changes) {
        aheadMs = Math.max(aheadMs, this.clock.observe(change.hlc));
        const key = `${change.table}\u0000${change.rowId}`;
        const writes = byRow.get(key) ?? [];
        let write = writes.find((candidate) => candidate.hlc === change.hlc);
        if (!write) {
          write = { table: change.table, rowId: change.rowId, hlc: change.hlc, whole: false, fields: {}, entries: [] };
          writes.push(write);
        }
        const fields = fieldsOfChange(change);
        if (change.column === wholeRow) {
          // A row creation writes every synced column: those it leaves out get their defaults (see Change).
          write.whole = true;
          write.fields = { ...this.columnDefaults(change.table), ...write.fields, ...fields };
        } else {
          Object.assign(write.fields, fields);
        }
        write.entries.push(Object.keys(fields));
        byRow.set(key, writes);
      }
      const inBulk = options.bulk ? options.bulk.takes(rowsByTable(byRow.values())) : new Set<string>();
      for (const writes of byRow.values()) {
        writes.sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
        const { table, rowId } = writes[0];
        if (inBulk.has(rowId)) {
          const count = options.bulk!.write(table, rowId, writes);
          if (count > 0) this.touch(bulkTouched, table, rowId);
          applied += count;
          continue;
        }
        for (const write of writes) {
          const accepted = new Set(this.applyFields(write.table, write.rowId, write.fields, write.hlc, 'remote', false, write.whole));
          if (accepted.size > 0) this.touch(touched, write.table, write.rowId);
          applied += appliedEntries(write, accepted);
        }
      }
      options.bulk?.flush();
      if (options.then) {
        const remote = new Map([...touched].map(([table, ids]) => [table, new Set(ids)]));
        for (const [table, ids] of bulkTouched) remote.set(table, new Set([...(remote.get(table) ?? []), ...ids]));
        const context = this.createContext(touched);
        this.active = { touched, context };
        try {
          options.then(context, remote);
          this.writePending();
        } finally {
          this.pending.clear();
          this.fresh.clear();
          this.active = null;
        }
      }
      this.finish(touched, bulkTouched.size > 0);
    });
    this.owed = false;
    this.emitChanged(new Set([...touched.keys(), ...bulkTouched.keys()]), 'remote');
    return { applied, ignored: changes.length - applied, aheadMs };
  }

  /** The synced columns of each table with their SQL defaults, read from the schema once. */
  private readonly defaults = new Map<SyncedTable, Fields>();

  columnDefaults(table: SyncedTable): Fields {
    let fields = this.defaults.get(table);
    if (!fields) {
      fields = {};
      const columns = this.db.sqlite.prepare(`SELECT name, dflt_value, "notnull" FROM pragma_table_info(?)`).all(table) as {
        name: string;
        dflt_value: string | null;
        notnull: number;
      }[];
      for (const column of columns) {
        if (localColumns.has(column.name)) continue;
        // A NOT NULL column without a default cannot be filled in: a creation must carry it.
        if (column.dflt_value === null && column.notnull) continue;
        fields[column.name] = sqlDefault(column.dflt_value);
      }
      this.defaults.set(table, fields);
    }
    return fields;
  }

  /**
   * Another connection of this device (a job's worker, src-main/jobs) may have written since this one last did:
   * its latest timestamp, stored with every write, is read under the write lock so that this write's come after it.
   */
  private observeStoredClock(): void {
    const last = this.db.sql(`SELECT value FROM meta WHERE key = 'hlc_last'`).pluck().get() as string | undefined;
    if (last) this.clock.observe(last);
  }

  private createContext(touched: Map<SyncedTable, Set<string>>): WriteContext {
    const stamp = () => this.clock.tick();
    const now = new Date(this.clock.now()).toISOString();
    return {
      now,
      insert: (table, fields, id = newId(), options) => {
        checkTable(table);
        checkColumns(table, fields);
        const row: Fields = { created_at: now, ...fields };
        const hlc = options?.stampedAt === undefined ? stamp() : this.clock.at(options.stampedAt);
        this.applyFields(table, id, row, hlc, 'local', true);
        if (this.queued && this.ownedByFreshApplication(row)) {
          // A bulk write's row of an application it inserted (an import's events, tag links, values): that
          // application owes its derived data (settleDerivedData), which is all that following the row was for.
          if (!touched.has(table)) touched.set(table, new Set());
          return id;
        }
        this.fresh.add(table, id, row);
        this.touch(touched, table, id);
        return id;
      },
      update: (table, id, fields) => {
        checkTable(table);
        checkColumns(table, fields);
        this.queued?.flush();
        const current = this.db.sql(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Fields | undefined;
        if (!current) throw new Error(`update of missing row ${table}/${id}`);
        const changed: Fields = {};
        for (const [column, value] of Object.entries(fields)) {
          if (current[column] !== value) changed[column] = value;
        }
        if (Object.keys(changed).length === 0) return false;
        const first = table === 'applications' && !touched.get(table)?.has(id);
        // A stage move's applied or first-response day changes no searched column: its full-text entry stays (its
        // rewrite was 4 of a setStage's 43 WAL pages at 100,000), unless something else of it changed in this write.
        const textKept =
          table === 'applications' && (first || this.quietText.has(id)) && !Object.keys(changed).some((column) => textColumns.has(column));
        this.applyFields(table, id, changed, stamp(), 'local', false);
        this.fresh.changed(table, id, changed);
        this.touch(touched, table, id);
        if (textKept) this.quietText.add(id);
        if (first && Object.keys(changed).every((column) => columnsFactsIgnore.has(column))) this.quietStatistics.add(id);
        return true;
      },
      updateMany: (table, ids, fields) => this.updateMany(touched, table, ids, fields, stamp),
      updateWhere: (table, rows, fields, options) => this.updateWhere(touched, table, rows, fields, stamp, options),
      softDelete: (table, id) => {
        checkTable(table);
        this.queued?.flush();
        const current = this.db.sql(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as Fields | undefined;
        if (!current || current.deleted_at !== null) return false;
        this.applyFields(table, id, { deleted_at: now }, stamp(), 'local', false);
        this.touch(touched, table, id);
        return true;
      },
      restore: (table, id) => {
        checkTable(table);
        this.queued?.flush();
        const current = this.db.sql(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as Fields | undefined;
        if (!current || current.deleted_at === null) return false;
        this.applyFields(table, id, { deleted_at: null }, stamp(), 'local', false);
        this.touch(touched, table, id);
        return true;
      },
    };
  }

  private updateMany(touched: Map<SyncedTable, Set<string>>, table: SyncedTable, ids: readonly string[], fields: Fields, stamp: () => string): string[] {
    return this.updateRows(touched, table, { alias: table, where: `id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] }, fields, stamp);
  }

  private updateWhere(
    touched: Map<SyncedTable, Set<string>>,
    table: SyncedTable,
    rows: RowCondition,
    fields: Fields,
    stamp: () => string,
    options: RowsUpdateOptions = {},
  ): string[] {
    checkTable(table);
    if (Object.keys(fields).filter((column) => !localColumns.has(column)).length <= 1) return this.updateRows(touched, table, rows, fields, stamp, options);
    // Setting one column may change which rows the condition selects for the next: choose them all first.
    const ids = this.db.sql(`SELECT ${rows.alias}.id FROM ${targetOf(table, rows)} WHERE ${rows.where}`).pluck().all(...rows.params) as string[];
    const chosen = { alias: table, where: `id IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
    return this.updateRows(touched, table, chosen, fields, stamp, options);
  }

  /** updateMany and updateWhere: the rows `rows` selects that differ in a field are changed, logged and clocked. */
  private updateRows(
    touched: Map<SyncedTable, Set<string>>,
    table: SyncedTable,
    rows: RowCondition,
    fields: Fields,
    stamp: () => string,
    options: RowsUpdateOptions = {},
  ): string[] {
    checkTable(table);
    checkColumns(table, fields);
    this.refuseChangesWithoutClocks();
    const target = targetOf(table, rows);
    this.writePending();
    const columns = Object.keys(fields).filter((column) => !localColumns.has(column));
    const changed = new Set<string>();
    const hlc = stamp();
    const updatedAt = HybridLogicalClock.isoOf(hlc);
    for (const column of columns) {
      // Only the rows that differ change (and are logged): chosen and written by one statement, each row read once.
      const returned = this.db
        .sql(`UPDATE ${target} SET ${column} = ?, updated_at = ? WHERE (${rows.where}) AND ${rows.alias}.${column} IS NOT ? RETURNING id`)
        .pluck()
        .all(fields[column], updatedAt, ...rows.params, fields[column]) as string[];
      const ids = JSON.stringify(returned);
      this.db
        .sql(`INSERT INTO change_log (hlc, table_name, row_id, column_name, value, origin) SELECT ?, ?, value, ?, ?, 'local' FROM json_each(?)`)
        .run(hlc, table, column, fields[column], ids);
      this.db
        .sql(
          `INSERT INTO row_clocks (row_id, table_name, clocks) SELECT value, ?, json_object(?, ?) FROM json_each(?) WHERE true
           ON CONFLICT (row_id) DO UPDATE SET clocks = json_patch(clocks, excluded.clocks)`,
        )
        .run(table, column, hlc, ids);
      for (const id of returned) changed.add(id);
    }
    if (options.derivedByCaller) {
      if (!touched.has(table)) touched.set(table, new Set());
      return [...changed];
    }
    // An application's full-text entry needs no rewriting when no searched column changed, and its statistics
    // facts need no recomputing when only its archived flag did (finish moves them): unless something else of it
    // was written earlier in this write.
    const keepsText = table === 'applications' && !columns.some((column) => textColumns.has(column));
    const onlyArchived = table === 'applications' && columns.every((column) => column === 'archived');
    for (const id of changed) {
      const first = !touched.get(table)?.has(id);
      const textKept = keepsText && (first || this.quietText.has(id));
      const flagOnly = onlyArchived && (first || this.archivedOnly.has(id));
      this.touch(touched, table, id);
      this.fresh.changed(table, id, fields);
      if (textKept) this.quietText.add(id);
      if (flagOnly) this.archivedOnly.set(id, fields.archived !== 0);
    }
    return [...changed];
  }

  /** Applications touched only by changes that leave their full-text entry as it is (see updateMany). */
  private readonly quietText = new Set<string>();
  /** Applications touched only by a change of their archived flag (see updateMany), with the flag they now hold. */
  private readonly archivedOnly = new Map<string, boolean>();
  /** Applications touched only by one update of columns the statistics facts never read: their facts stay as they are. */
  private readonly quietStatistics = new Set<string>();

  /**
   * A writer that leaves new rows' clocks to the database's owner (`newRowClocks: false`) only inserts: a change to
   * a row reads and advances its clocks, which are not there. Refused before anything is written, so that its log
   * holds new rows' `*` entries only, which is what an import's copy relies on (staging.ts, apply).
   */
  private refuseChangesWithoutClocks(): void {
    if (this.options.newRowClocks === false) throw new AppError('INTERNAL', 'An import may only insert rows.');
  }

  /** Whether a row belongs to an application the current write inserted. */
  private ownedByFreshApplication(row: Fields): boolean {
    const applicationId = row.application_id;
    return typeof applicationId === 'string' && this.fresh.has('applications', applicationId);
  }

  /** Rows inserted by the current write: applications with no full-text entry to remove yet, and more. */
  private readonly fresh = new FreshRows();

  /** Statements by table, kind and column list: building and hashing the SQL text per row cost as much as running it. */
  private readonly rowStatements = new Map<string, { write: Statement; log: Statement | null }>();

  private statementsFor(table: SyncedTable, columns: readonly string[], derived: readonly string[], isNew: boolean) {
    const key = `${table}|${isNew ? 'insert' : 'upsert'}|${columns.join(',')}|${derived.join(',')}`;
    let statements = this.rowStatements.get(key);
    if (!statements) {
      // Every way in checks its names already; this is where they become SQL text, so check once more.
      checkTable(table);
      checkColumns(table, Object.fromEntries([...columns, ...derived].map((column) => [column, null])));
      const all = [...columns, ...derived, 'updated_at'];
      const insert = `INSERT INTO ${table} (id, ${all.join(', ')}) VALUES (?${', ?'.repeat(all.length)})`;
      // updated_at only moves forward: an older change applied after a newer one (sync) must not set it back.
      const set = all.map((column) => (column === 'updated_at' ? `updated_at = max(updated_at, excluded.updated_at)` : `${column} = excluded.${column}`));
      const write = isNew ? insert : `${insert} ON CONFLICT (id) DO UPDATE SET ${set.join(', ')}`;
      // A change is logged with one multi-row INSERT (a statement run per field cost a third of an application
      // insert); a new row's one `*` entry waits in `pending`.
      const tuples = '(?, ?, ?, ?, ?, ?), '.repeat(columns.length).slice(0, -2);
      statements = {
        write: this.db.sqlite.prepare(write),
        log: isNew ? null : this.db.sqlite.prepare(`INSERT INTO change_log (hlc, table_name, row_id, column_name, value, origin) VALUES ${tuples}`),
      };
      this.rowStatements.set(key, statements);
    }
    return statements;
  }

  /**
   * Applies the fields that are newer than what the row holds, logs them, and advances the row's clocks.
   * Returns the columns applied. A new local row is logged as one `*` entry (see `Change`) and its clocks are
   * stored as {"*": hlc} (every field written at once), which keeps change_log and row_clocks small. Later changes,
   * and every remote one, log and clock each field applied: a remote change may reach a row before its creation
   * does, whose older fields must still apply when it arrives.
   */
  private applyFields(
    table: SyncedTable,
    rowId: string,
    fields: Fields,
    hlc: string,
    origin: 'local' | 'remote',
    isNew: boolean,
    whole = false,
  ): string[] {
    // A row created earlier in this write may be changed again: its clocks must be in the table to be read.
    if (!isNew) {
      this.refuseChangesWithoutClocks();
      this.writePending();
    }
    const clockRow = isNew
      ? undefined
      : (this.db.sql(`SELECT clocks FROM row_clocks WHERE row_id = ?`).get(rowId) as { clocks: string } | undefined);
    const clocks: Record<string, string> = clockRow ? JSON.parse(clockRow.clocks) : {};
    const accepted = winningColumns(fields, clocks, hlc);
    if (accepted.length === 0) return accepted;
    const derived: string[] = [];
    /** The row's fields are all synced: its log entry is their JSON as they are, without a copy of them. */
    let allSynced = false;
    if (isNew) {
      let count = 0;
      for (const column in fields) {
        count += 1;
        if (derivedColumns.has(column)) derived.push(column);
      }
      allSynced = count === accepted.length;
    }

    const statements = isNew && this.queued ? null : this.statementsFor(table, accepted, derived, isNew);
    if (statements) {
      const values: SqlValue[] = [rowId];
      for (const column of accepted) values.push(fields[column]);
      for (const column of derived) values.push(fields[column]);
      values.push(HybridLogicalClock.isoOf(hlc));
      statements.write.run(values);
    } else {
      this.queueRow(table, rowId, fields, accepted, derived, hlc);
    }

    if (isNew) {
      // Only `insert` makes a new row here: its entry is local (PendingRows writes that origin without binding it).
      if (origin !== 'local') throw new Error('A new row is written here by a local insert only');
      let value: string | null = null;
      if (this.options.newRowValues !== false) {
        let synced = fields;
        if (!allSynced) {
          synced = {};
          for (const column of accepted) synced[column] = fields[column];
        }
        value = JSON.stringify(synced);
      }
      this.pending.add(hlc, table, rowId, value, this.options.newRowClocks !== false);
      // Only the log and clocks: the queued rows go out in batches of their own (nothing reads them before).
      if (this.pending.full) this.writePendingLog();
      return accepted;
    }
    if (whole) {
      // One log entry for a row creation from elsewhere, as for a local one (a bootstrap writes 100,000s of rows).
      const synced: Fields = {};
      for (const column of accepted) synced[column] = fields[column];
      this.db.sql(`INSERT INTO change_log (hlc, table_name, row_id, column_name, value, origin) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(hlc, table, rowId, wholeRow, JSON.stringify(synced), origin);
    } else {
      const log: SqlValue[] = [];
      for (const column of accepted) log.push(hlc, table, rowId, column, fields[column], origin);
      statements!.log!.run(log);
    }
    this.db.sql(`${insertClocks} (?, ?, ?) ${upsertClocks}`).run(rowId, table, JSON.stringify(advanceClocks(clocks, accepted, hlc, whole)));
    return accepted;
  }

  /** The change-log entries and clocks of new rows, not written yet (see PendingRows). */
  private readonly pending = new PendingRows();
  /** Multi-row INSERTs of change_log and row_clocks by number of rows. */
  private readonly pendingStatements = new Map<number, { log: Statement; clocks: Statement }>();

  /**
   * A bulk write's queued rows (see WriteOptions), and the fields of one queued row: every synced column, those
   * the row leaves out at their defaults (the same values as leaving them to SQLite, in one column list for all the
   * rows of a table, so that they share a statement), then its derived columns and updated_at.
   */
  private queued: QueuedInserts | null = null;
  /** The queued rows' INSERTs, prepared once for all the writer's bulk writes (see QueuedInserts). */
  private readonly queuedStatements = new Map<string, Statement>();

  private queueRow(table: SyncedTable, rowId: string, fields: Fields, accepted: readonly string[], derived: readonly string[], hlc: string): void {
    const layout = this.queueLayout(table, derived, []);
    const values = layout.values.slice();
    values[0] = rowId;
    for (const column of accepted) {
      const at = layout.position.get(column);
      if (at === undefined) return this.queueRowOfOwnLayout(table, rowId, fields, accepted, derived, hlc);
      values[at] = fields[column];
    }
    for (const column of derived) values[layout.position.get(column)!] = fields[column];
    values[values.length - 1] = HybridLogicalClock.isoOf(hlc);
    this.queued!.add(table, layout.target, values);
  }

  /** A row carrying a column that has no default (NOT NULL without one): a column list of its own. */
  private queueRowOfOwnLayout(table: SyncedTable, rowId: string, fields: Fields, accepted: readonly string[], derived: readonly string[], hlc: string): void {
    const defaults = this.columnDefaults(table);
    const layout = this.queueLayout(table, derived, accepted.filter((column) => !(column in defaults)).sort());
    const values = layout.values.slice();
    values[0] = rowId;
    for (const column of [...accepted, ...derived]) values[layout.position.get(column)!] = fields[column];
    values[values.length - 1] = HybridLogicalClock.isoOf(hlc);
    this.queued!.add(table, layout.target, values);
  }

  /**
   * The column list a queued row of `table` is written with (id, every synced column with a default, `extra` ones,
   * the derived ones, updated_at), the defaults in place, and where each column goes: built once per shape, each
   * row then a copy of the defaults with its own values put in (building it per row cost as much as the insert).
   */
  private readonly queueLayouts = new Map<string, { target: string; values: SqlValue[]; position: Map<string, number> }>();

  private queueLayout(table: SyncedTable, derived: readonly string[], extra: readonly string[]) {
    // Most rows have neither (all but the applications): their key is not built for each.
    const key = derived.length === 0 && extra.length === 0 ? table : `${table}|${derived.join(',')}|${extra.join(',')}`;
    let layout = this.queueLayouts.get(key);
    if (!layout) {
      const defaults = this.columnDefaults(table);
      const columns = ['id', ...Object.keys(defaults), ...extra, ...derived, 'updated_at'];
      layout = {
        target: `${table} (${columns.join(', ')})`,
        values: [null, ...Object.values(defaults), ...extra.map(() => null), ...derived.map(() => null), null],
        position: new Map(columns.map((column, index) => [column, index])),
      };
      this.queueLayouts.set(key, layout);
    }
    return layout;
  }

  /** What is queued or pending: before anything reads the tables, and before the commit. */
  private writePending(): void {
    this.queued?.flush();
    this.writePendingLog();
  }

  private writePendingLog(): void {
    const { rows } = this.pending;
    if (rows === 0) return;
    let statements = this.pendingStatements.get(rows);
    if (!statements) {
      statements = {
        log: this.db.sqlite.prepare(`INSERT INTO change_log (hlc, table_name, row_id, column_name, value, origin) VALUES ${newRowLog.repeat(rows).slice(0, -2)}`),
        clocks: this.db.sqlite.prepare(`${insertClocks} ${'(?, ?, ?), '.repeat(rows).slice(0, -2)} ${upsertClocks}`),
      };
      this.pendingStatements.set(rows, statements);
    }
    // As arguments, not one array (see QueuedInserts.send).
    statements.log.run(...this.pending.log);
    if (this.pending.clocks.length > 0) statements.clocks.run(...this.pending.clocks);
    this.pending.clear();
  }

  private touch(touched: Map<SyncedTable, Set<string>>, table: SyncedTable, id: string): void {
    if (table === 'applications') {
      this.quietText.delete(id);
      this.archivedOnly.delete(id);
      this.quietStatistics.delete(id);
    }
    let ids = touched.get(table);
    if (!ids) touched.set(table, (ids = new Set()));
    ids.add(id);
  }

  /**
   * Derived data and the persisted clock, still inside the transaction. `answering`: the statistics may be left
   * owed (answerBeforeStatistics); returns whether they were.
   */
  private finish(touched: Map<SyncedTable, Set<string>>, wroteInBulk = false, freshOwed = false, answering = false): boolean {
    if (touched.size === 0 && !wroteInBulk) return false;
    const { stage, text, statistics, company } = affectedApplications(this.db, touched, this.fresh, this.quietText);
    // applyRemote's `then` may have filled it too, and has no `finally` of its own for it.
    this.quietText.clear();
    if (freshOwed) {
      // A bulk write's new applications owe their derived data (settleDerivedData computes it once for all).
      for (const id of this.fresh.ids.get('applications') ?? []) {
        stage.delete(id);
        text.delete(id);
        statistics.delete(id);
        company.delete(id);
      }
    }
    // Archived or brought back and nothing else: not by this write's stage events or company changes either.
    const moved = { archived: new Set<string>(), active: new Set<string>() };
    for (const [id, archived] of this.archivedOnly) {
      if (stage.has(id) || company.has(id)) continue;
      (archived ? moved.archived : moved.active).add(id);
      statistics.delete(id);
    }
    this.archivedOnly.clear();
    for (const id of this.quietStatistics) if (!stage.has(id) && !company.has(id)) statistics.delete(id);
    this.quietStatistics.clear();
    recomputeCurrentStage(this.db, stage);
    reindexApplications(this.db, text, this.fresh.ids.get('applications'));
    // Facts moved between scopes are read by their move: those writes refresh in the transaction, as before.
    const deferred = answering && statistics.size > 0 && moved.archived.size === 0 && moved.active.size === 0;
    // After the current stage: the facts read it.
    if (deferred) markStatisticsPending(this.db, statistics);
    else refreshStatistics(this.db, statistics, this.fresh.ids.get('applications'));
    moveArchivedFacts(this.db, moved.archived, true);
    moveArchivedFacts(this.db, moved.active, false);
    this.db
      .sql(`INSERT INTO meta (key, value) VALUES ('hlc_last', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(this.clock.tick());
    return deferred;
  }

  private emitChanged(tables: Iterable<SyncedTable>, origin: ChangedEvent['origin']): void {
    const names = [...tables];
    if (names.length === 0) return;
    this.db.checkpointWhenIdle();
    mergeTextIndexWhenIdle(this.db);
    this.emitter.emit('changed', { tables: names.sort(), origin } satisfies ChangedEvent);
  }
}

/** The row ids of these writes, by table. */
function rowsByTable(writes: Iterable<readonly RemoteWrite[]>): Map<SyncedTable, string[]> {
  const rows = new Map<SyncedTable, string[]>();
  for (const [first] of writes) {
    let ids = rows.get(first.table);
    if (!ids) rows.set(first.table, (ids = []));
    ids.push(first.rowId);
  }
  return rows;
}

export type { DB };
