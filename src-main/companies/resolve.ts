import { AppError, notFound } from '../../src-shared/errors';
import { nameKey } from '../../src-shared/text';
import type { WriteContext } from '../changes/writer';
import type { Database } from '../db/connection';
import type { CompaniesTable } from '../db/schema';

export function findCompanyByName(db: Database, name: string): CompaniesTable | undefined {
  return db.sql(`SELECT * FROM companies WHERE name_key = ? AND deleted_at IS NULL`).get(nameKey(name)) as
    | CompaniesTable
    | undefined;
}

/**
 * The id of the live company with this name (case and accents ignored), created with this spelling if there is none:
 * what `findCompanyByName` then `insertCompany` do, with the name's key computed once (an import creates 15,000
 * companies at 100,000 rows, and the key cost 4 normalisations each).
 */
export function ensureCompany(db: Database, write: WriteContext, name: string, key = nameKey(name)): string {
  const existing = db.sql(`SELECT id FROM companies WHERE name_key = ? AND deleted_at IS NULL`).pluck().get(key) as string | undefined;
  return existing ?? write.insert('companies', { name, name_key: key });
}

/** Inserts a company, refusing a name that another live company already has (case and accents ignored). */
export function insertCompany(db: Database, write: WriteContext, fields: Record<string, string | null> & { name: string }): string {
  const existing = findCompanyByName(db, fields.name);
  if (existing) {
    throw new AppError('CONFLICT', `A company named ${existing.name} already exists`, {
      issues: [{ path: 'name', code: 'duplicate', message: 'a company with this name already exists' }],
      details: { id: existing.id, name: existing.name },
    });
  }
  return write.insert('companies', { ...fields, name_key: nameKey(fields.name) });
}

/**
 * The company an application names: an existing id, or a name that is found or created. A company created here
 * records `createdWith`, the application it was created for (see migration 0160).
 */
export function resolveCompany(
  db: Database,
  write: WriteContext,
  input: { companyId?: string; companyName?: string },
  createdWith: string | null = null,
): string {
  if (input.companyId !== undefined) {
    const row = db.sql(`SELECT id FROM companies WHERE id = ? AND deleted_at IS NULL`).get(input.companyId);
    if (!row) throw notFound('Company', input.companyId);
    return input.companyId;
  }
  const name = input.companyName as string;
  return findCompanyByName(db, name)?.id ?? insertCompany(db, write, { name, created_with: createdWith });
}
