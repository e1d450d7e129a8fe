import fc from 'fast-check';
import { describe, it } from 'vitest';
import { employmentTypes, stageCategories, workModes, type ChannelInput } from '../../src-shared/contract';
import { openTempApp } from '../support/temp-app';
import { expectDashboardMatchesReference } from './support/expect-reference';
import { createApplication, stagesByCategory, type ApplicationSpec } from './support/scenario';

const today = '2025-03-12';
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });

const skill = fc.constantFrom('SQL', 'sql', 'React', 'react', 'Go', 'Python', 'Café', 'Docker');
const salary = fc
  .record({
    low: fc.integer({ min: 1, max: 90 }),
    spread: fc.integer({ min: 0, max: 20 }),
    shape: fc.constantFrom('both', 'min', 'max', 'none'),
    currency: nullable(fc.constantFrom('EUR', 'USD')),
    period: nullable(fc.constantFrom('year', 'month')),
  })
  .map(({ low, spread, shape, currency, period }) => ({
    salaryMin: shape === 'both' || shape === 'min' ? low * 1000 : null,
    salaryMax: shape === 'both' || shape === 'max' ? (low + spread) * 1000 : null,
    salaryCurrency: currency,
    salaryPeriod: period as 'year' | 'month' | null,
  }));

/** One application: fields, a history of up to four steps at increasing (or backdated) days, archived, deleted. */
const application = fc.record({
  company: fc.constantFrom('Acme', 'Globex', 'Initech'),
  employmentType: nullable(fc.constantFrom(...employmentTypes)),
  workMode: nullable(fc.constantFrom(...workModes)),
  source: nullable(fc.constantFrom('linkedin', 'indeed', 'Malt')),
  location: nullable(fc.constantFrom('Paris', 'Lyon')),
  resumeVersion: nullable(fc.constantFrom('v1', 'v2')),
  appliedOffset: nullable(fc.integer({ min: 0, max: 120 })),
  steps: fc.array(fc.record({ category: fc.constantFrom(...stageCategories), gap: fc.integer({ min: -5, max: 30 }) }), { minLength: 1, maxLength: 4 }),
  firstResponseOffset: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined, freq: 5 }),
  salary,
  requiredSkills: fc.uniqueArray(skill, { maxLength: 3, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  preferredSkills: fc.uniqueArray(skill, { maxLength: 2, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
  archived: fc.boolean(),
  deleted: fc.boolean(),
});

const filters: fc.Arbitrary<Omit<NonNullable<ChannelInput<'statistics.dashboard'>>, 'today'>> = fc.record(
  {
    archived: fc.constantFrom(false, true, 'all' as const),
    sources: fc.constant(['linkedin', 'Malt']),
    workModes: fc.constant(['remote' as const]),
    from: fc.integer({ min: 0, max: 130 }).map(day),
    to: fc.integer({ min: 0, max: 40 }).map(day),
    granularity: fc.constantFrom('auto', 'day', 'week', 'month'),
  },
  { requiredKeys: [] },
);

describe('on random searches, every statistic agrees with the independent computation', () => {
  it('holds for any data and filters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(application, { maxLength: 10 }), filters, async (applications, input) => {
        if (input.from && input.to && input.from > input.to) [input.from, input.to] = [input.to, input.from];
        const app = await openTempApp();
        try {
          const stages = await stagesByCategory(app.api);
          for (const [index, spec] of applications.entries()) {
            let offset = spec.appliedOffset ?? 60;
            const history = spec.steps.map((step): [typeof step.category, string] => {
              offset = Math.max(0, offset - step.gap);
              return [step.category, day(offset)];
            });
            const fields: ApplicationSpec = {
              companyName: spec.company,
              position: `Position ${index}`,
              employmentType: spec.employmentType,
              workMode: spec.workMode,
              source: spec.source,
              location: spec.location,
              resumeVersion: spec.resumeVersion,
              appliedOn: spec.appliedOffset === null ? null : day(spec.appliedOffset),
              ...(spec.firstResponseOffset !== undefined ? { firstResponseOn: day(spec.firstResponseOffset) } : {}),
              ...spec.salary,
              requiredSkills: spec.requiredSkills,
              preferredSkills: spec.preferredSkills,
              archived: spec.archived,
              history,
            };
            const id = await createApplication(app.api, stages, fields);
            if (spec.deleted) await app.api.invoke('applications.delete', { id });
          }
          await app.api.invoke('profile.update', { weeklyGoal: 1, skills: ['sql', 'Go'] });

          await expectDashboardMatchesReference(app, input, today);
        } finally {
          app.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
