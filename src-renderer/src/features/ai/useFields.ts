import type { AiPostingFields, Application, ApplicationPatch, SalaryPeriod } from '../../../../src-shared/contract';

export interface SalaryRange {
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
}

const largestSalary = 100_000_000;
const whole = (amount: number | null) => (amount === null ? null : Math.min(largestSalary, Math.max(0, Math.round(amount))));

/** The model's salary as an application holds it: whole amounts in order, an ISO 4217 code or none. */
export function salaryRangeOf(fields: AiPostingFields): SalaryRange | null {
  const salary = fields.salary;
  if (!salary || (salary.min === null && salary.max === null)) return null;
  const [low, high] = [whole(salary.min), whole(salary.max)];
  const ordered = low !== null && high !== null && low > high ? [high, low] : [low, high];
  return {
    salaryMin: ordered[0],
    salaryMax: ordered[1],
    salaryCurrency: salary.currency && /^[A-Za-z]{3}$/.test(salary.currency) ? salary.currency.toUpperCase() : null,
    salaryPeriod: salary.period,
  };
}

export const usableFields = ['requiredSkills', 'preferredSkills', 'experienceYears', 'salary', 'workMode'] as const;
export type UsableField = (typeof usableFields)[number];

/** One field the analysis can fill: what it writes, what it replaces (for Undo), and whether the user filled it. */
export interface FieldSuggestion {
  field: UsableField;
  patch: ApplicationPatch;
  previous: ApplicationPatch;
  /** The application already has a value here: replaced only if the user asks. */
  filled: boolean;
}

/** The fields of the analysis that have a value, each with the application's current one. */
export function suggestionsOf(fields: AiPostingFields, application: Application): FieldSuggestion[] {
  const suggestions: FieldSuggestion[] = [];
  if (fields.requiredSkills.length > 0) {
    suggestions.push({ field: 'requiredSkills', patch: { requiredSkills: fields.requiredSkills }, previous: { requiredSkills: application.requiredSkills }, filled: application.requiredSkills.length > 0 });
  }
  if (fields.preferredSkills.length > 0) {
    suggestions.push({ field: 'preferredSkills', patch: { preferredSkills: fields.preferredSkills }, previous: { preferredSkills: application.preferredSkills }, filled: application.preferredSkills.length > 0 });
  }
  if (fields.yearsOfExperience !== null) {
    suggestions.push({ field: 'experienceYears', patch: { experienceYears: fields.yearsOfExperience }, previous: { experienceYears: application.experienceYears }, filled: application.experienceYears !== null });
  }
  const salary = salaryRangeOf(fields);
  if (salary) {
    const { salaryMin, salaryMax, salaryCurrency, salaryPeriod } = application;
    suggestions.push({
      field: 'salary',
      // A currency or period the model did not give keeps the application's.
      patch: { salaryMin: salary.salaryMin, salaryMax: salary.salaryMax, salaryCurrency: salary.salaryCurrency ?? salaryCurrency, salaryPeriod: salary.salaryPeriod ?? salaryPeriod },
      previous: { salaryMin, salaryMax, salaryCurrency, salaryPeriod },
      filled: salaryMin !== null || salaryMax !== null,
    });
  }
  if (fields.remote !== null) {
    suggestions.push({ field: 'workMode', patch: { workMode: fields.remote }, previous: { workMode: application.workMode }, filled: application.workMode !== null });
  }
  return suggestions;
}

/** The patches of the chosen suggestions, merged: what to write, and what writes it back (Undo). */
export function mergedPatches(chosen: readonly FieldSuggestion[]): { patch: ApplicationPatch; undo: ApplicationPatch } {
  return {
    patch: Object.assign({}, ...chosen.map((suggestion) => suggestion.patch)) as ApplicationPatch,
    undo: Object.assign({}, ...chosen.map((suggestion) => suggestion.previous)) as ApplicationPatch,
  };
}
