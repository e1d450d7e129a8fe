import type { Database } from '../db/connection';
import { applicationWhere, type SqlWhere } from '../applications/filters';
import { stageCategories } from '../../src-shared/contract';
import { categoryBit, categoryBitSql, interviewBits, levelSql, offerBits, responseBits } from './categories';
import { indexHint } from './indexes';
import type { StatisticsScope } from './scope';

/**
 * Every statistic is computed from one narrow row per application, built in a single pass and kept in a
 * temporary (this connection only, in memory) table: the filters (`applicationWhere`, the same WHERE as the list)
 * and the stage history are read once, and each figure is then a small GROUP BY over this table.
 *
 * Columns:
 * - the company (its rowid), the dimensions of the breakdowns (current stage and category, employment type, work
 *   mode, source, location, company industry, resume version) and the salary;
 * - applied_day: applied_on, else the UTC day the application was created (the fallback docs/statistics.md names);
 * - in_range: applied_day within the requested range (1 when there is none);
 * - reached: bit mask of every category in the history (live stage events, and the current category);
 * - response_day: first_response_on, else the first day the history reached a category that means an answer;
 * - interview_day / offer_day: the first day the history reached interviewing-or-later / offer-or-later;
 * - level: how far it got (categories.ts `levels`), each level implying the previous ones.
 */
export const factsTable = 'temp.statistics_facts';

const createFactsTable = `CREATE TEMP TABLE IF NOT EXISTS statistics_facts (
  seq INTEGER PRIMARY KEY,
  company INTEGER NOT NULL, -- the company's rowid: grouping by a small integer is cheaper than by a UUID
  stage_id TEXT NOT NULL,
  category TEXT NOT NULL,
  employment_type TEXT, work_mode TEXT, source TEXT, location TEXT, industry TEXT, resume_version TEXT,
  salary_min INTEGER, salary_max INTEGER, salary_currency TEXT, salary_period TEXT,
  applied_day TEXT NOT NULL,
  in_range INTEGER NOT NULL,
  reached INTEGER NOT NULL,
  response_day TEXT, interview_day TEXT, offer_day TEXT,
  level INTEGER NOT NULL
)`;

/** The applied date, or the day the application was created. */
export const appliedDaySql = `coalesce(a.applied_on, substr(a.created_at, 1, 10))`;

/** Stage id -> category bit, refreshed by each computation: a lookup in a few rows instead of a join per event. */
const createStageBits = `CREATE TEMP TABLE IF NOT EXISTS statistics_stage_bits (id TEXT PRIMARY KEY, bit INTEGER NOT NULL) WITHOUT ROWID`;

/** `OFFSET 0` keeps SQLite from flattening a subquery into its parent, which would repeat its correlated lookups. */
const keepApart = 'LIMIT -1 OFFSET 0';

/**
 * One application's history, looked up in the stage_events_history index (migration 0020): a correlated
 * subquery per value, and the first interview and offer days only for the applications whose history reached them.
 */
function history(aggregate: string, applicationId: string, hints: Hints): string {
  return `(SELECT ${aggregate} FROM stage_events e ${hints.events}
    JOIN temp.statistics_stage_bits b ON b.id = e.to_stage_id
    WHERE e.application_id = ${applicationId} AND e.deleted_at IS NULL)`;
}
/**
 * The OR of the bits of an application's events, as a sum of one max() per category: sum(DISTINCT …) would build a
 * temporary b-tree for every application.
 */
const bitOrSql = stageCategories.map((category) => `max(b.bit & ${categoryBit[category]})`).join(' + ');
const firstDay = (bits: number, hints: Hints) =>
  history(`min(CASE WHEN b.bit & ${bits} THEN substr(e.occurred_at, 1, 10) END)`, 'base.id', hints);

interface Hints {
  applications: string;
  events: string;
  companies: string;
}

function insertSql(where: SqlWhere, hints: Hints): string {
  const columns = `seq, company, stage_id, category, employment_type, work_mode, source, location, industry, resume_version,
    salary_min, salary_max, salary_currency, salary_period, applied_day, in_range, reached, response_day, interview_day, offer_day`;
  return `INSERT INTO ${factsTable} (${columns}, level)
    SELECT ${columns}, ${levelSql} FROM (
      SELECT base.*,
        coalesce(base.first_response_on, ${firstDay(responseBits, hints)}) AS response_day,
        CASE WHEN base.reached & ${interviewBits} THEN ${firstDay(interviewBits, hints)} END AS interview_day,
        CASE WHEN base.reached & ${offerBits} THEN ${firstDay(offerBits, hints)} END AS offer_day
      FROM (
        SELECT a.seq, a.id, c.rowid AS company, a.stage_id, a.stage_category AS category, a.employment_type, a.work_mode,
          a.source, a.location, c.industry, a.resume_version, a.salary_min, a.salary_max, a.salary_currency,
          a.salary_period, a.first_response_on, ${appliedDaySql} AS applied_day,
          ${appliedDaySql} BETWEEN ? AND ? AS in_range,
          coalesce(${history(bitOrSql, 'a.id', hints)}, 0) | ${categoryBitSql('a.stage_category')} AS reached
        FROM applications a ${hints.applications}
        CROSS JOIN companies c ${hints.companies} ON c.id = a.company_id
        WHERE ${where.clauses.join(' AND ')}
        ${keepApart}
      ) base
      ${keepApart}
    )`;
}

/** Fills the facts table for these filters and range. Run inside the read transaction of the computation. */
export function loadFacts(db: Database, scope: StatisticsScope): void {
  db.sqlite.exec(createFactsTable);
  db.sqlite.exec(createStageBits);
  db.sql(`DELETE FROM temp.statistics_stage_bits`).run();
  db.sql(`INSERT INTO temp.statistics_stage_bits (id, bit) SELECT id, ${categoryBitSql('category')} FROM stages`).run();
  db.sql(`DELETE FROM ${factsTable}`).run();
  const where = applicationWhere(scope.filters);
  const hints = { applications: indexHint(db, 'applications_statistics'), events: indexHint(db, 'stage_events_history'), companies: indexHint(db, 'companies_industry') };
  db.sql(insertSql(where, hints)).run(scope.from ?? '0000-01-01', scope.to ?? '9999-12-31', ...where.params);
}
