import { describe, expect, it } from 'vitest';
import type { CheckedRow, StagedRow } from '../../src-main/imports/check-protocol';
import { batchMessage, decodeBatch, encodeRow } from '../../src-main/imports/check-wire';
import type { ConvertedRow } from '../../src-main/imports/convert';
import { stagedRow } from '../../src-main/imports/staged';
import type { ImportProblem } from '../../src-shared/contract';

/**
 * The check thread's rows as text (src-main/imports/check-wire.ts): what arrives is what was checked, less the
 * duplicate identity, its input as the columns the import writes (staged.ts: empty ones left out). check-thread.test.ts
 * imports whole files both ways; this covers the values a file there does not hold.
 */

const warning = { row: 3, column: 4, field: 'appliedOn', code: 'date_with_text', severity: 'warning', value: 'lots', message: 'unclear', params: { max: 200 } } satisfies ImportProblem;

function application(overrides: Partial<ConvertedRow> = {}): ConvertedRow {
  return {
    row: 3,
    column: null,
    input: { companyName: 'Maison Tilleul — Saint-Étienne', position: 'Développeur·se "front" \\ 😀', appliedOn: '2024-02-29', salaryMin: 0, salaryMax: 45000.5, tags: ['remote', 'Urgent'], archived: false, notes: 'line\nbreak\u2028', location: null, source: null, deadline: undefined, postingUrl: null, description: null, resumeVersion: null },
    history: [
      { stageId: 'stage-a', category: 'applied', on: '2024-02-29' },
      { stageId: 'stage-b', category: 'interviewing', on: null },
    ],
    contact: { name: 'Person 1', role: null, email: 'p@example.com', phone: null, linkedinUrl: null },
    customValues: [
      { fieldId: 'field-n', value: 1000 },
      { fieldId: 'field-c', value: 'choice-1' },
    ],
    problems: [warning],
    identity: { companyName: 'maison tilleul', position: 'developpeur', postingUrl: null },
    ...overrides,
  };
}

/** The columns, company and tags `application()`'s input is written with, in the order the change log holds them. */
const columns = {
  position: 'Développeur·se "front" \\ 😀',
  applied_on: '2024-02-29',
  salary_min: 0,
  salary_max: 45000.5,
  notes: 'line\nbreak\u2028',
  archived: 0,
};
const stagedInput = { columns, companyName: 'Maison Tilleul — Saint-Étienne', tags: ['remote', 'Urgent'] };

/** What the import must receive: the same, without the identity, the input as it is written. */
function staged(rows: CheckedRow[]): StagedRow[] {
  return rows.map(({ checked, refusesInvalid }) => ({
    refusesInvalid,
    checked: checked.map(({ application: { identity: _identity, input, ...rest }, duplicate }) => ({
      duplicate,
      application: { ...rest, input: input === null ? null : { ...stagedInput, columns: { ...columns, ...(input.salaryMax === 45000.5 ? {} : { salary_max: input.salaryMax! }) } } },
    })),
  }));
}

/** The texts the check thread sends a batch as (its rows encoded as they are checked), or null when it sends objects. */
function sentText(rows: CheckedRow[]): string[] | null {
  const message = batchMessage(rows.map((row) => encodeRow(stagedRow(row)) ?? stagedRow(row)));
  return 'texts' in message ? message.texts : null;
}

describe('checked rows sent as text', () => {
  it('arrive with the same values, types and order', () => {
    const rows: CheckedRow[] = [
      { refusesInvalid: false, checked: [{ application: application(), duplicate: false }] },
      {
        refusesInvalid: true,
        checked: [
          { application: application({ row: 4, column: 2, input: null, contact: null, customValues: [], problems: [{ ...warning, severity: 'error', code: 'missing_required', params: undefined }] }), duplicate: true },
          { application: application({ row: 4, column: 3, identity: null, history: [] }), duplicate: false },
        ],
      },
      { refusesInvalid: true, checked: [] },
    ];
    const text = sentText(rows);
    expect(text).not.toBeNull();
    const arrived = [...decodeBatch(text!)];
    expect(arrived).toStrictEqual(JSON.parse(JSON.stringify(staged(rows))));
    expect(arrived).toEqual(staged(rows));
    expect(Object.keys(arrived[0]!.checked[0]!.application.input!.columns)).toEqual(['position', 'applied_on', 'salary_min', 'salary_max', 'notes', 'archived']);
  });

  it('are sent as objects when a number would not survive JSON', () => {
    for (const odd of [-0, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(sentText([{ refusesInvalid: false, checked: [{ application: application({ customValues: [{ fieldId: 'field-n', value: odd }] }), duplicate: false }] }])).toBeNull();
      const input = { ...application().input!, salaryMax: odd };
      expect(sentText([{ refusesInvalid: false, checked: [{ application: application({ input }), duplicate: false }] }])).toBeNull();
    }
  });

  it('are each row’s text as it was encoded, and objects beside an odd number', () => {
    const rows: CheckedRow[] = [
      { refusesInvalid: false, checked: [{ application: application(), duplicate: false }] },
      { refusesInvalid: true, checked: [{ application: application({ row: 4, input: null, contact: null, customValues: [] }), duplicate: true }] },
      { refusesInvalid: true, checked: [] },
    ];
    const shaped = rows.map((row) => encodeRow(stagedRow(row))!);
    const text = sentText(rows);
    expect(text).toStrictEqual(shaped);
    expect(batchMessage([])).toEqual({ type: 'rows', texts: [] });
    expect([...decodeBatch([])]).toEqual([]);

    const odd = stagedRow({ refusesInvalid: false, checked: [{ application: application({ row: 5, customValues: [{ fieldId: 'field-n', value: -0 }] }), duplicate: false }] });
    expect(encodeRow(odd)).toBeNull();
    const message = batchMessage([...shaped, encodeRow(odd) ?? odd]);
    expect('rows' in message && message.rows).toEqual([...decodeBatch(text!), odd]);
    expect('rows' in message && Object.is(message.rows[3]!.checked[0]!.application.customValues[0]!.value, -0)).toBe(true);
  });

  it('are decoded one row at a time, as the import reaches each', () => {
    const row: CheckedRow = { refusesInvalid: false, checked: [{ application: application(), duplicate: false }] };
    // A broken second row is only met once the first has been taken: nothing decodes ahead of the import.
    const rows = decodeBatch([sentText([row])![0]!, '[not json']);
    expect(rows.next().value).toEqual(staged([row])[0]);
    expect(() => rows.next()).toThrow(SyntaxError);
  });
});
