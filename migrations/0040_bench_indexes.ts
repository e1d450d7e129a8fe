import { sql, type Kysely } from 'kysely';

/**
 * Indexes found missing by `npm run bench` (README.md, Performance).
 *
 * - The link tables had only partial indexes (`WHERE deleted_at IS NULL`), which SQLite cannot use for the
 *   lookups that must also see soft-deleted links (tags/assign.ts addTags, contacts/handlers.ts link: "is there
 *   a link, live or deleted, between this application and this tag/contact?"). Each was a full scan of the link
 *   table, ~4 ms per tag added at 100,000 applications: creating, importing and bulk-tagging slowed down as the
 *   database grew (seeding 100,000 went quadratic).
 * - The list's default order (applied date, newest first) gets a narrow covering index: the first page reads 50
 *   index entries, and the page's total (count(*) of live, non-archived rows) scans this small index instead of
 *   the table, whose rows carry long descriptions and notes (218 ms -> ~3 ms at 100,000). It replaces
 *   applications_live_applied, which had the same leading columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX application_tags_pair ON application_tags (application_id, tag_id)`.execute(db);
  await sql`CREATE INDEX application_contacts_pair ON application_contacts (application_id, contact_id)`.execute(db);
  await sql`DROP INDEX applications_live_applied`.execute(db);
  // `deleted_at` is listed although the index is partial: SQLite only treats an index as covering when it holds
  // every column the query names.
  await sql`CREATE INDEX applications_live_order ON applications (applied_on DESC, seq DESC, archived, deleted_at)
    WHERE deleted_at IS NULL`.execute(db);
}
