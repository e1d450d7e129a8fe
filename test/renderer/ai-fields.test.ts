import { describe, expect, it } from 'vitest';
import type { AiPostingFields, Application } from '../../src-shared/contract';
import { mergedPatches, salaryRangeOf, suggestionsOf } from '../../src-renderer/src/features/ai/useFields';

const fields: AiPostingFields = {
  requiredSkills: ['TypeScript'],
  preferredSkills: [],
  yearsOfExperience: 4,
  salary: { min: 65000.4, max: 50000, currency: 'eur', period: null },
  remote: 'remote',
  summary: ['One line'],
};

const application = {
  id: 'a',
  requiredSkills: [],
  preferredSkills: ['Go'],
  experienceYears: null,
  salaryMin: null,
  salaryMax: null,
  salaryCurrency: 'USD',
  salaryPeriod: 'month',
  workMode: 'hybrid',
} as unknown as Application;

describe('the fields an analysis can fill in an application', () => {
  it('reads the model’s salary as an application holds it: whole, in order, a currency code or none', () => {
    expect(salaryRangeOf(fields)).toEqual({ salaryMin: 50000, salaryMax: 65000, salaryCurrency: 'EUR', salaryPeriod: null });
    expect(salaryRangeOf({ ...fields, salary: { min: null, max: null, currency: 'EUR', period: 'year' } })).toBeNull();
    expect(salaryRangeOf({ ...fields, salary: { min: -5, max: 2e9, currency: '€', period: 'year' } })).toEqual({ salaryMin: 0, salaryMax: 100_000_000, salaryCurrency: null, salaryPeriod: 'year' });
  });

  it('offers only what the model found, marks what the user already filled, and undoes to the old values', () => {
    const suggestions = suggestionsOf(fields, application);
    expect(suggestions.map(({ field, filled }) => [field, filled])).toEqual([
      ['requiredSkills', false],
      ['experienceYears', false],
      ['salary', false],
      ['workMode', true],
    ]);
    // The model gave no period: the application's stays.
    expect(suggestions[2].patch).toEqual({ salaryMin: 50000, salaryMax: 65000, salaryCurrency: 'EUR', salaryPeriod: 'month' });
    const empties = suggestions.filter((suggestion) => !suggestion.filled);
    expect(mergedPatches(empties)).toEqual({
      patch: { requiredSkills: ['TypeScript'], experienceYears: 4, salaryMin: 50000, salaryMax: 65000, salaryCurrency: 'EUR', salaryPeriod: 'month' },
      undo: { requiredSkills: [], experienceYears: null, salaryMin: null, salaryMax: null, salaryCurrency: 'USD', salaryPeriod: 'month' },
    });
  });
});
