import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/connection';
import { batchSize, nextTurn, type SqlPart } from './table';

/**
 * Page cache of the export's connection, KiB. The sheets jump around a large database (rows in the order of an
 * index, each with its company and stage): beyond SQLite's default 2 MB, a cache saves re-reading pages. It fills
 * during the applications' walk, where the export's memory peaks. 16 MB until session 16: since the passes read in
 * index order and the contacts and interviews take their applications from the walk, 8 MB reads 23 % more pages
 * (210,000 against 171,000 read calls at 100,000 applications) for no measurable CPU (docs/performance.md).
 */
const cacheKib = 8_000;

/** Where the database is: the app's connection (Database) or what a worker thread is told of it. */
export interface DatabaseFile {
  path: string;
  options: { nativeBinding?: string };
}

type RowView = { readonly values: unknown[] };

/**
 * A class whose instances read the columns of a raw row (an array) by name: `row.company_name` reads
 * `values[3]`. better-sqlite3 builds a row object property by property, which costs a third of the export's
 * reading time at 100,000 rows; a raw array wrapped in one of these costs one small object, and the sheets'
 * column getters read it like the object they expect.
 */
function rowViewClass(columnNames: string[]): new (values: unknown[]) => RowView {
  class View implements RowView {
    constructor(readonly values: unknown[]) {}
  }
  columnNames.forEach((name, index) => {
    // Two columns of one name would leave one unreadable: the query must alias them apart.
    if (columnNames.indexOf(name) !== index) throw new Error(`The export query returns two columns named ${name}.`);
    Object.defineProperty(View.prototype, name, {
      get(this: View) {
        return this.values[index];
      },
    });
  });
  return View;
}

/**
 * A read-only connection of the export's own, inside one read transaction from its first row to its last.
 * - Each table is one ordered SELECT, iterated once and paused between batches while the file drains: an open
 *   iterator keeps a better-sqlite3 connection busy, so the app's own connection could not serve anything else.
 * - The transaction makes every sheet one consistent state (WAL), however long the export and whatever the app
 *   writes meanwhile: no sheet refers to a row the others do not have.
 */
export class ExportReader {
  private readonly sqlite: BetterSqlite3.Database;

  constructor(db: DatabaseFile) {
    this.sqlite = new BetterSqlite3(db.path, { readonly: true, fileMustExist: true, nativeBinding: db.options.nativeBinding });
    this.sqlite.pragma(`cache_size = -${cacheKib}`);
    this.sqlite.exec('BEGIN');
  }

  /**
   * Fixes the state this reader sees now: a deferred transaction takes its snapshot at its first read, not at
   * BEGIN. Two readers that do this while writes are held (holdingWrites) see the same state.
   */
  takeSnapshot(): void {
    this.sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  }

  /**
   * The rows of `query` in its order, a batch at a time, giving the event loop a turn between batches. A row
   * is read-only and has the query's column names as properties.
   */
  async *batches<Row>(query: SqlPart, size = batchSize): AsyncGenerator<Row[]> {
    const statement = this.sqlite.prepare(query.sql).raw(true);
    const View = rowViewClass(statement.columns().map((column) => column.name));
    let batch: Row[] = [];
    // Leaving the loop early (an error while writing) closes the iterator, which frees the connection.
    for (const values of statement.iterate(...query.params) as IterableIterator<unknown[]>) {
      batch.push(new View(values) as Row);
      if (batch.length === size) {
        yield batch;
        batch = [];
        await nextTurn();
      }
    }
    if (batch.length > 0) yield batch;
  }

  /**
   * The rows of `query` as arrays of their columns' values, a batch at a time like `batches`: for a pass that keeps
   * a few values of each row in compact arrays (held-histories.ts) and would only throw each row's view away.
   */
  async *rawBatches(query: SqlPart, size = batchSize): AsyncGenerator<unknown[][]> {
    const statement = this.sqlite.prepare(query.sql).raw(true);
    let batch: unknown[][] = [];
    for (const values of statement.iterate(...query.params) as IterableIterator<unknown[]>) {
      batch.push(values);
      if (batch.length === size) {
        yield batch;
        batch = [];
        await nextTurn();
      }
    }
    if (batch.length > 0) yield batch;
  }

  /**
   * A query run once per batch of another's rows (the stage events of a batch of applications): prepared once, each
   * run's rows read at once as read-only views like `batches`'. It may run between two batches of an open `batches`
   * walk: better-sqlite3 refuses a statement only while another is stepping, not while an iterator is paused.
   */
  repeated<Row>(sql: string): (...params: unknown[]) => Row[] {
    const statement = this.sqlite.prepare(sql).raw(true);
    const View = rowViewClass(statement.columns().map((column) => column.name));
    return (...params) => (statement.all(...params) as unknown[][]).map((values) => new View(values) as Row);
  }

  close(): void {
    if (this.sqlite.inTransaction) this.sqlite.exec('COMMIT');
    this.sqlite.close();
  }
}

/**
 * Runs `during` while nothing can commit to the database: the app's write gate held (a job's worker asks main for
 * it; main then refuses its own writes, which wait and run again) and SQLite's write lock taken on a connection of
 * its own, for writers outside the gate (an export run in main's thread). Brief: the time readers take their
 * snapshots.
 */
export async function holdingWrites<T>(db: Database, during: () => Promise<T>): Promise<T> {
  return db.withWriteLock(async () => {
    const lock = new BetterSqlite3(db.path, { fileMustExist: true, nativeBinding: db.options.nativeBinding });
    try {
      lock.pragma('busy_timeout = 5000');
      lock.exec('BEGIN IMMEDIATE');
      return await during();
    } finally {
      if (lock.inTransaction) lock.exec('ROLLBACK');
      lock.close();
    }
  });
}

/** Runs `read` with an ExportReader on the app's database, closed afterwards whatever happens. */
export async function withExportReader<T>(db: Database, read: (reader: ExportReader) => Promise<T>): Promise<T> {
  const reader = new ExportReader(db);
  try {
    return await read(reader);
  } finally {
    reader.close();
  }
}
