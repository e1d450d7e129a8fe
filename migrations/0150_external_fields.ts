import { sql, type Kysely } from 'kysely';

/**
 * The REST API of Candid Server (docs/server-api.md).
 *
 * - `external_fields`: what a compatible API (JobTracker SaaS's, for now) wrote that Candid's model holds more
 *   coarsely or not at all, as JSON keyed by API (`{"jobtracker": {"reponse": "contacted", …}}`), so that a value
 *   written through that API reads back the same. A synced column like any other: it travels with the row, and a
 *   value Candid changed since is read from Candid's own fields instead (src-server/compat/).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE applications ADD COLUMN external_fields TEXT`.execute(db);
  await sql`ALTER TABLE interviews ADD COLUMN external_fields TEXT`.execute(db);
}
