import { sql, type Kysely } from 'kysely';
import type { Database } from '../src-main/db/connection';
import { rebuildSkillMonths, skillMonthsTableDefinition } from '../src-main/statistics/maintained/skill-months';

/**
 * A filtered or ranged dashboard counted its skills by reading every kept application's skill lists (about 150 ms
 * of CPU for one source at 100,000 applications). The write path now keeps skill counts per archived flag, applied
 * month and source (src-main/statistics/maintained/skill-months.ts), and the facts get an index on their applied
 * day, so that the first and last month of a range are read alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(skillMonthsTableDefinition).execute(db);
  await sql`CREATE INDEX statistics_facts_applied_day ON statistics_facts (applied_day)`.execute(db);
}

/** Fills the counts from the facts already there. */
export function fill(db: Database): void {
  rebuildSkillMonths(db);
}
