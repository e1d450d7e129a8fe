import type { Document, DocumentApplication, DocumentKind, ParsedInput } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { DocumentsTable } from '../db/schema';
import { isStored } from './files';

/** Live applications linked to each of these documents, by document id. */
function linkedApplications(db: Database, documentIds: readonly string[]): Map<string, DocumentApplication[]> {
  const result = new Map<string, DocumentApplication[]>();
  if (documentIds.length === 0) return result;
  const rows = db
    .sql(
      `SELECT ad.document_id, a.id, c.name AS company_name, a.position
       FROM application_documents ad
       JOIN applications a ON a.id = ad.application_id AND a.deleted_at IS NULL
       JOIN companies c ON c.id = a.company_id
       WHERE ad.deleted_at IS NULL AND ad.document_id IN (SELECT value FROM json_each(?))
       ORDER BY c.name COLLATE NOCASE, a.position COLLATE NOCASE`,
    )
    .all(JSON.stringify(documentIds)) as { document_id: string; id: string; company_name: string; position: string }[];
  for (const row of rows) {
    const list = result.get(row.document_id) ?? [];
    list.push({ id: row.id, companyName: row.company_name, position: row.position });
    result.set(row.document_id, list);
  }
  return result;
}

function toDocument(row: DocumentsTable, applications: DocumentApplication[], dataDir: string): Document {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as DocumentKind,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    notes: row.notes,
    applications,
    fileAvailable: isStored(dataDir, row.sha256),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function listDocuments(db: Database, dataDir: string, input: ParsedInput<'documents.list'>): Document[] {
  const clauses = [input.deleted ? 'd.deleted_at IS NOT NULL' : 'd.deleted_at IS NULL'];
  const params: string[] = [];
  if (input.kind) {
    clauses.push('d.kind = ?');
    params.push(input.kind);
  }
  if (input.applicationId) {
    clauses.push(`EXISTS (SELECT 1 FROM application_documents ad WHERE ad.document_id = d.id AND ad.application_id = ? AND ad.deleted_at IS NULL)`);
    params.push(input.applicationId);
  }
  const rows = db
    .sql(`SELECT d.* FROM documents d WHERE ${clauses.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC`)
    .all(...params) as DocumentsTable[];
  const links = linkedApplications(db, rows.map((row) => row.id));
  return rows.map((row) => toDocument(row, links.get(row.id) ?? [], dataDir));
}

export function documentRow(db: Database, id: string, options: { deleted?: boolean } = {}): DocumentsTable {
  const row = db.sql(`SELECT * FROM documents WHERE id = ?`).get(id) as DocumentsTable | undefined;
  if (!row || (row.deleted_at !== null) !== (options.deleted ?? false)) throw notFound('Document', id);
  return row;
}

/** A document, deleted or not (restore and delete answer with it). */
export function getDocument(db: Database, dataDir: string, id: string): Document {
  const row = db.sql(`SELECT * FROM documents WHERE id = ?`).get(id) as DocumentsTable | undefined;
  if (!row) throw notFound('Document', id);
  return toDocument(row, linkedApplications(db, [id]).get(id) ?? [], dataDir);
}
