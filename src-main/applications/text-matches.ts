import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/connection';
import type { WriteGeneration } from './count-memo';

/** The sequences a full-text query matches, as the JSON array SQLite gave them and as numbers. */
export interface TextMatches {
  json: string;
  seqs: number[];
}

/**
 * The sequences a full-text query matches, read in one statement as one JSON array: ~30 ns a match over FTS5's own
 * read, where SQLite's IN list of the same matches costs ~130 ns each to build ("lyon", 19,181 matches at 100,000).
 */
export function readTextMatches(db: Database, match: string, generation: WriteGeneration | null): TextMatches {
  const last = lastRead.get(db);
  if (generation && last && last.match === match && last.changes === generation.changes && last.version === generation.version) return last.matches;
  const json = db.sql('SELECT json_group_array(rowid) FROM applications_fts WHERE applications_fts MATCH ?').pluck().get(match) as string;
  const matches = { json, seqs: JSON.parse(json) as number[] };
  if (generation) lastRead.set(db, { match, ...generation, matches });
  else lastRead.delete(db);
  return matches;
}

/**
 * Each connection's last matches read, until something is written (count-memo.ts's generation): the board asks for
 * each of its columns with the same words, and each read them again ("lyon" at 100,000: 6.6 ms, nine columns).
 */
const lastRead = new WeakMap<Database, WriteGeneration & { match: string; matches: TextMatches }>();

/**
 * The text clause of a statement given the matches already read, as a JSON array parameter: the same IN list, without
 * FTS5 reading the matches again ("data analyst" merges the lists of two prefixes: 0.9 ms a read).
 */
export const inMatchesReadClause = '+a.seq IN (SELECT value FROM json_each(?))';

/** The SQL test of a row against the matches `withTextMatches` holds for the statement being run. */
export const inTextMatchesClause = 'in_text_matches(a.seq)';

/**
 * A flag per sequence, set for the matches of the statement running on each connection and cleared after it: kept
 * from one search to the next rather than allocated for each (100 KB at 100,000).
 */
const membersByConnection = new WeakMap<BetterSqlite3.Database, { flags: Uint8Array }>();

/**
 * Runs `run` with `in_text_matches(seq)` true for the given matches: a walk of the list's order tests each row it
 * meets in memory, and stops at the page's last row (~260 rows for "lyon"), instead of SQLite first building an
 * IN list of every match.
 */
export function withTextMatches<T>(db: Database, matches: readonly number[], run: () => T): T {
  const sqlite = db.sqlite;
  let members = membersByConnection.get(sqlite);
  if (!members) {
    const registered = { flags: new Uint8Array(0) };
    sqlite.function('in_text_matches', { deterministic: false, directOnly: true }, (seq: unknown) =>
      typeof seq === 'number' && seq >= 0 && seq < registered.flags.length ? registered.flags[seq] : 0,
    );
    membersByConnection.set(sqlite, registered);
    members = registered;
  }
  let top = 0;
  for (const seq of matches) if (seq > top) top = seq;
  if (top >= members.flags.length) members.flags = new Uint8Array(top + 1);
  const flags = members.flags;
  for (const seq of matches) flags[seq] = 1;
  try {
    return run();
  } finally {
    for (const seq of matches) flags[seq] = 0;
  }
}
