import { beforeAll, describe, expect, it } from 'vitest';
import {
  applicationSortColumns,
  type ApplicationFilters,
  type ApplicationSummary,
  type CreateApplicationInput,
  type StageCategory,
} from '../../src-shared/contract';
import type { Api } from '../../src-main/api';
import { useTempApp } from './support/app';
import { firstStages } from './support/fixtures';
import { matchesFilters, sortedBy } from './support/list-model';

interface Row extends Partial<CreateApplicationInput> {
  companyName: string;
  position: string;
  stage?: StageCategory;
}

/** Varied on every filtered and sorted column, with empty values and ties, accents and case. */
const rows: Row[] = [
  { companyName: 'Acme', position: 'Backend developer', appliedOn: '2024-01-05', employmentType: 'permanent', workMode: 'remote', location: 'Lyon', source: 'linkedin', salaryMin: 45_000, salaryMax: 55_000, salaryCurrency: 'EUR', tags: ['remote', 'java'], priority: 3, excitement: 4, deadline: '2024-02-01', favorite: true },
  { companyName: 'acme', position: 'frontend developer', appliedOn: '2024-01-20', employmentType: 'fixed_term', workMode: 'hybrid', location: 'lyon', source: 'indeed', salaryMin: 40_000, salaryCurrency: 'EUR', tags: ['Remote'], priority: 1, stage: 'screening' },
  { companyName: 'Électricité de France', position: 'Ingénieur données', appliedOn: '2024-02-10', employmentType: 'permanent', workMode: 'on_site', location: 'Évry', source: 'apec', salaryMax: 60_000, salaryCurrency: 'EUR', excitement: 5, stage: 'interviewing' },
  { companyName: 'Banque Populaire', position: 'Développeur Java', appliedOn: '2024-02-10', employmentType: 'apprenticeship', workMode: 'hybrid', location: 'Paris', source: 'Meetup', tags: ['java'], priority: 5, deadline: '2024-03-01', stage: 'rejected' },
  { companyName: 'Zodiac', position: 'SRE', appliedOn: '2024-03-01', employmentType: 'freelance', workMode: 'remote', source: 'linkedin', salaryMin: 500, salaryMax: 700, salaryCurrency: 'USD', salaryPeriod: 'day', favorite: true, stage: 'offer' },
  { companyName: 'Zodiac', position: 'sre', employmentType: 'internship', location: 'Nantes', priority: 3, stage: 'wishlist' },
  { companyName: 'Orange', position: 'Data engineer', appliedOn: '2023-12-24', workMode: 'on_site', location: 'Rennes', source: 'referral', salaryMin: 50_000, salaryMax: 50_000, salaryCurrency: 'EUR', excitement: 2, archived: true },
  { companyName: 'Orange', position: 'Cloud architect', appliedOn: '2024-01-05', employmentType: 'permanent', location: 'Paris', salaryMin: 70_000, salaryMax: 90_000, salaryCurrency: 'EUR', tags: ['cloud'], deadline: '2024-01-31', stage: 'ghosted', archived: true },
  { companyName: 'Thales', position: 'Embedded engineer', appliedOn: '2024-03-15', employmentType: 'temporary', workMode: 'on_site', location: 'Toulouse', source: 'job_fair', salaryMin: 38_000, salaryMax: 42_000, salaryCurrency: 'EUR', priority: 2, excitement: 3, stage: 'accepted' },
  { companyName: 'Thales', position: 'Test engineer', appliedOn: '2024-03-15', workMode: 'remote', source: 'indeed', tags: ['java', 'cloud'], favorite: true, stage: 'withdrawn' },
  { companyName: 'Capgemini', position: 'Économiste', appliedOn: '2024-01-20', employmentType: 'permanent', location: 'Nantes', source: 'recruiter', salaryMin: 42_000, salaryCurrency: 'EUR', priority: 4, excitement: 1, stage: 'screening' },
  { companyName: 'Alan', position: 'Product engineer', appliedOn: '2024-02-28', employmentType: 'permanent', workMode: 'remote', location: 'Paris', source: 'welcome_to_the_jungle', salaryMax: 65_000, salaryCurrency: 'EUR', tags: ['startup'], stage: 'interviewing' },
  { companyName: 'Doctolib', position: 'Staff engineer', employmentType: 'permanent', workMode: 'hybrid', salaryMin: 80_000, salaryMax: 95_000, salaryCurrency: 'EUR', excitement: 5 },
];

async function seed(api: Api): Promise<ApplicationSummary[]> {
  const stages = await firstStages(api);
  for (const { stage, ...input } of rows) {
    const created = await api.invoke('applications.create', input);
    if (stage) await api.invoke('applications.setStage', { id: created.id, stageId: stages[stage], occurredAt: '2024-04-01T10:00:00Z' });
  }
  return (await api.invoke('applications.list', { archived: 'all', limit: 1000 })).items;
}

const idsOf = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

describe('applications.list', () => {
  const handle = useTempApp('all');
  let all: ApplicationSummary[];
  let filterCases: [string, ApplicationFilters][];
  beforeAll(async () => {
    all = await seed(handle.api);
    const stages = await firstStages(handle.api);
    const acme = all.find((item) => item.companyName === 'Acme')!.companyId;
    filterCases = [
      ['stageCategories', { stageCategories: ['screening', 'interviewing'] }],
      ['stageIds', { stageIds: [stages.rejected] }],
      ['employmentTypes', { employmentTypes: ['permanent', 'freelance'] }],
      ['workModes', { workModes: ['remote'] }],
      ['sources', { sources: ['linkedin', 'Meetup'] }],
      ['companyId', { companyId: acme }],
      ['tags (any of, case-insensitive)', { tags: ['JAVA', 'cloud'] }],
      ['favorite: true', { favorite: true }],
      ['favorite: false', { favorite: false }],
      ['archived: default (active only)', {}],
      ['archived: true', { archived: true }],
      ['archived: all', { archived: 'all' }],
      ['appliedFrom', { appliedFrom: '2024-02-10' }],
      ['appliedTo', { appliedTo: '2024-01-20' }],
      ['salaryMin (range reaches it)', { salaryMin: 50_000 }],
      ['salaryMax (range starts below it)', { salaryMax: 42_000 }],
      ['salaryCurrency', { salaryCurrency: 'USD' }],
      ['stage + work mode + archived all', { stageCategories: ['interviewing', 'ghosted', 'applied'], workModes: ['remote', 'on_site'], archived: 'all' }],
      ['dates + salary window + currency', { appliedFrom: '2024-01-01', appliedTo: '2024-02-28', salaryMin: 45_000, salaryMax: 70_000, salaryCurrency: 'EUR' }],
      ['tags + favorite + employment types', { tags: ['java'], favorite: true, employmentTypes: ['permanent'] }],
      ['company + sources + stage ids', { companyId: acme, sources: ['indeed'], stageIds: [stages.screening] }],
      ['everything excluding everything', { workModes: ['remote'], sources: ['apec'] }],
    ];
  });

  it('has data that makes each filter case meaningful (some but not all rows match)', () => {
    expect(all).toHaveLength(rows.length);
    for (const [name, filters] of filterCases.slice(0, -1)) {
      const expected = all.filter((item) => matchesFilters(item, filters));
      if (filters.archived === 'all') continue;
      expect(expected.length, name).toBeGreaterThan(0);
      expect(expected.length, name).toBeLessThan(rows.length);
    }
  });

  it('applies each filter alone and in combination, with a matching total', async () => {
    for (const [name, filters] of filterCases) {
      const expected = all.filter((item) => matchesFilters(item, filters));
      const page = await handle.api.invoke('applications.list', { ...filters, limit: 1000 });
      expect(idsOf(page.items), name).toEqual(idsOf(expected));
      expect(page.total, name).toBe(expected.length);
    }
  });

  it('combines the text filter with the others', async () => {
    const page = await handle.api.invoke('applications.list', { text: 'engineer', workModes: ['on_site'], archived: 'all' });
    expect(page.items.map((item) => item.position).sort()).toEqual(['Data engineer', 'Embedded engineer']);
    expect(page.total).toBe(2);
  });

  const sorts = applicationSortColumns
    .filter((column) => column !== 'custom')
    .flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ column, direction })));

  it.each(sorts)('sorts by $column $direction, empty values last, and pages never overlap', async (sort) => {
    const { api } = handle;
    const full = await api.invoke('applications.list', { archived: 'all', sort, limit: 1000 });
    expect(full.items).toHaveLength(rows.length);
    expect(sortedBy(full.items, sort.column, sort.direction), full.items.map((item) => item.id).join()).toBe(true);

    const paged: string[] = [];
    for (let offset = 0; offset < rows.length; offset += 4) {
      const page = await api.invoke('applications.list', { archived: 'all', sort, limit: 4, offset });
      expect(page).toMatchObject({ total: rows.length, limit: 4, offset });
      paged.push(...page.items.map((item) => item.id));
    }
    expect(paged).toEqual(full.items.map((item) => item.id));
    expect(new Set(paged).size).toBe(rows.length);
  });

  it('sorts names as people read them: case and accents ignored', async () => {
    const page = await handle.api.invoke('applications.list', { archived: 'all', sort: { column: 'company', direction: 'asc' }, limit: 1000 });
    const names = [...new Set(page.items.map((item) => item.companyName))];
    expect(names).toEqual(['Acme', 'Alan', 'Banque Populaire', 'Capgemini', 'Doctolib', 'Électricité de France', 'Orange', 'Thales', 'Zodiac']);
  });

  it('returns an empty page past the end with the same total', async () => {
    const page = await handle.api.invoke('applications.list', { archived: 'all', offset: 100 });
    expect(page).toEqual({ items: [], total: rows.length, limit: 50, offset: 100, nextCursor: null });
  });

  it('defaults to the newest applications first', async () => {
    const page = await handle.api.invoke('applications.list', undefined);
    expect(page.limit).toBe(50);
    expect(sortedBy(page.items, 'appliedOn', 'desc')).toBe(true);
  });
});
