import { z } from 'zod';
import { id, optionalText, requiredText, type RowTimes } from './common';
import { documentKinds, type DocumentKind } from './enums';
import { fileSource } from './imports';
import { documentLimits } from './document-limits';

/**
 * Documents: files (CV, cover letter, diploma …) attached to applications. Each file is stored once by content
 * hash in the data folder; a document row names it and may be linked to many applications (see docs/documents.md).
 */

export { documentLimits } from './document-limits';

const applicationIds = z.array(id).max(documentLimits.maxLinks);

export const listDocumentsInput = z
  .object({
    /** Only the documents linked to this application (default: all). */
    applicationId: id.optional(),
    kind: z.enum(documentKinds).optional(),
    /** Deleted documents only (the bin), instead of live ones. */
    deleted: z.boolean().optional(),
  })
  .strict()
  .default({});

export const addDocumentInput = z
  .object({
    source: fileSource,
    /** Shown name; defaults to the file name. */
    name: requiredText(255).optional(),
    kind: z.enum(documentKinds),
    applicationIds: applicationIds.default([]),
    notes: optionalText(5000),
  })
  .strict();
export type AddDocumentInput = z.input<typeof addDocumentInput>;

export const updateDocumentInput = z
  .object({
    id,
    patch: z
      .object({ name: requiredText(255), kind: z.enum(documentKinds), notes: optionalText(5000) })
      .partial()
      .strict(),
  })
  .strict();

export const linkDocumentInput = z.object({ id, applicationIds: applicationIds.min(1) }).strict();
export const documentIdInput = z.object({ id }).strict();

export const documentsChannelInputs = {
  'documents.list': listDocumentsInput,
  'documents.add': addDocumentInput,
  'documents.update': updateDocumentInput,
  'documents.link': linkDocumentInput,
  'documents.unlink': linkDocumentInput,
  'documents.delete': documentIdInput,
  'documents.restore': documentIdInput,
  'documents.content': documentIdInput,
} as const;

export interface DocumentApplication {
  id: string;
  companyName: string;
  position: string;
}

export interface Document extends RowTimes {
  id: string;
  name: string;
  kind: DocumentKind;
  mimeType: string | null;
  sizeBytes: number;
  sha256: string;
  notes: string | null;
  /** Live applications it is linked to. */
  applications: DocumentApplication[];
  /** False when the row arrived without its file (a backup or another device): it cannot be opened here. */
  fileAvailable: boolean;
}

export interface AddDocumentResult {
  document: Document;
  /** True when the same file was already a document: it was linked, not added twice. */
  existing: boolean;
}

export interface DocumentContent {
  name: string;
  mimeType: string;
  sizeBytes: number;
  /** The file, base64 (for a download in the browser). */
  content: string;
}

export interface DocumentsOutputs {
  'documents.list': Document[];
  'documents.add': AddDocumentResult;
  'documents.update': Document;
  'documents.link': Document;
  'documents.unlink': Document;
  'documents.delete': { id: string };
  'documents.restore': Document;
  'documents.content': DocumentContent;
}
