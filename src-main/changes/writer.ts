import { EventEmitter } from 'node:events';
import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/connection';
import type { DB, SyncedTable } from '../db/schema';
import { HybridLogicalClock } from './hlc';
import { affectedApplications, recomputeCurrentStage, reindexApplications } from './derive';
import { refreshStatistics } from '../statistics/maintained/refresh';
import { newId } from './ids';

export type SqlValue = string | number | null;
export type Fields = Record<string, SqlValue>;

/** One field change, as recorded in the change log and as sync will ship it. */
export interface Change {
  hlc: string;
  table: SyncedTable;
  rowId: string;
  column: string;
  value: SqlValue;
}

/** Columns that are never synced: identity, the local cache of times and derived data. */
const localColumns = new Set(['id', 'seq', 'updated_at', 'stage_id', 'stage_category', 'stage_changed_at']);
/** Derived columns a caller may fill in on insert (they are written, not logged, and checked again at commit). */
const derivedColumns = new Set(['stage_id', 'stage_category', 'stage_changed_at']);

export interface WriteContext {
  /** ISO time of this write, the same for every row it touches. */
  readonly now: string;
  insert(table: SyncedTable, fields: Fields, id?: string): string;
  /** Writes the fields that differ from the stored row; returns whether anything changed. */
  update(table: SyncedTable, id: string, fields: Fields): boolean;
  softDelete(table: SyncedTable, id: string): boolean;
  restore(table: SyncedTable, id: string): boolean;
}

type ChangedListener = (event: { tables: string[] }) => void;

/**
 * The one write path. Every create, update and delete of a synced table comes here: it stamps an HLC
 * timestamp, records one change-log entry per changed field, applies the change, refreshes derived data,
 * all in one transaction; after the commit it emits `changed` with the table names. Remote changes take the
 * same path through `applyRemote`, where last writer wins per field.
 */
export class ChangeWriter {
  private readonly emitter = new EventEmitter();
  private active: { touched: Map<SyncedTable, Set<string>>; context: WriteContext } | null = null;

  constructor(
    private readonly db: Database,
    readonly clock: HybridLogicalClock,
  ) {
    this.emitter.setMaxListeners(100);
  }

  static open(db: Database, now?: () => number): ChangeWriter {
    let node = db.first(db.kysely.selectFrom('meta').select('value').where('key', '=', 'node_id'))?.value;
    if (!node) {
      node = newId().replace(/-/g, '').slice(-16);
      db.run(db.kysely.insertInto('meta').values({ key: 'node_id', value: node }));
    }
    const last = db.first(db.kysely.selectFrom('meta').select('value').where('key', '=', 'hlc_last'))?.value;
    return new ChangeWriter(db, new HybridLogicalClock(node, last, now));
  }

  onChanged(listener: ChangedListener): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }

  /** Tells listeners that tables changed without a write through here (a restored backup replaced every row). */
  announce(tables: readonly string[]): void {
    if (tables.length > 0) this.emitter.emit('changed', { tables: [...tables].sort() });
  }

  /** Runs `fn` in one transaction; nested calls join the outer one. */
  write<T>(fn: (context: WriteContext) => T): T {
    if (this.active) return fn(this.active.context);
    const touched = new Map<SyncedTable, Set<string>>();
    const context = this.createContext(touched);
    let result!: T;
    this.db.transaction(() => {
      this.active = { touched, context };
      try {
        result = fn(context);
        this.finish(touched);
      } finally {
        this.active = null;
      }
    });
    this.emitChanged(touched);
    return result;
  }

  /** Applies changes from another device: idempotent, and an older change never overwrites a newer one. */
  applyRemote(changes: readonly Change[]): { applied: number; ignored: number } {
    const touched = new Map<SyncedTable, Set<string>>();
    let applied = 0;
    this.db.transaction(() => {
      const byRow = new Map<string, { table: SyncedTable; rowId: string; hlc: string; fields: Fields }[]>();
      for (const change of changes) {
        // A change stamped days ahead would win over every local edit of its field until then: refuse it.
        if (!this.clock.observe(change.hlc)) continue;
        const key = `${change.table}\u0000${change.rowId}`;
        const groups = byRow.get(key) ?? [];
        let group = groups.find((candidate) => candidate.hlc === change.hlc);
        if (!group) {
          group = { table: change.table, rowId: change.rowId, hlc: change.hlc, fields: {} };
          groups.push(group);
        }
        group.fields[change.column] = change.value;
        byRow.set(key, groups);
      }
      for (const groups of byRow.values()) {
        groups.sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
        for (const group of groups) {
          const count = this.applyFields(group.table, group.rowId, group.fields, group.hlc, 'remote', false);
          if (count > 0) this.touch(touched, group.table, group.rowId);
          applied += count;
        }
      }
      this.finish(touched);
    });
    this.emitChanged(touched);
    return { applied, ignored: changes.length - applied };
  }

  private createContext(touched: Map<SyncedTable, Set<string>>): WriteContext {
    const stamp = () => this.clock.tick();
    const now = new Date().toISOString();
    return {
      now,
      insert: (table, fields, id = newId()) => {
        const row: Fields = { created_at: now, ...fields };
        this.applyFields(table, id, row, stamp(), 'local', true);
        if (table === 'applications') this.inserted.add(id);
        this.touch(touched, table, id);
        return id;
      },
      update: (table, id, fields) => {
        const current = this.db.sql(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Fields | undefined;
        if (!current) throw new Error(`update of missing row ${table}/${id}`);
        const changed: Fields = {};
        for (const [column, value] of Object.entries(fields)) {
          if (current[column] !== value) changed[column] = value;
        }
        if (Object.keys(changed).length === 0) return false;
        this.applyFields(table, id, changed, stamp(), 'local', false);
        this.touch(touched, table, id);
        return true;
      },
      softDelete: (table, id) => {
        const current = this.db.sql(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as Fields | undefined;
        if (!current || current.deleted_at !== null) return false;
        this.applyFields(table, id, { deleted_at: now }, stamp(), 'local', false);
        this.touch(touched, table, id);
        return true;
      },
      restore: (table, id) => {
        const current = this.db.sql(`SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as Fields | undefined;
        if (!current || current.deleted_at === null) return false;
        this.applyFields(table, id, { deleted_at: null }, stamp(), 'local', false);
        this.touch(touched, table, id);
        return true;
      },
    };
  }

  /** Statements by table, kind and column list: building and hashing the SQL text per row cost as much as running it. */
  /** Applications inserted by the current write: they have no full-text entry to remove yet. */
  private readonly inserted = new Set<string>();

  private readonly rowStatements = new Map<string, { write: Statement; log: Statement }>();

  private statementsFor(table: SyncedTable, columns: readonly string[], derived: readonly string[], isNew: boolean) {
    const key = `${table}|${isNew ? 'insert' : 'upsert'}|${columns.join(',')}|${derived.join(',')}`;
    let statements = this.rowStatements.get(key);
    if (!statements) {
      const all = [...columns, ...derived, 'updated_at'];
      const insert = `INSERT INTO ${table} (id, ${all.join(', ')}) VALUES (?${', ?'.repeat(all.length)})`;
      const write = isNew ? insert : `${insert} ON CONFLICT (id) DO UPDATE SET ${all.map((column) => `${column} = excluded.${column}`).join(', ')}`;
      const tuples = '(?, ?, ?, ?, ?, ?), '.repeat(columns.length).slice(0, -2);
      statements = {
        write: this.db.sqlite.prepare(write),
        // One multi-row INSERT per row change: a statement run per field cost a third of an application insert.
        log: this.db.sqlite.prepare(`INSERT INTO change_log (hlc, table_name, row_id, column_name, value, origin) VALUES ${tuples}`),
      };
      this.rowStatements.set(key, statements);
    }
    return statements;
  }

  /**
   * Applies the fields that are newer than what the row holds, logs each, and advances the row's clocks.
   * Returns how many fields were applied. A new row's clocks are stored as {"*": hlc} (every field written at
   * once), which keeps row_clocks small; later changes add per-field entries.
   */
  private applyFields(table: SyncedTable, rowId: string, fields: Fields, hlc: string, origin: 'local' | 'remote', isNew: boolean): number {
    const clockRow = isNew
      ? undefined
      : (this.db.sql(`SELECT clocks FROM row_clocks WHERE row_id = ?`).get(rowId) as { clocks: string } | undefined);
    const clocks: Record<string, string> = clockRow ? JSON.parse(clockRow.clocks) : {};
    const accepted: string[] = [];
    const derived: string[] = [];
    for (const column in fields) {
      if (localColumns.has(column)) {
        if (isNew && derivedColumns.has(column)) derived.push(column);
        continue;
      }
      const seen = clocks[column] ?? clocks['*'];
      if (seen === undefined || seen < hlc) accepted.push(column);
    }
    if (accepted.length === 0) return 0;

    const statements = this.statementsFor(table, accepted, derived, isNew);
    const values: SqlValue[] = [rowId];
    for (const column of accepted) values.push(fields[column]);
    for (const column of derived) values.push(fields[column]);
    values.push(HybridLogicalClock.isoOf(hlc));
    statements.write.run(values);

    const log: SqlValue[] = [];
    for (const column of accepted) log.push(hlc, table, rowId, column, fields[column], origin);
    statements.log.run(log);

    let stored: string;
    if (isNew) {
      stored = `{"*":"${hlc}"}`;
    } else {
      for (const column of accepted) clocks[column] = hlc;
      stored = JSON.stringify(clocks);
    }
    this.db
      .sql(`INSERT INTO row_clocks (row_id, table_name, clocks) VALUES (?, ?, ?) ON CONFLICT (row_id) DO UPDATE SET clocks = excluded.clocks`)
      .run(rowId, table, stored);
    return accepted.length;
  }

  private touch(touched: Map<SyncedTable, Set<string>>, table: SyncedTable, id: string): void {
    let ids = touched.get(table);
    if (!ids) touched.set(table, (ids = new Set()));
    ids.add(id);
  }

  /** Derived data and the persisted clock, still inside the transaction. */
  private finish(touched: Map<SyncedTable, Set<string>>): void {
    if (touched.size === 0) return;
    const { stage, text, statistics } = affectedApplications(this.db, touched);
    recomputeCurrentStage(this.db, stage);
    reindexApplications(this.db, text, this.inserted);
    // After the current stage: the facts read it.
    refreshStatistics(this.db, statistics);
    this.inserted.clear();
    this.db
      .sql(`INSERT INTO meta (key, value) VALUES ('hlc_last', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
      .run(this.clock.tick());
  }

  private emitChanged(touched: Map<SyncedTable, Set<string>>): void {
    if (touched.size === 0) return;
    this.emitter.emit('changed', { tables: [...touched.keys()].sort() });
  }
}

export type { DB };
