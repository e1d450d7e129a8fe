import type { ExportReader } from './reader';
import { parseInstant } from './wall-clock';
import { stageEventRow, type ApplicationRow, type HistoryStage, type StageEventRow } from './tables';

/** No stage (an event's `from` of the first stage, or a stage id unknown even among deleted stages). */
const noStage = 0xffff;

/**
 * Every live stage event, in each application's order (oldest first), read in one pass before the applications'
 * walk and held in compact arrays until its application's row is written (history-walk.ts).
 *
 * Why: the applications sheet is written in the order of the applied date, which has nothing to do with where rows
 * are stored. Read for each batch of 500 applications (`stageEventsOfApplications`), each application's events
 * cost a random page of the events' index and one of the events' table: about 250,000 page reads at 100,000
 * applications. Read in the order of the index on (application_id, occurred_at), the table's rows come nearly in
 * their stored order (ids are time-ordered, and an application's events are written with it), and the
 * application's rowid comes from the covering index on its id: about 20,000 page reads for the same rows.
 *
 * Held per event: the instant as a number (8 bytes, read by parseInstant, Date.parse's equal; the text again when it
 * does not parse, which the cell writes as text), the stages as indexes (2 bytes each), the note (null for most). About 4 MB for 240,000 events, against
 * about 14 MB as the rows' strings.
 */
export class HeldHistories {
  private constructor(
    /** By application seq: its first event's index, and one past its last (equal when it has none). */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly occurredMs: Float64Array,
    /** The stored text of the instants Date.parse cannot read, by event index. */
    private readonly unreadOccurred: ReadonlyMap<number, string>,
    private readonly notes: readonly (string | null)[],
    private readonly fromStages: Uint16Array,
    private readonly toStages: Uint16Array,
    private readonly stages: readonly HistoryStage[],
  ) {}

  /**
   * Reads every live event of the reader's state. Null where the applications' rowids are too sparse for an array
   * indexed by them (never for rowids the app gave itself); the export then reads the events per batch.
   */
  static async read(reader: ExportReader): Promise<HeldHistories | null> {
    const top = (sql: string) => reader.repeated<{ top: number | null }>(sql)()[0]?.top ?? 0;
    const lastSeq = top('SELECT max(seq) AS top FROM applications');
    const applications = top('SELECT count(*) AS top FROM applications');
    if (lastSeq < 0 || lastSeq > 4 * applications + 100_000) return null;
    const stageRows = reader.repeated<HistoryStage & { id: string }>('SELECT id, name, category FROM stages')();
    if (stageRows.length >= noStage) return null;
    const stageIndex = new Map(stageRows.map((stage, index) => [stage.id, index]));
    const stages = stageRows.map((stage): HistoryStage => ({ name: stage.name, category: stage.category }));

    const starts = new Int32Array(lastSeq + 1);
    const ends = new Int32Array(lastSeq + 1);
    // The events' largest rowid bounds their number; grown if rows were given larger ones.
    let capacity = Math.max(16, top('SELECT max(rowid) AS top FROM stage_events'));
    let occurredMs = new Float64Array(capacity);
    let fromStages = new Uint16Array(capacity);
    let toStages = new Uint16Array(capacity);
    const unreadOccurred = new Map<number, string>();
    const notes: (string | null)[] = [];
    let count = 0;
    let current = -1;
    const query = {
      // Every application's events, deleted applications' too: the covering index on the id then answers alone
      // (a deleted application's events are never asked for).
      sql: `SELECT a.seq, e.occurred_at, e.note, e.from_stage_id, e.to_stage_id
        FROM stage_events e JOIN applications a ON a.id = e.application_id
        WHERE e.deleted_at IS NULL ORDER BY e.application_id, e.occurred_at, e.rowid`,
      params: [],
    };
    for await (const batch of reader.rawBatches(query, 5_000)) {
      for (const [seq, occurredAt, note, from, to] of batch as [number, string, string | null, string | null, string | null][]) {
        if (count === capacity) {
          capacity *= 2;
          occurredMs = grown(occurredMs, capacity);
          fromStages = grown(fromStages, capacity);
          toStages = grown(toStages, capacity);
        }
        if (seq !== current) {
          // An application's events come together (ordered by its id): they are indexes [start, end).
          if (current >= 0) ends[current] = count;
          current = seq;
          starts[seq] = count;
        }
        const ms = parseInstant(occurredAt);
        occurredMs[count] = ms;
        if (Number.isNaN(ms)) unreadOccurred.set(count, occurredAt);
        notes.push(note);
        fromStages[count] = (from === null ? undefined : stageIndex.get(from)) ?? noStage;
        toStages[count] = (to === null ? undefined : stageIndex.get(to)) ?? noStage;
        count += 1;
      }
    }
    if (current >= 0) ends[current] = count;
    return new HeldHistories(starts, ends, occurredMs, unreadOccurred, notes, fromStages, toStages, stages);
  }

  /** Hands `emit` the stage history rows of `application`, oldest first, as stageHistoryTable gives them. */
  rowsOf(application: ApplicationRow, emit: (row: StageEventRow) => void): void {
    const { seq } = application;
    if (seq >= this.starts.length) return;
    for (let index = this.starts[seq]; index < this.ends[seq]; index += 1) {
      const from = this.fromStages[index] === noStage ? undefined : this.stages[this.fromStages[index]];
      const to = this.toStages[index] === noStage ? undefined : this.stages[this.toStages[index]];
      // The instant the stored text was read into, which is all the date-time cell is made from (WallClock.wallMs):
      // its text made again by toISOString and read again for each cell was about a fifth of this walk's history.
      const occurred_at = Number.isNaN(this.occurredMs[index]) ? this.unreadOccurred.get(index)! : this.occurredMs[index];
      emit(stageEventRow(application, { occurred_at, note: this.notes[index] }, from, to));
    }
  }
}

function grown<Values extends Float64Array | Uint16Array>(values: Values, capacity: number): Values {
  const larger = new (values.constructor as new (length: number) => Values)(capacity);
  larger.set(values);
  return larger;
}
