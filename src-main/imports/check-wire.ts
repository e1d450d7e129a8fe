import type { ImportProblem } from '../../src-shared/contract';
import type { Fields } from '../changes/writer';
import type { CheckThreadMessage, StagedRow } from './check-protocol';
import type { ContactDraft, HistoryStep } from './convert';

/**
 * The check thread's checked rows as a JSON text each (check-worker.ts -> check-thread.ts), sent in batches, each row
 * as arrays in a fixed order: only what the import stages (not the rows' duplicate identity), and the cheapest form
 * to read back on the import's thread, the side that waits. At the bench's 100,000 rows, load 3.7
 * (test/bench/probe-import-wire.ts): read back in 0.29-0.36 s instead of 0.64-0.65 s as structured clones of the
 * objects (101 MB); written in 0.53-0.54 s instead of 0.41-0.54 s on the check thread. An input goes as the
 * columns the import writes (staged.ts), an object JSON gives back in its order, without being rebuilt here.
 *
 * JSON keeps strings, booleans, null and finite numbers other than -0 as they are: a batch holding another number
 * (NaN, an infinity, -0, where a column or a custom field could hold one) goes as objects (`encodeRow` null).
 */

type WireApplication = [
  duplicate: boolean,
  row: number,
  column: number | null,
  input: [columns: Fields, companyName: string, tags: readonly string[]] | null,
  history: [stageId: string, category: HistoryStep['category'], on: string | null][],
  contact: ContactDraft | null,
  customValues: { fieldId: string; value: string | number }[],
  problems: ImportProblem[],
];
type WireRow = [refusesInvalid: boolean, checked: WireApplication[]];

const jsonSafe = (value: unknown) => typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0));

/**
 * A row as the JSON text of its arrays, encoded as soon as it is checked (check-worker.ts): its objects then die
 * young, where a batch of 1,000 rows held as objects until its end outlived two collections of the young generation
 * and was copied into the old one (most of the check thread's collector's work). Null when a number in it would not
 * survive JSON.
 */
export function encodeRow({ checked, refusesInvalid }: StagedRow): string | null {
  const applications: WireApplication[] = new Array<WireApplication>(checked.length);
  for (let index = 0; index < checked.length; index += 1) {
    const { application, duplicate } = checked[index]!;
    const { row, column, input, history, contact, customValues, problems } = application;
    let staged: WireApplication[3] = null;
    if (input !== null) {
      for (const name in input.columns) if (!jsonSafe(input.columns[name])) return null;
      staged = [input.columns, input.companyName, input.tags];
    }
    for (const { value } of customValues) if (!jsonSafe(value)) return null;
    const steps: WireApplication[4] = new Array<WireApplication[4][number]>(history.length);
    for (let step = 0; step < history.length; step += 1) {
      const { stageId, category, on } = history[step]!;
      steps[step] = [stageId, category, on];
    }
    applications[index] = [duplicate, row, column, staged, steps, contact, customValues, problems];
  }
  return JSON.stringify([refusesInvalid, applications] satisfies WireRow);
}

/**
 * The message of a batch whose rows were encoded as they were checked (a row that would not change in JSON as its
 * text, else as it is): their texts, else objects, the rows that were encoded read back as the import would read
 * them. A text each, not their batch's texts joined into one: a string of a megabyte or two goes into V8's
 * large-object space, fresh pages for every batch (the join's on the check thread, the copy the message arrives as
 * on the import's), each costing a page fault per 4 KB on this kind of host; a row's text is a small string of the
 * young generation, whose pages are used again.
 */
export function batchMessage(rows: readonly (string | StagedRow)[]): Extract<CheckThreadMessage, { type: 'rows' }> {
  if (rows.every((row): row is string => typeof row === 'string')) return { type: 'rows', texts: [...rows] };
  return { type: 'rows', rows: rows.map((row) => (typeof row === 'string' ? decodeRow(row) : row)) };
}

/** A row encoded by `encodeRow`, as the import stages it. */
function decodeRow(text: string): StagedRow {
  const [refusesInvalid, checked] = JSON.parse(text) as WireRow;
  return {
    refusesInvalid,
    checked: checked.map(([duplicate, row, column, staged, history, contact, customValues, problems]) => ({
      duplicate,
      application: {
        row,
        column,
        input: staged === null ? null : { columns: staged[0], companyName: staged[1], tags: staged[2] },
        history: history.map(([stageId, category, on]) => ({ stageId, category, on })),
        contact,
        customValues,
        problems,
      },
    })),
  };
}

/**
 * The rows of an encoded batch, as the import stages them, each decoded as the import comes to it: decoded all at
 * once, a batch's 1,000 rows outlived the young generation's collections while the first were written, and were
 * copied into the old one (the import's thread collected 0.15 s less of its 0.9 s at the bench's 100,000 rows).
 * Read once.
 */
export function* decodeBatch(texts: readonly string[]): Generator<StagedRow, void, undefined> {
  for (const text of texts) yield decodeRow(text);
}
