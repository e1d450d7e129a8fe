import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { closeAppContext } from '../../src-main/context';
import type { Database } from '../../src-main/db/connection';
import { openTempApp, type TempApp } from '../support/temp-app';
import { captureStatements, planOf } from './support/statements';

/**
 * Migration 0265 drops three indexes a creation wrote and no query needs: application_tags_application (the lookups
 * of an application's tag links are planned on application_tags_pair), applications_stage_category (those by
 * category on applications_stage_since) and stage_events_to_stage (a stage's deletion reads the events whole). These
 * tests capture the statements the app really runs (creating, reading, listing, filtering and retagging
 * applications, the board's columns, the dashboard, offers, the tag list, deleting a stage) and check that none
 * names a dropped index and none of those on tag links or by category scans its table; and that the migration
 * upgrades a database, its full-text index merged into one segment and searching as before.
 */

let seen: string[] = [];

/** The names a statement gives a table (its alias, or the table's own name). */
function aliasesOf(table: string, text: string): string[] {
  return [...text.matchAll(new RegExp(`\\b${table}\\b(?:\\s+(?:AS\\s+)?(?!WHERE|JOIN|ON|SET|VALUES|LEFT|INNER|CROSS|ORDER|GROUP|INDEXED)(\\w+))?`, 'gi'))].map(
    (match) => match[1] ?? table,
  );
}

const droppedIndexes = /\b(application_tags_application|applications_stage_category|stage_events_to_stage)\b/;

/** Asserts that the statement's plan names no dropped index and reads `table` through an index, not a scan. */
function expectIndexed(db: Database, text: string, table: string): void {
  const plan = planOf(db, text);
  const context = `${text}\n${plan.join('\n')}`;
  for (const alias of aliasesOf(table, text)) {
    expect(plan.some((step) => new RegExp(`^SCAN ${alias}\\b(?! USING COVERING INDEX)`).test(step)), context).toBe(false);
  }
  expect(plan.some((step) => droppedIndexes.test(step)), context).toBe(false);
}

let app: TempApp;
beforeAll(async () => {
  app = await openTempApp();
  seen = captureStatements(app.context.db);
});
afterAll(() => app?.close());

describe('the statements of a creation’s readers', () => {
  it('read tag links and categories through an index, never a dropped one', async () => {
    const { api } = app;
    const created = await api.invoke('applications.create', { companyName: 'Nexa', position: 'Data analyst', tags: ['startup', 'relance'] });
    const other = await api.invoke('applications.create', { companyName: 'Orbit', position: 'Developer', tags: ['startup'] });
    await api.invoke('applications.get', { id: created.id });
    await api.invoke('applications.list', {});
    await api.invoke('applications.list', { tags: ['startup'] });
    await api.invoke('applications.list', { text: 'startup' });
    await api.invoke('applications.list', { stageCategories: ['screening', 'interviewing'], workModes: ['remote'], employmentTypes: ['permanent'] });
    await api.invoke('applications.update', { id: created.id, patch: { tags: ['relance', 'remote'] } });
    await api.invoke('applications.bulkUpdate', { ids: [created.id, other.id], patch: { addTags: ['later'], removeTags: ['startup'] } });
    await api.invoke('applications.bulkUpdate', { ids: [other.id], patch: { addTags: ['startup'] } });
    await api.invoke('tags.list', undefined);
    const stages = await api.invoke('stages.list', undefined);
    // The board: one column per stage.
    for (const stage of stages) await api.invoke('applications.list', { stageIds: [stage.id], sort: { column: 'appliedOn', direction: 'desc' }, limit: 200, offset: 0 });
    await api.invoke('statistics.dashboard', {});
    await api.invoke('statistics.dashboard', { stageCategories: ['applied'], from: '2026-01-01', to: '2026-12-31' });
    const offer = stages.find((stage) => stage.category === 'offer')!;
    await api.invoke('applications.setStage', { id: other.id, stageId: offer.id });
    const comparison = await api.invoke('offers.create', { name: 'Offers' });
    await api.invoke('offers.get', { id: comparison.id });

    const statements = [...new Set(seen)].filter((text) => !/^\s*INSERT\b/i.test(text));
    const { db } = app.context;
    for (const text of statements) expect(planOf(db, text).some((step) => droppedIndexes.test(step)), text).toBe(false);
    const tagLinks = statements.filter((text) => /\bapplication_tags\b/.test(text));
    // The by-application lookups of the write path, the detail, the list's page and its tag filter, the tag list.
    expect(tagLinks.length).toBeGreaterThanOrEqual(6);
    // The tag list counts every tag's links, so it walks the links' whole index on purpose (deferred seeks: no row
    // read); its plan is held by tag-counts-plan.test.ts.
    const countsEveryLink = (text: string) => /\bFROM tags t\b/.test(text);
    for (const text of tagLinks.filter((text) => !countsEveryLink(text))) expectIndexed(db, text, 'application_tags');
    const byCategory = statements.filter((text) => /\bFROM applications\b/.test(text) && /stage_category (=|IN)/.test(text));
    // The list's category filter and the offers' candidates.
    expect(byCategory.length).toBeGreaterThanOrEqual(2);
    for (const text of byCategory) expectIndexed(db, text, 'applications');
  });

  it('deletes a stage into another, its events moved, without the index by the stage they reach', async () => {
    const { api } = app;
    const stages = await api.invoke('stages.list', undefined);
    const applied = stages.filter((stage) => stage.category === 'applied');
    const extra = await api.invoke('stages.create', { name: 'Sent by mail', category: 'applied' });
    const moved = await api.invoke('applications.create', { companyName: 'Nexa', position: 'Analyst', stageId: extra.id });
    await api.invoke('stages.delete', { id: extra.id, replacementId: applied[0].id });
    const detail = await api.invoke('applications.get', { id: moved.id });
    expect(detail.stageId).toBe(applied[0].id);
    expect(detail.stageHistory.map((event) => event.toStageId)).toEqual([applied[0].id]);
  });
});

const segments = (db: Database) => db.sql(`SELECT count(DISTINCT segid) FROM applications_fts_idx`).pluck().get() as number;
const indexNames = (db: Database) => db.sql(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[];

describe('migration 0265', () => {
  it('drops the unread index, merges the full-text index into one segment, and searches as before', async () => {
    const before = await openTempApp({ migrations: migrations.filter((migration) => migration.version < 265) });
    const positions = ['Data analyst', 'Data engineer', 'Developer', 'Designer', 'Product manager'];
    // One creation per write: each leaves its own full-text segment.
    for (const [i, position] of positions.entries()) {
      await before.api.invoke('applications.create', { companyName: `Company ${i % 2}`, position, location: 'Lyon', tags: ['startup'] });
    }
    expect(indexNames(before.context.db)).toEqual(expect.arrayContaining(['application_tags_application', 'applications_stage_category', 'stage_events_to_stage']));
    expect(segments(before.context.db)).toBeGreaterThan(1);
    const searches = ['da', 'data', 'lyon', 'startup', 'company 1'];
    const found = async (target: TempApp) =>
      Promise.all(searches.map(async (text) => (await target.api.invoke('applications.list', { text })).items.map((item) => item.id).sort()));
    const foundBefore = await found(before);
    closeAppContext(before.context);

    const after = await openTempApp({ dataDir: before.dir });
    try {
      const { db } = after.context;
      for (const dropped of ['application_tags_application', 'applications_stage_category', 'stage_events_to_stage']) expect(indexNames(db)).not.toContain(dropped);
      expect(indexNames(db)).toEqual(expect.arrayContaining(['application_tags_pair', 'applications_stage_since', 'stage_events_application']));
      expect(segments(db)).toBe(1);
      expect(await found(after)).toEqual(foundBefore);
      expect(foundBefore[0].length).toBe(2);
      // The merged index keeps its settings (automerge off since 0280): a creation after it is found too.
      expect(db.sql(`SELECT v FROM applications_fts_config WHERE k = 'automerge'`).pluck().get()).toBe(0);
      const created = await after.api.invoke('applications.create', { companyName: 'Nexa', position: 'Data scientist', tags: ['startup'] });
      expect((await after.api.invoke('applications.list', { text: 'data' })).items.map((item) => item.id)).toContain(created.id);
    } finally {
      after.close();
    }
  });
});
