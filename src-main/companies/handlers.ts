import { AppError, notFound } from '../../src-shared/errors';
import { nameKey } from '../../src-shared/text';
import type { CompaniesTable } from '../db/schema';
import { defineHandlers } from '../handler';
import { requireLive } from '../shared/require';
import { mergeCompanies, unmergeCompanies } from './merge';
import { findCompanyByName, insertCompany } from './resolve';
import { autocompleteCompanies, getCompany, listCompanies } from './queries';
import { companyColumns, toCompany } from './rows';

export const companyHandlers = defineHandlers({
  'companies.list': (input, { db }) => listCompanies(db, input),
  'companies.get': (input, { db }) => getCompany(db, input.id),
  'companies.create': (input, { db, changes }) => {
    const id = changes.write((write) => insertCompany(db, write, { ...companyColumns(input), name: input.name }));
    return toCompany(db.sql(`SELECT * FROM companies WHERE id = ?`).get(id) as CompaniesTable);
  },
  'companies.update': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'companies', input.id);
      const fields: Record<string, string | null> = companyColumns(input.patch);
      if (input.patch.name !== undefined) {
        const other = findCompanyByName(db, input.patch.name);
        if (other && other.id !== input.id) {
          throw new AppError('CONFLICT', `A company named ${other.name} already exists`, {
            issues: [{ path: 'patch.name', code: 'duplicate', message: 'a company with this name already exists' }],
            details: { id: other.id },
          });
        }
        fields.name_key = nameKey(input.patch.name);
      }
      write.update('companies', input.id, fields);
    });
    return toCompany(db.sql(`SELECT * FROM companies WHERE id = ?`).get(input.id) as CompaniesTable);
  },
  'companies.delete': (input, { db, changes }) => {
    changes.write((write) => {
      requireLive(db, 'companies', input.id);
      const used = db.sql(`SELECT count(*) FROM applications WHERE company_id = ? AND deleted_at IS NULL`).pluck().get(input.id) as number;
      if (used > 0) {
        throw new AppError('CONFLICT', `This company still has ${used} application(s); delete or move them first`, {
          details: { applicationCount: used },
        });
      }
      write.softDelete('companies', input.id);
    });
    return { id: input.id };
  },
  'companies.restore': (input, { db, changes }) => {
    changes.write((write) => {
      const row = db.sql(`SELECT * FROM companies WHERE id = ?`).get(input.id) as CompaniesTable | undefined;
      if (!row) throw notFound('Company', input.id);
      const other = findCompanyByName(db, row.name);
      if (other && other.id !== row.id) {
        throw new AppError('CONFLICT', `Another company is now named ${other.name}`, { details: { id: other.id } });
      }
      write.restore('companies', input.id);
    });
    return toCompany(db.sql(`SELECT * FROM companies WHERE id = ?`).get(input.id) as CompaniesTable);
  },
  'companies.autocomplete': (input, { db }) => autocompleteCompanies(db, input),
  'companies.merge': (input, { db, changes }) => {
    const undo = changes.write((write) => mergeCompanies(db, write, input));
    return { ...getCompany(db, input.targetId), undo };
  },
  'companies.unmerge': (input, { db, changes }) => {
    changes.write((write) => unmergeCompanies(db, write, input));
    const sources = input.sources.map((source) => toCompany(db.sql(`SELECT * FROM companies WHERE id = ?`).get(source.id) as CompaniesTable));
    return { target: getCompany(db, input.targetId), sources };
  },
});
