import type { Database } from '../db/connection';

/**
 * Runs a reader of several statements in one read transaction: the statements see one snapshot (a job's commit
 * between two of them cannot mix two states into one answer), and the connection takes and drops its WAL read
 * lock once instead of once per statement. The detail read back after each write runs 9 statements: 0.33 → 0.27
 * ms of CPU each under load 9. Inside a transaction already, better-sqlite3 makes it a savepoint.
 */
const wrapped = new WeakMap<Database, Map<unknown, (...args: never[]) => unknown>>();

export function inOneRead<A extends unknown[], R>(db: Database, reader: (db: Database, ...args: A) => R, ...args: A): R {
  let readers = wrapped.get(db);
  if (!readers) wrapped.set(db, (readers = new Map()));
  let run = readers.get(reader) as ((...args: A) => R) | undefined;
  if (!run) {
    // Built once per reader: better-sqlite3 builds five wrappers for every transaction function.
    run = db.sqlite.transaction((...inner: A) => reader(db, ...inner)).deferred as (...args: A) => R;
    readers.set(reader, run as (...args: never[]) => unknown);
  }
  return run(...args);
}
