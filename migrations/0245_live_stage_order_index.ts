import { sql, type Kysely } from 'kysely';

/**
 * Each column of the board lists one stage's live applications in the list's order (applied day, newest first).
 * The index by stage alone found a stage's rows and then sorted all of them to keep 200: at 100,000 applications
 * the "Rejected" column (25,841 rows) cost 199 ms of CPU and a board's columns 0.7 s together, before its first
 * card. Keyed by stage, then the list's order, a column is a range of the index: 6.7 ms. Same name, so the import's
 * staging (which drops the indexes only the screens use, by name) still leaves it out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS applications_live_stage`.execute(db);
  await sql`CREATE INDEX applications_live_stage ON applications (stage_id, applied_on DESC, seq DESC, archived) WHERE deleted_at IS NULL`.execute(db);
}
