import type { Database } from '../db/connection';
import type { WriteGeneration } from './count-memo';

/** What a connection knows of its live rows since the last write. */
interface LiveRows extends WriteGeneration {
  /** A flag per sequence: 1 live and active, 2 live and archived, 3 live with another archived value, 0 not live. */
  flags: Uint8Array | null;
  /** The rows the searches since the last write counted in SQL, one index seek each. */
  countedInSql: number;
}

const liveRowsByConnection = new WeakMap<Database, LiveRows>();

/** Beyond this sequence a flag per row would cost more memory than the count it saves (16 MB). */
const largestSequence = 16_000_000;

/**
 * Reading the flags walks every live row (~70 ns each at 100,000: 7 ms at rest, 14 under load 9); a search's count
 * in SQL seeks each match (~230 ns, and ~3 in 4 matches are counted). The flags are read once the searches since the
 * last write have counted, in SQL, rows to a quarter of the table: about what the walk costs. Reading them on the
 * second search after a write instead cost that search 14 ms under load, every time a person edited then searched
 * twice; this way a connection never pays for them more than twice what counting in SQL would have cost.
 */
const rowsCountedBeforeReading = (top: number) => top / 4;

/**
 * How many of a search's matches the list counts: the live rows with the archived flag asked for (null: any). Counted
 * in memory from the flags of the live rows when the connection holds them, else in SQL by `countInSql`. The flags
 * are kept until this connection changes a row (`total_changes()`) or another commits (`data_version`): the
 * `generation` count-memo.ts read before the count, null inside a transaction, where nothing is kept (what it wrote
 * may still be rolled back).
 */
export function countSearchMatches(
  db: Database,
  generation: WriteGeneration | null,
  archived: number | null,
  matchesOf: () => readonly number[],
  countInSql: () => number,
): number {
  const wanted = archived === null ? null : archived === 0 ? 1 : archived === 1 ? 2 : undefined;
  if (generation === null || wanted === undefined) return countInSql();
  let kept = liveRowsByConnection.get(db);
  if (!kept || kept.changes !== generation.changes || kept.version !== generation.version) {
    kept = { ...generation, flags: null, countedInSql: 0 };
    liveRowsByConnection.set(db, kept);
  }
  if (!kept.flags) {
    const top = db.sql('SELECT max(seq) FROM applications').pluck().get() as number | null;
    if (top === null || top > largestSequence || kept.countedInSql < rowsCountedBeforeReading(top)) {
      const total = countInSql();
      kept.countedInSql += total;
      return total;
    }
    kept.flags = readLiveRows(db, top);
  }
  const flags = kept.flags;
  let total = 0;
  for (const seq of matchesOf()) {
    const flag = seq < flags.length ? flags[seq] : 0;
    if (wanted === null ? flag !== 0 : flag === wanted) total += 1;
  }
  return total;
}

function readLiveRows(db: Database, top: number): Uint8Array {
  const flags = new Uint8Array(top + 1);
  const encoded = db
    .sql(`SELECT json_group_array(seq * 4 + CASE archived WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 3 END) FROM applications INDEXED BY applications_live_seq WHERE deleted_at IS NULL`)
    .pluck()
    .get() as string;
  for (const value of JSON.parse(encoded) as number[]) flags[Math.floor(value / 4)] = value % 4;
  return flags;
}
