import type { ColumnKind, ColumnSpec, RawValue, SqlPart } from '../exports/table';
import type { ExportReader } from '../exports/reader';
import { parseChoices } from './queries';
import type { FieldShape } from './values';

const kinds: Record<FieldShape['kind'], ColumnKind> = { text: 'text', number: 'number', date: 'date', choice: 'text' };

/** The live custom fields in their order, read inside the export's own transaction (one state with the rows). */
export async function readExportedFields(reader: ExportReader): Promise<FieldShape[]> {
  const fields: FieldShape[] = [];
  const query = { sql: `SELECT id, name, kind, choices FROM custom_fields WHERE deleted_at IS NULL ORDER BY position, created_at, id`, params: [] };
  for await (const batch of reader.batches<{ id: string; name: string; kind: FieldShape['kind']; choices: string }>(query)) {
    for (const row of batch) fields.push({ id: row.id, name: row.name, kind: row.kind, choices: parseChoices(row.choices) });
  }
  return fields;
}

const alias = (index: number) => `custom_${index}`;

/** One more selected column per field (`custom_0`, `custom_1`…), read by application through the values' index. */
export function customValueColumnsSql(fields: readonly FieldShape[], application = 'a'): SqlPart {
  return {
    sql: fields
      .map(
        (_field, index) =>
          `, (SELECT v.value FROM application_field_values v WHERE v.application_id = ${application}.id AND v.field_id = ? AND v.deleted_at IS NULL) AS ${alias(index)}`,
      )
      .join(''),
    params: fields.map((field) => field.id),
  };
}

/** The sheet's and the CSV's columns of the custom fields, headed with their names; a choice shows its label. */
export function customValueColumns<Row>(fields: readonly FieldShape[]): ColumnSpec<Row>[] {
  return fields.map((field, index) => {
    const labels = new Map(field.choices.map((choice) => [choice.id, choice.label]));
    return {
      key: null,
      header: field.name,
      kind: kinds[field.kind],
      width: field.kind === 'text' ? 24 : 14,
      get: (row: Row) => {
        const value = (row as Record<string, RawValue>)[alias(index)] ?? null;
        // An option removed since: the stored value means nothing any more.
        return field.kind === 'choice' && value !== null ? (labels.get(String(value)) ?? null) : value;
      },
    };
  });
}
