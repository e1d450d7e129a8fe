import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportStaging } from '../../src-main/imports/staging';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * The staging database of an import drops the indexes only the screens use, but keeps those the write path's own
 * lookups need: without the one on application_tags (application_id), each application's full-text row looked its
 * tags up by scanning every tag link staged so far, and an import of 100,000 rows grew with the square of its size.
 */

let app: TempApp;
let staging: ImportStaging;
beforeAll(async () => {
  app = await openTempApp();
  staging = await ImportStaging.create(app.context);
});
afterAll(() => {
  staging?.close();
  app?.close();
});

const planOf = (sql: string) => (staging.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((row) => row.detail);

describe('the import’s staging database', () => {
  it('finds an application’s tags through an index, not by scanning every staged tag link', () => {
    // The lookup of reindexApplications (src-main/changes/derive.ts) for one application's full-text row.
    const plan = planOf(
      `SELECT group_concat(t.name, ' ') FROM application_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.application_id = ? AND at.deleted_at IS NULL AND t.deleted_at IS NULL`,
    );
    expect(plan.some((step) => /^SEARCH at USING (COVERING )?INDEX/.test(step)), plan.join('\n')).toBe(true);
    expect(plan.some((step) => /^SCAN at\b/.test(step))).toBe(false);
  });

  it('keeps no index on the change log: every staged entry is local, and only a sync push reads the local ones', () => {
    const indexes = staging.db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' AND sql IS NOT NULL`).pluck().all();
    expect(indexes).toEqual([]);
    // The live database keeps its own.
    expect(app.context.db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'change_log_local'`).pluck().all()).toEqual(['change_log_local']);
  });
});
