import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApplicationSortColumn, ListApplicationsInput } from '../../src-shared/contract';
import { Random } from '../../src-main/seed/random';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * Keyset paging (`after`: a page's nextCursor): walking the list page by page returns every row that stayed in it
 * exactly once, in order, while rows are inserted and deleted between the pages, whatever the sort (values that
 * repeat, empty values sorting last). And the page's total, read from the maintained counts when the filters allow
 * it, is the number of rows the filters keep.
 */
let app: TempApp;
const random = new Random('keyset');
const stages: string[] = [];

async function create(): Promise<string> {
  const detail = await app.api.invoke('applications.create', {
    companyName: `Company ${random.int(0, 6)}`,
    position: `Role ${random.int(0, 9)}`,
    // Repeated dates and empty ones: ties and nulls the cursor must get past.
    appliedOn: random.chance(0.2) ? null : `2024-0${random.int(1, 4)}-1${random.int(0, 3)}`,
    salaryMin: random.chance(0.4) ? null : random.int(3, 6) * 10_000,
    workMode: random.pick(['remote', 'hybrid', 'on_site', null] as const),
    employmentType: random.pick(['permanent', 'fixed_term', null] as const),
    archived: random.chance(0.2),
    stageId: random.pick(stages),
  });
  return detail.id;
}

beforeAll(async () => {
  app = await openTempApp();
  stages.push(...(await app.api.invoke('stages.list', undefined)).map((stage) => stage.id));
  for (let index = 0; index < 120; index += 1) await create();
});
afterAll(() => app.close());

const sorts: { column: ApplicationSortColumn; direction: 'asc' | 'desc'; filters?: ListApplicationsInput }[] = [
  { column: 'appliedOn', direction: 'desc' },
  { column: 'appliedOn', direction: 'asc' },
  { column: 'company', direction: 'asc' },
  { column: 'salaryMin', direction: 'desc' },
  { column: 'position', direction: 'asc' },
  { column: 'stage', direction: 'desc' },
  // The applied date's cursor is three ranges of an index (the tied rows, those beyond, the undated ones): with filters too.
  { column: 'appliedOn', direction: 'desc', filters: { workModes: ['remote', 'hybrid'], archived: false } },
  { column: 'appliedOn', direction: 'asc', filters: { employmentTypes: ['permanent'], archived: true } },
];

describe('keyset paging', () => {
  for (const sort of sorts) {
    it(`returns every row exactly once under concurrent inserts and deletes (${sort.column} ${sort.direction}${sort.filters ? `, ${JSON.stringify(sort.filters)}` : ''})`, async () => {
      const input: ListApplicationsInput = { archived: 'all', ...sort.filters, sort: { column: sort.column, direction: sort.direction }, limit: 7 };
      const before = (await app.api.invoke('applications.list', { ...input, limit: 1000 })).items.map((item) => item.id);
      const deleted = new Set<string>();
      const deletedUnseen = new Set<string>();
      const inserted = new Set<string>();
      const seen: string[] = [];
      let page = await app.api.invoke('applications.list', input);
      for (let round = 0; ; round += 1) {
        seen.push(...page.items.map((item) => item.id));
        if (!page.nextCursor) break;
        // Between two pages: a row already seen and one not seen yet go, two new rows come.
        const seenSet = new Set(seen);
        const notSeen = before.filter((id) => !seenSet.has(id) && !deleted.has(id));
        for (const id of [random.pick(seen), notSeen.length ? random.pick(notSeen) : undefined]) {
          if (id && !deleted.has(id)) {
            await app.api.invoke('applications.delete', { id });
            deleted.add(id);
            if (!seenSet.has(id)) deletedUnseen.add(id);
          }
        }
        inserted.add(await create());
        inserted.add(await create());
        page = await app.api.invoke('applications.list', { ...input, after: page.nextCursor });
        expect(round).toBeLessThan(100);
      }
      expect(new Set(seen).size).toBe(seen.length);
      const stayed = before.filter((id) => !deleted.has(id));
      const seenSet = new Set(seen);
      expect(stayed.filter((id) => !seenSet.has(id))).toEqual([]);
      // Nothing else: no row from elsewhere, and no row deleted before its page came.
      expect(seen.filter((id) => !before.includes(id) && !inserted.has(id))).toEqual([]);
      expect(seen.filter((id) => deletedUnseen.has(id))).toEqual([]);
      // The rows that stayed come in the order of the sort.
      const now = (await app.api.invoke('applications.list', { ...input, limit: 1000 })).items.map((item) => item.id);
      const order = new Map(now.map((id, index) => [id, index]));
      const positions = seen.filter((id) => order.has(id)).map((id) => order.get(id)!);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });
  }

  it('refuses a cursor it did not give', async () => {
    await expect(app.api.invoke('applications.list', { after: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the page total', () => {
  // Built when the tests run: the stages are known by then.
  const filterSets = (): ListApplicationsInput[] => [
    {},
    { archived: true },
    { archived: 'all' },
    { workModes: ['remote', 'hybrid'] },
    { stageCategories: ['applied', 'screening'], employmentTypes: ['permanent'], archived: 'all' },
    { stageIds: stages.slice(0, 2), archived: true },
    { workModes: ['on_site'], text: 'Role' },
  ];
  it('counts what each set of filters keeps', async () => {
    for (const filters of filterSets()) {
      const page = await app.api.invoke('applications.list', { ...filters, limit: 1000 });
      expect(page.total, JSON.stringify(filters)).toBe(page.items.length);
    }
  });

  it('is read from the maintained counts, not counted row by row, whatever the sort and the page', async () => {
    // The list's input also holds its sort and paging, which are no filters: they once sent every page to count
    // its rows. Watched, not replaced: the statements run as they would.
    const statements = vi.spyOn(app.context.db, 'sql');
    try {
      const first = await app.api.invoke('applications.list', { sort: { column: 'company', direction: 'asc' }, limit: 5 });
      const inputs: ListApplicationsInput[] = [
        {},
        { after: first.nextCursor!, sort: { column: 'company', direction: 'asc' }, limit: 5 },
        { offset: 10 },
        ...filterSets().filter((filters) => filters?.text === undefined),
      ];
      for (const input of inputs) {
        statements.mockClear();
        const page = await app.api.invoke('applications.list', input);
        const all = await app.api.invoke('applications.list', { ...input, after: undefined, offset: 0, limit: 1000 });
        expect(page.total, JSON.stringify(input)).toBe(all.items.length);
        const counts = statements.mock.calls.map(([text]) => text).filter((text) => /count\(\*\)\s+FROM applications/i.test(text));
        expect(counts, JSON.stringify(input)).toEqual([]);
      }
    } finally {
      statements.mockRestore();
    }
  });
});
