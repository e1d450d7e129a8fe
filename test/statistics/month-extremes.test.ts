import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import { computeDashboard } from '../../src-main/statistics/compute';
import { extremesWithChanges, withChanges } from '../../src-main/statistics/maintained/month-cells-read';
import type { Cell } from '../../src-main/statistics/maintained/read';
import { openTempApp, type TempApp } from '../support/temp-app';
import { expectMonthCellsMatchFacts } from './support/month-cells';
import { createApplication, stagesByCategory } from './support/scenario';

/**
 * A range's salaries from the month cells: the lowest and highest amounts are read as each month's extremes, and a
 * month counted whole less its first days may lose the extreme those days held. The figures must stay those of
 * the facts.
 */
const today = '2025-12-10';
/** June is counted whole less its 1st and 2nd (two facts against six from the 3rd on). */
const range = { from: '2025-06-03', to: today };

let app: TempApp;
let api: Api;
let addSalary: (appliedOn: string, salaryMin: number) => Promise<string>;
beforeAll(async () => {
  app = await openTempApp();
  api = app.api;
  const stages = await stagesByCategory(api);
  const companyId = (await api.invoke('companies.create', { name: 'Acme' })).id;
  addSalary = (appliedOn, salaryMin) =>
    createApplication(api, stages, {
      companyId,
      position: `Developer ${appliedOn} ${salaryMin}`,
      employmentType: 'permanent',
      source: 'linkedin',
      appliedOn,
      salaryMin,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      history: [['applied', appliedOn]],
    });
  // The lowest and the highest amounts of the group fall on the days the range leaves out.
  await addSalary('2025-06-01', 10_000);
  await addSalary('2025-06-02', 200_000);
  for (const [day, amount] of [['2025-06-10', 40_000], ['2025-06-12', 45_000], ['2025-06-15', 50_000], ['2025-06-20', 55_000], ['2025-06-25', 60_000], ['2025-06-28', 52_000]] as const) {
    await addSalary(day, amount);
  }
  await addSalary('2025-07-03', 48_000);
  await addSalary('2025-09-15', 58_000);
});
afterAll(() => app?.close());

const salaryGroup = () => {
  const { groups } = computeDashboard(app.context.db, { ...range, today }).salaries;
  expect(groups).toHaveLength(1);
  return groups[0];
};

describe('the salaries of a range summed from the month cells', () => {
  it('leave out the extremes of the days taken away from a month', () => {
    expect(salaryGroup()).toMatchObject({ count: 8, min: 40_000, max: 60_000 });
    expectMonthCellsMatchFacts(app.context.db, range, today);
  });

  it('keep an extreme still held by another day of the month', async () => {
    await addSalary('2025-06-21', 10_000);
    await addSalary('2025-06-22', 200_000);
    expect(salaryGroup()).toMatchObject({ count: 10, min: 10_000, max: 200_000 });
    expectMonthCellsMatchFacts(app.context.db, range, today);
    expectMonthCellsMatchFacts(app.context.db, { from: '2025-06-02', to: '2025-07-31' }, today);
    expectMonthCellsMatchFacts(app.context.db, { from: '2025-06-03', to: '2025-06-30', sources: ['linkedin'] }, today);
  });
});

describe('the months summed with the edge days', () => {
  const changes = (entries: [unknown, [number, number][]][]) => new Map(entries.map(([key, values]) => [key, new Map(values)]));

  it('adds and takes away counts, drops zeros and keeps the cells order', () => {
    const months: Cell[] = [[3, 0, 2], [7, 1, 1], ['["a"]', 2, 5]];
    expect(withChanges(months, changes([[7, [[1, -1]]], [5, [[0, 1]]], ['["a"]', [[1, 3]]]]))).toEqual([
      [3, 0, 2],
      [5, 0, 1],
      ['["a"]', 1, 3],
      ['["a"]', 2, 5],
    ]);
    expect(withChanges(months, undefined)).toEqual(months);
  });

  it('finds each key extreme again when a day taken away held it', () => {
    const histogram: Record<string, Cell[]> = { a: [['a', 10, 1], ['a', 20, 3]], b: [['b', 5, 2], ['b', 9, 1]] };
    const lowest = extremesWithChanges(new Map([['a', 10], ['b', 5]]), changes([['a', [[10, -1]]], ['b', [[5, -1], [1, 1]]], ['c', [[7, 1]]]]), 'min', (key) => histogram[key as string]);
    expect(lowest).toEqual(new Map([['a', 20], ['b', 1], ['c', 7]]));
    const highest = extremesWithChanges(new Map([['a', 20]]), changes([['a', [[10, -1], [30, 0]]]]), 'max', () => {
      throw new Error('not shaken: no need to read the key again');
    });
    expect(highest).toEqual(new Map([['a', 20]]));
  });
});
