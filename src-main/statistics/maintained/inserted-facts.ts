import type { Database } from '../../db/connection';
import { stageCategories } from '../../../src-shared/contract/enums';
import { categoryBit, categoryBitSql, interviewBits, levelSql, offerBits, responseBits } from '../categories';
import { appliedDaySql, factRowColumns, knownDaySql, stageBitsStatements, type FactRow } from './facts';
import { factsOrder, insertedCounts, type InsertedCounts } from './inserted-counts';
import { hasMonthCells } from './month-cells';
import { hasDateUnknown, hasStatisticsTables } from './refresh';
import { hasSkillMonths } from './skill-months';

/**
 * The statistics of many applications inserted at once (an import's staging: 100,000 of them), computed set-based:
 * their stage histories read in one pass, grouped by application, one INSERT … SELECT of their facts, then the counts
 * summed from the stored facts by the same `cellsOfFact` the write path uses. `refreshStatistics` computes the same
 * facts per application with four correlated lookups of its history and one INSERT per fact from JavaScript: 5.5 s of
 * CPU at 100,000 (docs/performance.md). test/statistics/inserted-facts.test.ts compares the two.
 */

/** The OR of the bits of a group of events, as a sum of one max() per category (as facts.ts does per application). */
const bitOrSql = stageCategories.map((category) => `max(b.bit & ${categoryBit[category]})`).join(' + ');
const firstDaySql = (bits: number, knownDay: string) => `min(CASE WHEN b.bit & ${bits} AND ${knownDay} THEN substr(e.occurred_at, 1, 10) END)`;

/**
 * The facts of the live applications after `seq` (the `?` parameter), with the columns of `factRowColumns`; run
 * stageBitsStatements first. Each application's live events are joined and grouped with it, in the order of its
 * `seq` (the rowid): one pass, no sort, and nothing materialized (a grouped subquery of the histories joined to the
 * applications kept 100,000 rows and an index of them in memory).
 */
export function selectInsertedFactsSql(knownDay: string): string {
  return `SELECT ${factRowColumns.replace(/\blevel\b/, `${levelSql} AS level`)} FROM (
      SELECT a.seq, a.archived, c.rowid AS company, a.stage_id, a.stage_category AS category, a.employment_type, a.work_mode,
        a.source, a.location, c.industry, a.resume_version, a.salary_min, a.salary_max, a.salary_currency,
        a.salary_period, ${appliedDaySql} AS applied_day,
        coalesce(${bitOrSql}, 0) | ${categoryBitSql('a.stage_category')} AS reached,
        coalesce(a.first_response_on, ${firstDaySql(responseBits, knownDay)}) AS response_day,
        ${firstDaySql(interviewBits, knownDay)} AS interview_day,
        ${firstDaySql(offerBits, knownDay)} AS offer_day,
        a.required_skills, a.preferred_skills
      FROM applications a CROSS JOIN companies c ON c.id = a.company_id
      LEFT JOIN stage_events e ON e.application_id = a.id AND e.deleted_at IS NULL
      LEFT JOIN temp.statistics_stage_bits b ON b.id = e.to_stage_id
      WHERE a.seq > ? AND a.deleted_at IS NULL
      GROUP BY a.seq
    )`;
}

/**
 * Stores the facts of the applications after `after` and adds them to the cells, skill months and month cells
 * (inserted-counts.ts). Facts some of them already have (a row changed by an ordinary write after its bulk insert)
 * leave the counts and are computed again with the rest.
 */
export function storeInsertedStatistics(db: Database, after: number): void {
  const counts = insertedCountsOf(db);
  if (!counts) return;
  replaceInsertedFacts(db, after, counts);
  countInsertedFacts(db, after, counts);
}

/** The counts to sum the facts into, or null for a database without statistics. */
export function insertedCountsOf(db: Database): InsertedCounts | null {
  return hasStatisticsTables(db) ? insertedCounts({ skillMonths: hasSkillMonths(db), monthCells: hasMonthCells(db) }) : null;
}

/**
 * storeInsertedStatistics's first part, the only one that reads the applications and their histories: the facts
 * stored (those there were taken out of `counts`). An import's statistics thread ends its read of the staging
 * database here, before the staging's own connection writes again (imports/statistics-worker.ts).
 */
export function replaceInsertedFacts(db: Database, after: number, counts: InsertedCounts): void {
  sumFacts(db, after, counts, -1);
  db.sql(`DELETE FROM main.statistics_facts WHERE seq > ?`).run(after);
  const [create, ...fill] = stageBitsStatements;
  db.sqlite.exec(create);
  for (const statement of fill) db.sql(statement).run();
  db.sql(`INSERT INTO main.statistics_facts (${factRowColumns}) ${selectInsertedFactsSql(knownDaySql(hasDateUnknown(db)))}`).run(after);
}

/** storeInsertedStatistics's second part: the stored facts added to the counts, which are written. */
export function countInsertedFacts(db: Database, after: number, counts: InsertedCounts): void {
  sumFacts(db, after, counts, 1);
  counts.write(db);
}

function sumFacts(db: Database, after: number, counts: InsertedCounts, sign: 1 | -1): void {
  for (const row of db.sql(`SELECT ${factRowColumns} FROM main.statistics_facts WHERE seq > ? ${factsOrder}`).raw().iterate(after) as Iterable<FactRow>) {
    counts.add(row, sign);
  }
}
