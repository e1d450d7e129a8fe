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
import { loadCube, loadResponseDaysByCompany, loadSentPerDay } from './aggregates';
import { buildBreakdowns, loadBreakdownRows, loadStages } from './breakdowns';
import { loadFacts } from './facts';
import { buildFunnel } from './funnel';
import { buildOverview, loadOverviewData } from './overview';
import { buildResponseTimes, companiesByKey } from './response-times';
import { buildSalaries, loadSalaryRows } from './salaries';
import { scopeOf, type StatisticsScope } from './scope';
import { buildSkills, loadSkillRows } from './skills';
import { buildTimeline, loadEventsPerDay, timelineRange } from './timeline';

export type StatisticsInputOf = ParsedInput<'statistics.overview'>;
export type DashboardInput = ParsedInput<'statistics.dashboard'>;

/** What computeDashboard takes: the list's filters, the range, today and the timeline's step, all optional. */
export type DashboardOptions = ApplicationFilters & Partial<Pick<DashboardInput, 'from' | 'to' | 'today' | 'granularity'>>;

/**
 * Runs `compute` on the facts of these filters, in one read transaction so that every figure sees the same data.
 * The facts table is temporary (this connection only) and rebuilt by each computation.
 */
function withFacts<T>(db: Database, scope: StatisticsScope, compute: () => T): T {
  return db.sqlite
    .transaction(() => {
      loadFacts(db, scope);
      return compute();
    })
    .deferred();
}

const overviewOf = (db: Database, scope: StatisticsScope, cube = loadCube(db), sentPerDay = loadSentPerDay(db), responseDays = loadResponseDaysByCompany(db)) =>
  buildOverview(loadOverviewData(db, scope, { cube, sentPerDay, responseDays }), scope.today);

const timelineOf = (db: Database, scope: StatisticsScope, granularity: DashboardInput['granularity'], sentPerDay = loadSentPerDay(db)) => {
  const range = timelineRange(scope, sentPerDay);
  const events = range ? loadEventsPerDay(db, range.from, range.to) : { responses: [], interviews: [], offers: [] };
  return buildTimeline(range, granularity, sentPerDay, events);
};

const breakdownsOf = (db: Database, cube = loadCube(db)) => buildBreakdowns(loadBreakdownRows(db, cube), loadStages(db));
const responseTimesOf = (db: Database, rows = loadResponseDaysByCompany(db)) => buildResponseTimes(rows, (keys) => companiesByKey(db, keys));
const salariesOf = (db: Database) => buildSalaries(loadSalaryRows(db));
const skillsOf = (db: Database, scope: StatisticsScope) => {
  const { rows, applications } = loadSkillRows(db, scope);
  return buildSkills(rows, applications, readProfile(db).skills);
};
const activityOf = (scope: StatisticsScope, sentPerDay: ReturnType<typeof loadSentPerDay>) => buildActivity(sentPerDay, scope.to ?? scope.today);

export const computeOverview = (db: Database, input: StatisticsInputOf): StatisticsOverview => {
  const scope = scopeOf(input);
  return withFacts(db, scope, () => overviewOf(db, scope));
};

export const computeTimeline = (db: Database, input: DashboardInput): StatisticsTimeline => {
  const scope = scopeOf(input);
  return withFacts(db, scope, () => timelineOf(db, scope, input.granularity));
};

export const computeBreakdowns = (db: Database, input: StatisticsInputOf): StatisticsBreakdowns =>
  withFacts(db, scopeOf(input), () => breakdownsOf(db));

export const computeFunnel = (db: Database, input: StatisticsInputOf): StatisticsFunnel => withFacts(db, scopeOf(input), () => buildFunnel(loadCube(db)));

export const computeResponseTimes = (db: Database, input: StatisticsInputOf): StatisticsResponseTimes =>
  withFacts(db, scopeOf(input), () => responseTimesOf(db));

export const computeSalaries = (db: Database, input: StatisticsInputOf): StatisticsSalaries => withFacts(db, scopeOf(input), () => salariesOf(db));

export const computeSkills = (db: Database, input: StatisticsInputOf): StatisticsSkills => {
  const scope = scopeOf(input);
  return withFacts(db, scope, () => skillsOf(db, scope));
};

export const computeActivity = (db: Database, input: StatisticsInputOf): StatisticsActivity => {
  const scope = scopeOf(input);
  return withFacts(db, scope, () => activityOf(scope, loadSentPerDay(db)));
};

/**
 * Everything the dashboard shows, in one call and one pass over the applications: the facts are built once and
 * the aggregates several statistics share (the cube, applications per day, answer delays) are read once.
 * Also what main-process code calls (the statistics workbook, the benchmark): `options` are trusted, as parsed by
 * the statistics.dashboard channel (filters, `from`/`to`, `today`, `granularity`, all optional).
 */
export function computeDashboard(db: Database, options: DashboardOptions = {}): StatisticsDashboard {
  const scope = scopeOf(options);
  return withFacts(db, scope, () => {
    const cube = loadCube(db);
    const sentPerDay = loadSentPerDay(db);
    const responseDays = loadResponseDaysByCompany(db);
    return {
      overview: overviewOf(db, scope, cube, sentPerDay, responseDays),
      timeline: timelineOf(db, scope, options.granularity ?? 'auto', sentPerDay),
      breakdowns: breakdownsOf(db, cube),
      funnel: buildFunnel(cube),
      responseTimes: responseTimesOf(db, responseDays),
      salaries: salariesOf(db),
      skills: skillsOf(db, scope),
      activity: activityOf(scope, sentPerDay),
    };
  });
}
