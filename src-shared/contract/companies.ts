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

/** The columns a merge fills on the target from a source where the target had none. */
export const mergeFilledColumns = ['website', 'industry', 'size', 'location', 'notes'] as const;

/** A merge moves at most this many rows in all (an import holds 100,000 applications); it bounds an undo's size. */
const maxMovedRows = 200_000;

/** What a merge did to one source company: what Undo needs to put it back. */
export const mergedSource = z
  .object({
    id,
    applicationIds: z.array(id).max(maxMovedRows),
    contactIds: z.array(id).max(maxMovedRows),
    /** Target columns this source filled (they were empty on the target). */
    filledColumns: z.array(z.enum(mergeFilledColumns)).max(mergeFilledColumns.length),
  })
  .strict();

/** The input of `companies.unmerge`: exactly the `undo` a merge returned. */
export const unmergeCompaniesInput = z
  .object({ targetId: id, sources: z.array(mergedSource).min(1).max(100) })
  .strict()
  .refine((value) => value.sources.every((source) => source.id !== value.targetId), {
    message: 'a company cannot be merged into itself',
    path: ['sources'],
  })
  .refine((value) => new Set(value.sources.map((source) => source.id)).size === value.sources.length, {
    message: 'each source company may appear once',
    path: ['sources'],
  })
  .refine((value) => value.sources.reduce((sum, source) => sum + source.applicationIds.length + source.contactIds.length, 0) <= maxMovedRows, {
    message: `at most ${maxMovedRows} moved rows in all`,
    path: ['sources'],
  });

export type MergeUndo = z.output<typeof unmergeCompaniesInput>;

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

/** A merge's result: the target as it is now, and how to undo the merge (`companies.unmerge`). */
export interface MergeResult extends CompanyDetail {
  undo: MergeUndo;
}

/** An unmerge's result: the target and the restored source companies. */
export interface UnmergeResult {
  target: CompanyDetail;
  sources: Company[];
}

export interface CompanySuggestion {
  id: string;
  name: string;
  applicationCount: number;
  /** Category of the most recent application, to warn before applying again. */
  lastCategory: StageCategory | null;
}

export type CompanyPage = Page<CompanyListItem>;
