import type { Database } from '../db/connection';
import { applicationWhere } from '../applications/filters';
import { factColumnDefinitions, factColumnNames } from './maintained/facts';
import { indexHint } from './indexes';
import type { StatisticsScope } from './scope';

export { appliedDaySql } from './maintained/facts';

/**
 * A filtered or ranged dashboard works on a copy of the maintained facts (maintained/facts.ts) of the applications
 * the filters keep (`applicationWhere`, the same WHERE as the list), with `in_range`: the applied day within the
 * requested range (1 when there is none). Temporary (this connection only, in memory) and rebuilt by each
 * computation; each figure is then a small GROUP BY over it.
 */
export const factsTable = 'temp.statistics_scope_facts';

const createFactsTable = `CREATE TEMP TABLE IF NOT EXISTS statistics_scope_facts (${factColumnDefinitions}, in_range INTEGER NOT NULL)`;

const factColumns = factColumnNames.join(', ');
const prefixed = factColumnNames.map((column) => `f.${column}`).join(', ');

/** Fills the facts table for these filters and range. Run inside the read transaction of the computation. */
export function loadFacts(db: Database, scope: StatisticsScope): void {
  db.sqlite.exec(createFactsTable);
  db.sql(`DELETE FROM ${factsTable}`).run();
  const where = applicationWhere(scope.filters);
  // Driven by the applications' covering index (the filters' columns), each kept row finds its facts by seq.
  db.sql(
    `INSERT INTO ${factsTable} (${factColumns}, in_range)
     SELECT ${prefixed}, f.applied_day BETWEEN ? AND ?
     FROM applications a ${indexHint(db, 'applications_statistics')} CROSS JOIN main.statistics_facts f ON f.seq = a.seq
     WHERE ${where.clauses.join(' AND ')}`,
  ).run(scope.from ?? '0000-01-01', scope.to ?? '9999-12-31', ...where.params);
}
