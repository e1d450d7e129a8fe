import { sql, type Kysely } from 'kysely';

/**
 * "Select all → archive" at 100,000 applications (issue 16, ≤ 5 s each way) rewrites the entry of each of its 73,000
 * applications in every index holding `archived`. applications_statistics (migration 0020, the covering index of the
 * dashboards whose filters the maintained facts do not hold, and of the list's counts by such filters) held it:
 * 8,200 of the 41,000 pages the raw archive writes, and about 0.2 to 0.4 s of its CPU each way. Its readers now
 * take the flag from the facts they join (each fact holds its application's flag, kept equal by the write path:
 * statistics/facts.ts, statistics/skills.ts, applications/count.ts), so the index needs it no more. Same name,
 * so the import's staging (which drops the indexes only the screens use, by name) still leaves it out. Dropping an
 * index drops its statistics (sqlite_stat1): where the planner has them for the others, the new index gets its own
 * at once (as 0290 does).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS applications_statistics`.execute(db);
  await sql`CREATE INDEX applications_statistics ON applications (
    id, stage_category, stage_id, company_id, employment_type, work_mode, source, location, resume_version,
    favorite, applied_on, created_at, first_response_on, salary_min, salary_max, salary_currency, salary_period,
    required_skills, preferred_skills, deleted_at
  ) WHERE deleted_at IS NULL`.execute(db);
  const analyzed = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
  if (analyzed.rows[0].n > 0) await sql`ANALYZE applications_statistics`.execute(db);
}
