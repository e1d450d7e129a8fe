import { z } from 'zod';
import {
  calendarDate,
  currency,
  id,
  idInput,
  idsInput,
  instant,
  optionalText,
  optionalUrl,
  pagination,
  requiredText,
  skillList,
  sortDirection,
  type Page,
  type RowTimes,
} from './common';
import { employmentTypes, salaryPeriods, schedules, stageCategories, workModes, type StageCategory } from './enums';
import type { Company } from './companies';
import type { Interview } from './interviews';
import type { Task } from './tasks';
import type { Contact } from './contacts';
import { customFieldFilter } from './customFields';

const tagNames = z.array(z.string().trim().min(1).max(60)).max(50);
const rating = z.number().int().min(1).max(5).nullish();

/** Every user-editable field of an application; create and update both derive from it. */
export const applicationFields = {
  companyId: id,
  position: requiredText(200),
  employmentType: z.enum(employmentTypes).nullish(),
  schedule: z.enum(schedules).nullish(),
  workMode: z.enum(workModes).nullish(),
  location: optionalText(200),
  source: optionalText(80),
  appliedOn: calendarDate.nullish(),
  postingUrl: optionalUrl,
  description: optionalText(200_000),
  salaryMin: z.number().int().min(0).max(100_000_000).nullish(),
  salaryMax: z.number().int().min(0).max(100_000_000).nullish(),
  salaryCurrency: currency.nullish(),
  salaryPeriod: z.enum(salaryPeriods).nullish(),
  requiredSkills: skillList,
  preferredSkills: skillList,
  experienceYears: z.number().int().min(0).max(60).nullish(),
  resumeVersion: optionalText(120),
  notes: optionalText(200_000),
  tags: tagNames,
  favorite: z.boolean(),
  priority: rating,
  excitement: rating,
  deadline: calendarDate.nullish(),
  archived: z.boolean(),
  firstResponseOn: calendarDate.nullish(),
};

type SalaryFields = { salaryMin?: number | null; salaryMax?: number | null };
const salaryOrdered = (value: SalaryFields) =>
  value.salaryMin == null || value.salaryMax == null || value.salaryMin <= value.salaryMax;
const salaryOrderMessage = { message: 'must not be below the minimum salary', path: ['salaryMax'] };

/** A posting's text as it was when captured, the address it was read from, and when (src-main/capture). */
export const capturedPosting = z
  .object({ text: optionalText(200_000), url: optionalUrl, capturedAt: instant })
  .strict();
export type CapturedPosting = z.output<typeof capturedPosting>;

export const createApplicationInput = z
  .object({
    ...applicationFields,
    /** Either an existing company or a name: a new name creates the company. */
    companyId: id.optional(),
    companyName: requiredText(200).optional(),
    requiredSkills: skillList.optional(),
    preferredSkills: skillList.optional(),
    tags: tagNames.optional(),
    favorite: z.boolean().optional(),
    archived: z.boolean().optional(),
    /** Initial stage; defaults to the first stage of category `applied`. */
    stageId: id.optional(),
    /** When the initial stage was reached; defaults to the applied date, else now. */
    stageAt: instant.optional(),
    contactIds: z.array(id).max(200).optional(),
    /** The posting it was captured from (postings.read), frozen on the application: no update changes it. */
    capturedPosting: capturedPosting.optional(),
  })
  .strict()
  .refine((value) => value.companyId !== undefined || value.companyName !== undefined, {
    message: 'a company is required',
    path: ['companyName'],
  })
  .refine(salaryOrdered, salaryOrderMessage);
export type CreateApplicationInput = z.input<typeof createApplicationInput>;

export const applicationPatch = z
  .object({ ...applicationFields, companyName: requiredText(200) })
  .partial()
  .strict();
export type ApplicationPatch = z.input<typeof applicationPatch>;

export const updateApplicationInput = z.object({ id, patch: applicationPatch.refine(salaryOrdered, salaryOrderMessage) }).strict();

export const applicationSortColumns = [
  'appliedOn',
  'createdAt',
  'updatedAt',
  'company',
  'position',
  'stage',
  'employmentType',
  'workMode',
  'location',
  'source',
  'salaryMin',
  'salaryMax',
  'priority',
  'excitement',
  'deadline',
  'favorite',
  'firstResponseOn',
  /** A custom field: `sort.fieldId` names it. */
  'custom',
] as const;
export type ApplicationSortColumn = (typeof applicationSortColumns)[number];

/** The filters shared by applications.list, statistics.* and exports.*. */
export const applicationFilters = z
  .object({
    stageCategories: z.array(z.enum(stageCategories)).max(20).optional(),
    stageIds: z.array(id).max(200).optional(),
    employmentTypes: z.array(z.enum(employmentTypes)).max(10).optional(),
    workModes: z.array(z.enum(workModes)).max(10).optional(),
    sources: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
    companyId: id.optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    favorite: z.boolean().optional(),
    /** false (default): only active applications; true: only archived; 'all': both. */
    archived: z.union([z.boolean(), z.literal('all')]).optional(),
    appliedFrom: calendarDate.optional(),
    appliedTo: calendarDate.optional(),
    /** Keeps applications whose salary range meets [salaryMin, salaryMax]. */
    salaryMin: z.number().int().min(0).optional(),
    salaryMax: z.number().int().min(0).optional(),
    salaryCurrency: currency.optional(),
    /** Free text, matched through the full-text index (prefix match per word, accents ignored). */
    text: z.string().trim().max(200).optional(),
    /** Conditions on custom fields, all of them kept (see customFields.ts). */
    customFields: z.array(customFieldFilter).max(20).optional(),
  })
  .strict();
export type ApplicationFilters = z.input<typeof applicationFilters>;

export const listApplicationsInput = applicationFilters
  .extend({
    sort: z
      .object({ column: z.enum(applicationSortColumns), direction: sortDirection, fieldId: id.optional() })
      .strict()
      .refine((sort) => (sort.column === 'custom') === (sort.fieldId !== undefined), {
        message: 'a custom field sort names its field, and only it',
        path: ['fieldId'],
      })
      .default({ column: 'appliedOn', direction: 'desc' }),
    ...pagination,
    /**
     * Keyset paging: the rows after this cursor (a page's `nextCursor`) in the same sort, whatever was inserted or
     * deleted since; `offset` is then ignored. Opaque to callers.
     */
    after: z.string().max(1000).optional(),
  })
  .strict()
  .default({ sort: { column: 'appliedOn', direction: 'desc' }, limit: 50, offset: 0 });
export type ListApplicationsInput = z.input<typeof listApplicationsInput>;

export const setStageInput = z
  .object({ id, stageId: id, occurredAt: instant.optional(), note: optionalText(5000) })
  .strict();
export type SetStageInput = z.input<typeof setStageInput>;

/** A date as it was stored before a move (restored as it was, so only its shape is checked). */
const storedDayBefore = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').nullable();
/** A date a move wrote: the value before it, and the one it set (put back only while it still holds that). */
const movedDate = z.object({ before: storedDayBefore, after: calendarDate }).strict();

/**
 * What a stage move did: the event it recorded and the dates it set (leaving the wishlist sets the applied date,
 * a first answer the first-response date). The input of `applications.undoStage` is exactly this.
 */
export const stageMoveUndo = z
  .object({ id, eventId: id, appliedOn: movedDate.optional(), firstResponseOn: movedDate.optional() })
  .strict();
export type StageMoveUndo = z.output<typeof stageMoveUndo>;

export const bulkUpdateApplicationsInput = z
  .object({
    ids: idsInput.shape.ids,
    patch: z
      .object({
        stageId: id,
        stageNote: optionalText(5000),
        archived: z.boolean(),
        favorite: z.boolean(),
        addTags: tagNames,
        removeTags: tagNames,
        employmentType: z.enum(employmentTypes).nullable(),
        workMode: z.enum(workModes).nullable(),
        source: optionalText(80),
        priority: rating,
      })
      .partial()
      .strict()
      .refine((patch) => Object.keys(patch).length > 0, 'nothing to change'),
  })
  .strict();
export type BulkUpdateApplicationsInput = z.input<typeof bulkUpdateApplicationsInput>;

export const duplicatesInput = z
  .object({
    companyId: id.optional(),
    companyName: z.string().trim().max(200).optional(),
    position: z.string().trim().max(200).optional(),
    postingUrl: z.string().trim().max(2048).optional(),
    excludeId: id.optional(),
  })
  .strict();
export type DuplicatesInput = z.input<typeof duplicatesInput>;

/**
 * A bulk action on every application the filters keep at the moment it runs ("select all" in the table, however
 * many rows that is), but those in `except`.
 */
export const bulkByFilterInput = z
  .object({
    filters: applicationFilters.default({}),
    except: z.array(id).max(100_000).default([]),
    action: z.enum(['archive', 'unarchive']),
  })
  .strict();
export type BulkByFilterInput = z.input<typeof bulkByFilterInput>;

export const applicationIdInput = idInput;
export const applicationIdsInput = idsInput;

export interface ApplicationSummary extends RowTimes {
  id: string;
  companyId: string;
  companyName: string;
  position: string;
  employmentType: (typeof employmentTypes)[number] | null;
  schedule: (typeof schedules)[number] | null;
  workMode: (typeof workModes)[number] | null;
  location: string | null;
  source: string | null;
  appliedOn: string | null;
  stageId: string;
  stageName: string | null;
  stageCategory: StageCategory;
  stageChangedAt: string;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: (typeof salaryPeriods)[number] | null;
  favorite: boolean;
  archived: boolean;
  priority: number | null;
  excitement: number | null;
  deadline: string | null;
  firstResponseOn: string | null;
  postingUrl: string | null;
  tags: string[];
  /** The next open task (earliest due date, then oldest): what comes next for this application; null when none. */
  nextStep: NextStep | null;
  /** Values of the custom fields, by field id (fields without a value are left out). */
  customValues: Record<string, string | number>;
}

export interface NextStep {
  taskId: string;
  title: string;
  dueOn: string | null;
}

export interface Application extends ApplicationSummary {
  description: string | null;
  /** The posting frozen when the application was captured from it; null when it was typed in. */
  capturedPosting: CapturedPosting | null;
  requiredSkills: string[];
  preferredSkills: string[];
  experienceYears: number | null;
  resumeVersion: string | null;
  notes: string | null;
}

export interface StageEvent {
  id: string;
  applicationId: string;
  fromStageId: string | null;
  fromStageName: string | null;
  fromCategory: StageCategory | null;
  toStageId: string;
  toStageName: string | null;
  toCategory: StageCategory;
  occurredAt: string;
  /** The day it happened is not known (an imported file did not say): `occurredAt` only orders it. */
  dateUnknown: boolean;
  note: string | null;
  createdAt: string;
  /** Written by a rule of Settings ▸ Automation (an automatic ghosting), which `automation.undo` can take back. */
  automatic: boolean;
}

export interface ApplicationDetail extends Application {
  company: Company;
  stageHistory: StageEvent[];
  interviews: Interview[];
  tasks: Task[];
  contacts: Contact[];
}

export interface ApplicationPage extends Page<ApplicationSummary> {
  /** Pass as `after` to get the rows that follow this page's last one; null on the last page. */
  nextCursor: string | null;
}

/** A stage move's result: the application as it is now, and how to undo the move (`applications.undoStage`). */
export interface StageMoveResult extends ApplicationDetail {
  undo: StageMoveUndo;
}

export interface DuplicateMatch {
  application: ApplicationSummary;
  reason: 'same_url' | 'similar_position';
}

export interface DuplicatesResult {
  matches: DuplicateMatch[];
  /** What happened the previous times the user applied to this company. */
  companyHistory: { total: number; rejected: number; ghosted: number; withdrawn: number } | null;
}

export interface BulkResult {
  count: number;
}

export interface BulkByFilterResult extends BulkResult {
  /** The applications it changed: the opposite action on these undoes it. */
  ids: string[];
}
