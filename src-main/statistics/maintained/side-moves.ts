import type { Database } from '../../db/connection';
import type { CountTable } from './count-upsert';

/**
 * The counts kept per archived flag (the month cells, the skill months: each row holds the active and the archived
 * applications' counts of its key, migration 0305) when nearly a whole side is archived or brought back (refresh.ts
 * `moveWholeSide`): in each row holding counts of the side left, they go to the other side's count but the stayers',
 * in one statement, instead of one upsert (and often one delete) per row. The Undo of a "select all" leaves the
 * 27,091 applications archived before behind at 100,000: 177,739 month cells and 63,477 skill months.
 */
export interface SideTable extends CountTable {
  readonly counts: readonly ['active', 'archived'];
}

/** The count column of one archived flag in a table of both sides. */
export const countColumnOf = (archived: number) => (archived === 0 ? 'active' : 'archived');

/** The count of these flags (`[0]`, `[1]` or both) in a row of a table of both sides, as SQL. */
export const flagsCountSql = (flags: readonly number[]) => [...new Set(flags)].sort().map(countColumnOf).join(' + ');

/** A temporary table `name` of counts keyed as `table` (its key columns, then `count`), made if missing. */
export function createCountsTable(db: Database, name: string, table: SideTable): void {
  const key = table.columns.join(', ');
  db.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${name} (${key}, count, PRIMARY KEY (${key})) WITHOUT ROWID`);
}

/** The applications that stay behind a whole side's move, as a table counts them: grouped from their facts, or remembered. */
export type Stayers = { readonly select: string } | { readonly table: string };

/**
 * Every count of the side the facts left (`toArchived`: the active side) goes to the other side, less the counts of
 * the applications that stayed on it: `stayed` is a SELECT of their rows as they count there (the key columns, then
 * a positive count; distinct keys: stayer-counts.ts groups them from their facts), found by a seek in a temporary
 * table keyed as the table, or such a table already made (side-memo.ts). A row's total never changes, so none falls
 * to zero. At 100,000, with the flag first in the key (0270, 0260), the side left's rows were inserted on the other
 * side and deleted from theirs (370,000 month cells each way, about 1 s of CPU).
 */
export function moveSide(db: Database, table: SideTable, toArchived: boolean, stayed: Stayers): void {
  const [left, joined] = toArchived ? ['active', 'archived'] : ['archived', 'active'];
  const key = table.columns;
  let back: string;
  if ('table' in stayed) {
    back = stayed.table;
  } else {
    const name = `${table.name.replace(/^main\./, '')}_stayed`;
    back = `temp.${name}`;
    createCountsTable(db, name, table);
    db.sql(`DELETE FROM ${back}`).run();
    db.sql(`INSERT INTO ${back} (${key.join(', ')}, count) ${stayed.select}`).run();
  }
  if (db.sql(`SELECT NOT EXISTS (SELECT 1 FROM ${back})`).pluck().get() === 1) {
    db.sql(`UPDATE ${table.name} SET ${joined} = ${joined} + ${left}, ${left} = 0 WHERE ${left} <> 0`).run();
    return;
  }
  // One pass, each row's stayers looked up: moving every count and then taking the stayers' back (an UPDATE … FROM
  // of 177,739 month cells at 100,000) cost twice the CPU (0.81–0.91 s against 0.40–0.46 s, three rounds each).
  const ofRow = key.map((column) => `stayed.${column} = cell.${column}`).join(' AND ');
  db.sql(
    `UPDATE ${table.name} AS cell SET (${joined}, ${left}) =
       (SELECT cell.${joined} + cell.${left} - coalesce(max(stayed.count), 0), coalesce(max(stayed.count), 0)
        FROM ${back} AS stayed WHERE ${ofRow})
     WHERE ${left} <> 0`,
  ).run();
}
