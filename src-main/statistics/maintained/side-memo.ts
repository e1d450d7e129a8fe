import type { Database } from '../../db/connection';
import { scopes } from './cells';
import { monthCellsTable } from './month-cells';
import { countColumnOf, createCountsTable } from './side-moves';
import { skillMonthsTable } from './skill-months';

/**
 * What one archived flag's side counted just before a whole side moved onto it (refresh.ts `moveArchivedFacts`):
 * its facts, and their counts in the month cells, the skill months and the cells. The move's Undo takes the same
 * applications back, and those that stay behind are the ones that were on that side before: their counts are then
 * the remembered ones, and the Undo need not group them from their facts again (stayer-counts.ts: at 100,000, the
 * Undo of a "select all" → archive leaves 27,091 behind, about 1 s of grouping against 0.2 s to remember them).
 *
 * Trusted by content, never by when it was taken: the counts are a function of the facts (every write keeps them
 * so, in the same transaction), so when the side's facts now are exactly the remembered ones, their counts are the
 * remembered ones, whatever was written in between. Kept in the connection's temporary tables, which roll back
 * with the write that filled them, and dropped once the connection has been idle a while.
 */

/** The remembered counts of a side, as temporary tables shaped as side-moves.ts and stayer-counts.ts read them. */
export interface RememberedSide {
  /** (month, source, kind, key, value, count) */
  readonly monthCells: string;
  /** (month, source, kind, skill, count) */
  readonly skillMonths: string;
  /** (kind, key, value, count): the side's cells summed over months and sources. */
  readonly cells: string;
}

/** The temporary tables that remember a side (tests alter one to see whether it is read). */
export const sideMemoTables = (side: 0 | 1) => {
  const prefix = `statistics_side${side}`;
  return { facts: `${prefix}_facts`, monthCells: `${prefix}_month_cells`, skillMonths: `${prefix}_skill_months`, cells: `${prefix}_cells` };
};

/** Long enough for an Undo clicked from its toast or with Ctrl+Z a while later; the memory is freed after that. */
const keptForMs = 10 * 60_000;

/** Remembers the side `side` as it is now: call before a whole side moves onto it. */
export function rememberSide(db: Database, side: 0 | 1): void {
  const tables = sideMemoTables(side);
  const count = countColumnOf(side);
  // Made again each time, so that the copy has the facts' columns as they are.
  db.sqlite.exec(`DROP TABLE IF EXISTS temp.${tables.facts}`);
  db.sql(`CREATE TEMP TABLE ${tables.facts} AS SELECT * FROM main.statistics_facts WHERE archived = ${side}`).run();
  for (const [name, table] of [
    [tables.monthCells, monthCellsTable],
    [tables.skillMonths, skillMonthsTable],
  ] as const) {
    createCountsTable(db, name, table);
    db.sql(`DELETE FROM temp.${name}`).run();
    db.sql(`INSERT INTO temp.${name} SELECT ${table.columns.join(', ')}, ${count} FROM ${table.name} WHERE ${count} <> 0`).run();
  }
  db.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${tables.cells} (kind, key, value, count, PRIMARY KEY (kind, key, value)) WITHOUT ROWID`);
  db.sql(`DELETE FROM temp.${tables.cells}`).run();
  // The cells keep the active scope and the "all" one: the archived side is their difference.
  db.sql(
    side === 0
      ? `INSERT INTO temp.${tables.cells} SELECT kind, key, value, count FROM main.statistics_cells WHERE scope = ${scopes.active}`
      : `INSERT INTO temp.${tables.cells}
         SELECT a.kind, a.key, a.value, a.count - coalesce(b.count, 0)
         FROM main.statistics_cells a LEFT JOIN main.statistics_cells b ON b.kind = a.kind AND b.key = a.key AND b.value = a.value AND b.scope = ${scopes.active}
         WHERE a.scope = ${scopes.all} AND a.count <> coalesce(b.count, 0)`,
  ).run();
  db.whenIdle(`statistics-side${side}`, keptForMs, () => forgetSide(db, side));
}

/** The remembered counts of the side `side`, when its facts now are exactly the remembered ones; else null. */
export function rememberedSide(db: Database, side: 0 | 1): RememberedSide | null {
  const tables = sideMemoTables(side);
  const present = db.sql(`SELECT count(*) FROM temp.sqlite_master WHERE type = 'table' AND name IN (?, ?, ?, ?)`).pluck().get(...Object.values(tables));
  if (present !== 4) return null;
  const [remembered, now] = db
    .sql(`SELECT (SELECT count(*) FROM temp.${tables.facts}), (SELECT count(*) FROM main.statistics_facts WHERE archived = ${side})`)
    .raw()
    .get() as [number, number];
  if (remembered !== now) return null;
  // Each fact is one application's (seq is its key): as many rows and none differing means the same facts.
  const differs = db
    .sql(`SELECT EXISTS (SELECT * FROM main.statistics_facts WHERE archived = ${side} EXCEPT SELECT * FROM temp.${tables.facts})`)
    .pluck()
    .get();
  if (differs !== 0) return null;
  return { monthCells: `temp.${tables.monthCells}`, skillMonths: `temp.${tables.skillMonths}`, cells: `temp.${tables.cells}` };
}

function forgetSide(db: Database, side: 0 | 1): void {
  try {
    for (const table of Object.values(sideMemoTables(side))) db.sqlite.exec(`DROP TABLE IF EXISTS temp.${table}`);
  } catch {
    // The connection busy at that instant: the tables stay until it closes, and stay correct (checked by content).
  }
}
