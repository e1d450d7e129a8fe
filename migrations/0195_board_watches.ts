import { sql, type Kysely } from 'kysely';

/**
 * Watched company boards and the Opportunities inbox (issue 14, item 3; src-main/watch, docs/watch.md).
 *
 * `board_watches` and `opportunities` are synced tables, following 0010_init's conventions (a default on every NOT
 * NULL column). An opportunity's id is derived from its watch and the board's own id of the posting, so two devices
 * that check the same board write the same row and sync merges them. `board_watch_checks` is local to the device
 * (not synced, not in backups): when this device last asked the board, its ETag and Last-Modified, the errors in a
 * row and when to ask again. Two devices each keep their own, as each makes its own requests.
 */
const statements = [
  `CREATE TABLE board_watches (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'greenhouse',
    board TEXT NOT NULL DEFAULT '',
    company_name TEXT NOT NULL DEFAULT '',
    keywords TEXT NOT NULL DEFAULT '[]',
    locations TEXT NOT NULL DEFAULT '[]',
    remote TEXT NOT NULL DEFAULT 'any',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE opportunities (
    id TEXT PRIMARY KEY,
    watch_id TEXT NOT NULL DEFAULT '',
    external_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    location TEXT,
    remote INTEGER,
    url TEXT,
    description TEXT,
    department TEXT,
    employment_type TEXT,
    salary_min INTEGER, salary_max INTEGER, salary_currency TEXT, salary_period TEXT,
    posted_at TEXT,
    status TEXT NOT NULL DEFAULT 'new',
    closed_at TEXT,
    application_id TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  // The inbox of one watch, and the open postings a check compares with the board.
  `CREATE INDEX opportunities_watch ON opportunities (watch_id, status)`,
  `CREATE TABLE board_watch_checks (
    watch_id TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT,
    succeeded_at TEXT,
    error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    next_check_at TEXT,
    fingerprint TEXT
  ) STRICT`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
