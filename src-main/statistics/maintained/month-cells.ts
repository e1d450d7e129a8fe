import type { Database } from '../../db/connection';
import { hasTable } from '../../db/schema-facts';
import { cellsOfFact, storedKey, type CellKindName } from './cells';
import { writeCountChanges } from './count-upsert';
import { factRowColumns, type FactRow } from './facts';
import type { SideTable } from './side-moves';
import { monthOf } from './skill-months';

/**
 * The cells (cells.ts) once more, per archived flag, applied month and source: kept by the write path beside the
 * cells and the skill months (refresh.ts), so that a dashboard over a few sources or a date range sums the counts
 * of its months instead of grouping every kept fact (one source at 100,000: 21,655 facts copied and grouped, about
 * 190 ms). Months strictly inside a range are summed from here; the days of its first and last month come from the
 * facts (month-cells-read.ts).
 * - archived: 0 or 1 (the cells' scopes are sums of these);
 * - month: the first seven characters of the facts' applied_day (`YYYY-MM`);
 * - source: the application's source, '' when it has none (a source filter never asks for '');
 * - kind, key, value: as the cells', for the kinds below (skills are in the skill months).
 * Keyed flag, month and source first: one creation's counts sit together, on one or two pages. Rows that fall to
 * zero are removed.
 */
export const monthCellsTableDefinition = `CREATE TABLE statistics_month_cells (
  archived INTEGER NOT NULL,
  month TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  key NOT NULL,
  value NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (archived, month, source, kind, key, value)
) WITHOUT ROWID`;

type Key = string | number;
/** kind -> key as emitted -> value -> change (the key is stored as the table holds it once per row written, in `rows`). */
type KindChanges = Map<CellKindName, Map<Key | null, Map<number, number>>>;

/**
 * Changes to the rows, summed before they are written (as the cells' `CellDeltas`): an edit that keeps an
 * application's month, source and counts writes nothing. Nested maps rather than built keys (an archive moves
 * tens of thousands of facts, an import adds 100,000).
 */
export class MonthCellDeltas {
  /** `${flag}${month}` -> source -> kind -> key -> value -> change. */
  private readonly changes = new Map<string, Map<string, KindChanges>>();
  private current: KindChanges | null = null;
  private step = 0;
  private readonly emit = (kind: CellKindName, key: Key | null, value: number) => {
    // Every kind cellsOfFact emits without the skills is counted here (the skill months hold those).
    if (this.current === null) return;
    let byKey = this.current.get(kind);
    if (!byKey) this.current.set(kind, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) byKey.set(key, (byValue = new Map()));
    byValue.set(value, (byValue.get(value) ?? 0) + this.step);
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
    const group = `${flag}${monthOf(row[15])}`;
    let bySource = this.changes.get(group);
    if (!bySource) this.changes.set(group, (bySource = new Map()));
    const source = row[7] ?? '';
    let byKind = bySource.get(source);
    if (!byKind) bySource.set(source, (byKind = new Map()));
    this.current = byKind;
    this.step = sign;
    cellsOfFact(row, this.emit, false);
    this.current = null;
  }

  /** Writes every non-zero change, a batch of rows per statement (count-upsert.ts); rows whose count falls to zero are removed. */
  write(db: Database): void {
    writeCountChanges(db, monthCellsTable, this.rows());
  }

  /** The non-zero changes as rows of the table: the key columns, then the change. */
  *rows(): Generator<[archived: number, month: string, source: string, kind: CellKindName, key: Key, value: number, change: number]> {
    for (const [group, bySource] of this.changes) {
      const archived = Number(group[0]);
      const month = group.slice(1);
      for (const [source, byKind] of bySource) {
        for (const [kind, byKey] of byKind) {
          for (const [emitted, byValue] of byKey) {
            const key = storedKey(kind, emitted);
            for (const [value, change] of byValue) {
              if (change !== 0) yield [archived, month, source, kind, key, value, change];
            }
          }
        }
      }
    }
  }
}

export const monthCellsTable: SideTable = {
  name: 'main.statistics_month_cells',
  columns: ['archived', 'month', 'source', 'kind', 'key', 'value'],
  conflict: ['archived', 'month', 'source', 'kind', 'key', 'value'],
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
