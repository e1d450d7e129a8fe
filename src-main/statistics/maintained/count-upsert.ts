import type { Database } from '../../db/connection';

/**
 * A maintained table of counts (the cells, the skill months, the month cells): key columns and a `count` (or
 * several, `counts`: the month cells hold the active and the archived applications' side by side); a row whose
 * counts all fall to zero is removed.
 */
export interface CountTable {
  /** As written in SQL (qualified where the table's writers qualify it). */
  readonly name: string;
  /** The key columns, in the order each change lists them (the change's count comes last). */
  readonly columns: readonly string[];
  /** The primary key's columns: the upsert's conflict target. */
  readonly conflict: readonly string[];
  /** The count columns, each change's last values (default `count` alone). */
  readonly counts?: readonly string[];
}

const countsOf = (table: CountTable) => table.counts ?? ['count'];

/**
 * Adds `rows` changes (the key columns, then the count changes) to their rows, creating those needed. The changes
 * name distinct rows.
 */
export const upsertCountsSql = (table: CountTable, rows: number) => {
  const counts = countsOf(table);
  const placeholders = `(${'?, '.repeat(table.columns.length + counts.length - 1)}?)`;
  return `INSERT INTO ${table.name} (${[...table.columns, ...counts].join(', ')})
  VALUES ${`${placeholders}, `.repeat(rows).slice(0, -2)}
  ON CONFLICT (${table.conflict.join(', ')}) DO UPDATE SET ${counts.map((count) => `${count} = ${count} + excluded.${count}`).join(', ')}`;
};

/** Removes the row of these key columns if its counts all fell to zero. */
export const deleteZeroCountSql = (table: CountTable) =>
  `DELETE FROM ${table.name} WHERE ${table.columns.map((column) => `${column} = ?`).join(' AND ')} AND ${countsOf(table)
    .map((count) => `${count} = 0`)
    .join(' AND ')}`;

/**
 * Writes the changes up to `rowsPerStatement` at a time (a stage change moves about 18 cells and 10 month cells: one
 * statement each instead of one per row); a row whose change is negative, the only kind that can fall to zero, is
 * then removed if it did. No RETURNING: SQLite buffers a multi-row statement's returned rows, which made it slower
 * than one upsert per row (measured in docs/performance.md, session 10).
 */
export function writeCountChanges(db: Database, table: CountTable, changes: Iterable<unknown[]>): void {
  const removeIfZero = db.sql(deleteZeroCountSql(table));
  const keyLength = table.columns.length;
  for (const batch of batchesOf(changes)) {
    // As arguments, not one array (see changes/queued-inserts.ts).
    db.sql(upsertCountsSql(table, batch.length)).run(...batch.flat());
    for (const row of batch) {
      if (row.slice(keyLength).some((change) => (change as number) < 0)) removeIfZero.run(row.slice(0, keyLength));
    }
  }
}

/** SQLite's default limit is 32,766 parameters: 64 rows of up to 7 stay far below, and a statement per size is cached. */
export const rowsPerStatement = 64;

/** The rows in arrays of up to `rowsPerStatement`, each written by one multi-row statement. */
export function* batchesOf<Row>(rows: Iterable<Row>): Generator<Row[]> {
  let batch: Row[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === rowsPerStatement) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
