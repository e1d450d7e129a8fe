/** Enumerations with stable string values: stored in the database, sent over the wire, translated by key. */

export const stageCategories = [
  'wishlist',
  'applied',
  'screening',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
  'ghosted',
] as const;
export type StageCategory = (typeof stageCategories)[number];

/** Categories that end an application: the board collapses them, statistics count them as outcomes. */
export const closedStageCategories: readonly StageCategory[] = ['rejected', 'withdrawn', 'ghosted'];

/** Reaching one of these means the company answered (see docs/statistics.md). */
export const responseStageCategories: readonly StageCategory[] = [
  'screening',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
];

export const employmentTypes = ['permanent', 'fixed_term', 'internship', 'apprenticeship', 'freelance', 'temporary'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export const schedules = ['full_time', 'part_time'] as const;
export type Schedule = (typeof schedules)[number];

export const workModes = ['on_site', 'hybrid', 'remote'] as const;
export type WorkMode = (typeof workModes)[number];

/** Built-in sources; users may add their own (stored as free text, listed by `sources.list`). */
export const builtInSources = [
  'linkedin',
  'indeed',
  'company_site',
  'email',
  'referral',
  'recruiter',
  'apec',
  'france_travail',
  'welcome_to_the_jungle',
  'job_fair',
  'other',
] as const;
export type BuiltInSource = (typeof builtInSources)[number];

export const salaryPeriods = ['year', 'month', 'day', 'hour'] as const;
export type SalaryPeriod = (typeof salaryPeriods)[number];

export const interviewTypes = ['screening', 'hr', 'technical', 'behavioral', 'case_study', 'panel', 'final', 'other'] as const;
export type InterviewType = (typeof interviewTypes)[number];

export const interviewFormats = ['phone', 'video', 'in_person'] as const;
export type InterviewFormat = (typeof interviewFormats)[number];

export const interviewStatuses = ['planned', 'completed', 'cancelled'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

export const interviewOutcomes = ['pending', 'passed', 'failed'] as const;
export type InterviewOutcome = (typeof interviewOutcomes)[number];

export const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;
export type CompanySize = (typeof companySizes)[number];

export const documentKinds = ['cv', 'cover_letter', 'diploma', 'certificate', 'portfolio', 'offer_letter', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** How long a notification can be put off. */
export const snoozeDurations = ['hour', 'day', 'week'] as const;
