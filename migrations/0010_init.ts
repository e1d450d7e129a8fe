import { sql, type Kysely } from 'kysely';

/**
 * The whole first schema. Conventions (see ARCHITECTURE.md): UUIDv7 text ids, ISO 8601 UTC text times,
 * `YYYY-MM-DD` dates, soft deletes through `deleted_at`, money as integers with currency and period.
 * Columns marked "derived" are local caches recomputed by the write path, never synced.
 */
const statements = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,

  `CREATE TABLE stages (
    id TEXT PRIMARY KEY,
    name TEXT,
    category TEXT NOT NULL DEFAULT 'applied' CHECK (category IN
      ('wishlist','applied','screening','interviewing','offer','accepted','rejected','withdrawn','ghosted')),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,

  `CREATE TABLE companies (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL DEFAULT '',
    website TEXT, industry TEXT, size TEXT, location TEXT, notes TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX companies_name_key ON companies (name_key) WHERE deleted_at IS NULL`,

  `CREATE TABLE applications (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    company_id TEXT NOT NULL DEFAULT '' REFERENCES companies (id) DEFERRABLE INITIALLY DEFERRED,
    position TEXT NOT NULL DEFAULT '',
    employment_type TEXT, schedule TEXT, work_mode TEXT, location TEXT, source TEXT,
    applied_on TEXT, posting_url TEXT, description TEXT,
    salary_min INTEGER, salary_max INTEGER, salary_currency TEXT, salary_period TEXT,
    required_skills TEXT NOT NULL DEFAULT '[]', preferred_skills TEXT NOT NULL DEFAULT '[]',
    experience_years INTEGER, resume_version TEXT, notes TEXT,
    favorite INTEGER NOT NULL DEFAULT 0, priority INTEGER, excitement INTEGER, deadline TEXT,
    archived INTEGER NOT NULL DEFAULT 0, first_response_on TEXT,
    stage_id TEXT NOT NULL DEFAULT '',           -- derived: latest stage event
    stage_category TEXT NOT NULL DEFAULT 'applied', -- derived
    stage_changed_at TEXT NOT NULL DEFAULT '',   -- derived
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX applications_live_applied ON applications (applied_on DESC, seq DESC) WHERE deleted_at IS NULL`,
  `CREATE INDEX applications_company ON applications (company_id)`,
  `CREATE INDEX applications_stage_category ON applications (stage_category, applied_on) WHERE deleted_at IS NULL`,
  `CREATE INDEX applications_stage ON applications (stage_id)`,
  `CREATE INDEX applications_posting_url ON applications (posting_url) WHERE posting_url IS NOT NULL`,

  `CREATE TABLE stage_events (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '' REFERENCES applications (id) DEFERRABLE INITIALLY DEFERRED,
    from_stage_id TEXT,
    to_stage_id TEXT NOT NULL DEFAULT '',
    occurred_at TEXT NOT NULL DEFAULT '',
    note TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX stage_events_application ON stage_events (application_id, occurred_at)`,
  `CREATE INDEX stage_events_to_stage ON stage_events (to_stage_id)`,

  `CREATE TABLE tags (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL DEFAULT '',
    color TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE UNIQUE INDEX tags_name_key ON tags (name_key) WHERE deleted_at IS NULL`,

  `CREATE TABLE application_tags (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '',
    tag_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX application_tags_application ON application_tags (application_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX application_tags_tag ON application_tags (tag_id) WHERE deleted_at IS NULL`,

  `CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    role TEXT, email TEXT, phone TEXT, linkedin_url TEXT, company_id TEXT, notes TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX contacts_company ON contacts (company_id)`,

  `CREATE TABLE application_contacts (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '',
    contact_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX application_contacts_application ON application_contacts (application_id) WHERE deleted_at IS NULL`,
  `CREATE INDEX application_contacts_contact ON application_contacts (contact_id) WHERE deleted_at IS NULL`,

  `CREATE TABLE interviews (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '',
    scheduled_at TEXT NOT NULL DEFAULT '',
    duration_minutes INTEGER, type TEXT, format TEXT, location TEXT, meeting_url TEXT, interviewers TEXT,
    status TEXT NOT NULL DEFAULT 'planned', outcome TEXT, notes TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX interviews_scheduled ON interviews (scheduled_at) WHERE deleted_at IS NULL`,
  `CREATE INDEX interviews_application ON interviews (application_id)`,

  `CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    due_on TEXT, done_at TEXT, application_id TEXT, notes TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX tasks_open_due ON tasks (due_on) WHERE deleted_at IS NULL AND done_at IS NULL`,
  `CREATE INDEX tasks_application ON tasks (application_id)`,

  `CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,

  `CREATE TABLE profile (
    id TEXT PRIMARY KEY,
    name TEXT, skills TEXT NOT NULL DEFAULT '[]', weekly_goal INTEGER, locale TEXT,
    theme TEXT NOT NULL DEFAULT 'system', default_currency TEXT NOT NULL DEFAULT 'EUR',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,

  // The change log: one entry per changed field, in local order; sync ships it later. No AUTOINCREMENT: it
  // costs a sqlite_sequence update per insert, and entries are only ever purged from the old end.
  `CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY,
    hlc TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    column_name TEXT NOT NULL,
    value ANY,
    origin TEXT NOT NULL DEFAULT 'local'
  ) STRICT`,
  // Latest HLC per field of each row (JSON {column: hlc}): last writer wins without scanning the log.
  `CREATE TABLE row_clocks (row_id TEXT PRIMARY KEY, table_name TEXT NOT NULL, clocks TEXT NOT NULL) STRICT, WITHOUT ROWID`,

  // Full-text index of applications; rowid = applications.seq. Kept in sync by src-main/changes.
  `CREATE VIRTUAL TABLE applications_fts USING fts5 (
    company, position, location, notes, description, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    -- Searches are per-word prefix matches, never phrases: no positions to store (a smaller, faster index).
    detail = column
  )`,
];

/** Built-in stages and the profile row have fixed ids, so every device starts with the same rows. */
const categories = ['wishlist', 'applied', 'screening', 'interviewing', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'];
export const builtInStageId = (index: number) => `00000000-0000-7000-8000-${String(index + 1).padStart(12, '0')}`;
export const profileRowId = '00000000-0000-7000-8000-000000000000';
const epoch = '1970-01-01T00:00:00.000Z';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  for (const [index, category] of categories.entries()) {
    await sql`INSERT INTO stages (id, name, category, position, created_at, updated_at)
      VALUES (${builtInStageId(index)}, NULL, ${category}, 0, ${epoch}, ${epoch})`.execute(db);
  }
  await sql`INSERT INTO profile (id, created_at, updated_at) VALUES (${profileRowId}, ${epoch}, ${epoch})`.execute(db);
}
