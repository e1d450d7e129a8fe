import type { ApplicationFilters, ParsedInput } from '../../src-shared/contract';

/**
 * The custom-field part of the application list's SQL, kept apart from the list's own query (applications/):
 * WHERE clauses for the filters on custom fields, and the ORDER BY expression of a sort by one. Each reads one
 * field's values through the index on application_field_values, by application or by field.
 */

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const valuesOf = `SELECT application_id FROM application_field_values WHERE field_id = ? AND deleted_at IS NULL AND value IS NOT NULL`;

export function customFieldWhere(filters: ApplicationFilters['customFields']): { clauses: string[]; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  for (const filter of filters ?? []) {
    const conditions: string[] = [];
    const values: (string | number)[] = [];
    const add = (condition: string, ...bound: (string | number)[]) => {
      conditions.push(condition);
      values.push(...bound);
    };
    if (filter.text !== undefined) add(`value LIKE ? ESCAPE '\\'`, `%${escapeLike(filter.text)}%`);
    if (filter.min !== undefined) add('value >= ?', filter.min);
    if (filter.max !== undefined) add('value <= ?', filter.max);
    // A value that is not of its field's kind (arrived by sync before the field's definition could judge it:
    // src-main/sync/custom-values.ts) matches no range: SQLite ranks any text above every number, "lots" above 2026.
    if (filter.min !== undefined || filter.max !== undefined) add(`typeof(value) IN ('integer', 'real')`);
    if (filter.from !== undefined) add('value >= ?', filter.from);
    if (filter.to !== undefined) add('value <= ?', filter.to);
    if (filter.from !== undefined || filter.to !== undefined) add(`value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`);
    if (filter.choices?.length) add(`value IN (${filter.choices.map(() => '?').join(', ')})`, ...filter.choices);
    if (conditions.length > 0) {
      clauses.push(`a.id IN (${valuesOf} AND ${conditions.join(' AND ')})`);
      params.push(filter.fieldId, ...values);
    }
    if (filter.empty !== undefined) {
      clauses.push(`a.id ${filter.empty ? 'NOT IN' : 'IN'} (${valuesOf})`);
      params.push(filter.fieldId);
    }
  }
  return { clauses, params };
}

/**
 * The ORDER BY expression of a sort by a custom field (with its parameters), or null for the other sorts. A choice
 * field sorts in the order of its options, the other kinds by value (numbers as numbers, dates as written).
 */
export function customSortSql(sort: ParsedInput<'applications.list'>['sort']): { expression: string; params: string[] } | null {
  if (sort.column !== 'custom' || !sort.fieldId) return null;
  const value = `(SELECT v.value FROM application_field_values v WHERE v.application_id = a.id AND v.field_id = ? AND v.deleted_at IS NULL)`;
  return {
    expression: `coalesce(
      (SELECT CAST(j.key AS INTEGER) FROM custom_fields f, json_each(f.choices) j
        WHERE f.id = ? AND f.kind = 'choice' AND json_extract(j.value, '$.id') = ${value}),
      ${value})`,
    params: [sort.fieldId, sort.fieldId, sort.fieldId],
  };
}
