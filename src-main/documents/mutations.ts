import { documentLimits, type AddDocumentResult, type ParsedInput } from '../../src-shared/contract';
import type { WriteContext } from '../changes/writer';
import type { AppContext } from '../context';
import type { Database } from '../db/connection';
import { loadFile } from '../imports/source';
import { requireLive } from '../shared/require';
import { storeFile } from './files';
import { mimeTypeOf } from './mime';
import { documentRow, getDocument } from './queries';

/** Links a document to applications; a link removed before comes back rather than being added twice. */
export function linkDocument(db: Database, write: WriteContext, documentId: string, applicationIds: readonly string[]): void {
  for (const applicationId of new Set(applicationIds)) {
    requireLive(db, 'applications', applicationId);
    const link = db
      .sql(`SELECT id, deleted_at FROM application_documents WHERE application_id = ? AND document_id = ?`)
      .get(applicationId, documentId) as { id: string; deleted_at: string | null } | undefined;
    if (!link) write.insert('application_documents', { application_id: applicationId, document_id: documentId });
    else if (link.deleted_at !== null) write.restore('application_documents', link.id);
  }
}

export function unlinkDocument(db: Database, write: WriteContext, documentId: string, applicationIds: readonly string[]): void {
  for (const applicationId of new Set(applicationIds)) {
    const links = db
      .sql(`SELECT id FROM application_documents WHERE application_id = ? AND document_id = ? AND deleted_at IS NULL`)
      .pluck()
      .all(applicationId, documentId) as string[];
    for (const id of links) write.softDelete('application_documents', id);
  }
}

/**
 * Adds a file: refused above the size limit before it is read whole, stored once by content hash, then recorded
 * and linked in one write. The same file added again (same content, live) is linked to the new applications
 * instead of becoming a second document.
 */
export function addDocument(context: AppContext, input: ParsedInput<'documents.add'>): AddDocumentResult {
  const { db, dataDir } = context;
  const file = loadFile(input.source, documentLimits.maxFileBytes);
  for (const applicationId of input.applicationIds) requireLive(db, 'applications', applicationId);
  // The file first: a write that fails after it leaves an unreferenced file, never a row without its file.
  const { sha256 } = storeFile(dataDir, file.bytes);
  const existingId = db.sql(`SELECT id FROM documents WHERE sha256 = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1`).pluck().get(sha256) as
    | string
    | undefined;
  const id = context.changes.write((write) => {
    const documentId =
      existingId ??
      write.insert('documents', {
        name: input.name ?? file.fileName,
        kind: input.kind,
        mime_type: mimeTypeOf(file.fileName),
        size_bytes: file.bytes.length,
        sha256,
        notes: input.notes ?? null,
      });
    linkDocument(db, write, documentId, input.applicationIds);
    return documentId;
  });
  return { document: getDocument(db, dataDir, id), existing: existingId !== undefined };
}

export function updateDocument(db: Database, write: WriteContext, input: ParsedInput<'documents.update'>): void {
  documentRow(db, input.id);
  const fields: Record<string, string | null> = {};
  if (input.patch.name !== undefined) fields.name = input.patch.name;
  if (input.patch.kind !== undefined) fields.kind = input.patch.kind;
  if (input.patch.notes !== undefined) fields.notes = input.patch.notes;
  write.update('documents', input.id, fields);
}
