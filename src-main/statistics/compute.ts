import type {
  ApplicationFilters,
  ParsedInput,
  StatisticsActivity,
  StatisticsBreakdowns,
  StatisticsDashboard,
  StatisticsFunnel,
  StatisticsOverview,
  StatisticsResponseTimes,
  StatisticsSalaries,
  StatisticsSkills,
  StatisticsTimeline,
} from '../../src-shared/contract';
import type { Database } from '../db/connection';
import { readProfile } from '../profile/handlers';
import { buildActivity } from './activity';
import { buildBreakdowns, loadStages } from './breakdowns';
import { factsSource } from './facts-source';
import { buildFunnel } from './funnel';
import { cellsSource, maintainedScope } from './maintained/read';
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
 * maintained counts when it is the whole search, else its facts grouped now.
 */
function withSource<T>(db: Database, scope: StatisticsScope, compute: (source: StatisticsSource) => T): T {
  return db.sqlite
    .transaction(() => {
      const cellScope = maintainedScope(scope);
      return compute(sharedOnce(cellScope === null ? factsSource(db, scope) : cellsSource(db, cellScope)));
    })
    .deferred();
}

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

/**
 * Everything the dashboard shows, in one call and one read transaction; the rows several statistics share (the
 * cube, applications per day, answer delays) are read once.
 * Also what main-process code calls (the statistics workbook, the benchmark): `options` are trusted, as parsed by
 * the statistics.dashboard channel (filters, `from`/`to`, `today`, `granularity`, all optional).
 */
export function computeDashboard(db: Database, options: DashboardOptions = {}): StatisticsDashboard {
  const scope = scopeOf(options);
  return withSource(db, scope, (source) => ({
    overview: overviewOf(db, scope, source),
    timeline: timelineOf(scope, options.granularity ?? 'auto', source),
    breakdowns: breakdownsOf(db, source),
    funnel: buildFunnel(source.cube()),
    responseTimes: responseTimesOf(db, source),
    salaries: salariesOf(source),
    skills: skillsOf(db, source),
    activity: activityOf(scope, source),
  }));
}
