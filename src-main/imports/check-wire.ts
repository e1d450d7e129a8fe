import { createApplicationInput, type ImportProblem } from '../../src-shared/contract';
import type { CheckedRow, StagedRow } from './check-protocol';
import type { ContactDraft, CreateInput, HistoryStep } from './convert';

/**
 * The check thread's batches of checked rows as one JSON text each (check-worker.ts -> check-thread.ts), each row
 * as arrays in a fixed order: only what the import stages (not the rows' duplicate identity), and the cheapest form
 * to read back on the import's thread, the side that waits. At the bench's 100,000 rows, load 3.7
 * (test/bench/probe-import-wire.ts): read back in 0.29-0.36 s instead of 0.64-0.65 s as structured clones of the
 * objects (101 MB); written in 0.53-0.54 s instead of 0.41-0.54 s on the check thread.
 *
 * JSON keeps strings, booleans, null and finite numbers other than -0 as they are: a batch holding another number
 * (NaN, an infinity, -0, where the input or a custom field could hold one) goes as objects (`encodeBatch` null).
 * An input's null, undefined and missing keys all arrive missing: the import reads them alike (write.ts drops them).
 */

const inputKeys = Object.keys(createApplicationInput.shape) as (keyof CreateInput)[];

type InputValues = unknown[];
type WireApplication = [
  duplicate: boolean,
  row: number,
  column: number | null,
  input: InputValues | null,
  history: [stageId: string, category: HistoryStep['category'], on: string | null][],
  contact: ContactDraft | null,
  customValues: { fieldId: string; value: string | number }[],
  problems: ImportProblem[],
];
type WireRow = [refusesInvalid: boolean, checked: WireApplication[]];

const jsonSafe = (value: unknown) => typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0));

/** A batch as one text; null when a number in it would not survive JSON (it goes as objects then). */
export function encodeBatch(rows: CheckedRow[]): string | null {
  let safe = true;
  const wire = rows.map(({ checked, refusesInvalid }): WireRow => [
    refusesInvalid,
    checked.map(({ application: { row, column, input, history, contact, customValues, problems }, duplicate }): WireApplication => {
      let values: InputValues | null = null;
      if (input !== null) {
        values = inputKeys.map((key) => input[key] ?? null);
        safe &&= values.every(jsonSafe);
      }
      safe &&= customValues.every(({ value }) => jsonSafe(value));
      return [duplicate, row, column, values, history.map(({ stageId, category, on }) => [stageId, category, on]), contact, customValues, problems];
    }),
  ]);
  return safe ? JSON.stringify(wire) : null;
}

/** The rows of an encoded batch, as the import stages them. */
export function decodeBatch(text: string): StagedRow[] {
  return (JSON.parse(text) as WireRow[]).map(([refusesInvalid, checked]) => ({
    refusesInvalid,
    checked: checked.map(([duplicate, row, column, values, history, contact, customValues, problems]) => {
      let input: CreateInput | null = null;
      if (values !== null) {
        const fields: Record<string, unknown> = {};
        for (let index = 0; index < inputKeys.length; index += 1) if (values[index] !== null) fields[inputKeys[index]!] = values[index];
        input = fields as CreateInput;
      }
      return {
        duplicate,
        application: { row, column, input, history: history.map(([stageId, category, on]) => ({ stageId, category, on })), contact, customValues, problems },
      };
    }),
  }));
}
