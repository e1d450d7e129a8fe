import { sql, type Kysely } from 'kysely';

/**
 * The full-text table kept its own copy of the six texts it indexes (applications_fts_content: 85 MB at 100,000
 * applications, beside 40 MB of index), which nothing reads: searches take rowids and the rank, and every writer
 * deletes by rowid. It is now contentless, with `contentless_delete` (SQLite 3.43) so that a row is still deleted by
 * its rowid alone. At 100,000 applications writing the full-text rows costs 2.2-2.4 s of CPU instead of 2.7-3.4 s
 * (an import writes them inside its last step, under the write lock), and a database made since is 85 MB smaller
 * (an upgraded file keeps its size: later writes reuse the pages freed).
 * The rows are rebuilt from the old table's content once (the whole upgrade took 7.6 s at 100,000 applications, the
 * backup before it included), merged into one segment, and the merge settings of 0280 set again on the new table.
 * A contentless table with `contentless_delete` also rewrites a segment once a tenth of its rows are deleted
 * (FTS5's `deletemerge`), which the idle merge (text-index-merge.ts) does in its steps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns = 'company, position, location, notes, description, tags';
  await sql`ALTER TABLE applications_fts RENAME TO applications_fts_with_copy`.execute(db);
  await sql
    .raw(
      `CREATE VIRTUAL TABLE applications_fts USING fts5 (
        ${columns},
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        detail = column,
        prefix = '2 3'
      )`,
    )
    .execute(db);
  await sql.raw(`INSERT INTO applications_fts (rowid, ${columns}) SELECT rowid, ${columns} FROM applications_fts_with_copy ORDER BY rowid`).execute(db);
  await sql`DROP TABLE applications_fts_with_copy`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts) VALUES ('optimize')`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('automerge', 0)`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('crisismerge', 64)`.execute(db);
  await sql`INSERT INTO applications_fts (applications_fts, rank) VALUES ('usermerge', 16)`.execute(db);
}
