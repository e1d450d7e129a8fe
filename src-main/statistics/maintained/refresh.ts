import type { Database } from '../../db/connection';
import { CellDeltas, deleteCellSql, upsertCellSql } from './cells';
import {
  factRowColumns,
  insertFactSql,
  knownDaySql,
  selectFactsSql,
  stageBitsStatements,
  type FactRow,
} from './facts';
import { hasSkillMonths, rebuildSkillMonths, SkillMonthDeltas } from './skill-months';

const createRefreshSet = `CREATE TEMP TABLE IF NOT EXISTS statistics_refresh (seq INTEGER PRIMARY KEY)`;
const inRefreshSet = `seq IN (SELECT seq FROM temp.statistics_refresh)`;

/**
 * Brings the facts and the cells of these applications up to date, inside the write that changed them: their old
 * facts leave the cells, their facts are computed again (a deleted application has none), stored, and enter the
 * cells. The cells' changes are summed in memory first, so an edit writes only the few cells it really moves and
 * an import of 100,000 rows writes each cell once.
 */
export function refreshStatistics(db: Database, applicationIds: ReadonlySet<string>): void {
  if (applicationIds.size === 0 || !hasStatisticsTables(db)) return;
  fillRefreshSet(db, `id IN (SELECT value FROM json_each(?))`, JSON.stringify([...applicationIds]));
  const deltas = new CellDeltas();
  const months = hasSkillMonths(db) ? new SkillMonthDeltas() : null;
  for (const row of db.sql(`SELECT ${factRowColumns} FROM main.statistics_facts WHERE ${inRefreshSet}`).raw().iterate() as Iterable<FactRow>) {
    deltas.add(row, -1);
    months?.addFact(row, -1);
  }
  db.sql(`DELETE FROM main.statistics_facts WHERE ${inRefreshSet}`).run();
  storeFacts(db, `a.${inRefreshSet}`, deltas, months);
  writeCells(db, deltas);
  months?.write(db);
}

/**
 * Applications archived (or brought back, `archived` false), and nothing else of theirs changed: their facts are
 * right but for the flag, so the flag is set in place and they move between the active and the "all" scopes of the
 * cells they count in, read from their stored facts. Their history is not read again (recomputing the facts of a
 * 73,000-row archive and its Undo cost 26 s of CPU at 100,000), nor are their rows. A fact already flagged so stays.
 */
export function moveArchivedFacts(db: Database, applicationIds: ReadonlySet<string>, archived: boolean): void {
  if (applicationIds.size === 0 || !hasStatisticsTables(db)) return;
  fillRefreshSet(db, `id IN (SELECT value FROM json_each(?))`, JSON.stringify([...applicationIds]));
  const flag = archived ? 1 : 0;
  const moving = `main.statistics_facts WHERE ${inRefreshSet} AND archived IS NOT ${flag}`;
  const deltas = new CellDeltas();
  // The skill counts per month hold the archived flag in their key: they move too.
  const months = hasSkillMonths(db) ? new SkillMonthDeltas() : null;
  for (const row of db.sql(`SELECT ${factRowColumns} FROM ${moving}`).raw().iterate() as Iterable<FactRow>) {
    deltas.move(row, archived);
    months?.moveFact(row, archived);
  }
  db.sql(`UPDATE ${moving.replace(' WHERE ', ` SET archived = ${flag} WHERE `)}`).run();
  writeCells(db, deltas);
  months?.write(db);
}

/** The applications `which` selects (a condition on `applications`) become the set to refresh. */
function fillRefreshSet(db: Database, which: string, ...params: string[]): void {
  db.sqlite.exec(createRefreshSet);
  db.sql(`DELETE FROM temp.statistics_refresh`).run();
  db.sql(`INSERT INTO temp.statistics_refresh (seq) SELECT seq FROM applications WHERE ${which}`).run(...params);
}

/**
 * A database still at a schema older than migration 0060 has nothing to maintain: the tests that build an older
 * backup write through today's code into one.
 */
export function hasStatisticsTables(db: Database): boolean {
  return db.sql(`SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'statistics_cells'`).pluck().get() !== undefined;
}

/** Whether stage events can say their day is not known (migration 0180; 0060 fills the facts before it). */
function hasDateUnknown(db: Database): boolean {
  return db.sql(`SELECT 1 FROM pragma_table_info('stage_events') WHERE name = 'date_unknown'`).pluck().get() !== undefined;
}

/**
 * Computes the facts `which` selects, stores them and adds them to the cells' changes in one pass: reading them
 * back after an INSERT … SELECT cost as much again at 100,000.
 */
function storeFacts(db: Database, which: string, deltas: CellDeltas, months: SkillMonthDeltas | null = null): void {
  const [create, ...fill] = stageBitsStatements;
  db.sqlite.exec(create);
  for (const statement of fill) db.sql(statement).run();
  const insert = db.sql(insertFactSql);
  const select = db.sql(selectFactsSql(`${which} AND a.seq BETWEEN ? AND ?`, knownDaySql(hasDateUnknown(db)))).raw();
  // In slices of the rowid order: the connection runs one statement at a time, so a slice is read whole before it is
  // written, and short-lived slices keep the garbage collector's work small.
  const seqs = db.sql(`SELECT seq FROM temp.statistics_refresh ORDER BY seq`).pluck().all() as number[];
  for (let start = 0; start < seqs.length; start += sliceSize) {
    const rows = select.all(seqs[start], seqs[Math.min(start + sliceSize, seqs.length) - 1]) as FactRow[];
    for (const row of rows) {
      insert.run(row);
      deltas.add(row, 1);
      months?.addFact(row, 1);
    }
  }
}
const sliceSize = 2000;

function writeCells(db: Database, deltas: CellDeltas): void {
  const upsert = db.sql(upsertCellSql).pluck();
  const remove = db.sql(deleteCellSql);
  for (const change of deltas.changes()) {
    if (upsert.get(change) === 0) remove.run(change.slice(0, 4));
  }
}

/**
 * Every fact and cell computed again from the rows: after migration 0060 created the tables (and whenever a later
 * change to what they hold needs it), and what the tests compare the maintained ones with. Runs in the caller's
 * transaction, or in its own.
 */
export function rebuildStatistics(db: Database): void {
  db.transaction(() => {
    db.sqlite.exec(`DELETE FROM main.statistics_cells; DELETE FROM main.statistics_facts;`);
    fillRefreshSet(db, 'deleted_at IS NULL');
    const deltas = new CellDeltas();
    storeFacts(db, 'true', deltas);
    writeCells(db, deltas);
    if (hasSkillMonths(db)) rebuildSkillMonths(db);
  });
}
