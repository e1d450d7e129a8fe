import { setImmediate as nextTurn } from 'node:timers/promises';
import { BulkRows, catchUpDerivedData } from '../changes/bulk-rows';
import type { Change, ChangeWriter, RemoteOptions, RemoteResult } from '../changes/writer';
import type { Database } from '../db/connection';

export interface BootstrapOptions {
  /** Runs in each group's transaction after its entries (sync's convergence repairs), as RemoteOptions.then. */
  then?: RemoteOptions['then'];
  /** Runs in the transaction that ends the bootstrap, once the derived data is all there (sync moves its cursor). */
  settle?(): void;
  /** After each group is applied. */
  applied?(result: RemoteResult): void;
  /**
   * Resolves when the connection may write (the desktop: not while a job's worker holds the write lock, see
   * src-main/jobs); each transaction waits for it.
   */
  writable?(): Promise<void>;
}

/**
 * Applies a snapshot's entries (docs/sync.md, "Snapshots and compaction"): groups of entries, a row's entries never
 * split between two groups, each group one transaction through ChangeWriter.applyRemote with a turn of the event
 * loop between, so the app keeps answering. A device with no data of its own yet (or one whose bulk bootstrap was
 * cut short) writes the rows in bulk and computes their full-text index and statistics once at the end
 * (BulkRows); one with data merges them by last writer wins, row by row. Anything with a context and a stream of
 * entries can call it: the sync engine, a server's replica.
 */
export async function applyBootstrap(
  context: { db: Database; changes: ChangeWriter },
  groups: AsyncIterable<readonly Change[]>,
  options: BootstrapOptions = {},
): Promise<void> {
  const bulk = BulkRows.forBootstrap(context.db) ?? undefined;
  const writable = options.writable ?? (() => Promise.resolve());
  for await (const group of groups) {
    await writable();
    const result = context.changes.applyRemote(group, { bulk, then: options.then });
    options.applied?.(result);
    await nextTurn();
  }
  await catchUpWhenWritable(context, writable, options.settle);
}

/** catchUpDerivedData, each of its transactions once `writable` resolves. */
export async function catchUpWhenWritable(context: { db: Database; changes: ChangeWriter }, writable: () => Promise<void>, last?: () => void): Promise<void> {
  await writable();
  await catchUpDerivedData(context.db, context.changes, last, async () => {
    await nextTurn();
    await writable();
  });
}
