import { z } from 'zod';
import { id, idInput, optionalText, optionalUrl, pagination, requiredText, type Page, type RowTimes } from './common';
import { companySizes, type StageCategory } from './enums';

export const companyFields = {
  name: requiredText(200),
  website: optionalUrl,
  industry: optionalText(120),
  size: z.enum(companySizes).nullish(),
  location: optionalText(200),
  notes: optionalText(100_000),
};

export const createCompanyInput = z.object(companyFields).strict();
export type CreateCompanyInput = z.input<typeof createCompanyInput>;

export const updateCompanyInput = z.object({ id, patch: z.object(companyFields).partial().strict() }).strict();

export const listCompaniesInput = z
  .object({
    text: z.string().trim().max(200).optional(),
    sort: z.enum(['name', 'applications', 'lastApplied']).default('name'),
    ...pagination,
  })
  .strict()
  .default({ sort: 'name', limit: 50, offset: 0 });

export const autocompleteCompaniesInput = z
  .object({ prefix: z.string().trim().max(200), limit: z.number().int().min(1).max(50).default(10) })
  .strict();

export const mergeCompaniesInput = z
  .object({ targetId: id, sourceIds: z.array(id).min(1).max(100) })
  .strict()
  .refine((value) => !value.sourceIds.includes(value.targetId), {
    message: 'a company cannot be merged into itself',
    path: ['sourceIds'],
  });

export const companyIdInput = idInput;

export interface Company extends RowTimes {
  id: string;
  name: string;
  website: string | null;
  industry: string | null;
  size: (typeof companySizes)[number] | null;
  location: string | null;
  notes: string | null;
}

export interface CompanyListItem extends Company {
  applicationCount: number;
  activeCount: number;
  lastAppliedOn: string | null;
}

export interface CompanyApplication {
  id: string;
  position: string;
  appliedOn: string | null;
  stageId: string;
  stageName: string | null;
  stageCategory: StageCategory;
  /** The furthest category reached in the stage history (rejected after interviews reached `interviewing`). */
  furthestCategory: StageCategory;
  firstResponseOn: string | null;
  daysToFirstResponse: number | null;
  archived: boolean;
}

export interface CompanyDetail extends Company {
  applications: CompanyApplication[];
  contacts: { id: string; name: string; role: string | null; email: string | null }[];
  medianDaysToResponse: number | null;
}

export interface CompanySuggestion {
  id: string;
  name: string;
  applicationCount: number;
  /** Category of the most recent application, to warn before applying again. */
  lastCategory: StageCategory | null;
}

export type CompanyPage = Page<CompanyListItem>;
