import { recomputeCurrentStage, reindexApplications } from '../../../src-main/changes/derive';
import type { Database } from '../../../src-main/db/connection';
import { rebuildStatistics } from '../../../src-main/statistics/maintained/refresh';
import { indexedWords } from '../../support/indexed-words';

/** The data the write path derives from synced rows: current stages, the full-text index, statistics. */
export function derivedData(db: Database): Record<string, unknown[]> {
  const all = (sql: string) => db.sqlite.prepare(sql).all();
  return {
    stages: all(`SELECT id, stage_id, stage_category, stage_changed_at FROM applications ORDER BY id`),
    text: indexedWords(db.sqlite),
    facts: all(`SELECT * FROM statistics_facts ORDER BY seq`),
    cells: all(`SELECT * FROM statistics_cells ORDER BY kind, scope, key, value`),
    skillMonths: all(`SELECT * FROM statistics_skill_months ORDER BY month, source, kind, skill`),
    monthCells: all(`SELECT * FROM statistics_month_cells ORDER BY month, source, kind, key, value`),
  };
}

/** The same data computed again from scratch from the synced rows, in a transaction rolled back after. */
export function rebuiltDerivedData(db: Database): Record<string, unknown[]> {
  let rebuilt: Record<string, unknown[]> = {};
  const rollback = new Error('rollback');
  try {
    db.transaction(() => {
      const ids = new Set(db.sqlite.prepare(`SELECT id FROM applications`).pluck().all() as string[]);
      db.sqlite.prepare(`UPDATE applications SET stage_id = '', stage_category = 'applied', stage_changed_at = ''`).run();
      recomputeCurrentStage(db, ids);
      db.sqlite.prepare(`DELETE FROM applications_fts`).run();
      reindexApplications(db, ids, ids);
      rebuildStatistics(db);
      rebuilt = derivedData(db);
      throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return rebuilt;
}
