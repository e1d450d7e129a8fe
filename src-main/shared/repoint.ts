import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { SyncedTable } from '../db/schema';

/**
 * Undo of a move: points the rows `ids` of `table` back from `from` to `to` through `column`, but only those that
 * still point at `from`. A row the user re-pointed elsewhere since keeps the newer choice. Returns how many moved.
 * `table` and `column` are constants of the caller, never input.
 */
export function repointBack(
  db: Database,
  write: WriteContext,
  move: { table: SyncedTable; column: string; from: string; to: string; ids: readonly string[] },
): number {
  if (move.ids.length === 0) return 0;
  const still = db
    .sql(`SELECT id FROM ${move.table} WHERE ${move.column} = ? AND id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(move.from, JSON.stringify(move.ids)) as string[];
  for (const id of still) write.update(move.table, id, { [move.column]: move.to });
  return still.length;
}
