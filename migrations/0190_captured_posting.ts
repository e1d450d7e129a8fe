import { sql, type Kysely } from 'kysely';

/**
 * Capture (issue 14, item 1): the posting an application was made from, frozen on it when it was captured — its
 * text (clean text, links kept), the address it was read from, and when. Postings vanish once filled; the text a
 * person applied to stays. Columns of applications rather than a table: one posting per application, written once
 * by applications.create and never by update, synced field by field like the rest of the row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE applications ADD COLUMN posting_text TEXT`.execute(db);
  await sql`ALTER TABLE applications ADD COLUMN posting_source_url TEXT`.execute(db);
  await sql`ALTER TABLE applications ADD COLUMN posting_captured_at TEXT`.execute(db);
}
