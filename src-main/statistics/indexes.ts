import type { Database } from '../db/connection';

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
