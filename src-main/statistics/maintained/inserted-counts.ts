import type { Database } from '../../db/connection';
import { CellDeltas, cellsTable, scopes, type CellKindName, type CellScope } from './cells';
import { writeCountChanges } from './count-upsert';
import type { FactRow } from './facts';
import { MonthCellDeltas, monthCellsTable } from './month-cells';
import { monthOf, SkillMonthDeltas, skillMonthsTable } from './skill-months';

/**
 * The counts (cells, skill months, month cells) of many facts coming in or going out at once: an import's staging
 * settles 100,000 (inserted-facts.ts). Read the facts in `factsOrder`.
 */
export interface InsertedCounts {
  add(row: FactRow, sign: 1 | -1): void;
  write(db: Database): void;
}

/** The facts in the order `GroupedCounts` sums them: by applied month and source, as the month tables key them. */
export const factsOrder = `ORDER BY substr(applied_day, 1, 7), coalesce(source, '')`;

/** The counts to keep for a database with these tables: grouped where it has both month tables, else apart. */
export function insertedCounts(tables: { skillMonths: boolean; monthCells: boolean }): InsertedCounts {
  return tables.skillMonths && tables.monthCells ? new GroupedCounts() : new SeparateCounts(tables);
}

type Key = string | number;

/**
 * The facts come in by applied month and source (`factsOrder`): the month cells and skill months of each month and
 * source are summed on their own, in small maps, and set aside as rows when the next begins. Summed in one set of
 * nested maps for all months and sources (MonthCellDeltas alone), the changes of 100,000 facts made about 150,000
 * small maps that lived to the end, each fact's changes scattered across them: about twice the CPU at 100,000
 * (docs/performance.md, session 17). The cells are then the sums of those rows over months and sources: the month
 * cells hold every kind of the cells but the skills, which the skill months hold, with the same keys and values
 * (stayer-counts.ts `cellsOfSideSql` reads them so). Each fact's kinds are emitted once (for the month cells) instead
 * of twice. A month and source met again later (if SQLite's order and JavaScript's months ever disagree) writes its
 * rows twice, which the upserts add up.
 */
class GroupedCounts implements InsertedCounts {
  private group: string | null = null;
  private monthCells = new MonthCellDeltas();
  private skillMonths = new SkillMonthDeltas();
  private readonly monthCellRows: unknown[][] = [];
  private readonly skillMonthRows: unknown[][] = [];
  /** kind -> stored key -> value -> [active change, archived change]. */
  private readonly cells = new Map<string, Map<Key, Map<number, [number, number]>>>();

  add(row: FactRow, sign: 1 | -1): void {
    const group = `${monthOf(row[15])}\u0000${row[7] ?? ''}`;
    if (group !== this.group) {
      this.endGroup();
      this.group = group;
    }
    this.monthCells.addFact(row, sign);
    this.skillMonths.addFact(row, sign);
  }

  write(db: Database): void {
    this.endGroup();
    writeCountChanges(db, cellsTable, this.cellChanges());
    writeCountChanges(db, skillMonthsTable, this.skillMonthRows);
    writeCountChanges(db, monthCellsTable, this.monthCellRows);
  }

  private endGroup(): void {
    for (const row of this.monthCells.rows()) {
      this.monthCellRows.push(row);
      const [, , kind, key, value, active, archived] = row;
      this.addToCell(kind, key, value, active, archived);
    }
    for (const row of this.skillMonths.rows()) {
      this.skillMonthRows.push(row);
      const [, , kind, skill, active, archived] = row;
      this.addToCell(`skill_${kind}`, skill, 0, active, archived);
    }
    this.monthCells = new MonthCellDeltas();
    this.skillMonths = new SkillMonthDeltas();
  }

  private addToCell(kind: string, key: Key, value: number, active: number, archived: number): void {
    let byKey = this.cells.get(kind);
    if (!byKey) this.cells.set(kind, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) byKey.set(key, (byValue = new Map()));
    const change = byValue.get(value);
    if (change) {
      change[0] += active;
      change[1] += archived;
    } else {
      byValue.set(value, [active, archived]);
    }
  }

  /** As CellDeltas.changes: "active" counts the active applications, "all" every one. */
  private *cellChanges(): Generator<[kind: CellKindName, scope: CellScope, key: Key, value: number, change: number]> {
    for (const [kind, byKey] of this.cells) {
      for (const [key, byValue] of byKey) {
        for (const [value, [active, archived]] of byValue) {
          if (active !== 0) yield [kind as CellKindName, scopes.active, key, value, active];
          if (active + archived !== 0) yield [kind as CellKindName, scopes.all, key, value, active + archived];
        }
      }
    }
  }
}

/** A database without both month tables (older schemas, which tests write into): each table it has summed apart. */
class SeparateCounts implements InsertedCounts {
  private readonly cells = new CellDeltas();
  private readonly skillMonths: SkillMonthDeltas | null;
  private readonly monthCells: MonthCellDeltas | null;

  constructor(tables: { skillMonths: boolean; monthCells: boolean }) {
    this.skillMonths = tables.skillMonths ? new SkillMonthDeltas() : null;
    this.monthCells = tables.monthCells ? new MonthCellDeltas() : null;
  }

  add(row: FactRow, sign: 1 | -1): void {
    this.cells.add(row, sign);
    this.skillMonths?.addFact(row, sign);
    this.monthCells?.addFact(row, sign);
  }

  write(db: Database): void {
    writeCountChanges(db, cellsTable, this.cells.changes());
    this.skillMonths?.write(db);
    this.monthCells?.write(db);
  }
}
