import { levels } from '../categories';
import { noAnswerYet, scopes } from './cells';
import { countColumnOf } from './side-moves';

/**
 * The counts of the applications that stay behind a whole-side move (refresh.ts `moveWholeSide`: the Undo of a
 * "select all" → archive leaves the 27,091 applications archived before it at 100,000), grouped in SQL from their
 * facts instead of summed one fact at a time in JavaScript (1.2 to 1.9 s of CPU there). This is the SQL twin of
 * `cellsOfFact` (cells.ts, still the definition every other path uses) and of `skillsOf` (as ../skills.ts reads the
 * lists); test/statistics/stayer-counts.test.ts compares them on awkward values (texts needing escapes, dates that
 * do not parse, damaged skill lists, salaries with halves), and side-moves.test.ts the Undo with a rebuild.
 *
 * The days are the contract's (`calendarDate`, instants cut to their day: zero-padded YYYY-MM-DD), which
 * `julianday` and `Date.parse` read alike, failing alike on a day that is not real.
 * Numbers are written as REAL, as better-sqlite3 binds every JavaScript number and as the JavaScript path stores
 * them.
 */

/** The facts `where` selects, with the columns the kinds need (`f`: the facts). */
const factsOf = (where: string) => `SELECT
    f.stage_id, f.employment_type, f.work_mode, f.category, f.reached, f.level, f.company, f.source, f.resume_version,
    f.location, f.industry, f.applied_day, f.response_day, f.interview_day, f.offer_day,
    f.salary_currency, f.salary_period, coalesce(f.salary_min, f.salary_max) AS low, coalesce(f.salary_max, f.salary_min) AS high,
    substr(f.applied_day, 1, 7) AS month, coalesce(f.source, '') AS month_source,
    CASE WHEN f.response_day IS NOT NULL
      THEN max(0, CAST(julianday(substr(f.response_day, 1, 10)) - julianday(substr(f.applied_day, 1, 10)) AS INTEGER)) END AS days
  FROM main.statistics_facts f WHERE ${where}`;

/** Each kind's key and value over one fact (`s`), and when the fact counts in it: `answerDays` and `cellsOfFact`. */
const kinds: readonly { kind: string; key: string; value: string; when?: string }[] = [
  { kind: 'cube', key: `json_array(s.stage_id, s.employment_type, s.work_mode, s.category, s.reached, s.level)`, value: '0.0' },
  { kind: 'source', key: `json_array(s.source)`, value: 'CAST(s.level AS REAL)' },
  { kind: 'resume_version', key: `json_array(s.resume_version)`, value: 'CAST(s.level AS REAL)' },
  { kind: 'location', key: `json_array(s.location)`, value: 'CAST(s.level AS REAL)' },
  { kind: 'industry', key: `json_array(s.industry)`, value: 'CAST(s.level AS REAL)' },
  { kind: 'sent_day', key: 's.applied_day', value: '0.0', when: `s.level >= ${levels.sent}` },
  { kind: 'responses', key: 's.response_day', value: '0.0', when: `s.level >= ${levels.sent} AND s.response_day IS NOT NULL` },
  { kind: 'response_days', key: 'CAST(s.days AS REAL)', value: '0.0', when: `s.level >= ${levels.sent} AND s.days IS NOT NULL` },
  { kind: 'company_answered', key: 'CAST(s.company AS REAL)', value: '0.0', when: `s.level >= ${levels.sent} AND s.days IS NOT NULL` },
  { kind: 'company_days', key: 'CAST(s.company AS REAL)', value: `CAST(coalesce(s.days, ${noAnswerYet}) AS REAL)`, when: `s.level >= ${levels.sent}` },
  { kind: 'interviews', key: 's.interview_day', value: '0.0', when: `s.level >= ${levels.sent} AND s.interview_day IS NOT NULL` },
  { kind: 'offers', key: 's.offer_day', value: '0.0', when: `s.level >= ${levels.sent} AND s.offer_day IS NOT NULL` },
  { kind: 'salary', key: 'json_array(s.employment_type, s.salary_currency, s.salary_period)', value: '(s.low + s.high) / 2.0', when: 's.low IS NOT NULL' },
  { kind: 'salary_low', key: 'json_array(s.employment_type, s.salary_currency, s.salary_period)', value: 'CAST(s.low AS REAL)', when: 's.low IS NOT NULL' },
  { kind: 'salary_high', key: 'json_array(s.employment_type, s.salary_currency, s.salary_period)', value: 'CAST(s.high AS REAL)', when: 's.low IS NOT NULL' },
];

/**
 * The month cells (month-cells.ts) of the facts `where` selects, as rows (month, source, kind, key, value, count):
 * one grouped SELECT per kind over a copy of those facts.
 */
export function monthCellsOfFactsSql(where: string): string {
  return `WITH s AS MATERIALIZED (${factsOf(where)})
    ${kinds
      .map(
        ({ kind, key, value, when }) =>
          `SELECT s.month, s.month_source, '${kind}', ${key}, ${value}, count(*) FROM s${when ? ` WHERE ${when}` : ''} GROUP BY 1, 2, 4, 5`,
      )
      .join('\n    UNION ALL ')}`;
}

/** A JSON list column for json_each, as ../skills.ts reads it: damaged JSON reads as empty; only text items count. */
const listOf = (column: string) => `json_each(CASE WHEN json_valid(${column}) THEN ${column} ELSE '[]' END)`;

/** The skill months (skill-months.ts) of the facts `where` selects, as rows (month, source, kind, skill, count). */
export function skillMonthsOfFactsSql(where: string): string {
  return (['required', 'preferred'] as const)
    .map(
      (kind) => `SELECT substr(f.applied_day, 1, 7), coalesce(f.source, ''), '${kind}', j.value, count(*)
        FROM main.statistics_facts f, ${listOf(`f.${kind}_skills`)} j WHERE (${where}) AND j.type = 'text' GROUP BY 1, 2, 4`,
    )
    .join('\nUNION ALL ');
}

/**
 * The cells' counts (cells.ts: kind, key, value, count) of one side of the month tables, summed over months and
 * sources: the month cells hold every kind of the cells but the skills, which the skill months hold (kind
 * `required` is the cells' `skill_required`), with the same keys and values.
 */
export function cellsOfSideSql(side: 0 | 1): string {
  const count = countColumnOf(side);
  return `SELECT kind, key, value, sum(${count}) AS count FROM main.statistics_month_cells WHERE ${count} <> 0 GROUP BY kind, key, value
    UNION ALL
    SELECT 'skill_' || kind, skill, 0.0, sum(${count}) FROM main.statistics_skill_months WHERE ${count} <> 0 GROUP BY kind, skill`;
}

/**
 * The cells' active scope made again from the month tables, once they are right: the active applications' counts
 * (side 0), or, when nearly all of them are active (`fromAll`), every count of "all" less the archived side's
 * (side 1; fewer rows to sum). `remembered`: that side's counts already summed (side-memo.ts), a table of (kind,
 * key, value, count).
 */
export function activeCellsFromMonths(fromAll: boolean, remembered?: string): string[] {
  if (!fromAll) {
    return [
      `DELETE FROM main.statistics_cells WHERE scope = ${scopes.active}`,
      `INSERT INTO main.statistics_cells (kind, scope, key, value, count)
       SELECT kind, ${scopes.active}, key, value, count FROM (${remembered ? `SELECT kind, key, value, count FROM ${remembered}` : cellsOfSideSql(0)}) WHERE true`,
    ];
  }
  const archived = remembered ?? 'temp.statistics_archived_cells';
  return [
    ...(remembered
      ? []
      : [
          `CREATE TEMP TABLE IF NOT EXISTS statistics_archived_cells (kind, key, value, count, PRIMARY KEY (kind, key, value)) WITHOUT ROWID`,
          `DELETE FROM temp.statistics_archived_cells`,
          `INSERT INTO temp.statistics_archived_cells (kind, key, value, count) ${cellsOfSideSql(1)}`,
        ]),
    `DELETE FROM main.statistics_cells WHERE scope = ${scopes.active}`,
    `INSERT INTO main.statistics_cells (kind, scope, key, value, count)
     SELECT a.kind, ${scopes.active}, a.key, a.value, a.count - coalesce(b.count, 0)
     FROM main.statistics_cells a LEFT JOIN ${archived} b ON b.kind = a.kind AND b.key = a.key AND b.value = a.value
     WHERE a.scope = ${scopes.all} AND a.count <> coalesce(b.count, 0)`,
  ];
}
