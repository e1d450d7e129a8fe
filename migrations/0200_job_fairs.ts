import { sql, type Kysely } from 'kysely';

/**
 * Job fairs (issue 15, item 1): a fair, and one row per company present holding its booth, what it recruits for,
 * the person's plan for it and the visit made on the day. The time each visit status was reached is kept
 * (in_line_at, talking_at, finished_at), so the time spent in line is derived from them and never typed in; each is
 * its own field, so that two devices tapping different steps of the same visit both keep theirs under sync's last
 * writer wins per field. Rows follow the conventions of 0010_init (a default on every NOT NULL column, so that the
 * write path's upserts and sync can create a row from any subset of its fields).
 */
const statements = [
  `CREATE TABLE fairs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    starts_on TEXT NOT NULL DEFAULT '',
    ends_on TEXT,
    place TEXT,
    url TEXT,
    notes TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE fair_booths (
    id TEXT PRIMARY KEY,
    fair_id TEXT NOT NULL DEFAULT '',
    company_name TEXT NOT NULL DEFAULT '',
    booth TEXT,
    recruits_for TEXT,
    planned INTEGER NOT NULL DEFAULT 0,
    priority INTEGER,
    pitch TEXT,
    questions TEXT,
    documents TEXT,
    status TEXT NOT NULL DEFAULT 'to_visit',
    in_line_at TEXT,
    talking_at TEXT,
    finished_at TEXT,
    recruiter_name TEXT,
    recruiter_role TEXT,
    recruiter_email TEXT,
    notes TEXT,
    application_id TEXT,
    contact_id TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX fairs_starts_on ON fairs (starts_on) WHERE deleted_at IS NULL`,
  `CREATE INDEX fair_booths_fair ON fair_booths (fair_id) WHERE deleted_at IS NULL`,
  // Proof-of-search reports read the visits of a period.
  `CREATE INDEX fair_booths_visited ON fair_booths (coalesce(talking_at, finished_at)) WHERE deleted_at IS NULL AND status IN ('talking', 'done')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
