import { AppError } from '../../src-shared/errors';
import type { AppContext } from '../context';
import { isStored, viewableCopy } from './files';
import { documentRow } from './queries';

/**
 * For the desktop shell's "Open" (shell.openPath): a copy of the document's file under its own name, whose path
 * is safe to hand to the system viewer (it is inside the data folder and named by us). A file added on another
 * device is fetched through sync the first time; throws when it is neither here nor on the server.
 */
export async function documentPathForViewer(context: AppContext, documentId: string): Promise<string> {
  const row = documentRow(context.db, documentId);
  if (!isStored(context.dataDir, row.sha256) && !(await context.sync.fetchDocument(row.sha256))) {
    throw new AppError('NOT_FOUND', `The file of ${row.name} is not on this device`, { details: { reason: 'file_missing', id: row.id } });
  }
  return viewableCopy(context.dataDir, row.id, row.sha256, row.name);
}
