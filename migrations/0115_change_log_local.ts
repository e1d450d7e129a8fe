import { sql, type Kysely } from 'kysely';

/**
 * Sync asks "which entries after this one were written here?" (`origin = 'local'`) on every run, and the sync
 * status on every look at Settings ▸ Sync. A device that joined a search holds hundreds of thousands of entries
 * from elsewhere after its last local one, which the rowid range scanned each time (tens of milliseconds at
 * 10,000 applications, the same again per 10,000 more). A partial index of the local entries answers from the
 * entries that matter; entries from elsewhere do not enter it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX change_log_local ON change_log (seq) WHERE origin = 'local'`.execute(db);
}
