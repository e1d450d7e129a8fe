import type { Application, ApplicationPatch, CapturedPosting, ApplicationSummary, NextStep, StageCategory } from '../../src-shared/contract';
import type { ApplicationsTable } from '../db/schema';
import { parseStringArray } from '../shared/json';

export type SummaryRow = Omit<ApplicationsTable, 'description' | 'notes' | 'required_skills' | 'preferred_skills' | 'experience_years' | 'resume_version'> & {
  company_name: string;
  stage_name: string | null;
};
export type FullRow = ApplicationsTable & { company_name: string; stage_name: string | null };

/** Columns of the list: everything but the long texts. */
export const summaryColumnsSql = `a.seq, a.id, a.company_id, a.position, a.employment_type, a.schedule, a.work_mode, a.location,
  a.source, a.applied_on, a.posting_url, a.salary_min, a.salary_max, a.salary_currency, a.salary_period, a.favorite,
  a.priority, a.excitement, a.deadline, a.archived, a.first_response_on, a.stage_id, a.stage_category,
  a.stage_changed_at, a.created_at, a.updated_at, a.deleted_at, c.name AS company_name, s.name AS stage_name`;

/** What a summary reads beside its row: the next step and the custom fields' values. */
export interface SummaryExtras {
  nextStep?: NextStep;
  customValues?: Record<string, string | number>;
}

export function toSummary(row: SummaryRow, tags: string[], extras: SummaryExtras = {}): ApplicationSummary {
  return {
    id: row.id,
    companyId: row.company_id,
    companyName: row.company_name,
    position: row.position,
    employmentType: row.employment_type as ApplicationSummary['employmentType'],
    schedule: row.schedule as ApplicationSummary['schedule'],
    workMode: row.work_mode as ApplicationSummary['workMode'],
    location: row.location,
    source: row.source,
    appliedOn: row.applied_on,
    postingUrl: row.posting_url,
    stageId: row.stage_id,
    stageName: row.stage_name,
    stageCategory: row.stage_category as StageCategory,
    stageChangedAt: row.stage_changed_at,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryCurrency: row.salary_currency,
    salaryPeriod: row.salary_period as ApplicationSummary['salaryPeriod'],
    favorite: row.favorite === 1,
    archived: row.archived === 1,
    priority: row.priority,
    excitement: row.excitement,
    deadline: row.deadline,
    firstResponseOn: row.first_response_on,
    tags,
    nextStep: extras.nextStep ?? null,
    customValues: extras.customValues ?? {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function toApplication(row: FullRow, tags: string[], extras: SummaryExtras = {}): Application {
  return {
    ...toSummary(row, tags, extras),
    description: row.description,
    notes: row.notes,
    requiredSkills: parseStringArray(row.required_skills),
    preferredSkills: parseStringArray(row.preferred_skills),
    experienceYears: row.experience_years,
    resumeVersion: row.resume_version,
    capturedPosting: row.posting_captured_at
      ? { text: row.posting_text, url: row.posting_source_url, capturedAt: row.posting_captured_at }
      : null,
  };
}

type Scalar = string | number | null;

/** Contract field -> column, for the fields stored as they are. */
const plainColumns = {
  position: 'position',
  employmentType: 'employment_type',
  schedule: 'schedule',
  workMode: 'work_mode',
  location: 'location',
  source: 'source',
  appliedOn: 'applied_on',
  postingUrl: 'posting_url',
  description: 'description',
  salaryMin: 'salary_min',
  salaryMax: 'salary_max',
  salaryCurrency: 'salary_currency',
  salaryPeriod: 'salary_period',
  experienceYears: 'experience_years',
  resumeVersion: 'resume_version',
  notes: 'notes',
  priority: 'priority',
  excitement: 'excitement',
  deadline: 'deadline',
  firstResponseOn: 'first_response_on',
} as const satisfies Partial<Record<keyof ApplicationPatch, string>>;

/** plainColumns' pairs, listed once: an import maps 100,000 inputs, and listing them for each was most of the mapping. */
const plainColumnPairs = Object.entries(plainColumns);

/** The columns a parsed create/update input writes (company, tags and stage are handled apart). */
export function applicationColumns(input: Record<string, unknown>): Record<string, Scalar> {
  const fields: Record<string, Scalar> = {};
  for (const [key, column] of plainColumnPairs) {
    const value = input[key];
    if (value !== undefined) fields[column] = (value ?? null) as Scalar;
  }
  if (input.requiredSkills !== undefined) fields.required_skills = JSON.stringify(input.requiredSkills);
  if (input.preferredSkills !== undefined) fields.preferred_skills = JSON.stringify(input.preferredSkills);
  if (input.favorite !== undefined) fields.favorite = input.favorite ? 1 : 0;
  if (input.archived !== undefined) fields.archived = input.archived ? 1 : 0;
  // Only a create input carries it (the update patch has no such field): the frozen posting is written once.
  const captured = input.capturedPosting as CapturedPosting | undefined;
  if (captured) {
    fields.posting_text = captured.text;
    fields.posting_source_url = captured.url;
    fields.posting_captured_at = captured.capturedAt;
  }
  return fields;
}
