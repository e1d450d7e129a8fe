import { describe, expect, it } from 'vitest';
import { createApplicationInput, employmentTypes, stageCategories } from '../../src-shared/contract';
import { generateDataset, type ApplicationPlan } from '../../src-main/seed';

const today = '2026-03-01';
const plansOf = (seed: string, count: number) => [...generateDataset({ count, seed, today }).applications()];

describe('the dataset generator', () => {
  it('gives the same data for the same seed, and other data for another seed', () => {
    const first = generateDataset({ count: 300, seed: 'same', today });
    const second = generateDataset({ count: 300, seed: 'same', today });
    expect(second.companies).toEqual(first.companies);
    expect(second.contacts).toEqual(first.contacts);
    expect(second.generalTasks).toEqual(first.generalTasks);
    expect([...second.applications()]).toEqual([...first.applications()]);
    // Iterating again replays the same sequence.
    expect([...first.applications()]).toEqual([...second.applications()]);
    expect(plansOf('other', 300)).not.toEqual(plansOf('same', 300));
  });

  describe('produces realistic data', () => {
    const plans = plansOf('invariants', 3000);
    const endOfToday = `${today}T23:59:59.999Z`;

    it('starts every history with a creation event and keeps events in time order, none in the future', () => {
      for (const plan of plans) {
        expect(['wishlist', 'applied']).toContain(plan.steps[0].category);
        for (let i = 1; i < plan.steps.length; i += 1) expect(plan.steps[i].at > plan.steps[i - 1].at).toBe(true);
        expect(plan.steps[plan.steps.length - 1].at <= endOfToday).toBe(true);
      }
    });

    it('follows plausible funnels: rejections after interviews, offers only after interviews, ghosting', () => {
      const paths = plans.map((plan) => plan.steps.map((step) => step.category));
      expect(paths.some((path) => path.includes('interviewing') && path.at(-1) === 'rejected')).toBe(true);
      expect(paths.some((path) => path.at(-1) === 'ghosted')).toBe(true);
      expect(paths.some((path) => path.at(-1) === 'accepted')).toBe(true);
      for (const path of paths) {
        if (path.includes('offer')) expect(path.indexOf('interviewing')).toBeGreaterThan(-1);
        expect(path.every((category) => stageCategories.includes(category))).toBe(true);
      }
      const interviewed = plans.filter((plan) => plan.steps.some((step) => step.category === 'interviewing'));
      expect(interviewed.every((plan) => plan.interviews.length > 0)).toBe(true);
    });

    it('keeps salaries ordered, in several currencies and periods', () => {
      const paid = plans.filter((plan) => plan.fields.salaryMin != null);
      for (const plan of paid) {
        if (plan.fields.salaryMax != null) expect(plan.fields.salaryMin!).toBeLessThanOrEqual(plan.fields.salaryMax);
      }
      expect(new Set(paid.map((plan) => plan.fields.salaryCurrency)).size).toBeGreaterThanOrEqual(4);
      expect(new Set(paid.map((plan) => plan.fields.salaryPeriod))).toEqual(new Set(['year', 'month', 'day', 'hour']));
      expect(paid.length).toBeLessThan(plans.length);
    });

    it('mixes contracts, languages, note lengths, archived and favourite applications', () => {
      expect(new Set(plans.map((plan) => plan.fields.employmentType))).toEqual(new Set(employmentTypes));
      expect(new Set(plans.map((plan) => plan.language))).toEqual(new Set(['fr', 'en']));
      const noteLengths = plans.map((plan) => plan.fields.notes?.length ?? 0);
      expect(noteLengths.filter((length) => length === 0).length).toBeGreaterThan(0);
      expect(Math.max(...noteLengths)).toBeGreaterThan(3000);
      expect(plans.some((plan) => plan.fields.archived)).toBe(true);
      expect(plans.some((plan) => plan.fields.favorite)).toBe(true);
      expect(plans.some((plan) => (plan.fields.tags ?? []).length > 0)).toBe(true);
      expect(plans.some((plan) => (plan.fields.requiredSkills ?? []).length > 0)).toBe(true);
    });

    it('spreads applications over companies like a Zipf law: a few often, most once or twice', () => {
      const perCompany = new Map<number, number>();
      for (const plan of plans) perCompany.set(plan.companyIndex, (perCompany.get(plan.companyIndex) ?? 0) + 1);
      const counts = [...perCompany.values()].sort((a, b) => b - a);
      expect(counts[0]).toBeGreaterThan(50);
      expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(2);
    });

    it('only produces what applications.create accepts', () => {
      for (const plan of plans.slice(0, 500) as ApplicationPlan[]) {
        const parsed = createApplicationInput.safeParse({ ...plan.fields, companyName: 'Any' });
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
    });
  });

  it('refuses options that make no sense', () => {
    expect(() => generateDataset({ count: -1, today })).toThrow(/count/);
    expect(() => generateDataset({ count: 10, today: '2026-02-30' })).toThrow(/today/);
  });
});
