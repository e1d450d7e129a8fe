import type { Database } from '../../db/connection';
import { hasTable } from '../../db/schema-facts';
import { cellsOfFact, storedKey, type CellKindName } from './cells';
import { writeCountChanges } from './count-upsert';
import type { SideTable } from './side-moves';
import { factRowColumns, type FactRow } from './facts';
import { monthOf } from './skill-months';

/**
 * The cells (cells.ts) once more, per applied month and source, with the active and the archived applications'
 * counts side by side: kept by the write path beside the cells and the skill months (refresh.ts), so that a
 * dashboard over a few sources or a date range sums the counts of its months instead of grouping every kept fact
 * (one source at 100,000: 21,655 facts copied and grouped, about 190 ms). Months strictly inside a range are summed
 * from here; the days of its first and last month come from the facts (month-cells-read.ts).
 * - month: the first seven characters of the facts' applied_day (`YYYY-MM`);
 * - source: the application's source, '' when it has none (a source filter never asks for '');
 * - kind, key, value: as the cells', for the kinds below (skills are in the skill months);
 * - active, archived: how many applications of each flag count there (the cells' scopes are sums of these).
 * Keyed month and source first: one creation's counts sit together, on one or two pages. Both counts in one row
 * (migration 0305; 0270 had the flag first in the key, a row per flag): archiving or bringing back a whole side
 * moves counts inside the rows instead of inserting some 370,000 rows on one side and deleting them on the other.
 * Rows whose two counts fall to zero are removed; a row may hold a zero on one side.
 */
export const monthCellsTableDefinition = `CREATE TABLE statistics_month_cells (
  month TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  key NOT NULL,
  value NOT NULL,
  active INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  PRIMARY KEY (month, source, kind, key, value)
) WITHOUT ROWID`;

type Key = string | number;
/**
 * kind -> key as emitted -> value -> [active change, archived change] (the key is stored as the table holds it once
 * per row written, in `rows`).
 */
type KindChanges = Map<CellKindName, Map<Key | null, Map<number, [number, number]>>>;

/**
 * Changes to the rows, summed before they are written (as the cells' `CellDeltas`): an edit that keeps an
 * application's month, source and counts writes nothing. Nested maps rather than built keys (an archive moves
 * tens of thousands of facts, an import adds 100,000).
 */
export class MonthCellDeltas {
  /** month -> source -> kind -> key -> value -> changes per flag. */
  private readonly changes = new Map<string, Map<string, KindChanges>>();
  private current: KindChanges | null = null;
  private flag = 0;
  private step = 0;
  private readonly emit = (kind: CellKindName, key: Key | null, value: number) => {
    // Every kind cellsOfFact emits without the skills is counted here (the skill months hold those).
    if (this.current === null) return;
    let byKey = this.current.get(kind);
    if (!byKey) this.current.set(kind, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) byKey.set(key, (byValue = new Map()));
    let change = byValue.get(value);
    if (!change) byValue.set(value, (change = [0, 0]));
    change[this.flag] += this.step;
  };

  /** One application's facts row comes in (1) or goes out (-1), under its own archived flag. */
  addFact(row: FactRow, sign: 1 | -1): void {
    this.emitFor(row, row[1] === 0 ? 0 : 1, sign);
  }

  /** One application's facts row, as stored, is archived (or brought back): its counts leave one flag for the other. */
  moveFact(row: FactRow, toArchived: boolean): void {
    this.emitFor(row, toArchived ? 0 : 1, -1);
    this.emitFor(row, toArchived ? 1 : 0, 1);
  }

  private emitFor(row: FactRow, flag: number, sign: 1 | -1): void {
    const month = monthOf(row[15]);
    let bySource = this.changes.get(month);
    if (!bySource) this.changes.set(month, (bySource = new Map()));
    const source = row[7] ?? '';
    let byKind = bySource.get(source);
    if (!byKind) bySource.set(source, (byKind = new Map()));
    this.current = byKind;
    this.flag = flag;
    this.step = sign;
    cellsOfFact(row, this.emit, false);
    this.current = null;
  }

  /**
   * Writes every non-zero change, a batch of rows per statement (count-upsert.ts); rows whose two counts fall to zero
   * are removed.
   */
  write(db: Database): void {
    writeCountChanges(db, monthCellsTable, this.rows());
  }

  /** The non-zero changes as rows of the table: the key columns, then the active and the archived change. */
  *rows(): Generator<[month: string, source: string, kind: CellKindName, key: Key, value: number, active: number, archived: number]> {
    for (const [month, bySource] of this.changes) {
      for (const [source, byKind] of bySource) {
        for (const [kind, byKey] of byKind) {
          for (const [emitted, byValue] of byKey) {
            const key = storedKey(kind, emitted);
            for (const [value, [active, archived]] of byValue) {
              if (active !== 0 || archived !== 0) yield [month, source, kind, key, value, active, archived];
            }
          }
        }
      }
    }
  }
}

export const monthCellsTable: SideTable = {
  name: 'main.statistics_month_cells',
  columns: ['month', 'source', 'kind', 'key', 'value'],
  conflict: ['month', 'source', 'kind', 'key', 'value'],
  counts: ['active', 'archived'],
};

/** Whether this database has the table (migration 0270); older schemas, which tests write into, do not. */
export function hasMonthCells(db: Database): boolean {
  return hasTable(db, 'statistics_month_cells');
}

/** Every row computed again from the facts (migration 0270, and rebuildStatistics after the facts are rebuilt). */
export function rebuildMonthCells(db: Database): void {
  db.sql(`DELETE FROM main.statistics_month_cells`).run();
  const deltas = new MonthCellDeltas();
  for (const row of db.sql(`SELECT ${factRowColumns} FROM main.statistics_facts`).raw().iterate() as Iterable<FactRow>) deltas.addFact(row, 1);
  deltas.write(db);
}
