/** Kysely's view of the tables created by migrations/. Column names are the SQL ones (snake_case). */

interface Times {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface StagesTable extends Times {
  id: string;
  name: string | null;
  category: string;
  position: number;
}

export interface CompaniesTable extends Times {
  id: string;
  name: string;
  name_key: string;
  website: string | null;
  industry: string | null;
  size: string | null;
  location: string | null;
  notes: string | null;
  /** The application whose form created this company (a new name typed there); null when created on its own. */
  created_with: string | null;
}

export interface ApplicationsTable extends Times {
  seq: number;
  id: string;
  company_id: string;
  position: string;
  employment_type: string | null;
  schedule: string | null;
  work_mode: string | null;
  location: string | null;
  source: string | null;
  applied_on: string | null;
  posting_url: string | null;
  description: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  required_skills: string;
  preferred_skills: string;
  experience_years: number | null;
  resume_version: string | null;
  notes: string | null;
  favorite: number;
  priority: number | null;
  excitement: number | null;
  deadline: string | null;
  archived: number;
  first_response_on: string | null;
  stage_id: string;
  stage_category: string;
  stage_changed_at: string;
  /** What compatible APIs wrote beyond Candid's model (migration 0150; src-server/compat/). */
  external_fields: string | null;
  /** The posting frozen when it was captured (migration 0190; src-main/capture/): written by create only. */
  posting_text: string | null;
  posting_source_url: string | null;
  posting_captured_at: string | null;
}

export interface StageEventsTable extends Times {
  id: string;
  application_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  occurred_at: string;
  note: string | null;
  /** 1 when the day it happened is not known (an import's file did not say); `occurred_at` then only orders it. */
  date_unknown: number;
  /** Set on events a rule wrote (JSON, see migrations/0120_automation.ts); null for the user's. */
  automation: string | null;
}

export interface TagsTable extends Times {
  id: string;
  name: string;
  name_key: string;
  color: string | null;
}

export interface ApplicationTagsTable extends Times {
  id: string;
  application_id: string;
  tag_id: string;
}

export interface ContactsTable extends Times {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  company_id: string | null;
  notes: string | null;
  next_follow_up_on: string | null;
}

export interface ContactInteractionsTable extends Times {
  id: string;
  contact_id: string;
  occurred_on: string;
  channel: string;
  note: string | null;
  application_id: string | null;
}

export interface FairsTable extends Times {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string | null;
  place: string | null;
  url: string | null;
  notes: string | null;
}

export interface FairBoothsTable extends Times {
  id: string;
  fair_id: string;
  company_name: string;
  booth: string | null;
  recruits_for: string | null;
  planned: number;
  priority: number | null;
  pitch: string | null;
  questions: string | null;
  documents: string | null;
  status: string;
  in_line_at: string | null;
  talking_at: string | null;
  finished_at: string | null;
  recruiter_name: string | null;
  recruiter_role: string | null;
  recruiter_email: string | null;
  notes: string | null;
  application_id: string | null;
  contact_id: string | null;
}

export interface ScreeningAnswersTable extends Times {
  id: string;
  question: string;
  category: string;
  /** JSON list of tag names. */
  tags: string;
}

export interface ScreeningAnswerVersionsTable extends Times {
  id: string;
  answer_id: string;
  body: string;
}

export interface ApplicationAnswersTable extends Times {
  id: string;
  application_id: string;
  answer_id: string;
  version_id: string;
  question: string | null;
}

export interface CustomFieldsTable extends Times {
  id: string;
  name: string;
  kind: string;
  /** JSON [{"id": "…", "label": "…"}] for a choice field. */
  choices: string;
  position: number;
}

export interface ApplicationFieldValuesTable extends Times {
  id: string;
  application_id: string;
  field_id: string;
  value: string | number | null;
}

export interface BoardWatchesTable extends Times {
  id: string;
  kind: string;
  board: string;
  company_name: string;
  /** JSON arrays of strings. */
  keywords: string;
  locations: string;
  remote: string;
}

export interface OpportunitiesTable extends Times {
  id: string;
  watch_id: string;
  external_id: string;
  title: string;
  location: string | null;
  remote: number | null;
  url: string | null;
  description: string | null;
  department: string | null;
  employment_type: string | null;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  posted_at: string | null;
  status: string;
  closed_at: string | null;
  application_id: string | null;
}

/** Local to the device (never synced): how its checks of one board went. */
export interface BoardWatchChecksTable {
  watch_id: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: string | null;
  succeeded_at: string | null;
  error: string | null;
  failures: number;
  next_check_at: string | null;
  fingerprint: string | null;
}

/** Local (migration 0230): browsers paired with the extension, by the digest of their capture token. */
export interface PairedBrowsersTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Local (migration 0230): the pairing code Settings shows, by digest, until used or expired. */
export interface BrowserPairingCodesTable {
  code_hash: string;
  expires_at: string;
}

export interface ApplicationContactsTable extends Times {
  id: string;
  application_id: string;
  contact_id: string;
}

export interface InterviewsTable extends Times {
  id: string;
  application_id: string;
  scheduled_at: string;
  duration_minutes: number | null;
  type: string | null;
  format: string | null;
  location: string | null;
  meeting_url: string | null;
  interviewers: string | null;
  status: string;
  outcome: string | null;
  notes: string | null;
  /** What compatible APIs wrote beyond Candid's model (migration 0150; src-server/compat/). */
  external_fields: string | null;
}

export interface TasksTable extends Times {
  id: string;
  title: string;
  due_on: string | null;
  done_at: string | null;
  application_id: string | null;
  notes: string | null;
}

export interface SourcesTable extends Times {
  id: string;
  name: string;
}

export interface ProfileTable extends Times {
  id: string;
  name: string | null;
  skills: string;
  weekly_goal: number | null;
  locale: string | null;
  theme: string;
  default_currency: string;
}

export interface DocumentsTable extends Times {
  id: string;
  name: string;
  kind: string;
  mime_type: string | null;
  size_bytes: number;
  sha256: string;
  notes: string | null;
}

export interface ApplicationDocumentsTable extends Times {
  id: string;
  application_id: string;
  document_id: string;
}

export interface AutomationSettingsTable extends Times {
  id: string;
  follow_up_since: string | null;
  follow_up_days: number;
  follow_up_again_days: number;
  ghost_since: string | null;
  ghost_days: number;
  archive_since: string | null;
  archive_months: number;
  interview_since: string | null;
  task_since: string | null;
  deadline_since: string | null;
  goal_since: string | null;
  summary_since: string | null;
  quiet_enabled: number;
  quiet_start: string;
  quiet_end: string;
  system_notifications: number;
  first_weekday: number | null;
}

export interface AutomationRunsTable extends Times {
  id: string;
  job: string;
  key: string;
  due_at: string;
  outcome: string;
}

export interface NotificationsTable extends Times {
  id: string;
  kind: string;
  application_id: string | null;
  subject_id: string | null;
  data: string;
  due_at: string;
  read_at: string | null;
  done_at: string | null;
  dismissed_at: string | null;
  snoozed_until: string | null;
}

export interface WeeklySummariesTable extends Times {
  id: string;
  week_start: string;
  data: string;
}

export interface OfferComparisonsTable extends Times {
  id: string;
  name: string;
  currency: string;
  hours_per_week: number;
  days_per_week: number;
  weeks_per_year: number;
  /** JSON [{"key": "salary", "weight": 3, "label": null}, …]. */
  criteria: string;
  /** JSON {"USD": 0.92}: one unit of that currency in the comparison's currency. */
  rates: string;
}

export interface OfferEntriesTable extends Times {
  id: string;
  comparison_id: string;
  application_id: string;
  /** Hundredths of the currency unit. */
  salary_amount: number | null;
  salary_currency: string | null;
  salary_period: string | null;
  total_pay_amount: number | null;
  total_pay_currency: string | null;
  total_pay_period: string | null;
  /** JSON {"growth": 14, …}: the scores out of 20 the user gave (money ones override the proposed score). */
  scores: string;
  note: string | null;
}

export interface ChangeLogTable {
  seq: number;
  hlc: string;
  table_name: string;
  row_id: string;
  column_name: string;
  value: string | number | null;
  origin: string;
}

export interface RowClocksTable {
  row_id: string;
  table_name: string;
  clocks: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface ApplicationsFtsTable {
  rowid: number;
  applications_fts: string;
  company: string;
  position: string;
  location: string;
  notes: string;
  description: string;
  tags: string;
}

export interface DB {
  meta: MetaTable;
  stages: StagesTable;
  companies: CompaniesTable;
  applications: ApplicationsTable;
  stage_events: StageEventsTable;
  tags: TagsTable;
  application_tags: ApplicationTagsTable;
  contacts: ContactsTable;
  application_contacts: ApplicationContactsTable;
  interviews: InterviewsTable;
  tasks: TasksTable;
  sources: SourcesTable;
  profile: ProfileTable;
  documents: DocumentsTable;
  application_documents: ApplicationDocumentsTable;
  contact_interactions: ContactInteractionsTable;
  custom_fields: CustomFieldsTable;
  application_field_values: ApplicationFieldValuesTable;
  automation_settings: AutomationSettingsTable;
  automation_runs: AutomationRunsTable;
  notifications: NotificationsTable;
  weekly_summaries: WeeklySummariesTable;
  fairs: FairsTable;
  fair_booths: FairBoothsTable;
  screening_answers: ScreeningAnswersTable;
  screening_answer_versions: ScreeningAnswerVersionsTable;
  application_answers: ApplicationAnswersTable;
  offer_comparisons: OfferComparisonsTable;
  offer_entries: OfferEntriesTable;
  board_watches: BoardWatchesTable;
  opportunities: OpportunitiesTable;
  board_watch_checks: BoardWatchChecksTable;
  paired_browsers: PairedBrowsersTable;
  browser_pairing_codes: BrowserPairingCodesTable;
  change_log: ChangeLogTable;
  row_clocks: RowClocksTable;
  applications_fts: ApplicationsFtsTable;
}

/** Tables whose rows are written only through src-main/changes and shipped by sync. */
export const syncedTables = [
  'stages',
  'companies',
  'applications',
  'stage_events',
  'tags',
  'application_tags',
  'contacts',
  'application_contacts',
  'interviews',
  'tasks',
  'sources',
  'profile',
  'documents',
  'application_documents',
  'contact_interactions',
  'custom_fields',
  'application_field_values',
  'automation_settings',
  'automation_runs',
  'notifications',
  'weekly_summaries',
  'fairs',
  'fair_booths',
  'screening_answers',
  'screening_answer_versions',
  'application_answers',
  'offer_comparisons',
  'offer_entries',
  'board_watches',
  'opportunities',
] as const;
export type SyncedTable = (typeof syncedTables)[number];
