import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../../src-shared/contract';
import { sameApplication } from '../../src-renderer/src/features/board/sameApplication';

const summary: ApplicationSummary = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  companyId: '0190a0a0-0000-7000-8000-000000000002',
  companyName: 'Acme',
  position: 'Engineer',
  employmentType: 'permanent',
  schedule: 'full_time',
  workMode: 'remote',
  location: 'Lyon',
  source: 'LinkedIn',
  appliedOn: '2026-11-02',
  stageId: '0190a0a0-0000-7000-8000-000000000003',
  stageName: null,
  stageCategory: 'applied',
  stageChangedAt: '2026-11-02T09:00:00.000Z',
  salaryMin: 45000,
  salaryMax: 55000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  favorite: false,
  archived: false,
  priority: null,
  excitement: 3,
  deadline: null,
  firstResponseOn: null,
  postingUrl: null,
  tags: ['remote', 'typescript'],
  nextStep: { taskId: '0190a0a0-0000-7000-8000-000000000004', title: 'Call back', dueOn: '2026-12-07' },
  customValues: { level: 'senior', days: 2 },
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  deletedAt: null,
};

/** A copy as a column's next answer brings it: new objects and arrays throughout, parsed from text. */
const copy = (): ApplicationSummary => JSON.parse(JSON.stringify(summary)) as ApplicationSummary;

describe('a board card drawn again only when its application changed', () => {
  it('takes a new answer of the same values as the same application', () => {
    expect(sameApplication(summary, copy())).toBe(true);
    expect(sameApplication(summary, summary)).toBe(true);
  });

  it('sees a change in any field, nested ones included', () => {
    for (const key of Object.keys(summary) as (keyof ApplicationSummary)[]) {
      const value = summary[key];
      const changed = { ...copy(), [key]: typeof value === 'string' ? `${value}!` : value === null ? 'other' : null };
      expect(sameApplication(summary, changed), key).toBe(false);
    }
    expect(sameApplication(summary, { ...copy(), tags: ['remote'] })).toBe(false);
    expect(sameApplication(summary, { ...copy(), tags: ['typescript', 'remote'] })).toBe(false);
    expect(sameApplication(summary, { ...copy(), nextStep: { ...summary.nextStep!, dueOn: null } })).toBe(false);
    expect(sameApplication(summary, { ...copy(), customValues: { level: 'senior' } })).toBe(false);
    expect(sameApplication(summary, { ...copy(), customValues: { level: 'senior', days: 2, extra: 1 } })).toBe(false);
    expect(sameApplication(summary, { ...copy(), customValues: { level: 'senior', days: '2' } })).toBe(false);
  });

  it('tells a list from an object of the same entries', () => {
    expect(sameApplication({ ...copy(), tags: ['a'] }, { ...copy(), tags: { 0: 'a' } as unknown as string[] })).toBe(false);
  });
});
