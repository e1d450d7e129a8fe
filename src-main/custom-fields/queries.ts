import type { CustomField, CustomFieldChoice, CustomFieldKind } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { CustomFieldsTable } from '../db/schema';
import type { FieldShape } from './values';

type Row = CustomFieldsTable & { value_count: number };

/** A choice field's options as stored; a damaged list reads as none rather than failing every screen. */
export function parseChoices(json: string): CustomFieldChoice[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (choice): choice is CustomFieldChoice => typeof choice?.id === 'string' && typeof choice?.label === 'string',
    );
  } catch {
    return [];
  }
}

function toCustomField(row: Row): CustomField {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as CustomFieldKind,
    choices: parseChoices(row.choices),
    position: row.position,
    valueCount: row.value_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const selectSql = `SELECT f.*, (SELECT count(*) FROM application_field_values v JOIN applications a ON a.id = v.application_id
    WHERE v.field_id = f.id AND v.deleted_at IS NULL AND v.value IS NOT NULL AND a.deleted_at IS NULL) AS value_count
  FROM custom_fields f`;

/** The live fields in the user's order (then creation order). */
export function listCustomFields(db: Database): CustomField[] {
  return (db.sql(`${selectSql} WHERE f.deleted_at IS NULL ORDER BY f.position, f.created_at, f.id`).all() as Row[]).map(toCustomField);
}

export function getCustomField(db: Database, id: string): CustomField {
  const row = db.sql(`${selectSql} WHERE f.id = ? AND f.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw notFound('Custom field', id);
  return toCustomField(row);
}

/** A live field's kind and options, or NOT_FOUND. */
export function liveField(db: Database, id: string): FieldShape {
  const row = db.sql(`SELECT id, name, kind, choices FROM custom_fields WHERE id = ? AND deleted_at IS NULL`).get(id) as
    | Pick<CustomFieldsTable, 'id' | 'name' | 'kind' | 'choices'>
    | undefined;
  if (!row) throw notFound('Custom field', id);
  return { id: row.id, name: row.name, kind: row.kind as CustomFieldKind, choices: parseChoices(row.choices) };
}

/** The set values of live fields for these applications: application id -> field id -> value. */
export function customValuesByApplication(db: Database, applicationIds: readonly string[]): Map<string, Record<string, string | number>> {
  const result = new Map<string, Record<string, string | number>>();
  if (applicationIds.length === 0) return result;
  const rows = db
    .sql(
      `SELECT v.application_id, v.field_id, v.value FROM application_field_values v JOIN custom_fields f ON f.id = v.field_id
       WHERE v.application_id IN (SELECT value FROM json_each(?)) AND v.deleted_at IS NULL AND v.value IS NOT NULL AND f.deleted_at IS NULL`,
    )
    .all(JSON.stringify(applicationIds)) as { application_id: string; field_id: string; value: string | number }[];
  for (const row of rows) {
    const values = result.get(row.application_id) ?? {};
    values[row.field_id] = row.value;
    result.set(row.application_id, values);
  }
  return result;
}
