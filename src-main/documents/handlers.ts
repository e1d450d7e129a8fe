import { AppError } from '../../src-shared/errors';
import { defineHandlers } from '../handler';
import { readStored } from './files';
import { fallbackMimeType } from './mime';
import { addDocument, linkDocument, unlinkDocument, updateDocument } from './mutations';
import { documentRow, getDocument, listDocuments } from './queries';

export const documentsHandlers = defineHandlers({
  'documents.list': (input, { db, dataDir }) => listDocuments(db, dataDir, input),
  'documents.add': (input, context) => addDocument(context, input),
  'documents.update': (input, { db, dataDir, changes }) => {
    changes.write((write) => updateDocument(db, write, input));
    return getDocument(db, dataDir, input.id);
  },
  'documents.link': (input, { db, dataDir, changes }) => {
    changes.write((write) => {
      documentRow(db, input.id);
      linkDocument(db, write, input.id, input.applicationIds);
    });
    return getDocument(db, dataDir, input.id);
  },
  'documents.unlink': (input, { db, dataDir, changes }) => {
    changes.write((write) => {
      documentRow(db, input.id);
      unlinkDocument(db, write, input.id, input.applicationIds);
    });
    return getDocument(db, dataDir, input.id);
  },
  // Soft: the row and its links stay (restore brings it back as it was); the file stays too.
  'documents.delete': (input, { db, changes }) => {
    changes.write((write) => {
      documentRow(db, input.id);
      write.softDelete('documents', input.id);
    });
    return { id: input.id };
  },
  'documents.restore': (input, { db, dataDir, changes }) => {
    changes.write((write) => {
      documentRow(db, input.id, { deleted: true });
      write.restore('documents', input.id);
    });
    return getDocument(db, dataDir, input.id);
  },
  'documents.content': async (input, { db, dataDir, sync }) => {
    const row = documentRow(db, input.id);
    let stored = readStored(dataDir, row.sha256);
    // Added on another device and never opened here: fetched through sync the first time.
    if ('missing' in stored && (await sync.fetchDocument(row.sha256))) stored = readStored(dataDir, row.sha256);
    if ('missing' in stored) {
      throw new AppError('NOT_FOUND', `The file of ${row.name} is not on this device`, { details: { reason: 'file_missing', id: row.id } });
    }
    if ('damaged' in stored) {
      throw new AppError('INTERNAL', `The file of ${row.name} is damaged (its content changed on disk)`, { details: { reason: 'file_damaged', id: row.id } });
    }
    return { name: row.name, mimeType: row.mime_type ?? fallbackMimeType, sizeBytes: stored.bytes.length, content: stored.bytes.toString('base64') };
  },
});
