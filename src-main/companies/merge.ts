import { mergeFilledColumns, type MergeUndo, type ParsedInput } from '../../src-shared/contract';
import { AppError, notFound } from '../../src-shared/errors';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { CompaniesTable } from '../db/schema';
import { requireLive } from '../shared/require';
import { repointBack } from '../shared/repoint';
import { findCompanyByName } from './resolve';

type MergedSource = MergeUndo['sources'][number];
type FilledColumn = (typeof mergeFilledColumns)[number];

const companyRow = (db: Database, id: string) => db.sql(`SELECT * FROM companies WHERE id = ?`).get(id) as CompaniesTable | undefined;

/**
 * Moves the applications (deleted ones too) and contacts of the sources to the target, fills the target's empty
 * fields from them, and soft-deletes the sources. Returns what it did, which is what `unmergeCompanies` undoes.
 */
export function mergeCompanies(db: Database, write: WriteContext, input: ParsedInput<'companies.merge'>): MergeUndo {
  requireLive(db, 'companies', input.targetId);
  for (const id of input.sourceIds) requireLive(db, 'companies', id);
  const target = companyRow(db, input.targetId)!;
  const fill: Partial<Record<FilledColumn, string>> = {};
  const sources: MergedSource[] = [];
  for (const sourceId of new Set(input.sourceIds)) {
    const source = companyRow(db, sourceId)!;
    const moved: MergedSource = { id: sourceId, applicationIds: [], contactIds: [], filledColumns: [] };
    // Keep the target's values; take the source's where the target has none.
    for (const column of mergeFilledColumns) {
      if (target[column] === null && fill[column] === undefined && source[column] !== null) {
        fill[column] = source[column];
        moved.filledColumns.push(column);
      }
    }
    moved.applicationIds = db.sql(`SELECT id FROM applications WHERE company_id = ?`).pluck().all(sourceId) as string[];
    for (const id of moved.applicationIds) write.update('applications', id, { company_id: input.targetId });
    moved.contactIds = db.sql(`SELECT id FROM contacts WHERE company_id = ?`).pluck().all(sourceId) as string[];
    for (const id of moved.contactIds) write.update('contacts', id, { company_id: input.targetId });
    write.softDelete('companies', sourceId);
    sources.push(moved);
  }
  if (Object.keys(fill).length > 0) write.update('companies', input.targetId, fill);
  return { targetId: input.targetId, sources };
}

/**
 * Undoes a merge: restores the sources, moves back each row that still belongs to the target (one moved
 * elsewhere since stays there), and empties the target fields a source filled unless they were edited since.
 */
export function unmergeCompanies(db: Database, write: WriteContext, undo: ParsedInput<'companies.unmerge'>): void {
  requireLive(db, 'companies', undo.targetId);
  const target = companyRow(db, undo.targetId)!;
  const rows = undo.sources.map((source) => {
    const row = companyRow(db, source.id);
    if (!row) throw notFound('Company', source.id);
    return row;
  });
  // As companies.restore: a name taken by another company since cannot come back.
  for (const row of rows) {
    const other = row.deleted_at === null ? undefined : findCompanyByName(db, row.name);
    if (other && other.id !== row.id) {
      throw new AppError('CONFLICT', `Another company is now named ${other.name}`, { details: { id: other.id, name: other.name } });
    }
  }
  const emptied: Partial<Record<FilledColumn, null>> = {};
  undo.sources.forEach((source, index) => {
    for (const column of source.filledColumns) {
      if (target[column] !== null && target[column] === rows[index][column]) emptied[column] = null;
    }
    write.restore('companies', source.id);
    const back = { column: 'company_id', from: undo.targetId, to: source.id };
    repointBack(db, write, { ...back, table: 'applications', ids: source.applicationIds });
    repointBack(db, write, { ...back, table: 'contacts', ids: source.contactIds });
  });
  if (Object.keys(emptied).length > 0) write.update('companies', undo.targetId, emptied);
}
