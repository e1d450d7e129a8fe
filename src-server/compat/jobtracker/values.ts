import type { EmploymentType, InterviewType, StageCategory } from '../../../src-shared/contract';
import { sourceKey } from '../../../src-main/sources/handlers';

/**
 * JobTracker SaaS's values and how each maps onto Candid's model (docs/server-api.md has the table). Where Candid
 * is coarser, the value written is kept beside the row (kept.ts) and read back while Candid's own value still
 * agrees with what it was mapped to.
 */

export const reponses = ['pending', 'positive', 'negative', 'no_response', 'cancelled', 'to_apply', 'contacted'] as const;
export type Reponse = (typeof reponses)[number];
export const jobTypes = ['cdi', 'cdd', 'stage', 'alternance', 'freelance', 'interim', 'mastere'] as const;
export type JobType = (typeof jobTypes)[number];
export const methods = [
  'linkedin',
  'company_website',
  'email',
  'indeed',
  'apec',
  'pole_emploi',
  'welcome_to_jungle',
  'jobteaser',
  'hello_work',
  'meteojob',
  'cadremploi',
  'glassdoor',
  'workable',
  'spontanee',
  'other',
] as const;
export type Method = (typeof methods)[number];
export const interviewTypes = ['rh', 'technical', 'manager', 'final', 'other'] as const;
export type JobInterviewType = (typeof interviewTypes)[number];
export const interviewFormats = ['phone', 'video', 'in_person'] as const;
export const interviewStatuses = ['planned', 'completed', 'cancelled'] as const;

/** The reponse a stage category reads as. */
export const reponseOfCategory: Record<StageCategory, Reponse> = {
  wishlist: 'to_apply',
  applied: 'pending',
  screening: 'positive',
  interviewing: 'positive',
  offer: 'positive',
  accepted: 'positive',
  rejected: 'negative',
  withdrawn: 'cancelled',
  ghosted: 'no_response',
};

/** The stage category a reponse moves an application to (when it is not already in one that reads the same). */
export const categoryOfReponse: Record<Reponse, StageCategory> = {
  to_apply: 'wishlist',
  pending: 'applied',
  // Someone got in touch: the company answered (Candid counts it as a response).
  contacted: 'screening',
  positive: 'screening',
  negative: 'rejected',
  no_response: 'ghosted',
  cancelled: 'withdrawn',
};

export const employmentTypeOf: Record<JobType, EmploymentType | null> = {
  cdi: 'permanent',
  cdd: 'fixed_term',
  stage: 'internship',
  alternance: 'apprenticeship',
  freelance: 'freelance',
  interim: 'temporary',
  // A mastère (a degree programme, often work-study) has no contract type of its own in Candid: kept as written.
  mastere: null,
};
export const jobTypeOf: Record<EmploymentType, JobType> = {
  permanent: 'cdi',
  fixed_term: 'cdd',
  internship: 'stage',
  apprenticeship: 'alternance',
  freelance: 'freelance',
  temporary: 'interim',
};

/** Candid's built-in sources for JobTracker's methods; the others become sources of the person's own, by name. */
export const sourceOfMethod: Record<Method, string> = {
  linkedin: 'linkedin',
  company_website: 'company_site',
  email: 'email',
  indeed: 'indeed',
  apec: 'apec',
  pole_emploi: 'france_travail',
  welcome_to_jungle: 'welcome_to_the_jungle',
  other: 'other',
  jobteaser: 'JobTeaser',
  hello_work: 'Hello Work',
  meteojob: 'Météojob',
  cadremploi: 'Cadremploi',
  glassdoor: 'Glassdoor',
  workable: 'Workable',
  spontanee: 'Candidature spontanée',
};
const methodBySourceKey = new Map(Object.entries(sourceOfMethod).map(([method, source]) => [sourceKey(source), method as Method]));

/** Candid's source as a method: a known one by name (accents, case and spaces aside), anything else `other`. */
export function methodOfSource(source: string | null): Method | null {
  if (source === null || source === '') return null;
  return methodBySourceKey.get(sourceKey(source)) ?? 'other';
}

export const interviewTypeOf: Record<JobInterviewType, InterviewType> = {
  rh: 'hr',
  technical: 'technical',
  // An interview with the hiring manager: Candid has no such type; kept as written.
  manager: 'other',
  final: 'final',
  other: 'other',
};
export const jobInterviewTypeOf: Record<InterviewType, JobInterviewType> = {
  screening: 'rh',
  hr: 'rh',
  technical: 'technical',
  behavioral: 'manager',
  case_study: 'technical',
  panel: 'other',
  final: 'final',
  other: 'other',
};

/** JobTracker's French labels (its distributions carry them). */
export const labels = {
  reponse: {
    pending: '⏳ En attente',
    positive: '✅ Réponse positive',
    negative: '❌ Réponse négative',
    no_response: '🔇 Pas de réponse',
    cancelled: '❌ Annulé',
    to_apply: '📝 À postuler',
    contacted: '📞 Contacté',
  } satisfies Record<Reponse, string>,
  type: {
    cdi: 'CDI',
    cdd: 'CDD',
    stage: 'Stage',
    alternance: 'Alternance',
    freelance: 'Freelance',
    interim: 'Intérim',
    mastere: 'Mastère',
  } satisfies Record<JobType, string>,
  method: {
    linkedin: 'LinkedIn',
    company_website: 'Site entreprise',
    email: 'Email direct',
    indeed: 'Indeed',
    apec: 'APEC',
    pole_emploi: 'France Travail',
    welcome_to_jungle: 'Welcome to the Jungle',
    jobteaser: 'JobTeaser',
    hello_work: 'Hello Work',
    meteojob: 'Météojob',
    cadremploi: 'Cadremploi',
    glassdoor: 'Glassdoor',
    workable: 'Workable',
    spontanee: 'Candidature spontanée',
    other: 'Autre',
  } satisfies Record<Method, string>,
};
