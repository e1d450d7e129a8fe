import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsFactsIgnore, knownDaySql, selectFactsSql, stageBitsStatements } from '../../src-main/statistics/maintained/facts';
import { rebuildStatistics } from '../../src-main/statistics/maintained/refresh';
import { openTempApp, type TempApp } from '../support/temp-app';
import { derivedData } from '../sync/support/derived';
import { buildScenario, stagesByCategory } from './support/scenario';

/**
 * An edit of columns the statistics never read (notes, priority, …) leaves an application's facts and counts as they
 * are: the write path does not compute them again (changes/writer.ts `quietStatistics`). Any other edit in the same
 * write still does.
 */
let app: TempApp;
let ids: Record<string, string>;
beforeAll(async () => {
  app = await openTempApp();
  ({ ids } = await buildScenario(app.api));
  // Counts every facts row the write path removes (a refresh removes an application's row and stores it again).
  app.context.db.sqlite.exec(`CREATE TEMP TABLE facts_removed (seq INTEGER);
    CREATE TEMP TRIGGER count_facts_removed AFTER DELETE ON main.statistics_facts BEGIN INSERT INTO facts_removed VALUES (old.seq); END;`);
});
afterAll(() => app?.close());

const removedSince = (run: () => Promise<unknown>) => async () => {
  const { db } = app.context;
  db.sqlite.exec(`DELETE FROM temp.facts_removed`);
  await run();
  return db.sql(`SELECT count(*) FROM temp.facts_removed`).pluck().get() as number;
};

function expectMaintainedEqualsRebuilt(): void {
  const { db } = app.context;
  const maintained = derivedData(db);
  db.transaction(() => rebuildStatistics(db));
  expect(maintained).toEqual(derivedData(db));
}

describe('edits the statistics never read', () => {
  it('are columns the facts SQL does not name', () => {
    const text = [selectFactsSql('true', knownDaySql(true)), ...stageBitsStatements].join('\n');
    for (const column of columnsFactsIgnore) expect(text, column).not.toMatch(new RegExp(`\\b${column}\\b`));
    // The check can fail: columns the facts do read are found.
    for (const column of ['source', 'applied_on', 'salary_min']) expect(text).toMatch(new RegExp(`\\b${column}\\b`));
  });

  it('leave the facts as they are: notes, priority and the like', async () => {
    const removed = await removedSince(() => app.api.invoke('applications.update', { id: ids.ghosted, patch: { notes: 'Quiet.', priority: 4, favorite: true } }))();
    expect(removed).toBe(0);
    expectMaintainedEqualsRebuilt();
  });

  it('still refresh them with any column the facts read, or a stage change, in the same write', async () => {
    const withSource = await removedSince(() =>
      app.api.invoke('applications.update', { id: ids.ghosted, patch: { notes: 'Loud.', source: 'referral' } }),
    )();
    expect(withSource).toBe(1);
    expectMaintainedEqualsRebuilt();
    const stages = await stagesByCategory(app.api);
    const withStage = await removedSince(() => app.api.invoke('applications.setStage', { id: ids.ghosted, stageId: stages.screening }))();
    expect(withStage).toBe(1);
    expectMaintainedEqualsRebuilt();
  });
});
