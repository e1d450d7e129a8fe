import { stageCategories, type Stage, type StageCategory } from '../../src-shared/contract';
import { notFound } from '../../src-shared/errors';
import type { Database } from '../db/connection';
import type { StagesTable } from '../db/schema';
import { scopes } from '../statistics/maintained/cells';
import { hasStatisticsTables } from '../statistics/maintained/refresh';

/** SQL CASE giving each category its rank in the funnel, for sorting by stage. */
export const categoryRankSql = `CASE %s ${stageCategories.map((category, index) => `WHEN '${category}' THEN ${index}`).join(' ')} END`;

export function liveStage(db: Database, id: string): StagesTable {
  const row = db.sql(`SELECT * FROM stages WHERE id = ? AND deleted_at IS NULL`).get(id) as StagesTable | undefined;
  if (!row) throw notFound('Stage', id);
  return row;
}

/** The first stage (by position) of a category: where new applications land by default. */
export function firstStageOf(db: Database, category: StageCategory): StagesTable | undefined {
  return db
    .sql(`SELECT * FROM stages WHERE category = ? AND deleted_at IS NULL ORDER BY position, id LIMIT 1`)
    .get(category) as StagesTable | undefined;
}

/**
 * Every stage in board order, with how many live applications (archived included) it holds. The counts come from
 * the cube the write path maintains for the statistics (one cell per live application, keyed by its stage first):
 * a few hundred cells, where counting rows read every application (7 ms at 100,000, and the board's columns wait
 * for this list). A database without the statistics tables counts rows.
 */
export function listStages(db: Database): Stage[] {
  const order = `ORDER BY ${categoryRankSql.replace('%s', 's.category')}, s.position, s.id`;
  if (!hasStatisticsTables(db)) {
    const rows = db
      .sql(
        `SELECT s.*, (SELECT count(*) FROM applications a WHERE a.stage_id = s.id AND a.deleted_at IS NULL) AS application_count
         FROM stages s WHERE s.deleted_at IS NULL ${order}`,
      )
      .all() as (StagesTable & { application_count: number })[];
    return rows.map(toStage);
  }
  const counts = new Map(
    db
      .sql(`SELECT json_extract(key, '$[0]') AS stage_id, sum(count) AS n FROM statistics_cells WHERE kind = 'cube' AND scope = ? GROUP BY 1`)
      .raw()
      .all(scopes.all) as [string, number][],
  );
  const rows = db.sql(`SELECT s.* FROM stages s WHERE s.deleted_at IS NULL ${order}`).all() as StagesTable[];
  return rows.map((row) => toStage({ ...row, application_count: counts.get(row.id) ?? 0 }));
}

export function toStage(row: StagesTable & { application_count?: number }): Stage {
  return {
    id: row.id,
    name: row.name,
    category: row.category as StageCategory,
    position: row.position,
    applicationCount: row.application_count ?? 0,
  };
}
