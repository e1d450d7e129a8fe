import { sql, type Kysely } from 'kysely';

/**
 * Browsers paired with Candid's extension (issue 14, item 2; src-main/extension, docs/capture.md).
 *
 * Both tables are LOCAL to this device: not synced, not in backups, not in the writer's column list. A pairing is
 * between one browser and one running Candid on one machine; another device has its own browsers, and a restored
 * backup must not bring back a browser that was revoked.
 *
 * `paired_browsers` keeps only the SHA-256 of each capture token (the token itself is only in the browser's
 * extension storage); `revoked_at` set means refused. `browser_pairing_codes` holds the digest of the short code
 * Settings shows, until it expires or is used once.
 */
const statements = [
  `CREATE TABLE paired_browsers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  ) STRICT`,
  `CREATE TABLE browser_pairing_codes (
    code_hash TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
