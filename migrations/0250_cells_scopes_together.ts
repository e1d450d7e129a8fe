import { sql, type Kysely } from 'kysely';
import { cellsTableDefinition } from '../src-main/statistics/maintained/cells';

/**
 * A creation moves about 24 counts, each in two scopes (the active applications and all of them). Keyed by
 * (kind, scope, key, value), the two scopes of a count lay far apart in the key order, each on its own page: the
 * cells were 21 of the 64 pages a creation wrote to the WAL at 100,000 applications. Keyed by
 * (kind, key, value, scope), both scopes of a count sit side by side on one page. The counts are copied as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE statistics_cells RENAME TO statistics_cells_by_scope`.execute(db);
  await sql.raw(cellsTableDefinition).execute(db);
  await sql`INSERT INTO statistics_cells (kind, key, value, scope, count)
    SELECT kind, key, value, scope, count FROM statistics_cells_by_scope ORDER BY kind, key, value, scope`.execute(db);
  await sql`DROP TABLE statistics_cells_by_scope`.execute(db);
}
