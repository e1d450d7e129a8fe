import type { ApplicationFilters } from '../../../src-shared/contract';
import type { Database } from '../../db/connection';
import { filtersBeyond, type StatisticsScope } from '../scope';
import type { SkillRow } from '../skills';
import { skillsOf } from './cells';
import { monthOf } from './skill-months';

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

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The first string after every string that starts with `prefix`. */
const afterPrefix = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * How many applications in the range and filters list each skill: the months strictly inside the range summed
 * from the maintained counts, the days of its first and last month counted from their facts' lists (found through
 * the facts' applied-day index), both as the maintenance counts them (`skillsOf`).
 */
export function loadSkillMonthRows(db: Database, scope: StatisticsScope, filter: SkillMonthsFilter): SkillRow[] {
  const from = scope.from ?? '0000-01-01';
  const to = scope.to ?? '9999-12-31';
  const [fromMonth, toMonth] = [monthOf(from), monthOf(to)];
  const bySource = filter.sources ? ` AND source IN (${placeholders(filter.sources)})` : '';
  const sourceParams = filter.sources ?? [];
  const counts = new Map<string, SkillRow>();
  const count = (kind: SkillRow['kind'], skill: string, add: number) => {
    const id = `${kind}\u0000${skill}`;
    const row = counts.get(id);
    if (row) row.count += add;
    else counts.set(id, { kind, skill, count: add });
  };

  const inside = db
    .sql(
      `SELECT kind, skill, sum(count) FROM main.statistics_skill_months
       WHERE archived IN (${placeholders(filter.archived)}) AND month > ? AND month < ?${bySource} GROUP BY kind, skill`,
    )
    .raw()
    .all(...filter.archived, fromMonth, toMonth, ...sourceParams) as [SkillRow['kind'], string, number][];
  for (const [kind, skill, sum] of inside) count(kind, skill, sum);

  const edgeLists = db.sql(
    `SELECT required_skills, preferred_skills FROM main.statistics_facts
     WHERE applied_day >= ? AND applied_day < ? AND applied_day <= ? AND archived IN (${placeholders(filter.archived)})${bySource}`,
  );
  for (const month of new Set([fromMonth, toMonth])) {
    const lists = edgeLists.raw().all(from > month ? from : month, afterPrefix(month), to, ...filter.archived, ...sourceParams) as [
      string | null,
      string | null,
    ][];
    for (const [required, preferred] of lists) {
      for (const skill of skillsOf(required)) count('required', skill, 1);
      for (const skill of skillsOf(preferred)) count('preferred', skill, 1);
    }
  }
  return [...counts.values()];
}
