import { sql, type Kysely } from 'kysely';

/**
 * A stage event whose day is not known: an import whose file says an application was rejected, or reached an
 * interview, but not when. The event still has a time (it must sort in the history), but the statistics must not
 * read a day from it: a rejection "on the applied date" would be a 0-day answer nobody gave (issue 19).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE stage_events ADD COLUMN date_unknown INTEGER NOT NULL DEFAULT 0`.execute(db);
}
