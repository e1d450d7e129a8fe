import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/connection';
import type { SqlValue } from './writer';

/** Rows per multi-row INSERT (a statement run per row cost about as much as the row itself: bulk-rows.ts). */
const rowsPerStatement = 64;

interface Queue {
  /** The table and its column list, as they go into the statement. */
  target: string;
  width: number;
  values: SqlValue[];
  rows: number;
}

/**
 * New rows of a bulk write (ChangeWriter.write with `bulk`; a bootstrap's, BulkRows), held back and written with multi-row INSERTs, each
 * table's rows in the order they came (so a table's `seq` and row ids follow as row by row). The write path
 * sends them before anything of it reads a table and before the commit; a queue is sent on its own when full or
 * when a row of another column list comes for its table. Tables are sent independently: their foreign keys are
 * checked at the commit (DEFERRABLE INITIALLY DEFERRED) or not at all (an import's staging database).
 */
export class QueuedInserts {
  private readonly queues = new Map<string, Queue>();

  /**
   * `statements`: the INSERTs by column list and rows, kept by the caller across its writes (ChangeWriter): an
   * import's 100 transactions each prepared the same statements again, a few hundred parameters each.
   */
  constructor(
    private readonly db: Database,
    private readonly statements = new Map<string, Statement>(),
  ) {}

  /** Queues one row: `target` is the table and its column list of checked names, `values` one per column. */
  add(table: string, target: string, values: readonly SqlValue[]): void {
    let queue = this.queues.get(table);
    if (queue && queue.target !== target) this.send(queue);
    if (!queue || queue.target !== target) {
      queue = { target, width: values.length, values: [], rows: 0 };
      this.queues.set(table, queue);
    }
    for (const value of values) queue.values.push(value);
    queue.rows += 1;
    if (queue.rows === rowsPerStatement) this.send(queue);
  }

  /** Writes every queued row. */
  flush(): void {
    for (const queue of this.queues.values()) this.send(queue);
  }

  /** Forgets the queued rows (the write is rolled back). */
  clear(): void {
    this.queues.clear();
  }

  private send(queue: Queue): void {
    if (queue.rows === 0) {
      return;
    } else if (queue.rows === rowsPerStatement) {
      // As arguments, not one array: better-sqlite3 reads an array's elements one by one through V8's API, which cost
      // more than the INSERT itself at 100,000 rows (docs/performance.md, session 17).
      this.statement(queue.target, queue.width, queue.rows).run(...queue.values);
    } else {
      // A write's last rows of a table, any number below a full statement: sent as 32, 16, … 1 rows, so that a
      // table needs 7 statements prepared, not one for each number of rows a write happens to end with.
      let sent = 0;
      for (let rows = rowsPerStatement / 2; rows >= 1; rows /= 2) {
        if (queue.rows - sent < rows) continue;
        this.statement(queue.target, queue.width, rows).run(...queue.values.slice(sent * queue.width, (sent + rows) * queue.width));
        sent += rows;
      }
    }
    queue.values = [];
    queue.rows = 0;
  }

  private statement(target: string, width: number, rows: number): Statement {
    const key = `${target}|${rows}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${'?, '.repeat(width - 1)}?)`;
      statement = this.db.sqlite.prepare(`INSERT INTO ${target} VALUES ${`${tuple}, `.repeat(rows - 1)}${tuple}`);
      this.statements.set(key, statement);
    }
    return statement;
  }
}
