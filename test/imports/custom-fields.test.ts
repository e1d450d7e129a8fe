import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { valueRowId } from '../../src-main/custom-fields/values';
import { customFieldTarget, type CustomField } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';
import { fingerprint, listAll, upload } from './support/files';

// Custom fields in imports (issue 19, item 5): a column maps onto a custom field by its id, is proposed for it when
// its header is the field's name, and its values are checked by the field's kind; they go through the staged import
// and an export of Candid comes back whole.

let app: TempApp;
beforeEach(async () => {
  app = await openTempApp();
});
afterEach(() => app.close());

interface Fields {
  referrer: CustomField;
  bonus: CustomField;
  onsite: CustomField;
  via: CustomField;
}

async function createFields(target: TempApp = app): Promise<Fields> {
  const { api } = target;
  return {
    referrer: await api.invoke('customFields.create', { name: 'Referrer', kind: 'text' }),
    bonus: await api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' }),
    onsite: await api.invoke('customFields.create', { name: 'Onsite on', kind: 'date' }),
    via: await api.invoke('customFields.create', { name: 'Found through', kind: 'choice', choices: ['Referral', 'Agence d’intérim', 'Job board'] }),
  };
}

const csv = [
  'Company,Position,Referrer,Signing bonus,Onsite on,Found through',
  'Acme,Backend developer,Hélène Martin,"12 500,5",02/04/2024,REFERRAL',
  'Globex,Data engineer,,800,20/03/2024,agence d interim',
  'Initech,UX designer,Bob Stone,a lot,31/12/9999,A friend',
  'Hooli,Product manager,,,,',
].join('\n');

async function valuesByCompany(target: TempApp = app): Promise<Record<string, Record<string, string | number>>> {
  const result: Record<string, Record<string, string | number>> = {};
  for (const row of await listAll(target)) result[row.companyName] = (await target.api.invoke('applications.get', { id: row.id })).customValues;
  return result;
}

describe('the mapping', () => {
  it('proposes a custom field for a column named like it, lists the fields by name, and keeps numbers for number fields', async () => {
    const fields = await createFields();
    const withText = csv.replace('Company,Position,Referrer,Signing bonus', 'Company,Position,referrer,SIGNING BONUS');
    const preview = await app.api.invoke('imports.preview', { source: upload(withText, 'fields.csv') });
    expect(preview.customFields).toEqual([
      { target: customFieldTarget(fields.referrer.id), name: 'Referrer', kind: 'text' },
      { target: customFieldTarget(fields.bonus.id), name: 'Signing bonus', kind: 'number' },
      { target: customFieldTarget(fields.onsite.id), name: 'Onsite on', kind: 'date' },
      { target: customFieldTarget(fields.via.id), name: 'Found through', kind: 'choice' },
    ]);
    // "Referrer" would otherwise be the contact's name: the user's own field of that name wins.
    expect(preview.mapping).toEqual(['company', 'position', ...[fields.referrer, fields.bonus, fields.onsite, fields.via].map((field) => customFieldTarget(field.id))]);
    expect(preview.columns[3].proposal).toMatchObject({ field: customFieldTarget(fields.bonus.id), reasons: [{ code: 'header' }, { code: 'numbers' }] });
    expect(preview.columns[4].dates).toMatchObject({ order: 'dmy' });

    // A column of words is no number, whatever its name: not proposed.
    const words = 'Company,Position,Signing bonus\nAcme,Dev,a lot\nGlobex,Dev,some\nInitech,Dev,none\n';
    const other = await app.api.invoke('imports.preview', { source: upload(words, 'words.csv') });
    expect(other.mapping[2]).not.toBe(customFieldTarget(fields.bonus.id));
  });

  it('maps any column onto a field by its id, and refuses a field deleted since, writing nothing', async () => {
    const fields = await createFields();
    const file = upload('Company,Position,Prime (€)\nAcme,Dev,3000\n', 'bonus.csv');
    const mapping = ['company', 'position', customFieldTarget(fields.bonus.id)] as const;
    const result = await app.api.invoke('imports.run', { source: file, mapping: [...mapping] });
    expect(result.created).toBe(1);
    expect(await valuesByCompany()).toEqual({ Acme: { [fields.bonus.id]: 3000 } });

    await app.api.invoke('customFields.delete', { id: fields.bonus.id });
    const before = fingerprint(app);
    await expect(app.api.invoke('imports.run', { source: file, mapping: [...mapping] })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'unknown_custom_field', column: 'Prime (€)' },
    });
    expect(fingerprint(app)).toBe(before);
    // An id that is not one is refused by the contract.
    await expect(app.api.invoke('imports.preview', { source: file, mapping: ['company', 'position', 'custom:nope' as never] })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the values', () => {
  it('are read by the kind of their field; a value that does not fit is a warning, its cell kept in the notes', async () => {
    const fields = await createFields();
    const preview = await app.api.invoke('imports.preview', { source: upload(csv, 'fields.csv') });
    const problems = preview.problems.map((problem) => [problem.row, problem.field, problem.code, problem.severity, problem.value]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [4, customFieldTarget(fields.bonus.id), 'not_a_number', 'warning', 'a lot'],
        [4, customFieldTarget(fields.onsite.id), 'implausible_date', 'warning', '31/12/9999'],
        [4, customFieldTarget(fields.via.id), 'unknown_choice', 'warning', 'A friend'],
      ]),
    );
    expect(preview.problemCounts).toMatchObject({ errors: 0, warnings: 3 });

    const result = await app.api.invoke('imports.run', { source: upload(csv, 'fields.csv') });
    expect(result.created).toBe(4);
    expect(result.summary!.warnings.map((group) => group.code).sort()).toEqual(['implausible_date', 'not_a_number', 'unknown_choice']);
    const [referral, agency] = fields.via.choices.map((choice) => choice.id);
    expect(await valuesByCompany()).toEqual({
      Acme: { [fields.referrer.id]: 'Hélène Martin', [fields.bonus.id]: 12_500.5, [fields.onsite.id]: '2024-04-02', [fields.via.id]: referral },
      Globex: { [fields.bonus.id]: 800, [fields.onsite.id]: '2024-03-20', [fields.via.id]: agency },
      Initech: { [fields.referrer.id]: 'Bob Stone' },
      Hooli: {},
    });
    const initech = (await listAll(app)).find((row) => row.companyName === 'Initech')!;
    expect((await app.api.invoke('applications.get', { id: initech.id })).notes).toBe('Signing bonus: a lot\nOnsite on: 31/12/9999\nFound through: A friend');
    // The table filters on imported values like on typed ones.
    const filtered = await app.api.invoke('applications.list', { customFields: [{ fieldId: fields.bonus.id, min: 1000 }] });
    expect(filtered.items.map((item) => item.companyName)).toEqual(['Acme']);
  });

  it('go through the staged import: copied into the live database with their change log, one row per application and field', async () => {
    const fields = await createFields();
    const seqBefore = app.context.db.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM change_log`).pluck().get() as number;
    await app.api.invoke('imports.run', { source: upload(csv, 'fields.csv') });
    const acme = (await listAll(app)).find((row) => row.companyName === 'Acme')!;
    const rows = app.context.db.sqlite
      .prepare(`SELECT id, field_id, value FROM application_field_values WHERE application_id = ? ORDER BY field_id`)
      .all(acme.id) as { id: string; field_id: string; value: unknown }[];
    expect(rows).toHaveLength(4);
    // The id every device derives for the pair: sync merges it with a value set elsewhere.
    for (const row of rows) expect(row.id).toBe(valueRowId(acme.id, row.field_id));
    expect(rows.find((row) => row.field_id === fields.bonus.id)?.value).toBe(12_500.5);
    // Sync ships what the change log holds.
    const logged = app.context.db.sqlite
      .prepare(`SELECT count(*) FROM change_log WHERE seq > ? AND table_name = 'application_field_values'`)
      .pluck()
      .get(seqBefore);
    expect(logged).toBe(app.context.db.sqlite.prepare(`SELECT count(*) FROM application_field_values`).pluck().get());
    // The scratch database is gone.
    expect((await import('node:fs')).readdirSync(app.dir).filter((name) => name.startsWith('.import-staging'))).toEqual([]);
  });
});

describe('exports come back', () => {
  for (const format of ['csv', 'excel'] as const) {
    it(`through the ${format === 'csv' ? 'CSV' : 'Excel'} export, into an empty folder with the same fields: the same values`, async () => {
      const fields = await createFields();
      await app.api.invoke('imports.run', { source: upload(csv, 'fields.csv') });
      const expected = await valuesByCompany();
      const file = path.join(app.dir, format === 'csv' ? 'applications.csv' : 'applications.xlsx');
      await app.api.invoke(`exports.${format}`, { path: file, language: 'fr' });

      const empty = await openTempApp();
      try {
        const theirs = await createFields(empty);
        const ids = new Map((Object.keys(fields) as (keyof Fields)[]).map((key) => [fields[key].id, theirs[key].id]));
        const choices = new Map(fields.via.choices.map((choice, index) => [choice.id, theirs.via.choices[index].id]));
        const preview = await empty.api.invoke('imports.preview', { source: { path: file } });
        expect(preview.mapping.filter((target) => target?.startsWith('custom:'))).toHaveLength(4);
        const result = await empty.api.invoke('imports.run', { source: { path: file } });
        expect(result.created).toBe(4);
        const translated = Object.fromEntries(
          Object.entries(expected).map(([company, values]) => [
            company,
            Object.fromEntries(Object.entries(values).map(([fieldId, value]) => [ids.get(fieldId)!, fieldId === fields.via.id ? choices.get(String(value))! : value])),
          ]),
        );
        expect(await valuesByCompany(empty)).toEqual(translated);
      } finally {
        empty.close();
      }
    });
  }
});
