import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, seedDatabase } from '../../src-main/seed';
import type { ApplicationSortColumn, ApplicationSummary, ListApplicationsInput, NextStep } from '../../src-shared/contract';
import { openTempApp, type TempApp } from '../support/temp-app';

/**
 * What the list adds to each row beside its columns (tags, next step, custom values, names of company and stage)
 * is read for a whole page at once; these check every row of every page against the same things read for that
 * one application: its detail, its open tasks, its stored custom values. On the bench's generator (tags, tasks
 * done and open, archived and deleted rows), with custom fields, a deleted field, a deleted tag and deleted tasks.
 */
let app: TempApp;
const sql = <T>(text: string, ...params: unknown[]) => app.context.db.sql(text).all(...params) as T[];

beforeAll(async () => {
  app = await openTempApp();
  seedDatabase(app.context, generateDataset({ count: 240, seed: 'list-decorations', today: '2026-11-20' }));
  const { api } = app;
  const ids = (await api.invoke('applications.list', { archived: 'all', limit: 500 })).items.map((item) => item.id);
  const referrer = await api.invoke('customFields.create', { name: 'Referrer', kind: 'text' });
  const bonus = await api.invoke('customFields.create', { name: 'Signing bonus', kind: 'number' });
  const gone = await api.invoke('customFields.create', { name: 'Gone', kind: 'text' });
  for (const [index, id] of ids.entries()) {
    if (index % 3 === 0) await api.invoke('customFields.setValue', { applicationId: id, fieldId: referrer.id, value: `Person ${index}` });
    if (index % 4 === 0) await api.invoke('customFields.setValue', { applicationId: id, fieldId: bonus.id, value: index * 100 });
    if (index % 5 === 0) await api.invoke('customFields.setValue', { applicationId: id, fieldId: gone.id, value: 'hidden' });
    // A value set then cleared is no value.
    if (index % 8 === 0) await api.invoke('customFields.setValue', { applicationId: id, fieldId: bonus.id, value: null });
  }
  await api.invoke('customFields.delete', { id: gone.id });
  // A deleted tag leaves its applications' lists; deleted and done tasks are no next step.
  const tags = await api.invoke('tags.list', undefined);
  await api.invoke('tags.delete', { id: tags[0].id });
  const open = (await api.invoke('tasks.list', { status: 'open', limit: 200 })).items.filter((task) => task.applicationId);
  for (const task of open.slice(0, 6)) await api.invoke('tasks.delete', { id: task.id });
  for (const task of open.slice(6, 12)) await api.invoke('tasks.setDone', { id: task.id, done: true });
});
afterAll(() => app.close());

/** The first open task in the tasks' own order (undated after dated, then oldest), read from the detail's tasks. */
function nextStepOf(tasks: { id: string; title: string; dueOn: string | null; doneAt: string | null }[]): NextStep | null {
  const task = tasks.find((candidate) => candidate.doneAt === null);
  return task ? { taskId: task.id, title: task.title, dueOn: task.dueOn } : null;
}

/** The live values of live fields, straight from the table. */
function customValuesOf(applicationId: string): Record<string, string | number> {
  const rows = sql<{ field_id: string; value: string | number }>(
    `SELECT v.field_id, v.value FROM application_field_values v WHERE v.application_id = ? AND v.deleted_at IS NULL AND v.value IS NOT NULL
       AND v.field_id IN (SELECT id FROM custom_fields WHERE deleted_at IS NULL)`,
    applicationId,
  );
  return Object.fromEntries(rows.map((row) => [row.field_id, row.value]));
}

async function everyRow(input: ListApplicationsInput): Promise<ApplicationSummary[]> {
  const rows: ApplicationSummary[] = [];
  let page = await app.api.invoke('applications.list', input);
  for (;;) {
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    page = await app.api.invoke('applications.list', { ...input, after: page.nextCursor });
  }
}

const sorts: ApplicationSortColumn[] = ['appliedOn', 'company', 'stage'];

describe("the list's rows", () => {
  it('has data that makes each decoration meaningful', async () => {
    const rows = await everyRow({ archived: 'all', limit: 50 });
    expect(rows.length).toBeGreaterThan(150);
    const decorations: Record<string, (row: ApplicationSummary) => boolean> = {
      tags: (row) => row.tags.length > 0,
      nextStep: (row) => row.nextStep !== null,
      customValues: (row) => Object.keys(row.customValues).length > 0,
    };
    for (const [name, has] of Object.entries(decorations)) {
      const count = rows.filter(has).length;
      expect(count, name).toBeGreaterThan(0);
      expect(count, name).toBeLessThan(rows.length);
    }
  });

  for (const column of sorts) {
    it(`equal, page by page, each application read alone (sorted by ${column})`, async () => {
      const rows = await everyRow({ archived: 'all', sort: { column, direction: 'desc' }, limit: 50 });
      const live = sql<{ id: string }>(`SELECT id FROM applications WHERE deleted_at IS NULL`).map((row) => row.id);
      expect(rows.map((row) => row.id).sort()).toEqual(live.sort());
      for (const row of rows) {
        const detail = await app.api.invoke('applications.get', { id: row.id });
        const alone = Object.fromEntries(Object.keys(row).map((key) => [key, detail[key as keyof typeof detail]]));
        expect(row, row.id).toEqual(alone);
        expect(row.tags, row.id).toEqual(detail.tags);
        expect(row.nextStep, row.id).toEqual(nextStepOf(detail.tasks));
        expect(row.customValues, row.id).toEqual(customValuesOf(row.id));
      }
    });
  }
});
