import type { Database } from '../db/connection';
import type { WriteGeneration } from './count-memo';

/** What a connection knows of its live rows since the last write. */
interface LiveRows extends WriteGeneration {
  /** Per sequence: its stage's number times 4 plus 1 live and active, 2 live and archived, 3 live with another archived value; 0 not live. */
  flags: Uint32Array | null;
  /** The numbers `flags` gives the stages, from 1. */
  stageNumbers: Map<string, number>;
  /** The rows the searches since the last write counted in SQL, one index seek each. */
  countedInSql: number;
}

const liveRowsByConnection = new WeakMap<Database, LiveRows>();

/** Beyond this sequence a flag per row (4 bytes) would cost more memory than the count it saves (16 MB). */
const largestSequence = 4_000_000;

/**
 * Reading the flags walks every live row (~70 ns each at 100,000: 7 ms at rest, 14 under load 9); a search's count
 * in SQL seeks each match (~230 ns, and ~3 in 4 matches are counted). The flags are read once the searches since the
 * last write have counted, in SQL, rows to a quarter of the table: about what the walk costs. Reading them on the
 * second search after a write instead cost that search 14 ms under load, every time a person edited then searched
 * twice; this way a connection never pays for them more than twice what counting in SQL would have cost.
 */
const rowsCountedBeforeReading = (top: number) => top / 4;

/**
 * How many of a search's matches the list counts: the live rows with the archived flag asked for (null: any), in the
 * stages asked for (null: any; a board column asks for one). Counted in memory from the flags of the live rows when
 * the connection holds them, else in SQL by `countInSql`. The flags
 * are kept until this connection changes a row (`total_changes()`) or another commits (`data_version`): the
 * `generation` count-memo.ts read before the count, null inside a transaction, where nothing is kept (what it wrote
 * may still be rolled back).
 */
export function countSearchMatches(
  db: Database,
  generation: WriteGeneration | null,
  archived: number | null,
  stageIds: readonly string[] | null,
  matchesOf: () => readonly number[],
  countInSql: () => number,
): number {
  const wanted = archived === null ? null : archived === 0 ? 1 : archived === 1 ? 2 : undefined;
  if (generation === null || wanted === undefined) return countInSql();
  let kept = liveRowsByConnection.get(db);
  if (!kept || kept.changes !== generation.changes || kept.version !== generation.version) {
    kept = { ...generation, flags: null, stageNumbers: new Map(), countedInSql: 0 };
    liveRowsByConnection.set(db, kept);
  }
  if (!kept.flags) {
    const top = db.sql('SELECT max(seq) FROM applications').pluck().get() as number | null;
    if (top === null || top > largestSequence || kept.countedInSql < rowsCountedBeforeReading(top)) {
      const total = countInSql();
      // Within stages SQL builds the list of every match (~130 ns each) to test the stages' rows against: the work
      // grows with the matches, not with the rows kept (a board's nine columns each pay for the same 19,181).
      kept.countedInSql += stageIds ? matchesOf().length : total;
      return total;
    }
    kept.flags = readLiveRows(db, top, kept.stageNumbers);
  }
  const flags = kept.flags;
  // Which stage numbers count, by number: a stage unknown to the rows read has none live.
  const stagesWanted = stageIds && new Uint8Array(kept.stageNumbers.size + 1);
  for (const id of stageIds ?? []) {
    const number = kept.stageNumbers.get(id);
    if (number !== undefined) stagesWanted![number] = 1;
  }
  let total = 0;
  for (const seq of matchesOf()) {
    const flag = seq < flags.length ? flags[seq] : 0;
    if (flag === 0 || (wanted !== null && flag % 4 !== wanted) || (stagesWanted && stagesWanted[flag >>> 2] !== 1)) continue;
    total += 1;
  }
  return total;
}

/** The live rows' flags, read stage by stage from the index of the live rows by stage (it holds the archived flag). */
function readLiveRows(db: Database, top: number, stageNumbers: Map<string, number>): Uint32Array {
  const flags = new Uint32Array(top + 1);
  const stages = db
    .sql(
      `SELECT stage_id, json_group_array(seq * 4 + CASE archived WHEN 0 THEN 1 WHEN 1 THEN 2 ELSE 3 END) AS encoded
       FROM applications INDEXED BY applications_live_stage WHERE deleted_at IS NULL GROUP BY stage_id`,
    )
    .all() as { stage_id: string; encoded: string }[];
  for (const { stage_id: stageId, encoded } of stages) {
    const number = stageNumbers.size + 1;
    stageNumbers.set(stageId, number);
    for (const value of JSON.parse(encoded) as number[]) flags[Math.floor(value / 4)] = number * 4 + (value % 4);
  }
  return flags;
}
