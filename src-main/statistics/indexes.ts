import type { Database } from '../db/connection';
import type { SqlWhere } from '../applications/filters';

/**
 * `INDEXED BY <name>` when the index of migration 0020 exists, else nothing. The planner, with no statistics on
 * these wide covering indexes, would rather scan a narrower index and read every table row; but a database whose
 * schema lacks the index (a development copy migrated past version 20 before the migration existed) must still
 * answer, only slower.
 */
export function indexHint(db: Database, index: 'applications_statistics' | 'stage_events_history' | 'companies_industry'): string {
  const exists = db.sql(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index) !== undefined;
  return exists ? `INDEXED BY ${index}` : '';
}

/**
 * The list's WHERE (applications/filters.ts) with the archived flag read from the maintained facts `f` (joined on
 * seq, each holding its application's flag) instead of the row: applications_statistics leaves the flag out since
 * migration 0300 (a "select all → archive" rewrote 8,200 of its pages each way), and a flag read from the row would
 * send every entry of the index to the table.
 */
export function archivedFromFacts(where: SqlWhere): SqlWhere {
  return { ...where, clauses: where.clauses.map((clause) => (clause === archivedClause ? 'f.archived = ?' : clause)) };
}
const archivedClause = 'a.archived = ?';
