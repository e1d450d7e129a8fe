import type { ApplicationFilters } from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { scopes } from '../statistics/maintained/cells';
import { hasStatisticsTables } from '../statistics/maintained/refresh';
import { archivedFromFacts, indexHint } from '../statistics/indexes';
import { textMatchClause, type SqlWhere } from './filters';

/** Filters the maintained counts can answer: the cube cell's key holds each of these dimensions. */
const cubeDimensions = {
  stageIds: '$[0]',
  employmentTypes: '$[1]',
  workModes: '$[2]',
  stageCategories: '$[3]',
} as const satisfies Partial<Record<keyof ApplicationFilters, string>>;

/**
 * How many applications the filters keep, read from the counts the write path maintains for the statistics
 * (statistics/maintained/cells.ts: the cube counts live applications by stage, employment type, work mode and
 * category, among the active ones and among all) instead of counting rows: a few hundred cells, whatever the
 * number of applications (the count of 73,000 rows was most of the list's first page). Null when a filter is not
 * one the cube holds; the list then counts rows.
 */
export function countFromCells(db: Database, filters: ApplicationFilters): number | null {
  const conditions: string[] = [];
  const params: string[] = [];
  for (const [name, value] of Object.entries(filters) as [keyof ApplicationFilters, unknown][]) {
    if (value === undefined || name === 'archived') continue;
    const path = (cubeDimensions as Partial<Record<keyof ApplicationFilters, string>>)[name];
    if (!path || !Array.isArray(value)) return null;
    if (value.length === 0) continue;
    conditions.push(`json_extract(key, '${path}') IN (${value.map(() => '?').join(', ')})`);
    params.push(...(value as string[]));
  }
  if (!hasStatisticsTables(db)) return null;
  const sum = (scope: number) =>
    (db.sql(`SELECT coalesce(sum(count), 0) FROM statistics_cells WHERE kind = 'cube' AND scope = ?${conditions.map((condition) => ` AND ${condition}`).join('')}`).pluck().get(scope, ...params) as number);
  const archived = filters.archived ?? false;
  if (archived === false) return sum(scopes.active);
  if (archived === 'all') return sum(scopes.all);
  return sum(scopes.all) - sum(scopes.active);
}

/**
 * The search box's WHERE (live rows, the archived flag or none, and a text match), or a board column's (the same
 * within some stages): its archived value (null: any), its full-text query and its stages (null: any); null for any
 * other WHERE, or a schema without the live rows' index by sequence.
 */
export function searchBoxWhere(db: Database, where: SqlWhere): { archived: number | null; match: string; stageIds: string[] | null } | null {
  if (!where.clauses.includes(textMatchClause) || !where.clauses.every((clause) => liveSeqColumns.has(clause) || isStageClause(clause)) || !hasLiveSeqIndex(db)) {
    return null;
  }
  let archived: number | null = null;
  let match = '';
  let stageIds: string[] | null = null;
  let next = 0;
  for (const clause of where.clauses) {
    const params = where.params.slice(next, (next += clause.split('?').length - 1));
    if (clause === 'a.archived = ?') archived = params[0] as number;
    if (clause === textMatchClause) match = params[0] as string;
    if (isStageClause(clause)) stageIds = params as string[];
  }
  return { archived, match, stageIds };
}

const isStageClause = (clause: string) => clause.startsWith('a.stage_id IN (');

/** Conditions the live applications' index by sequence (migration 0240) answers without reading the rows. */
const liveSeqColumns = new Set(['a.deleted_at IS NULL', 'a.archived = ?', textMatchClause]);

/**
 * How many applications the list's WHERE keeps, counted row by row (when countFromCells cannot answer). A text
 * search with no other filter but the archived one (the search box) counts from its full-text matches, each looked
 * up in the narrow index of live rows by sequence: walking the 73,000 live rows to check each against the matches
 * cost 8 to 13 ms at 100,000 applications whatever the term, and looking them up in the table reads wide rows.
 * The matches drive a join rather than fill an IN list: the list's sorted copy of 19,000 matches ("lyon") cost a
 * third of the count (6.9 -> 4.7 ms at rest).
 */
export function countRows(db: Database, where: SqlWhere): number {
  // Within stages, the count walks the stage's index (it holds the flag) testing the matches: the index by sequence
  // holds no stage.
  const byMatches = searchBoxWhere(db, where)?.stageIds === null;
  if (!byMatches && byStatisticsIndex(db, where)) {
    const counted = archivedFromFacts(where);
    return db
      .sql(`SELECT count(*) FROM applications a ${indexHint(db, 'applications_statistics')} CROSS JOIN main.statistics_facts f ON f.seq = a.seq WHERE ${counted.clauses.join(' AND ')}`)
      .pluck()
      .get(...counted.params) as number;
  }
  if (!byMatches) return db.sql(`SELECT count(*) FROM applications a WHERE ${where.clauses.join(' AND ')}`).pluck().get(...where.params) as number;
  // The MATCH takes the text clause's place, so the parameters keep their order.
  const clauses = where.clauses.map((clause) => (clause === textMatchClause ? 'applications_fts MATCH ?' : clause));
  return db
    .sql(`SELECT count(*) FROM applications_fts f CROSS JOIN applications a INDEXED BY applications_live_seq ON a.seq = f.rowid WHERE ${clauses.join(' AND ')}`)
    .pluck()
    .get(...where.params) as number;
}

/** Columns that lead an index of their own holding the flag or few rows: the planner starts there, as before 0300. */
const ownIndexColumns = ['a.applied_on', 'a.stage_category', 'a.stage_id', 'a.company_id'];

/**
 * Whether the count walks applications_statistics (the covering index of the filters' columns) with the archived
 * flag read from the facts: the index holds the flag no more (migration 0300), and a flag read from the row made
 * SQLite scan the table instead (a favorite or location filter at 100,000: 41 -> 110 ms; with the facts' flag 45 to
 * 54 ms). Not when a filter has an index of its own, which the planner keeps using, nor without the flag's filter.
 */
function byStatisticsIndex(db: Database, where: SqlWhere): boolean {
  if (!where.clauses.includes('a.archived = ?') || !hasStatisticsTables(db)) return false;
  return !where.clauses.some((clause) => ownIndexColumns.some((column) => clause.startsWith(`${column} `)));
}

/** A test that opens a database at an older schema still gets its count, the slower way. */
function hasLiveSeqIndex(db: Database): boolean {
  return db.sql(`SELECT 1 FROM main.sqlite_master WHERE type = 'index' AND name = 'applications_live_seq'`).pluck().get() !== undefined;
}
