import type { Database } from '../../db/connection';
import { hasTable } from '../../db/schema-facts';
import type { SkillRow } from '../skills';
import { skillsOf } from './cells';
import { writeCountChanges } from './count-upsert';
import type { SideTable } from './side-moves';
import type { FactRow } from './facts';

/**
 * How many live applications list each skill, per applied month and source, active and archived side by side: kept up to date by the
 * write path beside the facts and the cells (refresh.ts), so that a dashboard over a range or a few sources sums a
 * few thousand of these rows instead of reading every kept application's skill lists (json_each over 21,655
 * applications' lists: about 150 ms of CPU at 100,000). Months strictly inside a range are summed from here; the
 * days of its first and last month are read from the facts (../skills.ts).
 * - month: the first seven characters of the facts' applied_day (`YYYY-MM`);
 * - source: the application's source, '' when it has none (a source filter never asks for '' nor for null);
 * - kind and skill: as the cells' skill kinds (`skillsOf`: the text items of the list).
 * - active, archived: how many applications of each flag list it (one row for both since migration 0305, as the
 *   month cells: a whole side's move changes counts inside the rows).
 * Rows whose two counts fall to zero are removed; a row may hold a zero on one side.
 */
export const skillMonthsTableDefinition = `CREATE TABLE statistics_skill_months (
  month TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  skill TEXT NOT NULL,
  active INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  PRIMARY KEY (month, source, kind, skill)
) WITHOUT ROWID`;

/** The facts' applied day as a month key, in SQL (the facts' column `f.applied_day`) and in code. */
export const appliedMonthSql = `substr(f.applied_day, 1, 7)`;
export const monthOf = (appliedDay: string) => appliedDay.slice(0, 7);

type SkillKind = SkillRow['kind'];

/**
 * Changes to the rows, summed before they are written (as the cells' `CellDeltas`): an edit that keeps an
 * application's month, source and skills writes nothing. Nested maps (flag, month and kind; source; skill) rather
 * than one map of built keys: an import of 100,000 sums some hundreds of thousands of these, and an archive of
 * 73,000 moved two per skill (a JSON key per change cost 2.3 s of CPU there).
 */
export class SkillMonthDeltas {
  /** By kind and month, then source, then skill: [active change, archived change]. */
  private readonly changes = new Map<string, { month: string; kind: SkillKind; bySource: Map<string, Map<string, [number, number]>> }>();

  /** One application's facts row comes in (1) or goes out (-1). */
  addFact(row: FactRow, sign: 1 | -1): void {
    this.add(row[1], row[15], row[7], row[21], row[22], sign);
  }

  add(archived: number, appliedDay: string, source: string | null, required: string | null, preferred: string | null, sign: 1 | -1): void {
    const flag = archived === 0 ? 0 : 1;
    const month = monthOf(appliedDay);
    this.addList(flag, month, source ?? '', 'required', required, sign);
    this.addList(flag, month, source ?? '', 'preferred', preferred, sign);
  }

  /**
   * One application's facts row, as stored, is archived (or brought back): its skills leave one flag for the other,
   * each list read once (an archive moves 73,000).
   */
  moveFact(row: FactRow, toArchived: boolean): void {
    const month = monthOf(row[15]);
    const source = row[7] ?? '';
    for (const [kind, list] of [['required', row[21]], ['preferred', row[22]]] as const) {
      const skills = skillsOf(list);
      if (skills.length === 0) continue;
      const bySkill = this.bySkill(month, kind, source);
      const [from, to] = toArchived ? [0, 1] : [1, 0];
      for (const skill of skills) {
        const change = changeOf(bySkill, skill);
        change[from] -= 1;
        change[to] += 1;
      }
    }
  }

  private addList(archived: number, month: string, source: string, kind: SkillKind, list: string | null, sign: 1 | -1): void {
    const skills = skillsOf(list);
    if (skills.length === 0) return;
    const bySkill = this.bySkill(month, kind, source);
    for (const skill of skills) changeOf(bySkill, skill)[archived] += sign;
  }

  /** The changes of one month, kind and source, by skill. */
  private bySkill(month: string, kind: SkillKind, source: string): Map<string, [number, number]> {
    // The kind is a fixed word, so the month is what follows it.
    const id = `${kind}${month}`;
    let group = this.changes.get(id);
    if (!group) this.changes.set(id, (group = { month, kind, bySource: new Map() }));
    let bySkill = group.bySource.get(source);
    if (!bySkill) group.bySource.set(source, (bySkill = new Map()));
    return bySkill;
  }

  /**
   * Writes every non-zero change, a batch of rows per statement (count-upsert.ts); rows whose two counts fall to zero
   * are removed.
   */
  write(db: Database): void {
    writeCountChanges(db, skillMonthsTable, this.rows());
  }

  /** The non-zero changes as rows of the table: the key columns, then the active and the archived change. */
  *rows(): Generator<[month: string, source: string, kind: SkillKind, skill: string, active: number, archived: number]> {
    for (const { month, kind, bySource } of this.changes.values()) {
      for (const [source, bySkill] of bySource) {
        for (const [skill, [active, archived]] of bySkill) {
          if (active !== 0 || archived !== 0) yield [month, source, kind, skill, active, archived];
        }
      }
    }
  }
}

function changeOf(bySkill: Map<string, [number, number]>, skill: string): [number, number] {
  let change = bySkill.get(skill);
  if (!change) bySkill.set(skill, (change = [0, 0]));
  return change;
}

export const skillMonthsTable: SideTable = {
  name: 'main.statistics_skill_months',
  columns: ['month', 'source', 'kind', 'skill'],
  conflict: ['month', 'source', 'kind', 'skill'],
  counts: ['active', 'archived'],
};

/** Whether this database has the table (migration 0260); older schemas, which tests write into, do not. */
export function hasSkillMonths(db: Database): boolean {
  return hasTable(db, 'statistics_skill_months');
}

/** Every row computed again from the facts (migration 0260, and rebuildStatistics after the facts are rebuilt). */
export function rebuildSkillMonths(db: Database): void {
  db.sql(`DELETE FROM main.statistics_skill_months`).run();
  const deltas = new SkillMonthDeltas();
  const rows = db
    .sql(`SELECT archived, applied_day, source, required_skills, preferred_skills FROM main.statistics_facts`)
    .raw()
    .iterate() as Iterable<[number, string, string | null, string | null, string | null]>;
  for (const [archived, appliedDay, source, required, preferred] of rows) deltas.add(archived, appliedDay, source, required, preferred, 1);
  deltas.write(db);
}
