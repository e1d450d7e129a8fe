import {
  dashboardParts,
  type DashboardPart,
  type StatisticsDashboardResult,
  type ApplicationFilters,
  type ParsedInput,
  type StatisticsActivity,
  type StatisticsBreakdowns,
  type StatisticsDashboard,
  type StatisticsFunnel,
  type StatisticsOverview,
  type StatisticsResponseTimes,
  type StatisticsSalaries,
  type StatisticsSkills,
  type StatisticsTimeline,
} from '../../src-shared/contract';
import { AppError, type AppErrorShape } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import { readProfile } from '../profile/handlers';
import { buildActivity } from './activity';
import { buildBreakdowns, loadStages } from './breakdowns';
import { sourceOf } from './facts-source';
import { buildFunnel } from './funnel';
import { buildOverview, loadOverviewData } from './overview';
import { buildResponseTimes, companiesByKey } from './response-times';
import { buildSalaries } from './salaries';
import { scopeOf, type StatisticsScope } from './scope';
import { buildSkills } from './skills';
import { sharedOnce, type StatisticsSource } from './source';
import { buildTimeline, timelineRange } from './timeline';

export type StatisticsInputOf = ParsedInput<'statistics.overview'>;
export type DashboardInput = ParsedInput<'statistics.dashboard'>;

/** What computeDashboard takes: the list's filters, the range, today and the timeline's step, all optional. */
export type DashboardOptions = ApplicationFilters & Partial<Pick<DashboardInput, 'from' | 'to' | 'today' | 'granularity'>>;

/**
 * Runs `compute` in one read transaction, so that every figure sees the same data, on the rows of the scope: the
 * maintained counts, its facts grouped now, or both (facts-source.ts `sourceOf`).
 */
function withSource<T>(db: Database, scope: StatisticsScope, compute: (source: StatisticsSource) => T, read: SourceOf = sourceOf): T {
  return db.sqlite
    .transaction(() => compute(sharedOnce(read(db, scope))))
    .deferred();
}

/** Where a computation reads its rows (facts-source.ts); tests pass another to compare two ways. */
export type SourceOf = (db: Database, scope: StatisticsScope) => StatisticsSource;

const overviewOf = (db: Database, scope: StatisticsScope, source: StatisticsSource) =>
  buildOverview(
    loadOverviewData(db, scope, source.member, { cube: source.cube(), sentPerDay: source.sentPerDay(), answered: source.answered() }),
    scope.today,
  );

const timelineOf = (scope: StatisticsScope, granularity: DashboardInput['granularity'], source: StatisticsSource) => {
  const range = timelineRange(scope, source.sentPerDay());
  const events = range ? source.eventsPerDay(range.from, range.to) : { responses: [], interviews: [], offers: [] };
  return buildTimeline(range, granularity, source.sentPerDay(), events);
};

const breakdownsOf = (db: Database, source: StatisticsSource) => buildBreakdowns(source.breakdownRows(source.cube()), loadStages(db));
const responseTimesOf = (db: Database, source: StatisticsSource) =>
  buildResponseTimes(source.answered(), source.companyResponses(), (keys) => companiesByKey(db, keys));
const salariesOf = (source: StatisticsSource) => buildSalaries(source.salaryRows());
/** Skills are counted among the applications in the range: the cube's. */
const skillsOf = (db: Database, source: StatisticsSource) =>
  buildSkills(source.skillRows(), source.cube().reduce((sum, row) => sum + row.count, 0), readProfile(db).skills);
const activityOf = (scope: StatisticsScope, source: StatisticsSource) => buildActivity(source.sentPerDay(), scope.to ?? scope.today);

export const computeOverview = (db: Database, input: StatisticsInputOf): StatisticsOverview => {
  const scope = scopeOf(input);
  return withSource(db, scope, (source) => overviewOf(db, scope, source));
};

export const computeTimeline = (db: Database, input: DashboardInput): StatisticsTimeline => {
  const scope = scopeOf(input);
  return withSource(db, scope, (source) => timelineOf(scope, input.granularity, source));
};

export const computeBreakdowns = (db: Database, input: StatisticsInputOf): StatisticsBreakdowns =>
  withSource(db, scopeOf(input), (source) => breakdownsOf(db, source));

export const computeFunnel = (db: Database, input: StatisticsInputOf): StatisticsFunnel =>
  withSource(db, scopeOf(input), (source) => buildFunnel(source.cube()));

export const computeResponseTimes = (db: Database, input: StatisticsInputOf): StatisticsResponseTimes =>
  withSource(db, scopeOf(input), (source) => responseTimesOf(db, source));

export const computeSalaries = (db: Database, input: StatisticsInputOf): StatisticsSalaries => withSource(db, scopeOf(input), salariesOf);

export const computeSkills = (db: Database, input: StatisticsInputOf): StatisticsSkills =>
  withSource(db, scopeOf(input), (source) => skillsOf(db, source));

export const computeActivity = (db: Database, input: StatisticsInputOf): StatisticsActivity => {
  const scope = scopeOf(input);
  return withSource(db, scope, (source) => activityOf(scope, source));
};

type PartBuilders = { [Part in DashboardPart]: (source: StatisticsSource) => StatisticsDashboard[Part] };

/** How each part of the dashboard is computed from the shared source. */
function partBuilders(db: Database, scope: StatisticsScope, granularity: DashboardInput['granularity']): PartBuilders {
  return {
    overview: (source) => overviewOf(db, scope, source),
    timeline: (source) => timelineOf(scope, granularity, source),
    breakdowns: (source) => breakdownsOf(db, source),
    funnel: (source) => buildFunnel(source.cube()),
    responseTimes: (source) => responseTimesOf(db, source),
    salaries: salariesOf,
    skills: (source) => skillsOf(db, source),
    activity: (source) => activityOf(scope, source),
  };
}

/**
 * Everything the dashboard shows, in one call and one read transaction; the rows several statistics share (the
 * cube, applications per day, answer delays) are read once.
 * Also what main-process code calls (the statistics workbook, the benchmark): `options` are trusted, as parsed by
 * the statistics.dashboard channel (filters, `from`/`to`, `today`, `granularity`, all optional). A part that fails
 * fails the whole call: an export must not go out with a figure missing.
 */
export function computeDashboard(db: Database, options: DashboardOptions = {}, read: SourceOf = sourceOf): StatisticsDashboard {
  const scope = scopeOf(options);
  const builders = partBuilders(db, scope, options.granularity ?? 'auto');
  return withSource(
    db,
    scope,
    (source) => Object.fromEntries(dashboardParts.map((part) => [part, builders[part](source)])) as unknown as StatisticsDashboard,
    read,
  );
}

/** The error of a failed part, as a channel would answer it (details of an unexpected one stay in the log). */
function partError(part: DashboardPart, error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toJSON();
  console.error(`[candid] the ${part} statistic failed:`, error);
  return { code: 'INTERNAL', message: `The ${part} statistic could not be computed.` };
}

/**
 * The dashboard as the screen asks for it: each part computed on its own, so that one that fails (a damaged row,
 * a defect) leaves the others standing; it comes back null, with its error in `failed`. `override` replaces the
 * way some parts are computed (tests make one fail with it).
 */
export function computeDashboardByPart(db: Database, options: DashboardOptions = {}, override: Partial<PartBuilders> = {}): StatisticsDashboardResult {
  const scope = scopeOf(options);
  const builders = { ...partBuilders(db, scope, options.granularity ?? 'auto'), ...override };
  return withSource(db, scope, (source) => {
    const result: Record<string, unknown> = {};
    const failed: Partial<Record<DashboardPart, AppErrorShape>> = {};
    for (const part of dashboardParts) {
      try {
        result[part] = builders[part](source);
      } catch (error) {
        result[part] = null;
        failed[part] = partError(part, error);
      }
    }
    if (Object.keys(failed).length > 0) result.failed = failed;
    return result as StatisticsDashboardResult;
  });
}
