import { sql, type Kysely } from 'kysely';
import { monthCellsTableDefinition } from '../src-main/statistics/maintained/month-cells';
import { skillMonthsTableDefinition } from '../src-main/statistics/maintained/skill-months';

/**
 * "Select all → archive" at 100,000 applications (issue 16, ≤ 5 s each way) moved every month cell and skill month
 * of one flag to the other: their rows were keyed with the flag first (0270, 0260), so about 370,000 month cells were
 * inserted on one side and deleted from the other, each way (about 1 s of CPU). Both tables now hold the active and
 * the archived count side by side in one row per key (src-main/statistics/maintained/month-cells.ts,
 * skill-months.ts), and a whole side's move changes counts inside the rows (side-moves.ts). The same counts,
 * regrouped. A database that reached 0260 and 0270 after this change has the new layout already (they create the
 * tables as the code defines them) and is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await regroup(db, 'statistics_month_cells', monthCellsTableDefinition, ['month', 'source', 'kind', 'key', 'value']);
  await regroup(db, 'statistics_skill_months', skillMonthsTableDefinition, ['month', 'source', 'kind', 'skill']);
}

async function regroup(db: Kysely<unknown>, table: string, definition: string, key: readonly string[]): Promise<void> {
  const old = await sql<{ n: number }>`SELECT count(*) AS n FROM pragma_table_info(${table}) WHERE name = 'count'`.execute(db);
  if (old.rows[0].n === 0) return;
  const columns = key.join(', ');
  await sql.raw(`ALTER TABLE ${table} RENAME TO ${table}_by_flag`).execute(db);
  await sql.raw(definition).execute(db);
  // Grouped in the new key's order: the inserts append to the table's b-tree.
  await sql
    .raw(
      `INSERT INTO ${table} (${columns}, active, archived)
       SELECT ${columns}, coalesce(sum(count) FILTER (WHERE archived = 0), 0), coalesce(sum(count) FILTER (WHERE archived <> 0), 0)
       FROM ${table}_by_flag GROUP BY ${columns} ORDER BY ${columns}`,
    )
    .execute(db);
  await sql.raw(`DROP TABLE ${table}_by_flag`).execute(db);
}
