import type { ApplicationFilters } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import { filtersBeyond, type StatisticsScope } from '../scope';
import type { SkillRow } from '../skills';
import { skillsOf } from './cells';
import { monthsPresent, placeholders, rangePlan } from './month-ranges';
import { flagsCountSql } from './side-moves';
import { everySource } from './read';

/** What the maintained skill months can answer: the archived flags and, when the filters name some, the sources. */
export interface SkillMonthsFilter {
  archived: number[];
  sources: readonly string[] | null;
}

/**
 * The filters as the skill months hold them, or null when they keep applications by anything else (their skills
 * are then read from the lists). An empty source name is left to the lists: the months store a missing source as ''.
 */
export function skillMonthsFilter(filters: ApplicationFilters): SkillMonthsFilter | null {
  if (filtersBeyond(filters, ['archived', 'sources'])) return null;
  const sources = filters.sources && filters.sources.length > 0 ? filters.sources : null;
  if (sources?.some((source) => source === '')) return null;
  const archived = filters.archived === 'all' ? [0, 1] : [filters.archived === true ? 1 : 0];
  return { archived, sources };
}


/**
 * How many applications in the range and filters list each skill: the range's months summed from the maintained
 * counts, the days of a month it holds in part counted from their facts' lists (found through the facts'
 * applied-day index), added or taken away as `rangePlan` says, both as the maintenance counts them (`skillsOf`).
 */
export function loadSkillMonthRows(db: Database, scope: StatisticsScope, filter: SkillMonthsFilter): SkillRow[] {
  const bySource = filter.sources ? ` AND source IN (${placeholders(filter.sources)})` : '';
  const sourceParams = filter.sources ?? [];
  const counts = new Map<string, SkillRow>();
  const count = (kind: SkillRow['kind'], skill: string, add: number) => {
    const id = `${kind}\u0000${skill}`;
    const row = counts.get(id);
    if (row) row.count += add;
    else counts.set(id, { kind, skill, count: add });
  };
  const plan = rangePlan(scope.from, scope.to, (days) =>
    db.sql(`SELECT count(*) FROM main.statistics_facts WHERE applied_day BETWEEN ? AND ?`).pluck().get(...days) as number,
  );

  if (plan.months) {
    // One statement per kind, each (month, source, kind) found by a seek: two sorts of half the rows, and only the
    // kind's rows read (six months at 100,000: 18,000 rows, 10 -> 6 ms of CPU). In the order one GROUP BY kind, skill gave.
    const months = monthsPresent(db, 'main.statistics_skill_months', null, plan.months);
    // The flags' count of each row (a row may count only the other flag: then it is skipped).
    const flagsCount = flagsCountSql(filter.archived);
    const sources = JSON.stringify(filter.sources ?? everySource(db));
    for (const kind of ['preferred', 'required'] as const) {
      const inside = db
        .sql(
          `SELECT skill, sum(${flagsCount}) FROM main.statistics_skill_months
           WHERE month IN (SELECT value FROM json_each(?)) AND source IN (SELECT value FROM json_each(?)) AND kind = ? AND ${flagsCount} <> 0
           GROUP BY skill`,
        )
        .raw()
        .all(months, sources, kind) as [string, number][];
      for (const [skill, sum] of inside) count(kind, skill, sum);
    }
  }

  const lists = db.sql(
    `SELECT required_skills, preferred_skills FROM main.statistics_facts
     WHERE applied_day BETWEEN ? AND ? AND archived IN (${placeholders(filter.archived)})${bySource}`,
  );
  for (const { days, sign } of plan.facts) {
    for (const [required, preferred] of lists.raw().all(...days, ...filter.archived, ...sourceParams) as [string | null, string | null][]) {
      for (const skill of skillsOf(required)) count('required', skill, sign);
      for (const skill of skillsOf(preferred)) count('preferred', skill, sign);
    }
  }
  return [...counts.values()].filter((row) => row.count !== 0);
}
