import type {
  ApplicationDetail,
  ApplicationFilters,
  ApplicationPage,
  ApplicationSortColumn,
  ApplicationSummary,
  ParsedInput,
  StageCategory,
  StageEvent,
} from '../../src-shared/contract';
import { AppError, notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { CompaniesTable } from '../db/schema';
import { toCompany } from '../companies/rows';
import { listContactsOfApplication } from '../contacts/queries';
import { interviewsOfApplication } from '../interviews/queries';
import { nextStepsByApplication, tasksOfApplication } from '../tasks/queries';
import { customValuesByApplication } from '../custom-fields/queries';
import { customSortSql } from '../custom-fields/list-sql';
import { withNameKeyFunction } from '../shared/name-match';
import { categoryRankSql } from '../stages/lookup';
import { tagsOf } from '../tags/assign';
import { countFromCells, countRows, searchBoxWhere } from './count';
import { countOnceUntilWritten, generationOutsideTransaction, type WriteGeneration } from './count-memo';
import { countSearchMatches } from './counted-rows';
import { applicationWhere, textMatchClause, type SqlWhere } from './filters';
import { inOneRead } from './one-read';
import { inMatchesReadClause, inTextMatchesClause, readTextMatches, withTextMatches, type TextMatches } from './text-matches';
import { summaryColumnsSql, toApplication, toSummary, type FullRow, type SummaryRow } from './rows';

const sortExpressions: Record<ApplicationSortColumn, string> = {
  appliedOn: 'a.applied_on',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
  // Names sort as people read them, case and accents ignored (COLLATE NOCASE folds ASCII only: É went after Z).
  company: 'c.name_key',
  position: 'name_key(a.position)',
  stage: categoryRankSql.replace('%s', 'a.stage_category'),
  employmentType: 'a.employment_type',
  workMode: 'a.work_mode',
  location: 'name_key(a.location)',
  source: 'a.source',
  salaryMin: 'a.salary_min',
  salaryMax: 'a.salary_max',
  priority: 'a.priority',
  excitement: 'a.excitement',
  deadline: 'a.deadline',
  favorite: 'a.favorite',
  firstResponseOn: 'a.first_response_on',
  // Replaced by the custom field's own expression (customSortSql).
  custom: 'NULL',
};

const fromSql = `FROM applications a JOIN companies c ON c.id = a.company_id LEFT JOIN stages s ON s.id = a.stage_id`;

/** A cursor: the sort value and sequence of the last row of a page. */
type Cursor = [value: string | number | null, seq: number];

function decodeCursor(text: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    (parsed[0] === null || typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
    Number.isSafeInteger(parsed[1]);
  if (!valid) {
    throw new AppError('VALIDATION', 'Invalid input: after: not a cursor of this list', {
      issues: [{ path: 'after', code: 'invalid_cursor', message: 'not a cursor of this list' }],
    });
  }
  return parsed as Cursor;
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

/** A statement's text and its parameters. */
interface Statement {
  sql: string;
  params: (string | number)[];
}

/** Sort keys an index of live rows holds in the list's order (applications_live_order; applications_live_stage
 * after a stage): a cursor on them starts a range of that index. */
const indexedSortKeys = new Set(['a.applied_on']);

/**
 * The sequences of the page after a cursor in `ORDER BY key <dir> NULLS LAST, seq <dir>`: rows inserted or deleted
 * before it shift nothing. On a key an index holds in that order, three ranges of it, each part's first rows merged
 * in the sort's order: the rows tied with the cursor's value past its sequence, those beyond its value, those without
 * one. One condition with ORs made SQLite walk that index from its top and test each entry (36,000 for a page that
 * deep: most of its CPU). Other keys are sorted whatever the condition (no index holds them in order), and a text
 * search would run its full-text match once per part: one condition for those.
 */
function seqsAfterCursor(source: string, where: SqlWhere, key: string, direction: 'ASC' | 'DESC', [value, seq]: Cursor, limit: number): Statement {
  const beyond = direction === 'ASC' ? '>' : '<';
  const whereSql = where.clauses.join(' AND ');
  const bySeq = `a.seq ${direction}`;
  if (value === null) {
    return { sql: `SELECT a.seq FROM ${source} WHERE ${whereSql} AND ${key} IS NULL AND a.seq ${beyond} ? ORDER BY ${bySeq} LIMIT ?`, params: [...where.params, seq, limit] };
  }
  if (!indexedSortKeys.has(key) || where.clauses.includes(textMatchClause)) {
    return {
      sql: `SELECT a.seq FROM ${source} WHERE ${whereSql} AND (${key} ${beyond} ? OR (${key} = ? AND a.seq ${beyond} ?) OR ${key} IS NULL)
        ORDER BY ${key} ${direction} NULLS LAST, ${bySeq} LIMIT ?`,
      params: [...where.params, value, value, seq, limit],
    };
  }
  const part = (condition: string, order: string) => `SELECT * FROM (SELECT ${key} AS sort_key, a.seq FROM ${source} WHERE ${whereSql} AND ${condition} ORDER BY ${order} LIMIT ?)`;
  return {
    sql: `SELECT seq FROM (${part(`${key} = ? AND a.seq ${beyond} ?`, bySeq)} UNION ALL ${part(`${key} ${beyond} ?`, `${key} ${direction}, ${bySeq}`)}
      UNION ALL ${part(`${key} IS NULL`, bySeq)} ORDER BY sort_key ${direction} NULLS LAST, seq ${direction} LIMIT ?)`,
    params: [...where.params, value, seq, limit, ...where.params, value, limit, ...where.params, limit, limit],
  };
}

export function listApplications(db: Database, input: ParsedInput<'applications.list'>): ApplicationPage {
  withNameKeyFunction(db);
  const where = applicationWhere(input);
  const whereSql = where.clauses.join(' AND ');
  const direction = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const key = sortExpressions[input.sort.column];
  // Empty values sort last in both directions; the sequence breaks ties so pages never overlap.
  const custom = customSortSql(input.sort);
  const order = `${custom?.expression ?? key} ${direction} NULLS LAST, a.seq ${direction}`;
  // A custom field's sort expression carries parameters: its pages go by offset, without a cursor.
  const cursor = input.after === undefined || custom ? null : decodeCursor(input.after);
  const offset = cursor ? 0 : input.offset;
  const source = `applications a ${key.startsWith('c.') ? 'JOIN companies c ON c.id = a.company_id' : ''}`;
  // The page's rows are found by sequence first (on the narrow index the sort walks, however deep the offset), then
  // read whole: skipping 36,000 wide rows to reach a page cost 0.7 s.
  const seqs = cursor
    ? seqsAfterCursor(source, where, key, direction, cursor, input.limit)
    : { sql: `SELECT a.seq FROM ${source} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`, params: [...where.params, input.limit, offset] };
  const search = custom ? null : searchBoxWhere(db, where);
  // Read once for the matches and the count: a write between them would otherwise keep matches of another state.
  const generation = search ? generationOutsideTransaction(db) : null;
  let matches: TextMatches | undefined;
  const matchesOf = () => (matches ??= readTextMatches(db, search!.match, generation));
  const pageByMatches = search !== null && !cursor && indexedSortKeys.has(key) && matchesOf().seqs.length >= matchesPerPageRow * (offset + input.limit);
  const readRows = (page: Statement) =>
    db.sql(`SELECT ${summaryColumnsSql}, ${key} AS sort_key ${fromSql} WHERE a.seq IN (${page.sql}) ORDER BY ${order}`).all(...page.params) as (SummaryRow & {
      sort_key: string | number | null;
    })[];
  const rows = custom
    ? (db
        .sql(`SELECT ${summaryColumnsSql}, NULL AS sort_key ${fromSql} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...where.params, ...custom.params, input.limit, offset) as (SummaryRow & { sort_key: null })[])
    : pageByMatches
      ? withTextMatches(db, matchesOf().seqs, () => readRows({ sql: seqs.sql.replace(textMatchClause, inTextMatchesClause), params: withTextParam(where, seqs.params, []) }))
      : matches
        ? readRows({ sql: seqs.sql.replace(textMatchClause, inMatchesReadClause), params: withTextParam(where, seqs.params, [matches.json]) })
        : readRows(seqs);
  // Within stages the count walks the stages' rows, each tested against the matches read (not read again by FTS5).
  const countInSql = () =>
    search?.stageIds ? countRows(db, { clauses: where.clauses.map((clause) => (clause === textMatchClause ? inMatchesReadClause : clause)), params: withTextParam(where, where.params, [matchesOf().json]) }) : countRows(db, where);
  const countSearch = (generation: WriteGeneration | null) =>
    search ? countSearchMatches(db, generation, search.archived, search.stageIds, () => matchesOf().seqs, countInSql) : countRows(db, where);
  const total = countFromCells(db, filtersOf(input)) ?? countOnceUntilWritten(db, where, countSearch, search ? generation : undefined);
  const tags = tagsByApplication(db, rows.map((row) => row.id));
  const nextSteps = nextStepsByApplication(db, rows.map((row) => row.id));
  const customValues = customValuesByApplication(db, rows.map((row) => row.id));
  const last = custom ? undefined : rows.at(-1);
  return {
    items: rows.map((row) => toSummary(row, tags.get(row.id) ?? [], { nextStep: nextSteps.get(row.id), customValues: customValues.get(row.id) })),
    total,
    limit: input.limit,
    offset,
    nextCursor: last && rows.length === input.limit ? encodeCursor([last.sort_key, last.seq]) : null,
  };
}

/**
 * A first page of a search walks the list's order and tests each row against the matches held in memory when it
 * meets a page's rows soon: with at least this many matches per row it must reach (the walk meets one match every
 * 73,000 / matches rows, and a test in JavaScript costs more than one in SQLite's IN list). At 100,000, CPU of the
 * page after the matches are read, walk against IN list: "nexa" (2,716 matches) 0.31 against 0.70 ms, "react"
 * (1,876) 0.58 against 0.65, "kubernetes" (618) 1.41 against 0.66.
 */
const matchesPerPageRow = 25;

/** A statement's parameters with the text match's replaced: the WHERE's parameters lead them, in their clauses' order. */
function withTextParam(where: SqlWhere, params: (string | number)[], replacement: string[]): (string | number)[] {
  const at = where.clauses.slice(0, where.clauses.indexOf(textMatchClause)).join(' ').split('?').length - 1;
  return [...params.slice(0, at), ...replacement, ...params.slice(at + 1)];
}

/**
 * The filters of a list input, without its sort and paging: the maintained counts answer filters, and a key they do
 * not know (sort, limit…) sent every page to count its rows (5 of the first page's 7 ms at 100,000).
 */
function filtersOf(input: ParsedInput<'applications.list'>): ApplicationFilters {
  const { sort: _sort, limit: _limit, offset: _offset, after: _after, ...filters } = input;
  return filters;
}

export function tagsByApplication(db: Database, ids: readonly string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (ids.length === 0) return result;
  const rows = db
    .sql(
      `SELECT at.application_id, t.name FROM application_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.deleted_at IS NULL AND t.deleted_at IS NULL
         AND at.application_id IN (SELECT value FROM json_each(?)) ORDER BY t.name`,
    )
    .all(JSON.stringify(ids)) as { application_id: string; name: string }[];
  for (const row of rows) {
    const list = result.get(row.application_id) ?? [];
    list.push(row.name);
    result.set(row.application_id, list);
  }
  return result;
}

export function summariesByIds(db: Database, ids: readonly string[]): ApplicationSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .sql(`SELECT ${summaryColumnsSql} ${fromSql} WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SummaryRow[];
  const tags = tagsByApplication(db, ids);
  const nextSteps = nextStepsByApplication(db, ids);
  const customValues = customValuesByApplication(db, ids);
  return rows.map((row) => toSummary(row, tags.get(row.id) ?? [], { nextStep: nextSteps.get(row.id), customValues: customValues.get(row.id) }));
}

export function getApplication(db: Database, id: string): ApplicationDetail {
  return inOneRead(db, readApplication, id);
}

function readApplication(db: Database, id: string): ApplicationDetail {
  const row = db
    .sql(`SELECT a.*, c.name AS company_name, s.name AS stage_name ${fromSql} WHERE a.id = ? AND a.deleted_at IS NULL`)
    .get(id) as FullRow | undefined;
  if (!row) throw notFound('Application', id);
  const company = db.sql(`SELECT * FROM companies WHERE id = ?`).get(row.company_id) as CompaniesTable;
  return {
    ...toApplication(row, tagsOf(db, id), { nextStep: nextStepsByApplication(db, [id]).get(id), customValues: customValuesByApplication(db, [id]).get(id) }),
    company: toCompany(company),
    stageHistory: stageHistory(db, id),
    interviews: interviewsOfApplication(db, id),
    tasks: tasksOfApplication(db, id),
    contacts: listContactsOfApplication(db, id),
  };
}

interface StageEventRow {
  id: string;
  application_id: string;
  from_stage_id: string | null;
  from_name: string | null;
  from_category: string | null;
  to_stage_id: string;
  to_name: string | null;
  to_category: string;
  occurred_at: string;
  note: string | null;
  date_unknown?: number;
  created_at: string;
  automation?: string | null;
}

/** The history, oldest first. */
export function stageHistory(db: Database, applicationId: string): StageEvent[] {
  const rows = db
    .sql(
      // e.* rather than a list: `date_unknown` (migration 0180) and `automation` (0120) are read when the schema has
      // them; a test that runs today's code on an older schema (statistics/maintained.test.ts) has not.
      `SELECT e.*, f.name AS from_name, f.category AS from_category, t.name AS to_name, t.category AS to_category
       FROM stage_events e JOIN stages t ON t.id = e.to_stage_id LEFT JOIN stages f ON f.id = e.from_stage_id
       WHERE e.application_id = ? AND e.deleted_at IS NULL ORDER BY e.occurred_at, e.id`,
    )
    .all(applicationId) as StageEventRow[];
  return rows.map((row) => ({
    id: row.id,
    applicationId: row.application_id,
    fromStageId: row.from_stage_id,
    fromStageName: row.from_name,
    fromCategory: row.from_category as StageCategory | null,
    toStageId: row.to_stage_id,
    toStageName: row.to_name,
    toCategory: row.to_category as StageCategory,
    occurredAt: row.occurred_at,
    dateUnknown: row.date_unknown === 1,
    note: row.note,
    createdAt: row.created_at,
    automatic: typeof row.automation === 'string',
  }));
}
