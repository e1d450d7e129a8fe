import { describe, expect, it } from 'vitest';
import type { Api } from '../../src-main/api';
import type { Database } from '../../src-main/db/connection';
import { indexedWords } from '../support/indexed-words';
import { useTempApp } from './support/app';
import { databaseFingerprint } from './support/fingerprint';
import { createApplication, firstStages, missingId } from './support/fixtures';
import { expectError, expectValidation } from './support/results';

/** Every row of these tables, without `updated_at` (an undo is a new write: its time moves on, nothing else). */
function rowsOf(db: Database, tables: readonly string[]): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = (db.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]).map(
      ({ updated_at: _ignored, ...row }) => row,
    );
  }
  // The full-text index follows the company of each application.
  rows.applications_fts = indexedWords(db.sqlite);
  return rows;
}

const dashboard = (api: Api) => api.invoke('statistics.dashboard', { archived: 'all' });

/** Three spellings of one company, with applications (one deleted, one rejected) and a contact on the duplicates. */
async function seedDuplicates(api: Api) {
  const stages = await firstStages(api);
  const target = await api.invoke('companies.create', { name: 'Acme', industry: 'Software' });
  const twin = await api.invoke('companies.create', { name: 'ACME Corp', industry: 'Retail', website: 'https://acme.example', size: '51-200' });
  const third = await api.invoke('companies.create', { name: 'Acme SAS', location: 'Lyon' });
  const other = await api.invoke('companies.create', { name: 'Globex' });
  await createApplication(api, { companyId: target.id, position: 'Kept', appliedOn: '2024-01-02' });
  const moved = await createApplication(api, { companyId: twin.id, position: 'Moved', appliedOn: '2024-01-01' });
  await api.invoke('applications.setStage', { id: moved.id, stageId: stages.rejected, occurredAt: '2024-01-11T10:00:00Z' });
  const alsoMoved = await createApplication(api, { companyId: twin.id, position: 'Also moved', appliedOn: '2024-02-01' });
  const deleted = await createApplication(api, { companyId: third.id, position: 'Deleted' });
  await api.invoke('applications.delete', { id: deleted.id });
  const contact = await api.invoke('contacts.create', { name: 'Ana', companyId: twin.id });
  const otherContact = await api.invoke('contacts.create', { name: 'Bruno', companyId: third.id });
  return { target, twin, third, other, moved, alsoMoved, deleted, contact, otherContact };
}

const companyTables = ['companies', 'applications', 'contacts'] as const;

describe('companies.unmerge', () => {
  const handle = useTempApp();

  it('gives back the companies, applications, contacts, search entries and statistics of before the merge', async () => {
    const { api, db } = handle;
    const world = await seedDuplicates(api);
    const rowsBefore = rowsOf(db, companyTables);
    const statisticsBefore = await dashboard(api);

    const merged = await api.invoke('companies.merge', { targetId: world.target.id, sourceIds: [world.twin.id, world.third.id] });
    expect(merged.undo).toEqual({
      targetId: world.target.id,
      sources: [
        {
          id: world.twin.id,
          applicationIds: [world.moved.id, world.alsoMoved.id].sort(),
          contactIds: [world.contact.id],
          filledColumns: ['website', 'size'],
        },
        { id: world.third.id, applicationIds: [world.deleted.id], contactIds: [world.otherContact.id], filledColumns: ['location'] },
      ],
    });
    expect(rowsOf(db, companyTables)).not.toEqual(rowsBefore);
    expect(await dashboard(api)).not.toEqual(statisticsBefore);

    const changesBefore = db.sqlite.prepare(`SELECT count(*) FROM change_log`).pluck().get() as number;
    const result = await api.invoke('companies.unmerge', merged.undo);
    expect(result.sources.map((company) => company.name)).toEqual(['ACME Corp', 'Acme SAS']);
    expect(result.target).toMatchObject({ name: 'Acme', website: null, size: null, location: null });
    expect(rowsOf(db, companyTables)).toEqual(rowsBefore);
    expect(await dashboard(api)).toEqual(statisticsBefore);
    // An ordinary write: logged for sync like any other.
    const logged = db.sqlite
      .prepare(`SELECT DISTINCT row_id FROM change_log WHERE rowid > ? ORDER BY row_id`)
      .pluck()
      .all(changesBefore) as string[];
    expect(logged).toEqual(
      [world.target.id, world.twin.id, world.third.id, world.moved.id, world.alsoMoved.id, world.deleted.id, world.contact.id, world.otherContact.id].sort(),
    );
    expect((await api.invoke('search.query', { text: 'Corp' })).applications.map((item) => item.id).sort()).toEqual(
      [world.moved.id, world.alsoMoved.id].sort(),
    );
  });

  it('leaves where they are the rows moved elsewhere since, and the target fields edited since', async () => {
    const { api } = handle;
    const world = await seedDuplicates(api);
    const merged = await api.invoke('companies.merge', { targetId: world.target.id, sourceIds: [world.twin.id, world.third.id] });
    await api.invoke('applications.update', { id: world.alsoMoved.id, patch: { companyId: world.other.id } });
    await api.invoke('contacts.update', { id: world.contact.id, patch: { companyId: world.other.id } });
    await api.invoke('companies.update', { id: world.target.id, patch: { website: 'https://acme.com' } });

    const result = await api.invoke('companies.unmerge', merged.undo);
    expect(await api.invoke('applications.get', { id: world.moved.id })).toMatchObject({ companyId: world.twin.id });
    expect(await api.invoke('applications.get', { id: world.alsoMoved.id })).toMatchObject({ companyId: world.other.id });
    expect(await api.invoke('contacts.get', { id: world.contact.id })).toMatchObject({ companyId: world.other.id });
    expect(await api.invoke('contacts.get', { id: world.otherContact.id })).toMatchObject({ companyId: world.third.id });
    // The website was edited after the merge: kept. The size and location came from the merge: emptied.
    expect(result.target).toMatchObject({ website: 'https://acme.com/', size: null, location: null, industry: 'Software' });
  });

  it('refuses bad inputs and writes nothing', async () => {
    const { api, db } = handle;
    const world = await seedDuplicates(api);
    const { undo } = await api.invoke('companies.merge', { targetId: world.target.id, sourceIds: [world.twin.id] });
    const before = databaseFingerprint(db);
    const [source] = undo.sources;
    expectError(await api.call('companies.unmerge', { ...undo, targetId: missingId }), 'NOT_FOUND');
    expectError(await api.call('companies.unmerge', { ...undo, sources: [source, { ...source, id: missingId }] }), 'NOT_FOUND');
    expectValidation(await api.call('companies.unmerge', { ...undo, sources: [{ ...source, id: world.target.id }] }), 'sources');
    expectValidation(await api.call('companies.unmerge', { ...undo, sources: [source, source] }), 'sources');
    expectValidation(await api.call('companies.unmerge', { ...undo, sources: [{ ...source, filledColumns: ['name'] }] }), 'sources.0.filledColumns.0');
    expectValidation(await api.call('companies.unmerge', { targetId: undo.targetId }), 'sources');
    // A company named like the source since: the source cannot come back under that name.
    await api.invoke('companies.create', { name: 'acme corp' });
    const withTwinName = databaseFingerprint(db);
    expectError(await api.call('companies.unmerge', undo), 'CONFLICT');
    expect(databaseFingerprint(db)).toEqual(withTwinName);
    expect(withTwinName).not.toEqual(before);
  });
});

describe('stages.restore', () => {
  const handle = useTempApp();

  /** A custom screening stage with history: one application passed through it, one is at it now. */
  async function seedStage(api: Api) {
    const stages = await firstStages(api);
    const call = await api.invoke('stages.create', { name: 'Phone call', category: 'screening' });
    const passed = await createApplication(api, { position: 'Passed', appliedOn: '2024-03-01' });
    await api.invoke('applications.setStage', { id: passed.id, stageId: call.id, occurredAt: '2024-03-05T09:00:00Z' });
    await api.invoke('applications.setStage', { id: passed.id, stageId: stages.interviewing, occurredAt: '2024-03-10T09:00:00Z' });
    const current = await createApplication(api, { position: 'Current', appliedOn: '2024-03-02' });
    await api.invoke('applications.setStage', { id: current.id, stageId: call.id, occurredAt: '2024-03-06T09:00:00Z' });
    return { stages, call, passed, current };
  }

  const stageTables = ['stages', 'stage_events', 'applications'] as const;

  it('gives back the stage, the history naming it, the current stages and the statistics', async () => {
    const { api, db } = handle;
    const world = await seedStage(api);
    const rowsBefore = rowsOf(db, stageTables);
    const listBefore = await api.invoke('stages.list', undefined);
    const statisticsBefore = await dashboard(api);

    const deleted = await api.invoke('stages.delete', { id: world.call.id, replacementId: world.stages.applied });
    expect(deleted).toMatchObject({ id: world.call.id, reassigned: 1, undo: { id: world.call.id, replacementId: world.stages.applied } });
    expect(deleted.undo.toEventIds).toHaveLength(2);
    expect(deleted.undo.fromEventIds).toHaveLength(1);
    expect(await api.invoke('applications.get', { id: world.current.id })).toMatchObject({ stageId: world.stages.applied, stageCategory: 'applied' });
    expect(await dashboard(api)).not.toEqual(statisticsBefore);

    const restored = await api.invoke('stages.restore', deleted.undo);
    expect(restored).toEqual(listBefore.find((stage) => stage.id === world.call.id));
    expect(await api.invoke('stages.list', undefined)).toEqual(listBefore);
    expect(rowsOf(db, stageTables)).toEqual(rowsBefore);
    expect(await api.invoke('applications.get', { id: world.current.id })).toMatchObject({ stageId: world.call.id, stageCategory: 'screening' });
    expect(await dashboard(api)).toEqual(statisticsBefore);
  });

  it('leaves the events that name another stage since', async () => {
    const { api } = handle;
    const world = await seedStage(api);
    const second = await api.invoke('stages.create', { name: 'Second call', category: 'screening' });
    const first = await api.invoke('stages.delete', { id: world.call.id, replacementId: second.id });
    // Deleting the replacement too moves the events on; restoring the first stage must not take them back.
    await api.invoke('stages.delete', { id: second.id, replacementId: world.stages.screening });
    await api.invoke('stages.restore', first.undo);
    const stages = await api.invoke('stages.list', undefined);
    expect(stages.find((stage) => stage.id === world.call.id)).toMatchObject({ name: 'Phone call', applicationCount: 0 });
    expect(await api.invoke('applications.get', { id: world.current.id })).toMatchObject({ stageId: world.stages.screening });
  });

  it('refuses bad inputs and writes nothing', async () => {
    const { api, db } = handle;
    const world = await seedStage(api);
    const { undo } = await api.invoke('stages.delete', { id: world.call.id, replacementId: world.stages.screening });
    const before = databaseFingerprint(db);
    expectError(await api.call('stages.restore', { ...undo, id: missingId }), 'NOT_FOUND');
    expectError(await api.call('stages.restore', { ...undo, replacementId: missingId }), 'NOT_FOUND');
    expectValidation(await api.call('stages.restore', { ...undo, replacementId: undo.id }), 'replacementId');
    expectValidation(await api.call('stages.restore', { ...undo, toEventIds: ['not an id'] }), 'toEventIds.0');
    expectValidation(await api.call('stages.restore', { id: undo.id, replacementId: undo.replacementId }), 'toEventIds');
    expect(databaseFingerprint(db)).toEqual(before);
  });
});
