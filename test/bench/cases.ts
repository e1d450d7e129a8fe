import type { Api } from '../../src-main/api';
import type { AppContext } from '../../src-main/context';
import { Random } from '../../src-main/seed/random';
import { stageCategories, type ApplicationFilters, type StageCategory } from '../../src-shared/contract';
import type { RawBaseline } from './baseline';
import { findFunction, hasHandler, notBuilt } from './optional';

/** One measured operation: the app's way (handlers) and the raw baseline's way of doing the same work. */
export interface BenchCase {
  key: string;
  label: string;
  baseline: string;
  iterations: number;
  /** Why the case cannot run (a module not built yet); the case is then reported, not measured. */
  unavailable?: string;
  typed: (i: number) => Promise<unknown>;
  raw?: (i: number) => unknown;
}

/** Ids and names drawn once from the database, so every call gets a different, existing target. */
export interface Fixture {
  ids: string[];
  companyIds: string[];
  stages: Record<StageCategory, string>;
  tagIds: string[];
}

export function loadFixture(context: AppContext, seed: string): Fixture {
  const { db } = context;
  const random = new Random(seed);
  const allIds = db.sql(`SELECT id FROM applications WHERE deleted_at IS NULL AND archived = 0`).pluck().all() as string[];
  const companyIds = db.sql(`SELECT id FROM companies WHERE deleted_at IS NULL`).pluck().all() as string[];
  const stages = {} as Record<StageCategory, string>;
  for (const category of stageCategories) {
    stages[category] = db.sql(`SELECT id FROM stages WHERE category = ? AND deleted_at IS NULL ORDER BY position LIMIT 1`).pluck().get(category) as string;
  }
  const tagIds = db.sql(`SELECT id FROM tags WHERE name_key IN ('startup', 'relance')`).pluck().all() as string[];
  return { ids: random.sample(allIds, Math.min(allIds.length, 3000)), companyIds: random.sample(companyIds, 500), stages, tagIds };
}

/** What the bench's creations send (the bench's case and the create probes): a full application with two tags. */
/** The three small writes the probes repeat (probe-write-loop.ts, probe-write-pages.ts), each call on another row. */
export function smallWrites(api: Api, fixture: Fixture): Record<'update' | 'setStage' | 'create', (i: number) => Promise<void>> {
  const pick = (i: number) => fixture.ids[i % fixture.ids.length];
  const call = async (channel: string, input: unknown) => {
    await callOrThrow(api, channel, input);
  };
  return {
    update: (i) => call('applications.update', { id: pick(i), patch: { notes: `Updated by the probe (${i}).`, priority: (i % 5) + 1 } }),
    setStage: (i) => call('applications.setStage', { id: pick(i + 500), stageId: i % 2 ? fixture.stages.screening : fixture.stages.interviewing }),
    create: (i) => call('applications.create', benchCreateInput(fixture, i)),
  };
}

export const benchCreateInput = (fixture: Fixture, i: number) => ({
  companyId: fixture.companyIds[i % fixture.companyIds.length],
  position: `Benchmark engineer ${i}`,
  employmentType: 'permanent',
  workMode: 'hybrid',
  location: 'Lyon',
  source: 'linkedin',
  appliedOn: new Date().toISOString().slice(0, 10),
  salaryMin: 40000,
  salaryMax: 48000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  requiredSkills: ['TypeScript', 'SQL'],
  notes: 'Created by the benchmark.',
  tags: ['startup', 'relance'],
});

/** A typed call through the handler table (zod parsing included); a failure stops the case with its message. */
export async function callOrThrow(api: Api, channel: string, input: unknown): Promise<unknown> {
  const result = await api.call(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const listCases: { key: string; label: string; filters: ApplicationFilters; where: string; params: (i: number) => unknown[]; text?: readonly string[] }[] = [
  { key: 'list.default', label: 'applications.list, first page, default sort', filters: {}, where: 'a.deleted_at IS NULL AND a.archived = 0', params: () => [] },
  {
    key: 'list.filtered',
    label: 'applications.list, three filters (stages, work modes, contract)',
    filters: { stageCategories: ['screening', 'interviewing'], workModes: ['remote', 'hybrid'], employmentTypes: ['permanent'] },
    where: `a.deleted_at IS NULL AND a.stage_category IN ('screening', 'interviewing') AND a.employment_type IN ('permanent')
      AND a.work_mode IN ('remote', 'hybrid') AND a.archived = 0`,
    params: () => [],
  },
];

/**
 * What people type in the search box: a company, a skill, a city, a word of their notes. The common words
 * ("lyon", "relancer") match thousands of rows at 100,000 applications; the others a few hundred.
 */
export const searchTerms = ['nexa', 'react', 'lyon', 'relancer', 'data analyst', 'kubernetes'];
const ftsTerm = (text: string) => text.split(' ').map((word) => `"${word}"*`).join(' ');

export async function benchCases(api: Api, raw: RawBaseline, fixture: Fixture, count: number): Promise<BenchCase[]> {
  const { ids, stages } = fixture;
  const pick = (i: number) => ids[i % ids.length];
  const reads = count >= 100_000 ? 150 : 300;
  const writes = count >= 100_000 ? 150 : 200;
  const deep = (await callOrThrow(api, 'applications.list', { offset: Math.min(36_000, Math.floor(count * 0.36)) - 50 })) as { nextCursor: string };
  const deepCursor = deep.nextCursor;
  const cases: BenchCase[] = [
    ...listCases.map((spec) => ({
      key: spec.key,
      label: spec.label,
      baseline: 'the same SELECT … LIMIT 50, count(*) and tags query',
      iterations: reads,
      typed: () => callOrThrow(api, 'applications.list', spec.filters),
      raw: (i: number) => raw.list(spec.where, spec.params(i)),
    })),
    {
      key: 'list.search',
      label: `applications.list, free-text search (${searchTerms.map((term) => `“${term}”`).join(', ')} in turn)`,
      baseline: 'the same SELECT with the FTS5 MATCH, count(*) and tags query',
      iterations: reads,
      typed: (i) => callOrThrow(api, 'applications.list', { text: searchTerms[i % searchTerms.length] }),
      raw: (i) =>
        raw.list(`a.deleted_at IS NULL AND a.archived = 0 AND a.seq IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)`, [
          ftsTerm(searchTerms[i % searchTerms.length]),
        ]),
    },
    {
      key: 'list.deep',
      label: 'applications.list, a page deep in the list (offset 36,000)',
      baseline: 'the same SELECT … LIMIT 50 OFFSET 36000 (count and tags left out)',
      iterations: reads,
      typed: () => callOrThrow(api, 'applications.list', { offset: Math.min(36_000, Math.floor(count * 0.36)) }),
      raw: () => raw.deepPage(Math.min(36_000, Math.floor(count * 0.36))),
    },
    {
      key: 'list.keyset',
      label: 'applications.list, the page after a cursor 36,000 rows down (keyset)',
      baseline: 'the same SELECT … LIMIT 50 OFFSET 36000 (count and tags left out)',
      iterations: reads,
      typed: () => callOrThrow(api, 'applications.list', { after: deepCursor }),
      raw: () => raw.deepPage(Math.min(36_000, Math.floor(count * 0.36))),
    },
    {
      key: 'get',
      label: 'applications.get (detail with history, interviews, tasks, contacts)',
      baseline: 'the same point reads (row, company, tags, history, interviews, tasks, contacts)',
      iterations: reads * 2,
      typed: (i) => callOrThrow(api, 'applications.get', { id: pick(i) }),
      raw: (i) => raw.get(pick(i)),
    },
    await dashboardCase(api, raw),
    {
      key: 'dashboard.filtered',
      label: 'statistics.dashboard filtered by one source (LinkedIn)',
      baseline: 'the hand-written aggregates of the whole search (no filter)',
      iterations: 20,
      typed: () => callOrThrow(api, 'statistics.dashboard', { sources: ['linkedin'] }),
      raw: () => raw.dashboard(),
    },
    {
      key: 'dashboard.ranged',
      label: 'statistics.dashboard over a six-month range',
      baseline: 'the hand-written aggregates of the whole search (no range)',
      iterations: 20,
      typed: () => callOrThrow(api, 'statistics.dashboard', { from: sixMonthsAgo(), to: new Date().toISOString().slice(0, 10) }),
      raw: () => raw.dashboard(),
    },
    {
      key: 'create',
      label: 'applications.create (with 2 tags), returns the detail',
      baseline: 'plain INSERTs of the row, its stage event and tag links; no change log',
      iterations: writes,
      typed: (i) =>
        callOrThrow(api, 'applications.create', benchCreateInput(fixture, i)),
      raw: (i) =>
        raw.create({
          companyId: fixture.companyIds[i % fixture.companyIds.length],
          position: `Benchmark engineer ${i}`,
          stageId: stages.applied,
          stageCategory: 'applied',
          tagIds: fixture.tagIds,
        }),
    },
    {
      key: 'update',
      label: 'applications.update (notes and priority), returns the detail',
      baseline: 'one UPDATE of the two columns',
      iterations: writes,
      typed: (i) => callOrThrow(api, 'applications.update', { id: pick(i), patch: { notes: `Updated by the benchmark (${i}).`, priority: (i % 5) + 1 } }),
      raw: (i) => raw.update(pick(i + 1), `Updated by the benchmark (${i}).`, (i % 5) + 1),
    },
    {
      key: 'setStage',
      label: 'applications.setStage, returns the detail',
      baseline: 'INSERT of the stage event, UPDATE of the current stage',
      iterations: writes,
      typed: (i) => callOrThrow(api, 'applications.setStage', { id: pick(i + 500), stageId: i % 2 ? stages.screening : stages.interviewing }),
      raw: (i) => raw.setStage(pick(i + 1000), i % 2 ? stages.screening : stages.interviewing, i % 2 ? 'screening' : 'interviewing'),
    },
    {
      key: 'bulkUpdate',
      label: 'applications.bulkUpdate of 1,000 (stage and priority)',
      baseline: 'per row: UPDATE priority, INSERT stage event, UPDATE current stage; one transaction',
      iterations: 5,
      typed: (i) => callOrThrow(api, 'applications.bulkUpdate', { ids: bulkIds(ids, i), patch: { stageId: i % 2 ? stages.offer : stages.rejected, priority: (i % 5) + 1 } }),
      raw: (i) => raw.bulkUpdate(bulkIds(ids, i + 1), i % 2 ? stages.offer : stages.rejected, i % 2 ? 'offer' : 'rejected', (i % 5) + 1),
    },
    archiveThenUndoCase(api, raw),
  ];
  return cases;
}

/**
 * "Select all" → archive and its Undo, each timed on its own (the target is 5 s for each): even calls archive every
 * active application, odd calls undo the last archive. The measure's one untimed warm-up call archives, so an odd
 * number of timed calls leaves the database as it was for the cases after it. The raw baseline alternates the same
 * way, one UPDATE a call.
 */
function archiveThenUndoCase(api: Api, raw: RawBaseline): BenchCase {
  let archivedIds: string[] = [];
  let archivedSeqs: number[] = [];
  return {
    key: 'bulk.archiveByFilter',
    label: '“select all” active applications → archive (applications.bulkByFilter), and its Undo (applications.unarchive), each step timed',
    baseline: 'one UPDATE of archived over the same rows, or one back',
    iterations: 3,
    typed: async (i) => {
      if (i % 2 === 0) {
        archivedIds = ((await callOrThrow(api, 'applications.bulkByFilter', { filters: {}, action: 'archive' })) as { ids: string[] }).ids;
      } else {
        await callOrThrow(api, 'applications.unarchive', { ids: archivedIds });
      }
    },
    raw: (i) => {
      if (i % 2 === 0) archivedSeqs = raw.archiveAll();
      else raw.unarchive(archivedSeqs);
    },
  };
}

function sixMonthsAgo(): string {
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - 6);
  return day.toISOString().slice(0, 10);
}

/** 1,000 ids, a different window each call (wrapping around the sample). */
function bulkIds(ids: readonly string[], i: number): string[] {
  const size = Math.min(1000, ids.length);
  const start = (i * 337) % ids.length;
  return Array.from({ length: size }, (_, k) => ids[(start + k) % ids.length]);
}

/** The dashboard's statistics: the statistics.dashboard channel, else computeDashboard, else not built yet. */
async function dashboardCase(api: Api, raw: RawBaseline): Promise<BenchCase> {
  const base = {
    key: 'dashboard',
    label: 'statistics.dashboard (the whole dashboard)',
    baseline: 'hand-written aggregates: by stage, by week, funnel from stage events, response rate by source',
    iterations: 40,
    raw: () => raw.dashboard(),
  };
  if (await hasHandler('statistics.dashboard')) return { ...base, typed: () => callOrThrow(api, 'statistics.dashboard', {}) };
  const found = await findFunction('statistics', 'computeDashboard');
  if (found.ok) return { ...base, label: `computeDashboard (${found.where})`, typed: async () => found.value(api.context.db, {}) };
  return { ...base, unavailable: found.reason ?? notBuilt, typed: async () => undefined };
}
