import { sql, type Kysely } from 'kysely';

/**
 * Custom fields (issue 19, item 5): the user's own fields on applications. Each value is its own row, one per
 * application and field, whose id is derived from the pair (src-main/custom-fields/values.ts): two devices
 * setting the same field of the same application write the same row, and sync merges them per value (last
 * writer wins), rather than two rows or one JSON blob where one device's edit of a field would undo another's.
 * `value` is ANY: text, a number, a date `YYYY-MM-DD` or a choice's id, as the field's kind says.
 */
const statements = [
  `CREATE TABLE custom_fields (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'text',
    choices TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE TABLE application_field_values (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '',
    field_id TEXT NOT NULL DEFAULT '',
    value ANY,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  // The values of a page of applications, and one application's value of one field (sorting by it).
  `CREATE INDEX application_field_values_application ON application_field_values (application_id, field_id)`,
  // Filters on one field: the applications whose value matches.
  `CREATE INDEX application_field_values_field ON application_field_values (field_id, value) WHERE deleted_at IS NULL`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
