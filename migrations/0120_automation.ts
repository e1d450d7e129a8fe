import { sql, type Kysely } from 'kysely';

/**
 * Automation (src-main/automation, docs/automation.md): the rules' settings, the ledger of what the scheduler has
 * run, the notification centre and the weekly summaries. All four are synced tables, written only through the write
 * path, following the conventions of 0010_init (a default on every NOT NULL column, so that the write path's upserts
 * and sync can create a row from any subset of its fields). Their rows have deterministic ids (a hash of the rule,
 * its subject and the occurrence), so two devices that run the same rule write the same row and sync merges them.
 */
const statements = [
  // One row, fixed id, like the profile. A rule is on when its `*_since` holds the moment it was turned on (it acts
  // on what falls due from then on), off when NULL. 0010_init's epoch stands for "since always".
  `CREATE TABLE automation_settings (
    id TEXT PRIMARY KEY,
    follow_up_since TEXT, follow_up_days INTEGER NOT NULL DEFAULT 7, follow_up_again_days INTEGER NOT NULL DEFAULT 7,
    ghost_since TEXT, ghost_days INTEGER NOT NULL DEFAULT 30,
    archive_since TEXT, archive_months INTEGER NOT NULL DEFAULT 6,
    interview_since TEXT, task_since TEXT, deadline_since TEXT, goal_since TEXT, summary_since TEXT,
    quiet_enabled INTEGER NOT NULL DEFAULT 1, quiet_start TEXT NOT NULL DEFAULT '22:00', quiet_end TEXT NOT NULL DEFAULT '08:00',
    system_notifications INTEGER NOT NULL DEFAULT 1,
    first_weekday INTEGER,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,

  // What the scheduler has run: one row per job and occurrence, written in the same transaction as the job's effect.
  `CREATE TABLE automation_runs (
    id TEXT PRIMARY KEY,
    job TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL DEFAULT '',
    due_at TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'ran',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  // The rules' plans leave out what already ran with an anti-join on (job, key).
  `CREATE INDEX automation_runs_job_key ON automation_runs (job, key)`,

  `CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT '',
    application_id TEXT,
    subject_id TEXT,
    data TEXT NOT NULL DEFAULT '{}',
    due_at TEXT NOT NULL DEFAULT '',
    read_at TEXT, done_at TEXT, dismissed_at TEXT, snoozed_until TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX notifications_open ON notifications (due_at) WHERE deleted_at IS NULL AND done_at IS NULL AND dismissed_at IS NULL`,
  `CREATE INDEX notifications_subject ON notifications (subject_id)`,

  `CREATE TABLE weekly_summaries (
    id TEXT PRIMARY KEY,
    week_start TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX weekly_summaries_week ON weekly_summaries (week_start)`,

  // A stage event written by a rule says which (JSON: {"rule":"auto-ghost","anchor":"<instant>"}): the history
  // labels it as automatic, and a user's move that reaches this device later can take it back.
  `ALTER TABLE stage_events ADD COLUMN automation TEXT`,
  `CREATE INDEX stage_events_automatic ON stage_events (application_id) WHERE automation IS NOT NULL AND deleted_at IS NULL`,
  // Follow-ups, ghosting and archiving count from the moment an application entered its stage: their plans, at every
  // tick, read a range of this index instead of every application.
  `CREATE INDEX applications_stage_since ON applications (stage_category, archived, stage_changed_at) WHERE deleted_at IS NULL`,
];

export const automationSettingsRowId = '00000000-0000-7000-8000-00000000a070';
const epoch = '1970-01-01T00:00:00.000Z';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  await sql`INSERT INTO automation_settings (id, follow_up_since, ghost_since, archive_since, interview_since, task_since,
      deadline_since, goal_since, summary_since, created_at, updated_at)
    VALUES (${automationSettingsRowId}, ${epoch}, ${epoch}, ${epoch}, ${epoch}, ${epoch}, ${epoch}, ${epoch}, ${epoch}, ${epoch}, ${epoch})`.execute(db);
}
