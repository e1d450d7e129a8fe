import { sql, type Kysely } from 'kysely';

/**
 * What a creation writes, cut where nothing reads it (issue 16, create ≤ 2 ms at 100,000 applications). Each index
 * a new row enters is about one more page in the commit of a creation (55 to 60 at 100,000); these three are
 * covered by a wider index that leads with the same column, or read by no query the app runs
 * (test/db/create-path-indexes.test.ts captures the app's real statements and checks their plans):
 * - application_tags_application (application_id, live links): every lookup of an application's tag links is planned
 *   on application_tags_pair (application_id, tag_id), which also serves those that must see soft-deleted links;
 * - applications_stage_category (stage_category, applied_on, live rows): the lookups by category are planned on
 *   applications_stage_since (stage_category, archived, stage_changed_at, live rows);
 * - stage_events_to_stage (to_stage_id): only a stage's deletion looks events up by the stage they reach, and it
 *   already reads the whole table for those leaving it (from_stage_id has no index); at 100,000 the index made that
 *   lookup slower than the scan for a large stage (256 ms against 180 ms of CPU for the 97,000 events of "applied").
 * The full-text index is also merged into one segment. The rebuild of 0255 left it in several large ones (at
 * 100,000: two of about 200 pages, three of about 3,100), and FTS5 merges segments as new ones pile up: the first
 * few hundred creations after it paid that debt, one of them 0.7 s of CPU and 475 pages in one commit. Merged once
 * here (about 1 s at 100,000), a creation's small segment only ever merges with other small ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS application_tags_application`.execute(db);
  await sql`DROP INDEX IF EXISTS applications_stage_category`.execute(db);
  await sql`DROP INDEX IF EXISTS stage_events_to_stage`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts) VALUES ('optimize')`.execute(db);
}
