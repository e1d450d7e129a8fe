import { sql, type Kysely } from 'kysely';

/**
 * Contacts as a small CRM (issue 19, item 6): a log of the interactions with each contact (date, channel, note,
 * optionally the application it was about), and a next follow-up date on the contact, shown in Today.
 * "Last contacted" is read from the log (max occurred_on of its live entries), never stored: nothing to keep in
 * step when an entry is edited, deleted or arrives by sync. Rows follow the conventions of 0010_init (a default on
 * every NOT NULL column, so that the write path's upserts and sync can create a row from any subset of its fields).
 */
const statements = [
  `CREATE TABLE contact_interactions (
    id TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL DEFAULT '',
    occurred_on TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT 'other',
    note TEXT,
    application_id TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  // The log of one contact, newest first, and its "last contacted" (max occurred_on) from the index alone.
  `CREATE INDEX contact_interactions_contact ON contact_interactions (contact_id, occurred_on) WHERE deleted_at IS NULL`,
  `CREATE INDEX contact_interactions_application ON contact_interactions (application_id) WHERE application_id IS NOT NULL`,
  `ALTER TABLE contacts ADD COLUMN next_follow_up_on TEXT`,
  // Today's list reads the contacts whose follow-up is due.
  `CREATE INDEX contacts_follow_up ON contacts (next_follow_up_on) WHERE deleted_at IS NULL AND next_follow_up_on IS NOT NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
