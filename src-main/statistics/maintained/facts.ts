import { stageCategories } from '../../../src-shared/contract/enums';
import { categoryBit, categoryBitSql, interviewBits, levelSql, offerBits, responseBits } from '../categories';

/** The columns the statistics group by, as a table definition (shared with the per-computation copy, ../facts.ts). */
export const factColumnDefinitions = `seq INTEGER PRIMARY KEY,
  company INTEGER NOT NULL,
  stage_id TEXT NOT NULL,
  category TEXT NOT NULL,
  employment_type TEXT, work_mode TEXT, source TEXT, location TEXT, industry TEXT, resume_version TEXT,
  salary_min INTEGER, salary_max INTEGER, salary_currency TEXT, salary_period TEXT,
  applied_day TEXT NOT NULL,
  archived INTEGER NOT NULL,
  reached INTEGER NOT NULL,
  response_day TEXT, interview_day TEXT, offer_day TEXT,
  level INTEGER NOT NULL`;

/**
 * One narrow row per live application holding everything the statistics read about it, its stage history
 * summed up included. It is derived data, like the current stage and the full-text index: the write path refreshes
 * the rows of the applications a write touched (changes/derive.ts), in the same transaction, so reading the
 * history (the costly part: about 0.6 s at 100,000 applications) happens once per change instead of once per
 * dashboard.
 *
 * Columns:
 * - company: the company's rowid (grouping by a small integer is cheaper than by a UUID); the dimensions of the
 *   breakdowns (current stage and category, employment type, work mode, source, location, company industry,
 *   resume version), the salary, `archived`, and the skill lists (so the maintained counts can take an
 *   application's old skills away after its row changed);
 * - applied_day: applied_on, else the UTC day the application was created (the fallback docs/statistics.md names);
 * - reached: bit mask of every category in the history (live stage events, and the current category);
 * - response_day: first_response_on, else the first day the history reached a category that means an answer;
 * - interview_day / offer_day: the first day the history reached interviewing-or-later / offer-or-later;
 * - level: how far it got (categories.ts `levels`), each level implying the previous ones.
 * Stage categories never change once a stage exists (stages.update renames only), so a stage edit needs no refresh.
 */
export const factsTableDefinition = `CREATE TABLE statistics_facts (${factColumnDefinitions}, required_skills TEXT, preferred_skills TEXT)`;

/** A whole facts row, as the maintenance reads and writes it (the columns of `factRowColumns`, in order). */
export type FactRow = [
  seq: number,
  archived: number,
  company: number,
  stageId: string,
  category: string,
  employmentType: string | null,
  workMode: string | null,
  source: string | null,
  location: string | null,
  industry: string | null,
  resumeVersion: string | null,
  salaryMin: number | null,
  salaryMax: number | null,
  salaryCurrency: string | null,
  salaryPeriod: string | null,
  appliedDay: string,
  reached: number,
  responseDay: string | null,
  interviewDay: string | null,
  offerDay: string | null,
  level: number,
  requiredSkills: string | null,
  preferredSkills: string | null,
];
const factRowColumnNames = [
  'seq', 'archived', 'company', 'stage_id', 'category', 'employment_type', 'work_mode', 'source', 'location', 'industry',
  'resume_version', 'salary_min', 'salary_max', 'salary_currency', 'salary_period', 'applied_day', 'reached', 'response_day',
  'interview_day', 'offer_day', 'level', 'required_skills', 'preferred_skills',
];
export const factRowColumns = factRowColumnNames.join(', ');
/** The columns the statistics group by (the skill lists aside), for the per-computation copy (../facts.ts). */
export const factColumnNames = factRowColumnNames.filter((column) => !column.endsWith('_skills'));

/** The applied date, or the day the application was created. */
export const appliedDaySql = `coalesce(a.applied_on, substr(a.created_at, 1, 10))`;

/** Stage id -> category bit, refreshed before each use: a lookup in a few rows instead of a join per event. */
export const stageBitsStatements = [
  `CREATE TEMP TABLE IF NOT EXISTS statistics_stage_bits (id TEXT PRIMARY KEY, bit INTEGER NOT NULL) WITHOUT ROWID`,
  `DELETE FROM temp.statistics_stage_bits`,
  `INSERT INTO temp.statistics_stage_bits (id, bit) SELECT id, ${categoryBitSql('category')} FROM stages`,
];

/** `OFFSET 0` keeps SQLite from flattening a subquery into its parent, which would repeat its correlated lookups. */
const keepApart = 'LIMIT -1 OFFSET 0';

/** One application's live history, looked up in the stage_events_history index: a correlated subquery per value. */
function history(aggregate: string, applicationId: string): string {
  return `(SELECT ${aggregate} FROM stage_events e
    JOIN temp.statistics_stage_bits b ON b.id = e.to_stage_id
    WHERE e.application_id = ${applicationId} AND e.deleted_at IS NULL)`;
}
/**
 * The OR of the bits of an application's events, as a sum of one max() per category: sum(DISTINCT …) would build a
 * temporary b-tree for every application.
 */
const bitOrSql = stageCategories.map((category) => `max(b.bit & ${categoryBit[category]})`).join(' + ');
/**
 * The first day the history reached one of `bits`. An event whose day is not known (`date_unknown`, migration 0180:
 * an import whose file did not say) reaches, but gives no day; `knownDay` is the condition for that, `1` on a
 * database still older than 0180 (migration 0060 fills the facts through this code).
 */
const firstDay = (bits: number, knownDay: string) =>
  history(`min(CASE WHEN b.bit & ${bits} AND ${knownDay} THEN substr(e.occurred_at, 1, 10) END)`, 'base.id');

/** The condition `firstDay` needs on this database. */
export const knownDaySql = (hasDateUnknown: boolean) => (hasDateUnknown ? 'e.date_unknown = 0' : '1');

/**
 * Columns of `applications` the facts never read (test/statistics/quiet-columns.test.ts checks that the facts' SQL
 * names none of them): an edit of these alone leaves an application's facts and counts as they are, so the write
 * path does not compute them again (changes/writer.ts).
 */
export const columnsFactsIgnore: ReadonlySet<string> = new Set([
  'position', 'schedule', 'posting_url', 'description', 'experience_years', 'notes', 'favorite', 'priority', 'excitement',
  'deadline', 'external_fields', 'posting_text', 'posting_source_url', 'posting_captured_at',
]);

/**
 * The facts of the live applications `which` selects (a condition on `applications a`), with the columns of
 * `factRowColumns` in that order; run stageBitsStatements first.
 */
export function selectFactsSql(which: string, knownDay = knownDaySql(true)): string {
  return `SELECT ${factRowColumns.replace(/\blevel\b/, `${levelSql} AS level`)} FROM (
      SELECT base.*,
        coalesce(base.first_response_on, ${firstDay(responseBits, knownDay)}) AS response_day,
        CASE WHEN base.reached & ${interviewBits} THEN ${firstDay(interviewBits, knownDay)} END AS interview_day,
        CASE WHEN base.reached & ${offerBits} THEN ${firstDay(offerBits, knownDay)} END AS offer_day
      FROM (
        SELECT a.seq, a.id, c.rowid AS company, a.stage_id, a.stage_category AS category, a.employment_type, a.work_mode,
          a.source, a.location, c.industry, a.resume_version, a.salary_min, a.salary_max, a.salary_currency,
          a.salary_period, a.first_response_on, ${appliedDaySql} AS applied_day, a.archived,
          coalesce(${history(bitOrSql, 'a.id')}, 0) | ${categoryBitSql('a.stage_category')} AS reached,
          a.required_skills, a.preferred_skills
        FROM applications a CROSS JOIN companies c ON c.id = a.company_id
        WHERE a.deleted_at IS NULL AND ${which}
        ${keepApart}
      ) base
      ${keepApart}
    )`;
}

/** Stores one facts row (`factRowColumns` order). */
export const insertFactSql = `INSERT INTO main.statistics_facts (${factRowColumns}) VALUES (${factRowColumnNames.map(() => '?').join(', ')})`;
