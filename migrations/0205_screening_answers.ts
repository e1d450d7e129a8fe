import { sql, type Kysely } from 'kysely';

/**
 * Screening answers (issue 15, item 3): reusable answers to the questions met while applying, their versions, and
 * the applications each was given to. A version is never edited: a changed text is a new row, numbered by its
 * creation time when read, so that two devices adding versions offline both keep theirs (no stored counter to
 * collide under sync). A use names the version given. Rows follow the conventions of 0010_init (a default on every
 * NOT NULL column, so that the write path's upserts and sync can create a row from any subset of its fields).
 */
const statements = [
  `CREATE TABLE screening_answers (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT 'other',
    tags TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE screening_answer_versions (
    id TEXT PRIMARY KEY,
    answer_id TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE application_answers (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '',
    answer_id TEXT NOT NULL DEFAULT '',
    version_id TEXT NOT NULL DEFAULT '',
    question TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX screening_answer_versions_answer ON screening_answer_versions (answer_id, created_at)`,
  `CREATE INDEX application_answers_application ON application_answers (application_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX application_answers_answer ON application_answers (answer_id) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
