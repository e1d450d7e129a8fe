import { sql, type Kysely } from 'kysely';

/**
 * "Select all → archive" changes the archived flag of 73,000 applications at 100,000 (issue 16, ≤ 5 s). Every index
 * holding `archived` has each of those entries deleted and inserted again. Where the columns before the flag are
 * unique (applications_statistics by id, live_order, live_seq and live_stage by sequence), the new entry lands where
 * the old one was: the same leaf page, nothing moves. applications_stage_since had the flag second, (stage_category,
 * archived, stage_changed_at): each entry left its place for another part of the index, 73,000 deletions emptying
 * pages and 73,000 insertions splitting others. The raw archive UPDATE cost 2.7 to 3.4 s of CPU with it, 2.0 s with
 * the flag last (README, Performance; measured on the bench's database).
 * With the flag last, its readers keep a range of the index and no sort (test/db/archive-indexes.test.ts): the
 * automation's anchors (one category, not archived, a range of stage_changed_at in order) read the archived entries of
 * the range and skip them in the index; the offers' list (one category by stage_changed_at) is now in the index's
 * order. Same name, so the import's staging (which drops the indexes only the screens use, by name) still leaves it
 * out. Dropping an index drops its statistics (sqlite_stat1): where the planner has them for the others, the new
 * index gets its own at once, so that no plan is made between an index with figures and one without.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS applications_stage_since`.execute(db);
  await sql`CREATE INDEX applications_stage_since ON applications (stage_category, stage_changed_at, archived) WHERE deleted_at IS NULL`.execute(db);
  const analyzed = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`.execute(db);
  if (analyzed.rows[0].n > 0) await sql`ANALYZE applications_stage_since`.execute(db);
}
