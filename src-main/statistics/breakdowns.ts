import {
  breakdownDimensions,
  stageCategories,
  type Breakdown,
  type BreakdownBucket,
  type BreakdownDimension,
  type StageCategory,
  type StatisticsBreakdowns,
} from '../../src-shared/contract';
import type { Database } from '../db/connection';
import type { CubeRow } from './aggregates';
import { levels } from './categories';
import { compareNullsLast } from './compare';
import { factsTable } from './facts';
import { rate } from './numbers';

/** Free-text dimensions keep their largest buckets and sum the rest into `others`. */
const openEnded = new Set<BreakdownDimension>(['source', 'location', 'industry', 'resumeVersion']);
export const maxBuckets = 12;

export interface BreakdownRow {
  dimension: BreakdownDimension;
  key: string | null;
  level: number;
  count: number;
}

/** Pairs of free-text dimensions grouped together: one GROUP BY (one sort of the facts) per pair. */
const pairs: [BreakdownDimension, string, BreakdownDimension, string][] = [
  ['source', 'source', 'resumeVersion', 'resume_version'],
  ['location', 'location', 'industry', 'industry'],
];

/** The three dimensions the cube holds, as breakdown rows. */
export function cubeBreakdownRows(cube: readonly CubeRow[]): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  for (const row of cube) {
    rows.push({ dimension: 'stage', key: row.stageId, level: row.level, count: row.count });
    rows.push({ dimension: 'employmentType', key: row.employmentType, level: row.level, count: row.count });
    rows.push({ dimension: 'workMode', key: row.workMode, level: row.level, count: row.count });
  }
  return rows;
}

/** Applications in the range by (dimension value, level): three dimensions from the cube, the others read here. */
export function loadBreakdownRows(db: Database, cube: readonly CubeRow[]): BreakdownRow[] {
  const rows = cubeBreakdownRows(cube);
  for (const [first, firstColumn, second, secondColumn] of pairs) {
    const grouped = db
      .sql(
        `SELECT ${firstColumn} AS first, ${secondColumn} AS second, level, count(*) AS count FROM ${factsTable}
         WHERE in_range GROUP BY ${firstColumn}, ${secondColumn}, level`,
      )
      .all() as { first: string | null; second: string | null; level: number; count: number }[];
    for (const row of grouped) {
      rows.push({ dimension: first, key: row.first, level: row.level, count: row.count });
      rows.push({ dimension: second, key: row.second, level: row.level, count: row.count });
    }
  }
  return rows;
}

export interface StageInfo {
  id: string;
  name: string | null;
  category: StageCategory;
  position: number;
}

export function loadStages(db: Database): StageInfo[] {
  return db.sql(`SELECT id, name, category, position FROM stages`).all() as StageInfo[];
}

type Tally = Omit<BreakdownBucket, 'key' | 'name' | 'category' | 'responseRate' | 'interviewRate' | 'offerRate'> & {
  responded: number;
  interviewed: number;
  offered: number;
};

const emptyTally = (): Tally => ({ count: 0, sent: 0, responded: 0, interviewed: 0, offered: 0 });

function add(tally: Tally, level: number, count: number): void {
  tally.count += count;
  if (level >= levels.sent) tally.sent += count;
  if (level >= levels.responded) tally.responded += count;
  if (level >= levels.interviewed) tally.interviewed += count;
  if (level >= levels.offered) tally.offered += count;
}

function rates(tally: Tally) {
  return {
    count: tally.count,
    sent: tally.sent,
    responseRate: rate(tally.responded, tally.sent),
    interviewRate: rate(tally.interviewed, tally.sent),
    offerRate: rate(tally.offered, tally.sent),
  };
}

function buildBreakdown(dimension: BreakdownDimension, rows: readonly BreakdownRow[], stages: ReadonlyMap<string, StageInfo>): Breakdown {
  const tallies = new Map<string | null, Tally>();
  for (const row of rows) {
    const tally = tallies.get(row.key) ?? emptyTally();
    add(tally, row.level, row.count);
    tallies.set(row.key, tally);
  }
  const buckets: BreakdownBucket[] = [...tallies].map(([key, tally]) => {
    const bucket: BreakdownBucket = { key, ...rates(tally) };
    if (dimension === 'stage' && key !== null) {
      bucket.name = stages.get(key)?.name ?? null;
      bucket.category = stages.get(key)?.category ?? 'applied';
    }
    return bucket;
  });
  if (dimension === 'stage') {
    // The board's order: by category in the funnel, then the user's order of stages.
    const rank = (bucket: BreakdownBucket) => stageCategories.indexOf(bucket.category ?? 'applied') * 1e6 + (stages.get(bucket.key ?? '')?.position ?? 0);
    buckets.sort((a, b) => rank(a) - rank(b) || compareNullsLast(a.key, b.key));
  } else {
    // Largest first; then by value, "not specified" last, for a stable order.
    buckets.sort((a, b) => b.count - a.count || compareNullsLast(a.key, b.key));
  }
  if (!openEnded.has(dimension) || buckets.length <= maxBuckets) return { buckets, others: null };
  const rest = emptyTally();
  const kept = buckets.slice(0, maxBuckets);
  for (const bucket of buckets.slice(maxBuckets)) {
    const tally = tallies.get(bucket.key)!;
    rest.count += tally.count;
    rest.sent += tally.sent;
    rest.responded += tally.responded;
    rest.interviewed += tally.interviewed;
    rest.offered += tally.offered;
  }
  return { buckets: kept, others: { key: null, values: buckets.length - maxBuckets, ...rates(rest) } };
}

export function buildBreakdowns(rows: readonly BreakdownRow[], stages: readonly StageInfo[]): StatisticsBreakdowns {
  const stageById = new Map(stages.map((stage) => [stage.id, stage]));
  return Object.fromEntries(
    breakdownDimensions.map((dimension) => [dimension, buildBreakdown(dimension, rows.filter((row) => row.dimension === dimension), stageById)]),
  ) as StatisticsBreakdowns;
}
