import { sql, type Kysely } from 'kysely';

/**
 * Covering indexes for the statistics (src-main/statistics, docs/statistics.md), so that computing the
 * dashboard reads neither the applications table (whose rows hold long job descriptions and notes) nor the stage
 * events table, only these narrow indexes:
 * - applications_statistics: every column the statistics and the shared filters (applications/filters.ts) read.
 *   `deleted_at` is listed although the index is partial: SQLite only treats an index as covering when it holds
 *   every column the query names. It starts with `id` so that a scan visits applications in the order of
 *   stage_events_history: each application's history lookup then lands next to the previous one, and the two
 *   indexes stream through the page cache instead of thrashing it.
 * - stage_events_history: an application's live history, looked up by application.
 * - companies_industry: the industry of a company without a table lookup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX applications_statistics ON applications (
    id, archived, stage_category, stage_id, company_id, employment_type, work_mode, source, location, resume_version,
    favorite, applied_on, created_at, first_response_on, salary_min, salary_max, salary_currency, salary_period,
    required_skills, preferred_skills, deleted_at
  ) WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX stage_events_history ON stage_events (application_id, to_stage_id, occurred_at, deleted_at)
    WHERE deleted_at IS NULL`.execute(db);
  await sql`CREATE INDEX companies_industry ON companies (id, industry)`.execute(db);
}
