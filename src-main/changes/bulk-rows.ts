import type { Database } from '../db/connection';
import type { SyncedTable } from '../db/schema';
import { recomputeCurrentStage } from './derive';
import { QueuedInserts } from './queued-inserts';
import { deriveApplications, oweDerivedData, pendingAfter, pendingKey } from './owed-derived';
import { HybridLogicalClock } from './hlc';
import {
  advanceClocks,
  appliedEntries,
  checkColumns,
  checkTable,
  wholeRow,
  winningColumns,
  type BulkRemoteRows,
  type ChangeWriter,
  type Fields,
  type RemoteWrite,
  type SqlValue,
} from './writer';

/** Applications whose derived data `catchUpDerivedData` computes per transaction. */
const catchUpSlice = 2000;

const json = (ids: Iterable<string>) => JSON.stringify([...ids]);

/**
 * Rows this device does not have yet, written in bulk for ChangeWriter.applyRemote (`options.bulk`): a device
 * joining a search bootstraps from a snapshot of 100,000s of rows, and through the row-by-row path each cost a
 * read of its clocks, an upsert, its change-log and clocks statements, and derived data computed again with each
 * group of entries (an application's statistics with the application, then again with its history).
 *
 * For a row that is not here, this writes what applyRemote would — its fields after last writer wins among its
 * writes, its updated_at, its change-log entries (origin remote), its clocks — with the write path's own
 * functions (winningColumns, advanceClocks), in multi-row statements. Derived data follows: the current stage at
 * the end of each group of entries (one statement), the full-text index and the statistics once, by
 * `catchUpDerivedData`, for every application after the `seq` recorded in `meta` with the first rows (so that a
 * crash before the catch-up leaves the debt written down). test/changes/bulk-rows.test.ts fails if this and the
 * row-by-row path ever write different rows, clocks, entries or derived data.
 *
 * Only for a device with no data of its own (see `forBootstrap`): where rows exist, the row-by-row path merges.
 */
export class BulkRows implements BulkRemoteRows {
  /** Rows go out in the order they came, so a table's rows get their `seq` (and the log its order) as row by row. */
  private readonly rows: QueuedInserts;
  /** Applications whose stage events were written here since the last flush (their current stage follows). */
  private readonly staged = new Set<string>();
  private wrote = false;

  private constructor(
    private readonly db: Database,
    /** Applications after this seq owe their derived data. */
    private readonly pendingAfter: number,
  ) {
    this.rows = new QueuedInserts(db);
  }

  /**
   * The bulk writer of a bootstrap, or null when this device has data of its own (rows written through the change
   * log): a bootstrap interrupted earlier (its debt still in `meta`) goes on in bulk.
   */
  static forBootstrap(db: Database): BulkRows | null {
    const pending = pendingAfter(db);
    if (pending !== null) return new BulkRows(db, pending);
    if (db.sql(`SELECT 1 FROM row_clocks LIMIT 1`).get() !== undefined) return null;
    return new BulkRows(db, db.sql(`SELECT coalesce(max(seq), 0) FROM applications`).pluck().get() as number);
  }

  takes(rows: ReadonlyMap<SyncedTable, readonly string[]>): ReadonlySet<string> {
    const taken = new Set<string>();
    for (const [table, ids] of rows) {
      const present = new Set(
        this.db
          .sql(
            `SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(@ids))
             UNION SELECT row_id FROM row_clocks WHERE row_id IN (SELECT value FROM json_each(@ids))`,
          )
          .pluck()
          .all({ ids: json(ids) }) as string[],
      );
      for (const id of ids) if (!present.has(id)) taken.add(id);
    }
    return taken;
  }

  write(table: SyncedTable, rowId: string, writes: readonly RemoteWrite[]): number {
    // Names go into the SQL text: checked here too, whoever calls (applyRemote has checked them already).
    checkTable(table);
    for (const write of writes) checkColumns(table, write.fields);
    let clocks: Record<string, string> = {};
    const row: Fields = {};
    let newest: string | null = null;
    let applied = 0;
    for (const write of writes) {
      const accepted = winningColumns(write.fields, clocks, write.hlc);
      if (accepted.length === 0) continue;
      for (const column of accepted) row[column] = write.fields[column];
      newest = write.hlc;
      if (write.whole) {
        const synced: Fields = {};
        for (const column of accepted) synced[column] = write.fields[column];
        this.log(write.hlc, table, rowId, wholeRow, JSON.stringify(synced));
      } else {
        for (const column of accepted) this.log(write.hlc, table, rowId, column, write.fields[column]);
      }
      clocks = advanceClocks(clocks, accepted, write.hlc, write.whole);
      applied += appliedEntries(write, new Set(accepted));
    }
    if (newest === null) return 0;
    const columns = Object.keys(row);
    const values: SqlValue[] = [rowId];
    for (const column of columns) values.push(row[column]);
    values.push(HybridLogicalClock.isoOf(newest));
    this.rows.add(table, `${table} (id, ${columns.join(', ')}, updated_at)`, values);
    this.rows.add('row_clocks', `row_clocks (row_id, table_name, clocks)`, [rowId, table, JSON.stringify(clocks)]);
    if (table === 'stage_events' && typeof row.application_id === 'string') this.staged.add(row.application_id);
    this.wrote = true;
    return applied;
  }

  flush(): void {
    this.rows.flush();
    if (!this.wrote) return;
    recomputeCurrentStage(this.db, this.staged);
    this.staged.clear();
    oweDerivedData(this.db, this.pendingAfter);
    this.wrote = false;
  }

  private log(hlc: string, table: SyncedTable, rowId: string, column: string, value: SqlValue): void {
    this.rows.add('change_log', `change_log (hlc, table_name, row_id, column_name, value, origin)`, [hlc, table, rowId, column, value, 'remote']);
  }
}

/** Whether applications still owe the derived data `BulkRows` left to later. */
export function derivedDataPending(db: Database): boolean {
  return pendingAfter(db) !== null;
}

/**
 * Computes the derived data BulkRows left to later (full-text index, statistics, and the current stage again),
 * `catchUpSlice` applications per transaction with a turn of the event loop between, so the app keeps answering.
 * `last` runs inside the transaction that settles the debt (a bootstrap moves its cursor there). Local writes
 * meanwhile keep their own derived data right; recomputing theirs again here changes nothing.
 */
export async function catchUpDerivedData(db: Database, changes: ChangeWriter, last?: () => void, yieldTurn: () => Promise<void> = nextTurn): Promise<void> {
  let after = pendingAfter(db);
  if (after === null) {
    if (last) db.transaction(last);
    return;
  }
  let done = false;
  const tables = new Set<string>();
  while (!done) {
    db.transaction(() => {
      const slice = db
        .sql(`SELECT seq, id FROM applications WHERE seq > ? ORDER BY seq LIMIT ${catchUpSlice}`)
        .raw()
        .all(after) as [number, string][];
      const ids = new Set(slice.map(([, id]) => id));
      deriveApplications(db, ids);
      if (ids.size > 0) tables.add('applications');
      after = slice.at(-1)?.[0] ?? after;
      done = slice.length < catchUpSlice;
      if (done) {
        db.sql(`DELETE FROM meta WHERE key = ?`).run(pendingKey);
        last?.();
      } else {
        db.sql(`UPDATE meta SET value = ? WHERE key = ?`).run(String(after), pendingKey);
      }
    });
    if (!done) await yieldTurn();
  }
  changes.announce([...tables], 'remote');
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
