import type { Company } from '../../src-shared/contract';
import type { CompaniesTable } from '../db/schema';

export function toCompany(row: CompaniesTable): Company {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    industry: row.industry,
    size: row.size as Company['size'],
    location: row.location,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function companyColumns(input: Partial<Omit<Company, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>>) {
  const fields: Record<string, string | null> = {};
  if (input.name !== undefined) fields.name = input.name;
  if (input.website !== undefined) fields.website = input.website;
  if (input.industry !== undefined) fields.industry = input.industry;
  if (input.size !== undefined) fields.size = input.size;
  if (input.location !== undefined) fields.location = input.location;
  if (input.notes !== undefined) fields.notes = input.notes;
  return fields;
}
