import type { Database } from '../../db/connection';
import { batchesOf, type CountTable } from './count-upsert';

/**
 * The counts kept per archived flag (the skill months, the month cells: tables whose first key column is
 * `archived`) when nearly a whole side is archived or brought back (refresh.ts `moveWholeSide`): every count of the
 * side left moves over in two statements, then the counts of the applications that stayed behind go back in a few
 * set-based statements instead of one upsert (and often one delete) per row. The Undo of a "select all" leaves the
 * 27,091 applications archived before behind at 100,000: 177,653 month cells and 63,477 skill months, about 5 s of
 * CPU one by one.
 */
export interface SideTable extends CountTable {
  /** The key columns after `archived`. */
  readonly columns: readonly ['archived', ...string[]];
}

/** Every count of one flag added to the other's, then removed from its own. */
export function moveWholeSideOf(db: Database, table: SideTable, toArchived: boolean): void {
  const flag = toArchived ? 1 : 0;
  const rest = table.columns.slice(1).join(', ');
  db.sql(`INSERT INTO ${table.name} (archived, ${rest}, count)
          SELECT ${flag}, ${rest}, count FROM ${table.name} WHERE archived = ${1 - flag}
          ON CONFLICT (${table.conflict.join(', ')}) DO UPDATE SET count = count + excluded.count`).run();
  db.sql(`DELETE FROM ${table.name} WHERE archived = ${1 - flag}`).run();
}

/**
 * After `moveWholeSideOf(…, toArchived)`, the counts of the applications that stayed on the other side go back to
 * it: `stayed` are their rows as they count there (the key columns, `archived` being the side they stayed on, then
 * a positive count; distinct rows). That side is empty, so they are inserted; the side moved to loses them, and its
 * rows that fall to zero are removed.
 */
export function moveStayersBack(db: Database, table: SideTable, toArchived: boolean, stayed: Iterable<unknown[]>): void {
  const flag = toArchived ? 1 : 0;
  const columns = table.columns.join(', ');
  const back = `temp.${table.name.replace(/^main\./, '')}_back`;
  // Keyed as the table: the stayers' rows are then inserted, and the other side's found, in key order (about 15 %
  // less CPU than in the order they were summed).
  db.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${back.slice('temp.'.length)} (${columns}, count, PRIMARY KEY (${table.conflict.join(', ')})) WITHOUT ROWID`);
  db.sql(`DELETE FROM ${back}`).run();
  const row = `(${'?, '.repeat(table.columns.length)}?)`;
  for (const batch of batchesOf(stayed)) {
    db.sql(`INSERT INTO ${back} (${columns}, count) VALUES ${`${row}, `.repeat(batch.length).slice(0, -2)}`).run(batch.flat());
  }

  db.sql(`INSERT INTO ${table.name} (${columns}, count) SELECT ${columns}, count FROM ${back}`).run();
  const rest = table.columns.slice(1);
  db.sql(`UPDATE ${table.name} AS kept SET count = kept.count - back.count FROM ${back} AS back
          WHERE kept.archived = ${flag} AND ${rest.map((column) => `kept.${column} = back.${column}`).join(' AND ')}`).run();
  db.sql(`DELETE FROM ${table.name} WHERE archived = ${flag} AND count = 0`).run();
}
