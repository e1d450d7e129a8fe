import { sql, type Kysely } from 'kysely';

/**
 * Documents (CV, cover letter, diploma …) and their links to applications. The file itself is not in the
 * database: it is stored once by content hash under <dataDir>/documents/<sha256[0..2]>/<sha256> (see
 * src-main/documents/storage.ts). Rows follow the conventions of 0010_init (defaults on every NOT NULL column
 * so that the write path's upserts and sync can create a row from any subset of its fields).
 */
const statements = [
  `CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'other',
    mime_type TEXT,
    size_bytes INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT '',
    notes TEXT,
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  `CREATE INDEX documents_sha256 ON documents (sha256)`,
  `CREATE TABLE application_documents (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL DEFAULT '',
    document_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT '', deleted_at TEXT
  ) STRICT`,
  // Full indexes (not partial): linking looks for a link live or deleted, to restore it rather than add a second.
  `CREATE INDEX application_documents_pair ON application_documents (application_id, document_id)`,
  `CREATE INDEX application_documents_document ON application_documents (document_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
