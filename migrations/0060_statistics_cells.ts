import { sql, type Kysely } from 'kysely';
import type { Database } from '../src-main/db/connection';
import { factsTableDefinition } from '../src-main/statistics/maintained/facts';
import { rebuildStatistics } from '../src-main/statistics/maintained/refresh';

/** The cells as this migration made them; 0250 keys them with the scope last. */
const cellsKeyedByScope = `CREATE TABLE statistics_cells (
  kind TEXT NOT NULL,
  scope INTEGER NOT NULL,
  key NOT NULL,
  value NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (kind, scope, key, value)
) WITHOUT ROWID`;

/**
 * The dashboard grouped every application on every look (1.6 s at 100,000). From now on each application's
 * statistics facts and the counts of the whole search are derived data the write path keeps up to date
 * (src-main/statistics/maintained).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [factsTableDefinition, cellsKeyedByScope]) await sql.raw(statement).execute(db);
}

/**
 * Fills them from the rows already there, with today's definitions: a later change to those definitions will come
 * with its own migration that builds them again.
 */
export function fill(db: Database): void {
  rebuildStatistics(db);
}
