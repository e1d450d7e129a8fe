import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../support/temp-app';
import { captureStatements } from './support/statements';

/**
 * A board column lists one stage's live applications in the list's order, 200 at a time. Through an index keyed by
 * stage alone, SQLite found every row of the stage and sorted them all to keep 200 (199 ms of CPU for a stage of
 * 25,841 applications at 100,000): the column's page must be a range of an index, with no sort.
 */

let app: TempApp;
let seen: string[] = [];
beforeAll(async () => {
  app = await openTempApp();
  seen = captureStatements(app.context.db);
});
afterAll(() => app?.close());

/** The steps of the query that picks the page's rows (the list reads them whole afterwards, by sequence). */
const pageStepsOf = (text: string) => {
  const parameters = (text.match(/\?/g) ?? []).map(() => null);
  const rows = app.context.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as { id: number; parent: number; detail: string }[];
  const subquery = rows.find((row) => /SUBQUERY/.test(row.detail));
  return rows.filter((row) => row.parent === subquery?.id).map((row) => row.detail);
};

describe('a board column’s page', () => {
  it('walks an index in the list’s order instead of sorting the stage’s rows', async () => {
    const stages = await app.api.call('stages.list', {});
    if (!stages.ok) throw new Error('stages.list failed');
    const stageId = (stages.value as { id: string }[])[0].id;
    seen.length = 0;
    const page = await app.api.call('applications.list', { stageIds: [stageId], sort: { column: 'appliedOn', direction: 'desc' }, limit: 200, offset: 0 });
    expect(page.ok).toBe(true);
    const listQuery = seen.find((text) => /ORDER BY a\.applied_on DESC/.test(text) && /LIMIT \? OFFSET \?/.test(text));
    expect(listQuery, seen.join('\n---\n')).toBeDefined();
    const plan = pageStepsOf(listQuery!);
    expect(plan.some((step) => /USING (COVERING )?INDEX applications_live_stage\b/.test(step)), plan.join('\n')).toBe(true);
    expect(plan.some((step) => /TEMP B-TREE/.test(step)), plan.join('\n')).toBe(false);
  });
});
