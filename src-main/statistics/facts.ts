import type { Database } from '../db/connection';
import { applicationWhere } from '../applications/filters';
import { factColumnDefinitions, factColumnNames } from './maintained/facts';
import { archivedFromFacts, indexHint } from './indexes';
import { archivedOnlyFactsCondition, factColumnsWhere, type StatisticsScope } from './scope';

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

/**
 * How a range alone finds its facts: through the facts' applied-day index, or by reading every fact in order, which
 * costs less once the range holds more than a few percent of them (each fact found by index is one more lookup in
 * the table; at 100,000, six months of three years: the copy 53 -> 36 ms of CPU, facts-source.ts).
 */
export type RangeRead = 'by index' | 'by scan';

/**
 * Fills the facts table for these filters and range. Run inside the read transaction of the computation.
 * `rangeOnly`: only the facts in the range (a range alone whose other figures come from the cells, facts-source.ts),
 * read as it says.
 */
export function loadFacts(db: Database, scope: StatisticsScope, rangeOnly: RangeRead | false = false): void {
  db.sqlite.exec(createFactsTable);
  db.sql(`DELETE FROM ${factsTable}`).run();
  const range = [scope.from ?? '0000-01-01', scope.to ?? '9999-12-31'];
  const factsOnly = archivedOnlyFactsCondition(scope.filters);
  if (factsOnly !== null && rangeOnly) {
    const facts = rangeOnly === 'by scan' ? 'main.statistics_facts f NOT INDEXED' : 'main.statistics_facts f';
    db.sql(`INSERT INTO ${factsTable} (${factColumns}, in_range) SELECT ${prefixed}, 1 FROM ${facts} WHERE ${factsOnly} AND f.applied_day BETWEEN ? AND ?`).run(...range);
    return;
  }
  const onFacts = factColumnsWhere(scope.filters);
  if (onFacts !== null) {
    // Filters on columns the facts hold: read the facts in order, no lookup by seq per application (a range
    // alone: 203 -> 138 ms at 100,000; one source: dashboard CPU 317 -> 261 ms).
    db.sql(
      `INSERT INTO ${factsTable} (${factColumns}, in_range) SELECT ${prefixed}, f.applied_day BETWEEN ? AND ? FROM main.statistics_facts f
       WHERE ${onFacts.clauses.join(' AND ')}`,
    ).run(...range, ...onFacts.params);
    return;
  }
  const where = archivedFromFacts(applicationWhere(scope.filters));
  // Driven by the applications' covering index (the filters' columns), each kept row finds its facts by seq (and
  // its archived flag there).
  db.sql(
    `INSERT INTO ${factsTable} (${factColumns}, in_range)
     SELECT ${prefixed}, f.applied_day BETWEEN ? AND ?
     FROM applications a ${indexHint(db, 'applications_statistics')} CROSS JOIN main.statistics_facts f ON f.seq = a.seq
     WHERE ${where.clauses.join(' AND ')}`,
  ).run(...range, ...where.params);
}
