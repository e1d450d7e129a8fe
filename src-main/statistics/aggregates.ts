import type { StageCategory } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { levels } from './categories';
import { factsTable } from './facts';

/**
 * The GROUP BYs more than one statistic needs, over the facts table (facts.ts). Each returns a few hundred rows
 * at most, whatever the number of applications; the statistics are assembled from them in plain code.
 */

/**
 * Applications in the range by current stage, employment type, work mode, history and level, in one GROUP BY:
 * the overview's counts, the funnel, the flows and three of the breakdowns.
 */
export interface CubeRow {
  stageId: string;
  employmentType: string | null;
  workMode: string | null;
  category: StageCategory;
  reached: number;
  level: number;
  count: number;
}

export function loadCube(db: Database): CubeRow[] {
  return db
    .sql(
      `SELECT stage_id AS stageId, employment_type AS employmentType, work_mode AS workMode, category, reached, level,
         count(*) AS count
       FROM ${factsTable} WHERE in_range
       GROUP BY stage_id, employment_type, work_mode, category, reached, level`,
    )
    .all() as CubeRow[];
}

/** Sent applications per applied day, range ignored (weeks, months, streak, activity, timeline). */
export interface DayCount {
  day: string;
  count: number;
}

export function loadSentPerDay(db: Database): DayCount[] {
  return db
    .sql(`SELECT applied_day AS day, count(*) AS count FROM ${factsTable} WHERE level >= ${levels.sent} GROUP BY applied_day ORDER BY applied_day`)
    .all() as DayCount[];
}

/**
 * Sent applications in the range per company and days to the first answer (null: no answer yet). Days before the
 * applied date (a typo in one of the dates) count as 0.
 */
export interface CompanyResponseRow {
  /** The company's rowid (facts.ts). */
  company: number;
  days: number | null;
  count: number;
}

/** `facts`: where the facts are read (a FROM and WHERE), by default the computation's copy in its range. */
export function loadResponseDaysByCompany(db: Database, facts = `${factsTable} WHERE in_range`, params: readonly unknown[] = []): CompanyResponseRow[] {
  return db
    .sql(
      `SELECT company,
         CASE WHEN response_day IS NOT NULL THEN max(0, CAST(julianday(response_day) - julianday(applied_day) AS INTEGER)) END AS days,
         count(*) AS count
       FROM ${facts} AND level >= ${levels.sent}
       GROUP BY company, days`,
    )
    .all(...params) as CompanyResponseRow[];
}
