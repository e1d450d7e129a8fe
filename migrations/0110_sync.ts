import { sql, type Kysely } from 'kysely';

/**
 * Sync (docs/sync.md), on the device.
 *
 * - Names stop being unique in the database: two devices may each create "Acme" (or the tag "remote") while
 *   offline, and applying the other's row must not fail. The app still refuses a duplicate name when a person
 *   types one (companies/resolve.ts, tags), and sync merges live duplicates after applying remote entries
 *   (src-main/sync/converge.ts). Plain indexes keep the lookups by name fast.
 * - The local sync state: one row (server, account, device, cursor, what was formed into batches, the last
 *   outcome), the batches formed but not yet acknowledged (kept so a retry sends the same batch id), and the
 *   documents whose encrypted file the server already has. Not synced tables: written by src-main/sync only.
 */
const statements = [
  `DROP INDEX companies_name_key`,
  `CREATE INDEX companies_live_name_key ON companies (name_key) WHERE deleted_at IS NULL`,
  `DROP INDEX tags_name_key`,
  `CREATE INDEX tags_live_name_key ON tags (name_key) WHERE deleted_at IS NULL`,

  `CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    server_url TEXT NOT NULL,
    account_id TEXT NOT NULL,
    email TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_name TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signed_in INTEGER NOT NULL DEFAULT 1,
    cursor INTEGER NOT NULL DEFAULT 0,
    formed_through INTEGER NOT NULL DEFAULT 0,
    last_synced_at TEXT,
    last_attempt_at TEXT,
    last_error_code TEXT,
    last_error_message TEXT,
    last_error_at TEXT,
    clock_offset_ms INTEGER,
    remote_ahead_ms INTEGER,
    connected_at TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE sync_outbox (
    position INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL UNIQUE,
    through_seq INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    payload TEXT NOT NULL
  ) STRICT`,
  `CREATE TABLE sync_blobs (sha256 TEXT PRIMARY KEY, uploaded_at TEXT NOT NULL) STRICT, WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
