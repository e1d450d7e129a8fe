import type { CompanyResponseRow, CubeRow, DayCount } from './aggregates';
import type { BreakdownRow } from './breakdowns';
import type { Occurrences } from './numbers';
import type { Membership } from './overview';
import type { SalaryRow } from './salaries';
import type { SkillRow } from './skills';

export type EventSeries = 'responses' | 'interviews' | 'offers';

/**
 * Where a computation reads its grouped rows from: the facts of its filters and range (facts-source.ts), or the
 * counts the write path maintains for the whole search (maintained/read.ts). Both give the same rows for the same
 * applications; the statistics are assembled from them by the same code.
 */
export interface StatisticsSource {
  /** The computation's applications, as a condition on `applications a`. */
  member: Membership;
  /** Applications in the range by current stage, employment type, work mode, history and level. */
  cube(): CubeRow[];
  /** Sent applications per applied day, range ignored (weeks, months, streak, activity, timeline). */
  sentPerDay(): DayCount[];
  /** Sent applications in the range that got an answer, by days to the first answer. */
  answered(): Occurrences[];
  /** Days to the first answer (null: none yet) per company, for at least every company that can rank first. */
  companyResponses(): CompanyResponseRow[];
  breakdownRows(cube: readonly CubeRow[]): BreakdownRow[];
  /** Answers, first interviews and first offers of sent applications per day they happened, within [from, to]. */
  eventsPerDay(from: string, to: string): Record<EventSeries, DayCount[]>;
  salaryRows(): SalaryRow[];
  /** Applications in the range listing each skill. */
  skillRows(): SkillRow[];
}

/** A read done on first use and remembered. */
export function once<T>(read: () => T): () => T {
  let value: { read: T } | undefined;
  return () => (value ??= { read: read() }).read;
}

/** The rows several statistics share are read once per computation. */
export function sharedOnce(source: StatisticsSource): StatisticsSource {
  return {
    ...source,
    cube: once(() => source.cube()),
    sentPerDay: once(() => source.sentPerDay()),
    answered: once(() => source.answered()),
    companyResponses: once(() => source.companyResponses()),
  };
}
