import { sql, type Kysely } from 'kysely';

/**
 * The full-text index's segments are merged when the app is idle (src-main/applications/text-index-merge.ts), no
 * longer inside whichever write's commit FTS5 chose: with `automerge` on, every 64 leaf pages written FTS5 merged up
 * to 64 pages per level in the commit of the write that crossed the mark, and a level holding a large segment was
 * rewritten there (at 100,000 applications one creation in a few hundred spent 0.65 s of CPU and wrote 470 pages;
 * 600 creations in a row: mean 3.7 → 2.4 ms of CPU, system calls 73 reads and 184 writes → 7 and 120 a creation).
 * `crisismerge` stays as the bound on how many segments a level may hold, raised from 16 to 64 so that a burst of
 * creations pays a merge of small segments once in 64 (beyond the 95th percentile) rather than once in 16.
 * The idle merge takes a level once it holds `usermerge` segments, set to 16 as `automerge` was: at 4, a large
 * segment was rewritten four times as often (600 creations then cost 2 ms of idle CPU each instead of 0.1).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('automerge', 0)`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('crisismerge', 64)`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('usermerge', 16)`.execute(db);
}
