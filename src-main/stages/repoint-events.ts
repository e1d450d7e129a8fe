import type { RowCondition, WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import { cellsOfFact, cellsTable, scopes, storedKey } from '../statistics/maintained/cells';
import { writeCountChanges } from '../statistics/maintained/count-upsert';
import type { FactRow } from '../statistics/maintained/facts';
import { hasMonthCells, monthCellsTable } from '../statistics/maintained/month-cells';
import { hasStatisticsTables } from '../statistics/maintained/refresh';

/** Which events move: those naming `from` in `column`, and, for an Undo, only those among `ids`. */
export interface EventsMove {
  column: 'to_stage_id' | 'from_stage_id';
  from: string;
  to: string;
  ids?: readonly string[];
}

const eventsOf = (move: EventsMove): RowCondition =>
  move.ids === undefined
    ? { alias: 'stage_events', where: `${move.column} = ?`, params: [move.from] }
    : { alias: 'stage_events', where: `${move.column} = ? AND id IN (SELECT value FROM json_each(?))`, params: [move.from, JSON.stringify(move.ids)] };

/**
 * Points the events `move` selects at another stage, set-based: one UPDATE, one change-log INSERT and one clocks
 * upsert for all of them (the writer's updateWhere), where one write per event cost about 10 s of the main process
 * for the 38,284 applications of the fullest stage at 100,000. Returns the ids of the events moved.
 *
 * When both stages are of one category (what the delete form proposes), what the events feed changes only by the
 * stage's id: the categories reached, the days of the first answer, interview and offer, the level stay as they are
 * (stage categories never change). So instead of computing the facts of every application again from its history
 * (the writer's way, still taken between categories), the current stage of the applications whose latest event moved
 * follows it (`followCurrentStage`), and so do their facts and the counts keyed by stage (`followStageId`). An
 * event's origin stage feeds nothing derived. test/integration/stage-delete-paths.test.ts compares both ways.
 */
export function repointStageEvents(db: Database, write: WriteContext, move: EventsMove, sameCategory: boolean): string[] {
  if (move.ids?.length === 0) return [];
  if (!sameCategory) return write.updateWhere('stage_events', eventsOf(move), { [move.column]: move.to });
  const moved = write.updateWhere('stage_events', eventsOf(move), { [move.column]: move.to }, { derivedByCaller: true });
  if (move.column === 'to_stage_id' && moved.length > 0) followStageId(db, followCurrentStage(db, moved, move.from, move.to), move.to);
  return moved;
}

/**
 * The applications of these events whose current stage is `from` and whose latest live event now names `to` take
 * `to` as their current stage: what recomputeCurrentStage (changes/derive.ts) gives when only the stage's id of
 * some events changed (their order, days and categories are the same), without ranking every event of 38,000
 * applications (2.9 s at 100,000). Returns the rowids (`seq`) of the applications whose current stage changed.
 */
function followCurrentStage(db: Database, eventIds: readonly string[], from: string, to: string): number[] {
  return db
    .sql(
      `UPDATE applications SET stage_id = ?
       WHERE id IN (SELECT DISTINCT application_id FROM stage_events WHERE id IN (SELECT value FROM json_each(?))) AND stage_id = ?
         AND (SELECT e.to_stage_id FROM stage_events e WHERE e.application_id = applications.id AND e.deleted_at IS NULL
              ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) = ?
       RETURNING seq`,
    )
    .pluck()
    .all(to, JSON.stringify(eventIds), from, to) as number[];
}

/**
 * The facts of these applications (by rowid) take `stageId`, their current stage now, and the counts keyed by it
 * move from the old id's key to the new one's: the cells' cube and the month cells' cube (no other count names a
 * stage). The facts that move are grouped by what the cube keys (a few hundred groups for 38,000 facts), each group
 * moved at once. Only the facts are read: an application's row is long (notes, description) and its stage comes
 * after them.
 */
function followStageId(db: Database, seqs: readonly number[], stageId: string): void {
  if (seqs.length === 0 || !hasStatisticsTables(db)) return;
  const moving = `main.statistics_facts WHERE seq IN (SELECT value FROM json_each(?)) AND stage_id IS NOT ?`;
  const params = [JSON.stringify(seqs), stageId];
  const groups = db
    .sql(
      `SELECT stage_id, employment_type, work_mode, category, reached, level, archived, substr(applied_day, 1, 7),
         coalesce(source, ''), count(*)
       FROM ${moving} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    )
    .raw()
    .all(...params) as [string, string | null, string | null, string, number, number, number, string, string, number][];
  if (groups.length === 0) return;
  const cells = new CountChanges();
  const monthCells = hasMonthCells(db) ? new CountChanges() : null;
  for (const [before, employmentType, workMode, category, reached, level, archived, month, source, count] of groups) {
    const after = stageId;
    for (const [stageId, sign] of [[before, -1], [after, 1]] as const) {
      const key = cubeKey(stageId, employmentType, workMode, category, reached, level);
      if (archived === 0) cells.add(['cube', scopes.active, key, 0], [sign * count]);
      cells.add(['cube', scopes.all, key, 0], [sign * count]);
      // The month cells hold the active and the archived count in one row.
      monthCells?.add([month, source, 'cube', key, 0], archived === 0 ? [sign * count, 0] : [0, sign * count]);
    }
  }
  db.sql(`UPDATE ${moving.replace(' WHERE ', ' SET stage_id = ? WHERE ')}`).run(stageId, ...params);
  writeCountChanges(db, cellsTable, cells.rows());
  if (monthCells) writeCountChanges(db, monthCellsTable, monthCells.rows());
}

/** The cube's stored key for these dimensions, as cellsOfFact (the one place that says what each kind holds) makes it. */
function cubeKey(stageId: string, employmentType: string | null, workMode: string | null, category: string, reached: number, level: number): string {
  const row = new Array<unknown>(factRowLength).fill(null);
  Object.assign(row, { 0: 0, 1: 0, 2: 0, 3: stageId, 4: category, 5: employmentType, 6: workMode, 15: '', 16: reached, 20: level });
  let key: string | number | null = null;
  cellsOfFact(row as FactRow, (kind, emitted) => {
    if (kind === 'cube') key = storedKey(kind, emitted);
  });
  return key as unknown as string;
}
const factRowLength = 23;

/** Changes of counts (one per count column of the table) by their key columns, summed; those that cancel out are not written. */
class CountChanges {
  private readonly byKey = new Map<string, { columns: (string | number)[]; changes: number[] }>();

  add(columns: (string | number)[], changes: readonly number[]): void {
    const id = JSON.stringify(columns);
    const entry = this.byKey.get(id);
    if (entry) changes.forEach((change, at) => (entry.changes[at] += change));
    else this.byKey.set(id, { columns, changes: [...changes] });
  }

  *rows(): Generator<(string | number)[]> {
    for (const { columns, changes } of this.byKey.values()) if (changes.some((change) => change !== 0)) yield [...columns, ...changes];
  }
}
