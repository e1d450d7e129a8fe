import { applicationColumns } from '../applications/rows';
import type { Fields } from '../changes/writer';
import type { CheckedRow, StagedRow } from './check-protocol';
import type { ConvertedRow, CreateInput } from './convert';

/**
 * What the staging writes of a row's input, computed where the row is checked: in the check thread, which waits for
 * the import's thread (the slower side) about 2 s of a 100,000-row import, instead of on the import's thread, which
 * rebuilt each input from the wire and mapped it to columns (0.4-0.6 s there, docs/performance.md, session 19).
 */
export interface StagedInput {
  /** The application's columns as `applicationColumns` gives them, those the input leaves empty left out (defaults). */
  columns: Fields;
  companyName: string;
  tags: readonly string[];
}

/** A checked application as the import stages it: no duplicate identity, its input as `StagedInput`. */
export type StagedApplication = Omit<ConvertedRow, 'identity' | 'input'> & { input: StagedInput | null };

/** Absent fields are the columns' defaults already: writing nulls would only grow the change log. */
function withoutNulls(input: CreateInput): CreateInput {
  const result: Record<string, unknown> = {};
  for (const key in input) {
    const value = input[key as keyof CreateInput];
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result as CreateInput;
}

export function stagedInput(input: CreateInput): StagedInput {
  const present = withoutNulls(input);
  return { columns: applicationColumns(present), companyName: present.companyName!, tags: present.tags ?? [] };
}

/** A checked row in the form the import stages it (`ImportWriter.writeRow`). */
export function stagedRow({ checked, refusesInvalid }: CheckedRow): StagedRow {
  return {
    refusesInvalid,
    checked: checked.map(({ application: { row, column, input, history, contact, customValues, problems }, duplicate }) => ({
      duplicate,
      application: { row, column, input: input === null ? null : stagedInput(input), history, contact, customValues, problems },
    })),
  };
}
