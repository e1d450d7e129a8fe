import type { ApplicationDetail, ApplicationPatch, CreateApplicationInput, Stage } from '../../../../../src-shared/contract';

/** The form's state: what the inputs hold (text for numbers and dates, '' for "none"). */
export interface ApplicationFormValues {
  companyId: string;
  companyName: string;
  position: string;
  employmentType: string;
  schedule: string;
  workMode: string;
  location: string;
  source: string;
  appliedOn: string;
  postingUrl: string;
  description: string;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  salaryPeriod: string;
  requiredSkills: string[];
  preferredSkills: string[];
  experienceYears: string;
  resumeVersion: string;
  notes: string;
  tags: string[];
  favorite: boolean;
  priority: string;
  excitement: string;
  deadline: string;
  archived: boolean;
  firstResponseOn: string;
  /** Only when creating: the stage the application starts in. */
  stageId: string;
}

type Field = keyof ApplicationFormValues;

const textFields = ['location', 'source', 'postingUrl', 'description', 'resumeVersion', 'notes'] as const satisfies Field[];
const choiceFields = ['employmentType', 'schedule', 'workMode', 'salaryPeriod'] as const satisfies Field[];
const dateFields = ['appliedOn', 'deadline', 'firstResponseOn'] as const satisfies Field[];
const integerFields = ['salaryMin', 'salaryMax', 'experienceYears', 'priority', 'excitement'] as const satisfies Field[];
const listFields = ['requiredSkills', 'preferredSkills', 'tags'] as const satisfies Field[];
const flagFields = ['favorite', 'archived'] as const satisfies Field[];

/** A number typed in a box: '' is none; anything else goes to the schema as a number (NaN if not one, which it refuses). */
function integer(text: string): number | null {
  const trimmed = text.trim().replace(/[\s\u202f\u00a0]/g, '');
  return trimmed === '' ? null : Number(trimmed);
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** The contract's field values (what applications.create/update take) for every field but the company. */
function fieldValues(values: ApplicationFormValues, fields: readonly Field[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    if ((textFields as readonly Field[]).includes(field)) result[field] = orNull(values[field] as string);
    else if ((choiceFields as readonly Field[]).includes(field) || (dateFields as readonly Field[]).includes(field))
      result[field] = orNull(values[field] as string);
    else if ((integerFields as readonly Field[]).includes(field)) result[field] = integer(values[field] as string);
    else if ((listFields as readonly Field[]).includes(field)) result[field] = values[field];
    else if ((flagFields as readonly Field[]).includes(field)) result[field] = values[field];
    else if (field === 'position') result.position = values.position;
    else if (field === 'salaryCurrency') result.salaryCurrency = orNull(values.salaryCurrency.trim().toUpperCase());
  }
  return result;
}

const editableFields: Field[] = [
  'position',
  ...textFields,
  ...choiceFields,
  ...dateFields,
  ...integerFields,
  ...listFields,
  ...flagFields,
  'salaryCurrency',
];

/** Today for an application that starts sent; none for a wishlist item, which has not been sent yet. */
export function defaultAppliedOn(stage: Pick<Stage, 'category'>, now = new Date()): string {
  return stage.category === 'wishlist' ? '' : now.toLocaleDateString('sv-SE');
}

export function emptyValues(defaults: { salaryCurrency: string; stage: Pick<Stage, 'id' | 'category'> }): ApplicationFormValues {
  return {
    companyId: '',
    companyName: '',
    position: '',
    employmentType: '',
    schedule: '',
    workMode: '',
    location: '',
    source: '',
    appliedOn: defaultAppliedOn(defaults.stage),
    postingUrl: '',
    description: '',
    salaryMin: '',
    salaryMax: '',
    salaryCurrency: defaults.salaryCurrency,
    salaryPeriod: 'year',
    requiredSkills: [],
    preferredSkills: [],
    experienceYears: '',
    resumeVersion: '',
    notes: '',
    tags: [],
    favorite: false,
    priority: '',
    excitement: '',
    deadline: '',
    archived: false,
    firstResponseOn: '',
    stageId: defaults.stage.id,
  };
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function valuesOf(application: ApplicationDetail): ApplicationFormValues {
  return {
    companyId: application.companyId,
    companyName: application.companyName,
    position: application.position,
    employmentType: text(application.employmentType),
    schedule: text(application.schedule),
    workMode: text(application.workMode),
    location: text(application.location),
    source: text(application.source),
    appliedOn: text(application.appliedOn),
    postingUrl: text(application.postingUrl),
    description: text(application.description),
    salaryMin: text(application.salaryMin),
    salaryMax: text(application.salaryMax),
    salaryCurrency: text(application.salaryCurrency),
    salaryPeriod: text(application.salaryPeriod),
    requiredSkills: application.requiredSkills,
    preferredSkills: application.preferredSkills,
    experienceYears: text(application.experienceYears),
    resumeVersion: text(application.resumeVersion),
    notes: text(application.notes),
    tags: application.tags,
    favorite: application.favorite,
    priority: text(application.priority),
    excitement: text(application.excitement),
    deadline: text(application.deadline),
    archived: application.archived,
    firstResponseOn: text(application.firstResponseOn),
    stageId: application.stageId,
  };
}

/** The company part: an existing company by id, else a name (a new name creates the company). */
function companyOf(values: ApplicationFormValues): { companyId?: string; companyName?: string } {
  if (values.companyId) return { companyId: values.companyId };
  return values.companyName.trim() ? { companyName: values.companyName } : {};
}

/** What applications.create takes for these values (validated by the contract's schema, not here). */
export function toCreateInput(values: ApplicationFormValues): CreateApplicationInput {
  const input = { ...fieldValues(values, editableFields), ...companyOf(values) } as Record<string, unknown>;
  if (values.stageId) input.stageId = values.stageId;
  return input as CreateApplicationInput;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed since `initial`: an update never rewrites fields the user did not touch. */
export function toPatch(values: ApplicationFormValues, initial: ApplicationFormValues): ApplicationPatch {
  const changed = editableFields.filter((field) => !same(values[field], initial[field]));
  // The two ends of the salary travel together, so the contract can check their order.
  if (changed.includes('salaryMin') !== changed.includes('salaryMax')) changed.push(changed.includes('salaryMin') ? 'salaryMax' : 'salaryMin');
  const patch = fieldValues(values, changed);
  if (values.companyId !== initial.companyId || values.companyName !== initial.companyName) {
    // A cleared company box is sent as an empty name, so the contract says "required" next to it.
    Object.assign(patch, values.companyId || values.companyName.trim() ? companyOf(values) : { companyName: '' });
  }
  return patch as ApplicationPatch;
}
