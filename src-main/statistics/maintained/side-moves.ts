import type { Database } from '../../db/connection';
import type { CountTable } from './count-upsert';

/**
 * The counts kept per archived flag (the skill months, the month cells: tables whose first key column is
 * `archived`) when nearly a whole side is archived or brought back (refresh.ts `moveWholeSide`): the side left
 * moves over less the counts of the applications that stayed behind, in three set-based statements, instead of one
 * upsert (and often one delete) per row. The Undo of a "select all" leaves the 27,091 applications archived before
 * behind at 100,000: 177,653 month cells and 63,477 skill months.
 */
export interface SideTable extends CountTable {
  /** The key columns after `archived`. */
  readonly columns: readonly ['archived', ...string[]];
}

/**
 * Every count of the side the facts left (`toArchived`: the active side) goes to the other side, less the counts
 * of the applications that stayed on it: `stayed` is a SELECT of their rows as they count there (the key columns,
 * `archived` being the side they stayed on, then a positive count; distinct rows: stayer-counts.ts groups them
 * from their facts), which are then all that side holds.
 * One pass over the side left, each of its rows joined to the stayers' row of its key (if any) and added to the
 * other side when something is left of it; then the side left is emptied and the stayers' rows inserted. Moving
 * the whole side and then subtracting the stayers from it (an UPDATE … FROM of 177,653 seeks and a scan for the
 * rows at zero) cost twice the CPU at 100,000.
 */
export function moveSideLessStayers(db: Database, table: SideTable, toArchived: boolean, stayed: string): void {
  const flag = toArchived ? 1 : 0;
  const columns = table.columns.join(', ');
  const back = `temp.${table.name.replace(/^main\./, '')}_back`;
  // Keyed as the table: the stayers' rows are then inserted, and the side left's rows found, in key order.
  db.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${back.slice('temp.'.length)} (${columns}, count, PRIMARY KEY (${table.conflict.join(', ')})) WITHOUT ROWID`);
  db.sql(`DELETE FROM ${back}`).run();
  db.sql(`INSERT INTO ${back} (${columns}, count) ${stayed}`).run();

  const rest = table.columns.slice(1);
  const left = `coalesce(stayed.count, 0)`;
  // The stayers' flag as a constant: joined on `side.archived`, SQLite built an automatic index on the temporary
  // table for every call instead of seeking its key.
  db.sql(`INSERT INTO ${table.name} (${columns}, count)
          SELECT ${flag}, ${rest.map((column) => `side.${column}`).join(', ')}, side.count - ${left}
          FROM ${table.name} AS side LEFT JOIN ${back} AS stayed
            ON stayed.archived = ${1 - flag} AND ${rest.map((column) => `stayed.${column} = side.${column}`).join(' AND ')}
          WHERE side.archived = ${1 - flag} AND side.count <> ${left}
          ON CONFLICT (${table.conflict.join(', ')}) DO UPDATE SET count = count + excluded.count`).run();
  db.sql(`DELETE FROM ${table.name} WHERE archived = ${1 - flag}`).run();
  db.sql(`INSERT INTO ${table.name} (${columns}, count) SELECT ${columns}, count FROM ${back}`).run();
}
