import { sql, type Kysely } from 'kysely';

/**
 * The search box searches as one types: "d", "da", "dat"… A prefix query merges the lists of every word that starts
 * with it, and a short prefix starts many ("re": 76,000 matches at 100,000 applications, 24 ms for its count alone;
 * "da" 6 ms). FTS5 prefix indexes of two and three characters answer those from one list each ("re" 2 ms,
 * "da" 1.5 ms). The index must be made with the option, so the table is rebuilt from its own content; the rebuild
 * also leaves it merged into one segment. At 100,000 applications it takes about 3 s of CPU once and grows the
 * full-text data from 16 to 39 MB; a full-text insert costs about 0.03 ms more CPU (p50).
 * Each creation adds a small segment that FTS5 merges into larger ones as they pile up: with `automerge` at 16
 * instead of 4, the merges cost 38 % less CPU per insert on average (0.45 -> 0.28 ms, 1,500 inserts at 100,000),
 * and searches read as fast (same figures for "lyon", "react", "re", "da" after them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns = 'company, position, location, notes, description, tags';
  await sql`ALTER TABLE applications_fts RENAME TO applications_fts_unprefixed`.execute(db);
  await sql
    .raw(
      `CREATE VIRTUAL TABLE applications_fts USING fts5 (
        ${columns},
        tokenize = 'unicode61 remove_diacritics 2',
        -- Searches are per-word prefix matches, never phrases: no positions to store (a smaller, faster index).
        detail = column,
        prefix = '2 3'
      )`,
    )
    .execute(db);
  await sql.raw(`INSERT INTO applications_fts (rowid, ${columns}) SELECT rowid, ${columns} FROM applications_fts_unprefixed ORDER BY rowid`).execute(db);
  await sql`DROP TABLE applications_fts_unprefixed`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('automerge', 16)`.execute(db);
}
