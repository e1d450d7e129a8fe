import type { Database } from '../db/connection';
import { loadCube, loadResponseDaysByCompany, loadSentPerDay } from './aggregates';
import { loadBreakdownRows } from './breakdowns';
import { factsTable, loadFacts } from './facts';
import { answeredHistogram } from './response-times';
import { loadSalaryRows } from './salaries';
import type { StatisticsScope } from './scope';
import { loadSkillRows } from './skills';
import { once, type StatisticsSource } from './source';
import { loadEventsPerDay } from './timeline';
import { cellsSource, maintainedScope, sentShareWithin } from './maintained/read';
import type { CellScope } from './maintained/cells';
import { hasMonthCells } from './maintained/month-cells';
import { monthCellsSource } from './maintained/month-cells-read';
import { skillMonthsFilter } from './maintained/skill-months-read';

/**
 * Where a computation's rows come from: the maintained cells for the whole search; for sources, a range or both,
 * the cells kept per month and source (maintained/month-cells-read.ts); else the facts (`sourceFromFacts`).
 */
export function sourceOf(db: Database, scope: StatisticsScope): StatisticsSource {
  const cellScope = maintainedScope(scope);
  if (cellScope !== null) return cellsSource(db, cellScope);
  const byMonth = skillMonthsFilter(scope.filters);
  if (byMonth !== null && hasMonthCells(db)) return monthCellsSource(db, scope, byMonth);
  return sourceFromFacts(db, scope);
}

/**
 * A filtered or ranged computation's rows without the cells kept per month: grouped from the facts (filters the
 * months do not hold, older schemas, and what the tests check the months against).
 */
export function sourceFromFacts(db: Database, scope: StatisticsScope): StatisticsSource {
  const wholeSearch = maintainedScope({ ...scope, from: undefined, to: undefined });
  return wholeSearch === null ? factsSource(db, scope) : rangedSource(db, scope, wholeSearch);
}

/** The share of the search's applications in a range from which reading every fact costs less than the index. */
export const rangeScanShare = 0.1;

/**
 * A range over the whole search: who belongs to it, applications sent per day and the timeline's events ignore
 * the range, and the cells hold them; everything else is grouped from the facts of the range alone, a fifth of them
 * for six months out of three years (at 100,000, six months: the whole dashboard's CPU p50 319 -> 205 ms; sent per
 * day 62 -> 1 ms and the timeline's events 29 -> 0.3 ms, read from the cells).
 */
function rangedSource(db: Database, scope: StatisticsScope, cellScope: CellScope): StatisticsSource {
  // At 100,000, the copy's CPU by index / by scan (load 20): a month (4% of the applications) 8 / 16 ms, two
  // months (8%) 17 / 19, three (12%) 27 / 21, six (21%) 53 / 36: the index's cost grows with the range, the scan's
  // hardly; they cross near a tenth.
  loadFacts(db, scope, sentShareWithin(db, cellScope, scope.from, scope.to) < rangeScanShare ? 'by index' : 'by scan');
  const cells = cellsSource(db, cellScope);
  return { ...factRows(db, scope), member: cells.member, sentPerDay: cells.sentPerDay, eventsPerDay: cells.eventsPerDay };
}

/** The rows of a filtered or ranged computation, grouped from a copy of its facts (facts.ts). */
export function factsSource(db: Database, scope: StatisticsScope): StatisticsSource {
  loadFacts(db, scope);
  return factRows(db, scope);
}

/** The rows grouped from the facts table as loadFacts left it. */
function factRows(db: Database, scope: StatisticsScope): StatisticsSource {
  const companyResponses = once(() => loadResponseDaysByCompany(db));
  return {
    // The unary + stops the planner from driving from the facts list (154 ms at 100k) instead of interviews_scheduled.
    member: `+a.seq IN (SELECT seq FROM ${factsTable})`,
    cube: () => loadCube(db),
    sentPerDay: () => loadSentPerDay(db),
    companyResponses,
    answered: () => answeredHistogram(companyResponses()),
    breakdownRows: (cube) => loadBreakdownRows(db, cube),
    eventsPerDay: (from, to) => loadEventsPerDay(db, from, to),
    salaryRows: () => loadSalaryRows(db),
    skillRows: () => loadSkillRows(db, scope),
  };
}
