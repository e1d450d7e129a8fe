import type { SyncedTable } from './schema';

const times = ['created_at', 'updated_at', 'deleted_at'] as const;

/**
 * Every column of each synced table, as the migrations create them (test/changes/columns.test.ts compares this
 * with the migrated schema). These are the only names the write path ever puts into the text of an SQL statement:
 * a field named anything else — a key of a backup row, of a change from another device — is refused before any
 * SQL is built, so a key cannot smuggle SQL in as a column name. A migration that adds a column to a synced table
 * adds it here too.
 */
export const syncedColumns = {
  stages: ['id', 'name', 'category', 'position', ...times],
  companies: ['id', 'name', 'name_key', 'website', 'industry', 'size', 'location', 'notes', 'created_with', ...times],
  applications: [
    'seq',
    'id',
    'company_id',
    'position',
    'employment_type',
    'schedule',
    'work_mode',
    'location',
    'source',
    'applied_on',
    'posting_url',
    'description',
    'salary_min',
    'salary_max',
    'salary_currency',
    'salary_period',
    'required_skills',
    'preferred_skills',
    'experience_years',
    'resume_version',
    'notes',
    'favorite',
    'priority',
    'excitement',
    'deadline',
    'archived',
    'first_response_on',
    'stage_id',
    'stage_category',
    'stage_changed_at',
    'external_fields',
    'posting_text',
    'posting_source_url',
    'posting_captured_at',
    ...times,
  ],
  stage_events: ['id', 'application_id', 'from_stage_id', 'to_stage_id', 'occurred_at', 'note', 'date_unknown', 'automation', ...times],
  tags: ['id', 'name', 'name_key', 'color', ...times],
  application_tags: ['id', 'application_id', 'tag_id', ...times],
  contacts: ['id', 'name', 'role', 'email', 'phone', 'linkedin_url', 'company_id', 'notes', 'next_follow_up_on', ...times],
  application_contacts: ['id', 'application_id', 'contact_id', ...times],
  interviews: [
    'id',
    'application_id',
    'scheduled_at',
    'duration_minutes',
    'type',
    'format',
    'location',
    'meeting_url',
    'interviewers',
    'status',
    'outcome',
    'notes',
    'external_fields',
    ...times,
  ],
  tasks: ['id', 'title', 'due_on', 'done_at', 'application_id', 'notes', ...times],
  sources: ['id', 'name', ...times],
  profile: ['id', 'name', 'skills', 'weekly_goal', 'locale', 'theme', 'default_currency', ...times],
  documents: ['id', 'name', 'kind', 'mime_type', 'size_bytes', 'sha256', 'notes', ...times],
  application_documents: ['id', 'application_id', 'document_id', ...times],
  contact_interactions: ['id', 'contact_id', 'occurred_on', 'channel', 'note', 'application_id', ...times],
  custom_fields: ['id', 'name', 'kind', 'choices', 'position', ...times],
  application_field_values: ['id', 'application_id', 'field_id', 'value', ...times],
  automation_settings: [
    'id',
    'follow_up_since',
    'follow_up_days',
    'follow_up_again_days',
    'ghost_since',
    'ghost_days',
    'archive_since',
    'archive_months',
    'interview_since',
    'task_since',
    'deadline_since',
    'goal_since',
    'summary_since',
    'quiet_enabled',
    'quiet_start',
    'quiet_end',
    'system_notifications',
    'first_weekday',
    ...times,
  ],
  automation_runs: ['id', 'job', 'key', 'due_at', 'outcome', ...times],
  notifications: ['id', 'kind', 'application_id', 'subject_id', 'data', 'due_at', 'read_at', 'done_at', 'dismissed_at', 'snoozed_until', ...times],
  weekly_summaries: ['id', 'week_start', 'data', ...times],
  fairs: ['id', 'name', 'starts_on', 'ends_on', 'place', 'url', 'notes', ...times],
  fair_booths: [
    'id',
    'fair_id',
    'company_name',
    'booth',
    'recruits_for',
    'planned',
    'priority',
    'pitch',
    'questions',
    'documents',
    'status',
    'in_line_at',
    'talking_at',
    'finished_at',
    'recruiter_name',
    'recruiter_role',
    'recruiter_email',
    'notes',
    'application_id',
    'contact_id',
    ...times,
  ],
  screening_answers: ['id', 'question', 'category', 'tags', ...times],
  screening_answer_versions: ['id', 'answer_id', 'body', ...times],
  application_answers: ['id', 'application_id', 'answer_id', 'version_id', 'question', ...times],
} as const satisfies Record<SyncedTable, readonly string[]>;

const columnSets = new Map<string, ReadonlySet<string>>(Object.entries(syncedColumns).map(([table, columns]) => [table, new Set(columns)]));

/** Whether `table` names a synced table (an own entry, so `constructor` or `__proto__` are not tables). */
export function isSyncedTable(table: unknown): table is SyncedTable {
  return typeof table === 'string' && columnSets.has(table);
}

/** Whether `column` is a column of the synced table `table`. */
export function isSyncedColumn(table: SyncedTable, column: string): boolean {
  return columnSets.get(table)?.has(column) === true;
}
