import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * Each stage's count of applications (Settings ▸ Stages, the stage-delete dialog) is read from the maintained
 * statistics: it must equal the live rows (archived included, deleted left out) after every kind of write.
 */
let app: TempApp;

beforeAll(async () => {
  app = await openTempApp();
  seedDatabase(app.context, generateDataset({ count: 200, seed: 'stage-counts', today: '2026-11-20' }));
  const { api } = app;
  const ids = (await api.invoke('applications.list', { archived: false, limit: 500 })).items.map((item) => item.id);
  const stages = await api.invoke('stages.list', undefined);
  for (const [index, id] of ids.slice(0, 12).entries()) await api.invoke('applications.setStage', { id, stageId: stages[index % stages.length].id });
  await api.invoke('applications.archive', { ids: ids.slice(12, 30) });
  await api.invoke('applications.unarchive', { ids: ids.slice(12, 15) });
  for (const id of ids.slice(30, 36)) await api.invoke('applications.delete', { id });
  await api.invoke('applications.restore', { ids: ids.slice(30, 32) });
});
afterAll(() => app.close());

it("gives every stage the count of its live applications, archived ones included", async () => {
  const counted = app.context.db
    .sql(`SELECT s.id, (SELECT count(*) FROM applications a WHERE a.stage_id = s.id AND a.deleted_at IS NULL) AS n FROM stages s WHERE s.deleted_at IS NULL`)
    .all() as { id: string; n: number }[];
  const listed = await app.api.invoke('stages.list', undefined);
  expect(Object.fromEntries(listed.map((stage) => [stage.id, stage.applicationCount]))).toEqual(Object.fromEntries(counted.map((row) => [row.id, row.n])));
  // The archived rows are in the counts (the test archived 18, then brought 3 back).
  const archived = app.context.db.sql(`SELECT count(*) FROM applications WHERE archived = 1 AND deleted_at IS NULL`).pluck().get() as number;
  expect(archived).toBe(15);
  expect(listed.reduce((sum, stage) => sum + stage.applicationCount, 0)).toBeGreaterThan(180);
});
