import type { Database } from '../../db/connection';
import { hasTable, schemaHas } from '../../db/schema-facts';
import { CellDeltas, cellsTable, scopes } from './cells';
import { writeCountChanges } from './count-upsert';
import {
  factRowColumns,
  insertFactSql,
  knownDaySql,
  selectFactsSql,
  stageBitsStatements,
  type FactRow,
} from './facts';
import { hasSkillMonths, rebuildSkillMonths, SkillMonthDeltas, skillMonthsTable } from './skill-months';
import { hasMonthCells, MonthCellDeltas, monthCellsTable, rebuildMonthCells } from './month-cells';
import { rememberedSide, rememberSide } from './side-memo';
import { moveSide } from './side-moves';
import { activeCellsFromMonths, monthCellsOfFactsSql, skillMonthsOfFactsSql } from './stayer-counts';

const createRefreshSet = `CREATE TEMP TABLE IF NOT EXISTS statistics_refresh (seq INTEGER PRIMARY KEY)`;
const inRefreshSet = `seq IN (SELECT seq FROM temp.statistics_refresh)`;

/**
 * Brings the facts and the cells of these applications up to date, inside the write that changed them: their old
 * facts leave the cells, their facts are computed again (a deleted application has none), stored, and enter the
 * cells. The cells' changes are summed in memory first, so an edit writes only the few cells it really moves and
 * an import of 100,000 rows writes each cell once.
 */
export function refreshStatistics(
  db: Database,
  applicationIds: ReadonlySet<string>,
  /** Applications inserted by this same write: they have no facts yet, so none are read or deleted for them. */
  inserted: ReadonlySet<string> = new Set(),
): void {
  if (applicationIds.size === 0 || !hasStatisticsTables(db)) return;
  fillRefreshSet(db, `id IN (SELECT value FROM json_each(?))`, JSON.stringify([...applicationIds]));
  const deltas = new CellDeltas();
  const months = hasSkillMonths(db) ? new SkillMonthDeltas() : null;
  const monthCells = hasMonthCells(db) ? new MonthCellDeltas() : null;
  if (![...applicationIds].every((id) => inserted.has(id))) {
    for (const row of db.sql(`SELECT ${factRowColumns} FROM main.statistics_facts WHERE ${inRefreshSet}`).raw().iterate() as Iterable<FactRow>) {
      deltas.add(row, -1);
      months?.addFact(row, -1);
      monthCells?.addFact(row, -1);
    }
    db.sql(`DELETE FROM main.statistics_facts WHERE ${inRefreshSet}`).run();
  }
  storeFacts(db, `a.${inRefreshSet}`, deltas, months, monthCells);
  writeCells(db, deltas);
  months?.write(db);
  monthCells?.write(db);
}

/**
 * Applications archived (or brought back, `archived` false), and nothing else of theirs changed: their facts are
 * right but for the flag, so the flag is set in place and they move between the active and the "all" scopes of the
 * cells they count in, read from their stored facts. Their history is not read again (recomputing the facts of a
 * 73,000-row archive and its Undo cost 26 s of CPU at 100,000), nor are their rows. A fact already flagged so stays.
 * When more move than stay behind ("select all" → archive leaves no active application), the whole side moves
 * set-based and the counts of the few that stay go back (`moveWholeSide`).
 */
export function moveArchivedFacts(db: Database, applicationIds: ReadonlySet<string>, archived: boolean): void {
  if (applicationIds.size === 0 || !hasStatisticsTables(db)) return;
  fillRefreshSet(db, `id IN (SELECT value FROM json_each(?))`, JSON.stringify([...applicationIds]));
  const flag = archived ? 1 : 0;
  const moving = `main.statistics_facts WHERE ${inRefreshSet} AND archived IS NOT ${flag}`;
  const movingCount = db.sql(`SELECT count(*) FROM ${moving}`).pluck().get() as number;
  if (movingCount === 0) return;
  // The whole side's move reads the cells from the month tables: a database older than them (migrations 0260 and
  // 0270, which tests still write into) moves each fact.
  if (factsOnSide(db, !archived) - movingCount < movingCount && hasSkillMonths(db) && hasMonthCells(db)) {
    // The side they go to, as it is before they arrive, is who stays behind when this move is undone: remembered
    // when fewer than those moving, that is when the way back is a whole side's move too (side-memo.ts). An empty
    // side needs no memory: no one stays behind, which the way back finds at once.
    const arriving = factsOnSide(db, archived);
    if (arriving > 0 && arriving < movingCount) rememberSide(db, flag);
    db.sql(`UPDATE ${moving.replace(' WHERE ', ` SET archived = ${flag} WHERE `)}`).run();
    moveWholeSide(db, archived);
    return;
  }
  const deltas = new CellDeltas();
  // The skill counts per month hold the archived flag in their key: they move too.
  const months = hasSkillMonths(db) ? new SkillMonthDeltas() : null;
  // So do the cells per month and source.
  const monthCells = hasMonthCells(db) ? new MonthCellDeltas() : null;
  for (const row of db.sql(`SELECT ${factRowColumns} FROM ${moving}`).raw().iterate() as Iterable<FactRow>) {
    deltas.move(row, archived);
    months?.moveFact(row, archived);
    monthCells?.moveFact(row, archived);
  }
  db.sql(`UPDATE ${moving.replace(' WHERE ', ` SET archived = ${flag} WHERE `)}`).run();
  writeCells(db, deltas);
  months?.write(db);
  monthCells?.write(db);
}

/**
 * How many facts are archived (or active): every fact counts once in the cube's cells of each scope it is in, so
 * the active ones are the cube's count in the active scope, the archived ones the rest of the "all" scope's.
 */
function factsOnSide(db: Database, archived: boolean): number {
  const [active, all] = db
    .sql(`SELECT coalesce(sum(count) FILTER (WHERE scope = ${scopes.active}), 0), coalesce(sum(count) FILTER (WHERE scope = ${scopes.all}), 0)
          FROM main.statistics_cells WHERE kind = 'cube'`)
    .raw()
    .get() as [number, number];
  return archived ? all - active : active;
}

/**
 * The facts have moved to the `archived` side and fewer stayed on the other: every count of the side they left is
 * moved over in a few statements. The stayers' counts are remembered from the move this one undoes (side-memo.ts), or
 * grouped from their facts in SQL (stayer-counts.ts; the Undo of a "select all" leaves 27,091 behind at 100,000:
 * their counts summed in JavaScript cost 1.2 to 1.9 s of CPU), the
 * skill months' and month cells' counts of the side left go to the other side less those, inside their rows
 * (side-moves.ts), and the cells' active scope is then summed from the month tables. The same counts as moving each
 * one over.
 */
function moveWholeSide(db: Database, archived: boolean): void {
  const flag = archived ? 1 : 0;
  const stayers = `f.archived IS NOT ${flag}`;
  // The Undo of the move that brought them there: their counts as they were remembered then, if their facts are.
  const remembered = rememberedSide(db, archived ? 0 : 1);
  moveSide(db, skillMonthsTable, archived, remembered ? { table: remembered.skillMonths } : { select: skillMonthsOfFactsSql(stayers) });
  moveSide(db, monthCellsTable, archived, remembered ? { table: remembered.monthCells } : { select: monthCellsOfFactsSql(stayers) });
  for (const statement of activeCellsFromMonths(!archived, remembered?.cells)) db.sqlite.exec(statement);
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
  return hasTable(db, 'statistics_cells');
}

/** Whether stage events can say their day is not known (migration 0180; 0060 fills the facts before it). */
export function hasDateUnknown(db: Database): boolean {
  return schemaHas(db, 'stage_events.date_unknown', () =>
    db.sql(`SELECT 1 FROM pragma_table_info('stage_events') WHERE name = 'date_unknown'`).pluck().get() !== undefined,
  );
}

/**
 * Computes the facts `which` selects, stores them and adds them to the cells' changes in one pass: reading them
 * back after an INSERT … SELECT cost as much again at 100,000.
 */
function storeFacts(
  db: Database,
  which: string,
  deltas: CellDeltas,
  months: SkillMonthDeltas | null = null,
  monthCells: MonthCellDeltas | null = null,
): void {
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
      monthCells?.addFact(row, 1);
    }
  }
}
const sliceSize = 2000;

/** The cells' changes, upserted a batch at a time (count-upsert.ts); those whose count fell to zero are removed. */
function writeCells(db: Database, deltas: CellDeltas): void {
  writeCountChanges(db, cellsTable, deltas.changes());
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
    if (hasMonthCells(db)) rebuildMonthCells(db);
  });
}
